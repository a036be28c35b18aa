package seed

import "carejourney/server/domain"

// The texts of the recovery graph: what staff, peers and members would
// write, drawn at random so the demo reads like a real provider's records.

// womenFirstNames and unisexFirstNames are the first names of firstNames
// read as women's or either; the rest are men's.
var womenFirstNames = setOf("Aaliyah", "Aiko", "Amara", "Ana", "Brianna", "Catherine", "Elena", "Elizabeth",
	"Emily", "Fatima", "Grace", "Guadalupe", "Hannah", "Isabella", "Jasmine", "Jennifer", "Kateryna", "Latoya",
	"Leilani", "Maria", "Megan", "Nicole", "Nkechi", "Olivia", "Priya", "Rebecca", "Samantha", "Siobhan",
	"Valentina", "Zoë")

var unisexFirstNames = setOf("Anh", "Chen")

// spanishFirstNames are members who may prefer a Spanish-speaking peer.
var spanishFirstNames = setOf("Alejandro", "Ana", "Carlos", "Guadalupe", "José", "Luis", "Maria", "Rafael", "Valentina")

func setOf(names ...string) map[string]bool {
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[n] = true
	}
	return out
}

// Scale sites are campuses of a larger provider.
var campusNames = []string{"Eastside", "Westside", "Northgate", "Riverside", "Lakeview", "Hillcrest", "Downtown",
	"Southpark", "Fairview", "Midtown", "Brookside", "Oak Hill", "Harbor Point", "Greenfield", "Pinecrest", "Valley"}

var houseNameWords = []string{"Alder", "Aspen", "Birch", "Bridgeway", "Cedar", "Chestnut", "Cypress", "Dogwood",
	"Elm", "Fir", "Hawthorn", "Hazel", "Hemlock", "Hickory", "Holly", "Juniper", "Laurel", "Linden", "Magnolia",
	"Maple", "Oak", "Olive", "Pine", "Poplar", "Redwood", "Rowan", "Sequoia", "Spruce", "Sycamore", "Walnut",
	"Willow", "Harbor", "Meadow", "Summit", "Sunrise", "Lighthouse", "Cornerstone", "Compass", "Anchor", "Haven",
	"Serenity", "Horizon", "Keystone", "Lantern", "Milestone", "New Leaf", "Open Door", "Pathway", "Riverbend",
	"Stillwater", "Hope", "Clearwater", "Evergreen", "Fresh Start", "Morning Star", "North Star", "Phoenix",
	"Second Wind", "Turning Point", "Wellspring"}

var houseNameKinds = []string{"House", "Residence", "Commons", "Place", "Lodge", "Recovery House", "Cottage",
	"Manor", "Court", "Home"}

var streetNames = []string{"Alder", "Ash", "Belmont", "Burnside", "Clinton", "Division", "Everett", "Fremont",
	"Glisan", "Hawthorne", "Holgate", "Lincoln", "Madison", "Morrison", "Powell", "Salmon", "Stark", "Taylor",
	"Washington", "Yamhill", "Oak", "Pine", "Elm", "Park", "Lake", "Hill", "Church", "Mill", "Spring", "Union"}

var streetKinds = []string{"Street", "Avenue", "Boulevard", "Road", "Lane", "Drive", "Court", "Place"}

var cities = []string{"Portland, OR 97214", "Portland, OR 97232", "Gresham, OR 97030", "Beaverton, OR 97005",
	"Vancouver, WA 98660", "Salem, OR 97301", "Eugene, OR 97401", "Tacoma, WA 98403", "Seattle, WA 98122",
	"Spokane, WA 99201", "Boise, ID 83702", "Sacramento, CA 95814"}

var areaCodes = []int{503, 971, 360, 541, 206, 253, 509, 208, 916}

var movedOnNotes = []string{"Moved to independent housing", "Moved in with family", "Signed a lease with a roommate from group",
	"Moved closer to a new job"}

var ruleViolationNotes = []string{"Missed curfew sign-in repeatedly", "Refused a drug test",
	"Had an overnight guest against house rules"}

var assignmentFoci = []string{
	"Finding a home group and a sponsor",
	"Daily routine and structure after treatment",
	"Employment and getting back to work",
	"Rebuilding relationships with family",
	"Staying connected after moving out of sober living",
	"Medication-assisted recovery and stigma",
	"Budgeting and paying off court fines",
	"Healthy friendships and time outside meetings",
	"Getting through the first holidays sober",
}

var reassignmentReasons = []string{"Peer caseload rebalanced", "Member asked for a different peer",
	"Schedule conflict with the member's new job"}

var conversationNotes = []string{
	"Talked through a stressful week at work; planned to call before the weekend.",
	"Went to a meeting together and got coffee after.",
	"Worked on a résumé and practised for an interview on Thursday.",
	"Checked in by phone after a hard family visit; feeling steadier.",
	"Talked about finding a sponsor; has two names from the Tuesday meeting.",
	"Helped with the bus schedule to get to the new job.",
	"Short check-in; doing well and going to SMART on Saturday.",
	"Talked about sleep and keeping a routine on days off.",
	"Celebrated a milestone; planned something fun for the weekend.",
	"Talked through cravings after running into an old friend; used the plan.",
	"Looked at community college classes together.",
	"Talked about setting boundaries with a roommate.",
}

var groupTemplates = []groupTemplate{
	{key: "php", name: "PHP Process Group", kind: domain.GroupTherapy, modality: domain.ModalityInPerson, room: "Room 204",
		description: "The partial hospitalization program's morning process group, led by a clinician.",
		slots:       []slotSpec{{1, "09:00", 180}, {3, "09:00", 180}, {5, "09:00", 180}},
		staff:       []string{leadClinician}, topics: therapyTopics},
	{key: "php-skills", name: "PHP Skills Group", kind: domain.GroupTherapy, modality: domain.ModalityInPerson, room: "Room 204",
		description: "Coping and life skills for members in the partial hospitalization program, the days between process groups.",
		slots:       []slotSpec{{2, "13:00", 120}, {4, "13:00", 120}},
		staff:       []string{leadCaseManager}, topics: therapyTopics},
	{key: "iop-day", name: "IOP Morning Track", kind: domain.GroupTherapy, modality: domain.ModalityInPerson, room: "Room 210",
		description: "Intensive outpatient program for members free in the daytime: three sessions a week.",
		slots:       []slotSpec{{2, "09:00", 180}, {4, "09:00", 180}, {5, "13:00", 180}},
		staff:       []string{leadClinician}, topics: therapyTopics},
	{key: "iop-evening", name: "IOP Evening Track", kind: domain.GroupTherapy, modality: domain.ModalityHybrid, room: "Room 210",
		description: "Intensive outpatient program after work hours: three sessions a week.",
		slots:       []slotSpec{{1, "18:00", 180}, {3, "18:00", 180}, {4, "18:00", 180}},
		staff:       []string{leadClinician}, topics: therapyTopics},
	{key: "viop", name: "Virtual IOP", kind: domain.GroupTherapy, modality: domain.ModalityVirtual,
		description: "Intensive outpatient program by video, nine hours a week.",
		slots:       []slotSpec{{1, "13:00", 180}, {2, "13:00", 180}, {3, "13:00", 180}},
		staff:       []string{leadClinician}, topics: therapyTopics},
	{key: "outpatient", name: "Relapse Prevention Skills", kind: domain.GroupTherapy, modality: domain.ModalityHybrid, room: "Room 118",
		description: "Outpatient skills group: high-risk situations, cravings and a plan for each.",
		slots:       []slotSpec{{2, "17:30", 90}, {4, "15:30", 90}},
		staff:       []string{leadClinician, leadCaseManager}, topics: therapyTopics},
	{key: "peer-circle", name: "Morning Peer Circle", kind: domain.GroupPeerSupport, modality: domain.ModalityInPerson, room: "Community room",
		description: "Peers in recovery share what helped them, and members in day programs talk about the week.",
		slots:       []slotSpec{{1, "12:30", 60}, {3, "12:30", 60}, {5, "12:30", 60}},
		peers:       2, topics: peerTopics},
	{key: "peer-voices", name: "Peer Voices", kind: domain.GroupPeerSupport, modality: domain.ModalityInPerson, room: "Residential unit, group room",
		description: "Alumni peers come back to tell their stories of recovery to members in residential treatment.",
		slots:       []slotSpec{{2, "15:00", 60}, {4, "15:00", 60}},
		peers:       3, topics: peerTopics},
	{key: "peer-evening", name: "Evening Peer Support", kind: domain.GroupPeerSupport, modality: domain.ModalityHybrid, room: "Community room",
		description: "Peer support after work hours for members in evening programs, outpatient and continuing care.",
		slots:       []slotSpec{{2, "18:30", 60}, {4, "18:30", 60}},
		peers:       2, topics: peerTopics},
	{key: "men", name: "Men's Peer Circle", kind: domain.GroupPeerSupport, modality: domain.ModalityInPerson, room: "Community room",
		description: "A Saturday morning circle for men in recovery, led by men peers.",
		slots:       []slotSpec{{6, "08:30", 75}},
		peers:       2, menPeers: true, topics: peerTopics},
	{key: "women", name: "Women's Peer Circle", kind: domain.GroupPeerSupport, modality: domain.ModalityHybrid, room: "Community room",
		description: "A circle for women in recovery, led by women peers.",
		slots:       []slotSpec{{7, "17:00", 90}},
		peers:       2, womenPeers: true, topics: peerTopics},
	{key: "alumni", name: "Alumni Aftercare Group", kind: domain.GroupAftercare, modality: domain.ModalityHybrid, room: "Community room",
		description: "Alumni and members in continuing care keep each other going: check-in, a topic, goals for the week.",
		slots:       []slotSpec{{3, "19:00", 90}},
		peers:       1, staff: []string{leadCaseManager}, topics: aftercareTopics},
	{key: "saturday-aftercare", name: "Saturday Aftercare", kind: domain.GroupAftercare, modality: domain.ModalityInPerson, room: "Room 118",
		description: "Weekend aftercare for members who work weekdays.",
		slots:       []slotSpec{{6, "10:00", 90}},
		peers:       1, topics: aftercareTopics},
	{key: "cc-checkin", name: "Continuing Care Check-in", kind: domain.GroupAftercare, modality: domain.ModalityVirtual,
		description: "A lunchtime video check-in for members in continuing care.",
		slots:       []slotSpec{{4, "12:00", 60}},
		peers:       1, staff: []string{leadCaseManager}, topics: aftercareTopics},
	{key: "family", name: "Family Recovery Group", kind: domain.GroupFamily, modality: domain.ModalityHybrid, room: "Room 204",
		description: "For families and friends supporting a loved one, with members welcome: understanding addiction, boundaries, self-care.",
		slots:       []slotSpec{{7, "14:00", 90}, {2, "19:30", 90}},
		peers:       1, staff: []string{leadClinician}, topics: familyTopics},
	{key: "smart", name: "SMART Recovery", kind: domain.GroupMutualSupport, modality: domain.ModalityHybrid, room: "Community room",
		description: "A SMART Recovery meeting hosted on campus and open to all: self-management and recovery training.",
		slots:       []slotSpec{{2, "19:00", 90}, {4, "12:00", 60}, {6, "12:00", 90}},
		peers:       1, topics: smartTopics},
	{key: "twelve-step", name: "Big Book Study (12-Step)", kind: domain.GroupMutualSupport, modality: domain.ModalityInPerson, room: "Community room",
		description: "An open 12-Step Big Book study that meets on campus.",
		slots:       []slotSpec{{1, "19:30", 60}, {5, "19:30", 60}, {7, "08:30", 60}},
		peers:       1, topics: twelveStepTopics},
}

var therapyTopics = []string{"High-risk situations and how to plan for them", "Cognitive distortions", "Emotion regulation skills",
	"Refusal skills role-play", "Sleep and recovery", "Managing cravings: urge surfing", "Grief and loss",
	"Communication skills", "Shame and self-compassion", "Building a relapse-prevention plan", "Anger and stress",
	"Values and goals"}

var peerTopics = []string{"My first thirty days", "What I wish I'd known in treatment", "Finding a home group",
	"Rebuilding trust", "Asking for help", "Recovery and work", "Fun in sobriety", "Dealing with old friends",
	"Gratitude", "Telling my story"}

var aftercareTopics = []string{"Check-in and goals for the week", "Holidays and triggers", "Work-life balance in recovery",
	"Relapse warning signs", "Staying connected after treatment", "Money and recovery", "Relationships in recovery",
	"Complacency", "Celebrating milestones"}

var familyTopics = []string{"Addiction as a disease of the brain", "Boundaries with love", "Self-care for families",
	"Rebuilding communication", "Enabling versus supporting", "What recovery looks like at home", "Naloxone training"}

var smartTopics = []string{"Cost-benefit analysis", "The ABC tool for urges", "DISARM: disputing urges",
	"Hierarchy of values", "Change plan worksheet", "Lifestyle balance pie"}

var twelveStepTopics = []string{"Step One discussion", "How It Works", "Step Three", "More About Alcoholism",
	"There Is a Solution", "Step Ten", "Speaker meeting", "Into Action"}

var houseMeetingTopics = []string{"House business and chore rotation", "Meeting quotas and sign-in sheets",
	"Curfew and guests policy", "Welcome a new resident", "Conflict resolution", "House outing planning"}

var goalDescriptions = map[domain.GoalCategory][]string{
	domain.GoalRelapsePrevention: {"Know my triggers and have a plan for each", "Call my sponsor or peer before acting on a craving",
		"Stay away from the old neighbourhood bars", "Keep naloxone at home and tell my roommates where it is"},
	domain.GoalContinuingRecovery: {"Go to aftercare every week", "Work the steps with a sponsor",
		"Finish the relapse-prevention workbook", "Reach 90 days of continuous abstinence"},
	domain.GoalHealthyBehaviors: {"Walk thirty minutes most days", "Keep a regular sleep schedule",
		"Cook at home four nights a week", "Start a gratitude journal"},
	domain.GoalSupportSystems: {"Find a home group and go every week", "Get a sponsor", "Join the alumni group",
		"Have three people I can call any time"},
	domain.GoalHousing: {"Stay in sober living until I have a steady income", "Save a deposit for my own apartment",
		"Apply for the county housing voucher"},
	domain.GoalEmployment: {"Get a part-time job", "Finish my GED", "Get my driver's licence back",
		"Return to work with a safety plan for the job"},
	domain.GoalRelationships: {"Rebuild trust with my children", "Weekly call with my mother",
		"Go to the family group with my partner", "Set boundaries with old friends who still use"},
}

var medicationCommitments = []string{"Buprenorphine-naloxone daily; prescriber visit every month",
	"Naltrexone injection every four weeks", "Acamprosate three times a day", "Methadone at the clinic daily"}

var copingSkills = []string{"Called my sponsor", "Went to a meeting", "Urge surfing", "Exercise", "Journaling",
	"HALT check", "Played the tape forward", "Breathing exercise", "Talked to my peer", "Prayer or meditation",
	"Left a risky situation"}

var checkInNotes = []string{"Good week; started a new job.", "Stressful week with family, but stayed on plan.",
	"Slept badly; talked to the doctor about it.", "Went to two extra meetings.", "Hard anniversary this week.",
	"Feeling confident; helping a newcomer at group.", "Money worries; met with the case manager about benefits."}

// staffNote is a note a staff member might add to a journey.
type staffNote struct {
	text      string
	author    string // a lead role
	shareable bool
}

var staffNotes = []staffNote{
	{"Discussed medication adherence; will follow up with the prescriber.", leadClinician, false},
	{"Missed two groups this week; called and rescheduled.", leadCaseManager, false},
	{"Family session held with mother and sister.", leadClinician, false},
	{"Reviewed the relapse-prevention plan after a hard weekend.", leadClinician, false},
	{"Court liaison letter sent at the member's request.", leadCaseManager, false},
	{"Helped with a housing application.", leadCaseManager, false},
	{"Met for coffee after group; in good spirits.", leadPeer, false},
	{"Started a part-time job this week.", leadCaseManager, true},
	{"Completed the relapse-prevention workbook.", leadClinician, true},
	{"Got their driver's licence back.", leadCaseManager, true},
	{"Enrolled in classes at the community college.", leadPeer, true},
}
