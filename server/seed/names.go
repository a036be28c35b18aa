package seed

// The name lists mix origins on purpose: the people a provider serves are
// diverse, and search, sorting and display must cope with accents,
// apostrophes, hyphens and spaces.
var firstNames = []string{
	"Aaliyah", "Adebayo", "Aiko", "Alejandro", "Alexander", "Amara", "Ana", "Andrew",
	"Anh", "Benjamin", "Brianna", "Carlos", "Catherine", "Chen", "Christopher", "Daniel",
	"Deshawn", "Dmitri", "Elena", "Elizabeth", "Emily", "Fatima", "Gabriel", "Grace",
	"Guadalupe", "Hannah", "Ibrahim", "Isabella", "Jacob", "Jamal", "Jasmine", "Jennifer",
	"José", "Joshua", "Kateryna", "Keanu", "Kwame", "Latoya", "Leilani", "Luis",
	"Malik", "Maria", "Matthew", "Megan", "Michael", "Mohammed", "Nicole", "Nkechi",
	"Olivia", "Patrick", "Priya", "Rafael", "Rebecca", "Robert", "Samantha", "Siobhan",
	"Tyrone", "Valentina", "William", "Yusuf", "Zoë", "Thomas",
}

var lastNames = []string{
	"Abernathy", "Adeyemi", "Alvarez", "Anderson", "Baker", "Begay", "Brooks", "Castillo",
	"Chen", "Cohen", "Coleman", "Contreras", "Davis", "Delgado", "Dubois", "Edwards",
	"Fitzgerald", "Flores", "García", "Goldberg", "Gonzalez", "Greene", "Haddad", "Harris",
	"Hernández", "Ito", "Jackson", "Johnson", "Kaur", "Kelly", "Kim", "Kowalski",
	"Le", "Lopez", "Mahmoud", "Martinez", "McAllister", "Mendoza", "Miller", "Morales",
	"Nakamura", "Nguyen", "Novak", "O'Brien", "Okafor", "Patel", "Petrov", "Ramirez",
	"Reyes", "Robinson", "Rodriguez", "Santos", "Schmidt", "Shevchenko", "Smith", "Sullivan",
	"Tanaka", "Thompson", "Van der Berg", "Washington", "Williams", "Yazzie", "Young-Park",
}

// nicknames are the preferred names a member with that first name may go by.
var nicknames = map[string][]string{
	"Alejandro":   {"Alex", "Ale"},
	"Alexander":   {"Alex", "Xander"},
	"Benjamin":    {"Ben"},
	"Catherine":   {"Cat", "Kate"},
	"Christopher": {"Chris"},
	"Daniel":      {"Dan", "Danny"},
	"Elizabeth":   {"Liz", "Beth"},
	"Gabriel":     {"Gabe"},
	"Guadalupe":   {"Lupe"},
	"Isabella":    {"Bella", "Izzy"},
	"Jacob":       {"Jake"},
	"Jennifer":    {"Jen"},
	"José":        {"Pepe"},
	"Joshua":      {"Josh"},
	"Kateryna":    {"Katya"},
	"Matthew":     {"Matt"},
	"Michael":     {"Mike", "Mikey"},
	"Mohammed":    {"Mo"},
	"Patrick":     {"Pat"},
	"Rebecca":     {"Becca"},
	"Robert":      {"Rob", "Bobby"},
	"Samantha":    {"Sam"},
	"Thomas":      {"Tom", "Tommy"},
	"Valentina":   {"Vale"},
	"William":     {"Will", "Billy"},
}

// Reasons are what a case manager would type; they are drawn at random so
// the timeline in the demo reads like real notes rather than one template.
var admissionReasons = map[string][]string{
	levelDetox: {
		"Alcohol withdrawal, CIWA 18 on intake",
		"Opioid withdrawal; buprenorphine induction started",
		"Benzodiazepine dependence; supervised taper needed",
		"Referred by the emergency department after an overdose",
		"Self-referred; daily drinking and a history of withdrawal seizures",
	},
	levelResidential: {
		"Referred by family; methamphetamine use and unstable housing",
		"Court-referred; severe alcohol use disorder",
		"Self-referred; needs 24-hour structure to stop using",
		"Referred by primary care for opioid use disorder",
		"Employee assistance program referral",
	},
	levelPHP: {
		"Referred at hospital discharge; needs daily structure",
		"Referred by outpatient therapist after escalating use",
	},
	levelIOP: {
		"Self-referred; moderate alcohol use, stable housing and work",
		"Employee assistance program referral; cocaine use, working full time",
	},
	levelVirtualIOP: {
		"Self-referred; lives two hours from the nearest program",
		"Referred by primary care; caring for children at home",
	},
}

var readmissionReasons = []string{
	"Readmitted after relapse",
	"Returned asking for help after relapse",
	"Readmitted following a non-fatal overdose",
	"Readmitted after relapse; family requested admission",
}

// stepDownReasons are keyed by the level the member moves to; each fits a
// move from one rung of the ladder, or from any (anyRung), so that a note
// never mentions a program the member was not in.
var stepDownReasons = map[string][]fittingReason{
	levelResidential: {
		{anyRung, "Stable after withdrawal, medically cleared"},
		{anyRung, "Withdrawal complete; continuing treatment in residential"},
	},
	levelPHP: {
		{0, "Stable after withdrawal, medically cleared for day program"},
		{1, "Completed residential phase; ready for day program"},
		{1, "Residential goals met; stepping down to partial hospitalization"},
		{anyRung, "Ready for less structure; stepping down to partial hospitalization"},
	},
	levelIOP: {
		{0, "Medically cleared after withdrawal; starting evening IOP"},
		{1, "Completed residential; stepping down to IOP with sober living"},
		{2, "Stable in day program; returning to work part time"},
		{2, "Met partial hospitalization goals; moving to evening IOP"},
		{anyRung, "Stable and engaged; stepping down to IOP"},
	},
	levelVirtualIOP: {
		{anyRung, "Stable; virtual IOP fits the work schedule"},
		{anyRung, "Lives far from the clinic; continuing in virtual IOP"},
	},
	levelOutpatient: {
		{rungIOP, "Completed IOP; weekly counselling from here"},
		{rungIOP, "Six weeks abstinent with steady attendance; stepping down"},
		{anyRung, "Treatment goals met; outpatient with medication management"},
	},
	levelContinuingCare: {
		{4, "Completed outpatient; aftercare plan in place"},
		{anyRung, "Goals met; continuing with alumni group and peer check-ins"},
		{anyRung, "Stable for three months; moving to recovery monitoring"},
	},
}

var relapseReasons = []string{
	"Relapse after job loss",
	"Relapse after a death in the family",
	"Positive drug screen and missed sessions",
	"Relapse over the holidays; needs more structure",
	"Increased cravings and use after a breakup",
	"Relapse after an injury and an opioid prescription",
}

// lateralReasons are keyed by the level the member moves to.
var lateralReasons = map[string][]string{
	levelVirtualIOP: {
		"New job hours conflict with in-person sessions",
		"Lost transportation; continuing virtually",
		"Moved across town; joining the virtual group",
	},
	levelIOP: {
		"Wants in-person support and more structure",
		"Connection problems at home; back to in-person IOP",
	},
}

var (
	completedReasons = []string{
		"Completed program",
		"Completed program; joining the alumni community",
	}
	leftAgainstAdviceReasons = []string{
		"Left against medical advice",
		"Left against clinical advice after a family conflict",
	}
	transferReasons = []string{
		"Transferred to a provider closer to family",
		"Transferred to hospital for medical care",
		"Transferred: insurance network change",
	}
	otherDischargeReasons = []string{
		"Moved out of state",
		"Administrative discharge: no contact for 30 days",
	}
)

// fittingReason is a reason that fits a move from one rung.
type fittingReason struct {
	from int
	text string
}

// anyRung marks a reason that fits a move from anywhere.
const anyRung = -1

// relapseResetReason is the reason recorded with a reset sobriety date.
const relapseResetReason = "Relapse"

// registrationReason matches what store.CreateMember records, so bulk-loaded
// histories read the same as demo ones.
const registrationReason = "Recorded at registration"
