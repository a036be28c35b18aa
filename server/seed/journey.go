package seed

import (
	"math/rand/v2"
	"time"

	"carejourney/server/domain"
)

// Level codes of the catalogue the migrations load.
const (
	levelDetox          = "DETOX"
	levelResidential    = "RESIDENTIAL"
	levelPHP            = "PHP"
	levelIOP            = "IOP"
	levelVirtualIOP     = "VIRTUAL_IOP"
	levelOutpatient     = "OUTPATIENT"
	levelContinuingCare = "CONTINUING_CARE"
)

// rungs is the step-down ladder, most intensive first. IOP and virtual IOP
// share a rung: a move between them is lateral.
var rungs = [][]string{
	{levelDetox},
	{levelResidential},
	{levelPHP},
	{levelIOP, levelVirtualIOP},
	{levelOutpatient},
	{levelContinuingCare},
}

const rungIOP = 3

func rungOf(level string) int {
	for r, levels := range rungs {
		for _, l := range levels {
			if l == level {
				return r
			}
		}
	}
	panic("seed: unknown level " + level)
}

// includeRung is the chance that a stay passes through a rung on its way
// down: people skip steps (residential straight to IOP) but not often.
var includeRung = []float64{1, 0.75, 0.65, 0.9, 0.85, 1}

// stayDays is the planned length of an episode at each level, [min, max] days.
var stayDays = map[string][2]int{
	levelDetox:          {5, 10},
	levelResidential:    {28, 45},
	levelPHP:            {14, 28},
	levelIOP:            {42, 70},
	levelVirtualIOP:     {42, 70},
	levelOutpatient:     {60, 120},
	levelContinuingCare: {90, 365}, // open-ended; this is how long until a completed discharge
}

// eventKind is one write to a member's journey, in the vocabulary of the
// store's methods, so that Demo can replay a plan through them.
type eventKind int

const (
	eventAdmit eventKind = iota
	eventChange
	eventDischarge
	eventRecoveryReset
)

// event is one write: at is when it took effect (for a reset, when it was
// recorded); recoveryDate is the new sobriety date of a reset.
type event struct {
	kind         eventKind
	at           time.Time
	level        string
	reason       string
	recoveryDate time.Time
	ending       ending // how a discharge ended the stay
}

// memberPlan is a member and their whole journey as plain data: Demo replays
// it through the store's rules, Scale turns it into rows directly.
type memberPlan struct {
	firstName, lastName string
	preferredName       string
	dateOfBirth         time.Time
	registeredAt        time.Time
	recoveryStart       *time.Time // the sobriety date known at registration
	events              []event
	alumni              bool
}

// ending is where a member's story stands today.
type ending int

const (
	endOpen ending = iota // in care at the outcome's level
	endCompleted
	endLeftAgainstAdvice
	endTransferred
	endOtherDischarge
	endPreadmission
)

type outcome struct {
	end    ending
	level  string // for endOpen
	alumni bool   // for endCompleted
}

// outcomeDeck holds 50 outcomes in the proportions a mid-sized provider
// might show. Dealing members from shuffled decks rather than drawing each
// at random guarantees every level has people in it now, even for a small
// seed, while the order stays random.
var outcomeDeck = func() []outcome {
	var deck []outcome
	add := func(n int, o outcome) {
		for range n {
			deck = append(deck, o)
		}
	}
	add(3, outcome{end: endOpen, level: levelDetox})
	add(6, outcome{end: endOpen, level: levelResidential})
	add(5, outcome{end: endOpen, level: levelPHP})
	add(6, outcome{end: endOpen, level: levelIOP})
	add(3, outcome{end: endOpen, level: levelVirtualIOP})
	add(7, outcome{end: endOpen, level: levelOutpatient})
	add(8, outcome{end: endOpen, level: levelContinuingCare})
	add(4, outcome{end: endCompleted, alumni: true})
	add(2, outcome{end: endCompleted})
	add(2, outcome{end: endLeftAgainstAdvice})
	add(1, outcome{end: endTransferred})
	add(1, outcome{end: endOtherDischarge})
	add(2, outcome{end: endPreadmission})
	return deck
}()

// generator draws member plans from one random source, so a seed fixes
// every name, level and duration; only the calendar moves with today.
type generator struct {
	rng   *rand.Rand
	today time.Time      // the provider's calendar date, midnight UTC
	loc   *time.Location // the provider's time zone, for times of day
	deck  []outcome
}

func newGenerator(rng *rand.Rand, today time.Time, loc *time.Location) *generator {
	return &generator{rng: rng, today: today, loc: loc}
}

// plans generates n members.
func (g *generator) plans(n int) []memberPlan {
	out := make([]memberPlan, n)
	for i := range out {
		out[i] = g.member()
	}
	return out
}

func (g *generator) nextOutcome() outcome {
	if len(g.deck) == 0 {
		g.deck = append(g.deck, outcomeDeck...)
		g.rng.Shuffle(len(g.deck), func(i, j int) { g.deck[i], g.deck[j] = g.deck[j], g.deck[i] })
	}
	o := g.deck[0]
	g.deck = g.deck[1:]
	return o
}

func (g *generator) pick(options []string) string { return options[g.rng.IntN(len(options))] }

func (g *generator) chance(p float64) bool { return g.rng.Float64() < p }

// between returns a whole number in [lo, hi].
func (g *generator) between(lo, hi int) int { return lo + g.rng.IntN(hi-lo+1) }

func (g *generator) plannedDays(level string) int {
	r := stayDays[level]
	return g.between(r[0], r[1])
}

// draftEvent is an event placed on a day counted from registration; the
// calendar is fixed only once the whole story, and so today's place in it,
// is known.
type draftEvent struct {
	kind        eventKind
	day         int
	level       string
	reason      string
	recoveryDay int
	minuteOfDay int
	ending      ending
}

type draft struct {
	g      *generator
	events []draftEvent
	day    int // the day the story has reached
	level  string
}

func (d *draft) add(kind eventKind, level, reason string) {
	minute := 0
	switch kind {
	case eventAdmit:
		minute = d.g.between(38, 59) * 15 // 09:30–14:45
	case eventChange:
		minute = d.g.between(40, 67) * 15 // 10:00–16:45
	case eventDischarge:
		minute = d.g.between(44, 71) * 15 // 11:00–17:45
	}
	d.events = append(d.events, draftEvent{kind: kind, day: d.day, level: level, reason: reason, minuteOfDay: minute})
	if kind != eventDischarge {
		d.level = level
	}
}

// relapse resets the sobriety date to a day or few before the move it
// explains, recorded right after that move.
func (d *draft) relapse(daysBefore int) {
	last := d.events[len(d.events)-1]
	d.events = append(d.events, draftEvent{kind: eventRecoveryReset, day: last.day, recoveryDay: last.day - daysBefore,
		reason: relapseResetReason, minuteOfDay: last.minuteOfDay + 10})
}

// moveTo changes the level, with the reason a case manager would give for
// that direction of move.
func (d *draft) moveTo(level string) {
	reason := ""
	switch from, to := rungOf(d.level), rungOf(level); {
	case to > from:
		var fits []string
		for _, r := range stepDownReasons[level] {
			if r.from == anyRung || r.from == from {
				fits = append(fits, r.text)
			}
		}
		reason = d.g.pick(fits)
	case to < from: // the only step-ups here follow a relapse
		reason = d.g.pick(relapseReasons)
	default:
		reason = d.g.pick(lateralReasons[level])
	}
	d.add(eventChange, level, reason)
}

// stay spends time at the current level: all of its planned length, or
// part of it when the member leaves early or is still there today.
func (d *draft) stay(partial bool) {
	planned := d.g.plannedDays(d.level)
	if partial {
		d.day += d.g.between(1, planned)
		return
	}
	d.day += planned
}

// descend walks from the current level down the ladder to target, spending
// the planned time at each level before the target and none at the target.
func (d *draft) descend(target string) {
	g := d.g
	from, to := rungOf(d.level), rungOf(target)
	if from == to && d.level != target {
		d.lateral(target)
		return
	}
	for r := from + 1; r <= to; r++ {
		if r < to && !g.chance(includeRung[r]) {
			continue
		}
		level := rungs[r][0]
		if r == rungIOP {
			level = g.iopVariant(target)
			if g.chance(0.25) { // starts in the other IOP, then a lateral move
				d.stay(false)
				d.moveTo(otherIOP(level))
				d.lateral(level)
				continue
			}
		}
		d.stay(false)
		d.moveTo(level)
	}
}

// lateral switches between in-person and virtual IOP a few weeks in, which
// is when schedules and transport usually force the change.
func (d *draft) lateral(level string) {
	d.day += d.g.between(10, 35)
	d.moveTo(level)
}

// iopVariant picks in-person or virtual IOP, the target's when the journey
// ends at that rung.
func (g *generator) iopVariant(target string) string {
	if rungOf(target) == rungIOP {
		return target
	}
	return g.levelAtRung(rungIOP)
}

func otherIOP(level string) string {
	if level == levelIOP {
		return levelVirtualIOP
	}
	return levelIOP
}

// admissionRung picks where a stay begins: mostly detox or residential,
// sometimes straight into a day program or IOP; never below the target.
func (g *generator) admissionRung(target int) int {
	weights := []int{40, 45, 10, 5}
	total := 0
	for r := 0; r <= target && r < len(weights); r++ {
		total += weights[r]
	}
	n := g.rng.IntN(total)
	for r := range weights {
		if n < weights[r] {
			return r
		}
		n -= weights[r]
	}
	return 0
}

// admit opens a stay at a rung at or above target's; a readmission follows
// a relapse, so it resets the sobriety date too.
func (d *draft) admit(target string, readmission bool) {
	g := d.g
	r := g.admissionRung(rungOf(target))
	level := rungs[r][0]
	if r == rungIOP {
		level = g.iopVariant(target)
	}
	reason := g.pick(admissionReasons[level])
	if readmission {
		reason = g.pick(readmissionReasons)
	}
	d.add(eventAdmit, level, reason)
	if readmission {
		d.relapse(g.between(0, 5))
	}
}

// relapseMoves are the step-ups after a relapse: from a rung to a level.
var relapseMoves = []struct {
	from int
	to   string
}{
	{4, levelPHP},
	{rungIOP, levelResidential},
	{4, levelIOP},
	{5, levelIOP},
	{rungIOP, levelPHP},
}

// careStay writes one stay ending at target, with a relapse and step-up on
// the way when one fits.
func (d *draft) careStay(target string, readmission bool) {
	g := d.g
	d.admit(target, readmission)
	if g.chance(0.25) {
		var fits []int
		for i, m := range relapseMoves {
			if m.from >= rungOf(d.level) && rungOf(m.to) <= rungOf(target) {
				fits = append(fits, i)
			}
		}
		if len(fits) > 0 {
			m := relapseMoves[fits[g.rng.IntN(len(fits))]]
			d.descend(g.levelAtRung(m.from))
			d.stay(true)
			d.moveTo(m.to)
			d.relapse(g.between(0, 3))
		}
	}
	d.descend(target)
}

// levelAtRung picks a level at rung r, in-person IOP more often than virtual.
func (g *generator) levelAtRung(r int) string {
	if r == rungIOP && g.chance(0.3) {
		return levelVirtualIOP
	}
	return rungs[r][0]
}

// discharge ends the current stay, after its full planned time when the
// member completed it and partway through otherwise.
func (d *draft) discharge(end ending) {
	g := d.g
	d.stay(end != endCompleted)
	var reasons []string
	switch end {
	case endCompleted:
		reasons = completedReasons
	case endLeftAgainstAdvice:
		reasons = leftAgainstAdviceReasons
	case endTransferred:
		reasons = transferReasons
	default:
		reasons = otherDischargeReasons
	}
	d.add(eventDischarge, "", g.pick(reasons))
	d.events[len(d.events)-1].ending = end
}

// dischargeTarget is where a stay that ends in a discharge gets to: a
// completed program runs down to outpatient or aftercare, and leaving
// against advice happens in the structured levels.
func (g *generator) dischargeTarget(end ending) string {
	if end == endCompleted {
		if g.chance(0.5) {
			return levelOutpatient
		}
		return levelContinuingCare
	}
	if end == endLeftAgainstAdvice {
		return g.levelAtRung(g.between(0, rungIOP))
	}
	return g.levelAtRung(g.between(0, 4))
}

// member generates one member and their story up to today.
func (g *generator) member() memberPlan {
	o := g.nextOutcome()
	p := memberPlan{firstName: g.pick(firstNames), lastName: g.pick(lastNames)}
	if nicks := nicknames[p.firstName]; len(nicks) > 0 && g.chance(0.35) {
		p.preferredName = g.pick(nicks)
	}
	age := 19 + g.rng.IntN(20) + g.rng.IntN(32) // 19–69, most in their thirties
	ageDays := g.rng.IntN(365)
	hasRecoveryStart := g.chance(0.92)
	recoveryBefore := g.between(0, 2)

	d := &draft{g: g}
	var today int // the day of the story that is today
	if o.end == endPreadmission {
		today = g.between(1, 14)
	} else {
		d.day = g.between(0, 10) // registration, then admission
		if g.chance(0.18) {
			end := []ending{endLeftAgainstAdvice, endLeftAgainstAdvice, endCompleted, endTransferred}[g.rng.IntN(4)]
			d.careStay(g.dischargeTarget(end), false)
			d.discharge(end)
			d.day += g.between(30, 400)
		}
		readmission := len(d.events) > 0
		if o.end == endOpen {
			d.careStay(o.level, readmission)
			if o.level == levelContinuingCare {
				d.day += g.between(7, 540)
			} else {
				d.stay(true)
			}
			today = d.day
		} else {
			d.careStay(g.dischargeTarget(o.end), readmission)
			d.discharge(o.end)
			today = d.day + g.between(3, 365)
		}
		p.alumni = o.alumni
	}

	origin := g.today.AddDate(0, 0, -today)
	date := func(day int) time.Time { return origin.AddDate(0, 0, day) }
	at := func(day, minute int) time.Time {
		dt := date(day)
		return time.Date(dt.Year(), dt.Month(), dt.Day(), 0, minute, 0, 0, g.loc)
	}
	p.registeredAt = at(0, g.between(32, 36)*15) // 08:00–09:00
	if hasRecoveryStart {
		rs := date(-recoveryBefore)
		p.recoveryStart = &rs
	}
	for _, e := range d.events {
		ev := event{kind: e.kind, at: at(e.day, e.minuteOfDay), level: e.level, reason: e.reason, ending: e.ending}
		if e.kind == eventRecoveryReset {
			ev.recoveryDate = date(e.recoveryDay)
		}
		p.events = append(p.events, ev)
	}
	// Nobody registers as a child, however long ago their story began.
	if minAge := today/365 + 18; age < minAge {
		age = minAge
	}
	p.dateOfBirth = g.today.AddDate(-age, 0, -ageDays)
	return p
}

// status is the member's status once the whole plan has happened.
func (p *memberPlan) status() domain.MemberStatus {
	if len(p.events) == 0 {
		return domain.MemberPreadmission
	}
	if p.events[len(p.events)-1].kind != eventDischarge {
		return domain.MemberActive
	}
	if p.alumni {
		return domain.MemberAlumni
	}
	return domain.MemberDischarged
}

// recoveryHistory is the member's sobriety-date history, oldest first.
func (p *memberPlan) recoveryHistory(memberID int64, by *int64) []*domain.RecoveryStartDateChange {
	var rows []*domain.RecoveryStartDateChange
	if p.recoveryStart != nil {
		rows = append(rows, &domain.RecoveryStartDateChange{MemberID: memberID, StartDate: *p.recoveryStart,
			Reason: registrationReason, RecordedByUserID: by, RecordedAt: p.registeredAt})
	}
	for _, e := range p.events {
		if e.kind == eventRecoveryReset {
			rows = append(rows, &domain.RecoveryStartDateChange{MemberID: memberID, StartDate: e.recoveryDate,
				Reason: e.reason, RecordedByUserID: by, RecordedAt: e.at})
		}
	}
	return rows
}

// episodes are the episode rows the plan's events leave behind.
func (p *memberPlan) episodes(memberID int64, by *int64) []*domain.CareEpisode {
	var rows []*domain.CareEpisode
	var open *domain.CareEpisode
	for _, e := range p.events {
		switch e.kind {
		case eventAdmit, eventChange:
			if open != nil {
				end := e.at
				open.EndedAt = &end
			}
			open = &domain.CareEpisode{MemberID: memberID, CareLevelCode: e.level, StartedAt: e.at,
				Reason: e.reason, RecordedByUserID: by, RecordedAt: e.at}
			rows = append(rows, open)
		case eventDischarge:
			end, reason := e.at, e.reason
			open.EndedAt, open.DischargeReason = &end, &reason
			open = nil
		}
	}
	return rows
}

// lastChange is when the member's record last changed.
func (p *memberPlan) lastChange() time.Time {
	if len(p.events) == 0 {
		return p.registeredAt
	}
	return p.events[len(p.events)-1].at
}
