package seed

import (
	"math"
	"slices"
	"strconv"
	"time"

	"carejourney/server/domain"
)

// aftercareLevel reports whether a plan is in force at a level: from IOP
// down, the member lives in the community under their plan.
func aftercareLevel(level string) bool { return rungOf(level) >= rungIOP }

// makePlans writes the aftercare plans of every stay: one from stepping
// down to IOP or below until a step-up (cancelled), a discharge (completed
// or cancelled) or today (active); a draft for some members in PHP now.
func (s *site) makePlans(d dice) {
	for _, j := range s.members {
		first := len(s.b.rows.plans)
		for _, st := range j.stays {
			from := -1
			for i, sp := range st.spans {
				if aftercareLevel(sp.level) {
					if from < 0 {
						from = i
					}
					continue
				}
				if from >= 0 {
					s.plan(d, j, st, from, sp.start, domain.PlanCancelled, true)
					from = -1
				}
			}
			last := st.spans[len(st.spans)-1]
			switch {
			case from >= 0 && st.open():
				s.plan(d, j, st, from, forever, domain.PlanActive, false)
			case from >= 0 && st.ending == endCompleted:
				s.plan(d, j, st, from, st.end, domain.PlanCompleted, false)
			case from >= 0:
				s.plan(d, j, st, from, st.end, domain.PlanCancelled, false)
			case st.open() && last.level == levelPHP && d.chance(0.5):
				s.draftPlan(d, j, last)
			}
		}
		s.assessments(d, j, s.b.rows.plans[first:])
	}
}

// plan writes one plan, activated when the member stepped down into
// episode i and in force until end, with its goals, commitments and
// check-ins.
func (s *site) plan(d dice, j *journey, st *stay, i int, end time.Time, status domain.PlanStatus, steppedUp bool) {
	b := s.b
	sp := st.spans[i]
	activated := s.b.daytimeAfter(d, sp.start, 0)
	if limit := minTime(end, b.now); !activated.Before(limit) {
		activated = sp.start.Add(limit.Sub(sp.start) / 2)
	}
	// Written in the days before the step-down, or on the day of a direct
	// admission to IOP.
	created := b.at(b.dayOf(sp.start).AddDate(0, 0, -d.between(1, 5)), d.between(36, 72)*15)
	if !created.After(st.admitted) {
		created = st.admitted.Add(30 * time.Minute)
	}
	created = minTime(created, activated.Add(-10*time.Minute))
	startsOn := b.dayOf(activated)
	reviewOn := startsOn.AddDate(0, 0, 90)
	if status == domain.PlanActive {
		// Reviewed every quarter; some reviews are a few days overdue.
		for reviewOn.Before(b.today.AddDate(0, 0, -10)) {
			reviewOn = reviewOn.AddDate(0, 0, 90)
		}
	}
	p := &domain.AftercarePlan{MemberID: j.id, Status: status, StartsOn: startsOn, ReviewOn: reviewOn,
		AuthorUserID: b.staff.caseManager, CreatedAt: created, UpdatedAt: activated, ActivatedAt: &activated}
	if status != domain.PlanActive {
		closed := end
		p.ClosedAt, p.UpdatedAt = &closed, closed
	}
	b.rows.plans = append(b.rows.plans, p)
	s.goals(d, p)
	s.commitments(d, j, st, p, activated, end, status)
	s.checkIns(d, p, activated, end, steppedUp)
}

// draftPlan is the plan being written for a member in PHP, to start when
// they step down.
func (s *site) draftPlan(d dice, j *journey, php span) {
	b := s.b
	created := maxTime(php.start.Add(time.Duration(d.between(2, 10))*day), b.now.Add(-time.Duration(d.between(1, 3))*day))
	if !created.Before(b.now) {
		created = b.now.Add(-time.Hour)
	}
	startsOn := b.today.AddDate(0, 0, d.between(3, 14))
	p := &domain.AftercarePlan{MemberID: j.id, Status: domain.PlanDraft, StartsOn: startsOn,
		ReviewOn: startsOn.AddDate(0, 0, 90), AuthorUserID: b.staff.caseManager, CreatedAt: created, UpdatedAt: created}
	b.rows.plans = append(b.rows.plans, p)
	s.goals(d, p)
}

// goals writes 2-4 goals in distinct categories, relapse prevention most often.
func (s *site) goals(d dice, p *domain.AftercarePlan) {
	categories := []domain.GoalCategory{domain.GoalContinuingRecovery, domain.GoalHealthyBehaviors,
		domain.GoalSupportSystems, domain.GoalHousing, domain.GoalEmployment, domain.GoalRelationships}
	d.Shuffle(len(categories), func(a, b int) { categories[a], categories[b] = categories[b], categories[a] })
	if d.chance(0.75) {
		categories = append([]domain.GoalCategory{domain.GoalRelapsePrevention}, categories...)
	}
	today := s.b.today
	for _, c := range categories[:d.between(2, 4)] {
		target := p.StartsOn.AddDate(0, 0, 7*d.between(4, 26))
		g := &domain.AftercareGoal{Category: c, Description: pickOne(d, goalDescriptions[c]), TargetDate: &target,
			CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
		u := d.Float64()
		switch {
		case p.Status == domain.PlanDraft:
			g.Status = domain.GoalNotStarted
		case p.Status == domain.PlanCompleted:
			g.Status = pickWeighted(u, domain.GoalAchieved, 0.7, domain.GoalDeferred, 0.15, domain.GoalInProgress)
		case p.Status == domain.PlanCancelled:
			g.Status = pickWeighted(u, domain.GoalInProgress, 0.5, domain.GoalNotStarted, 0.3, domain.GoalDeferred)
		case target.Before(today):
			g.Status = pickWeighted(u, domain.GoalAchieved, 0.65, domain.GoalDeferred, 0.2, domain.GoalInProgress)
		default:
			g.Status = pickWeighted(u, domain.GoalInProgress, 0.6, domain.GoalNotStarted, 0.3, domain.GoalAchieved)
		}
		s.b.rows.goals = append(s.b.rows.goals, goalRow{AftercareGoal: g, plan: p})
	}
}

// pickWeighted is a when u < pa, b when u < pa+pb, c otherwise.
func pickWeighted[T any](u float64, a T, pa float64, b T, pb float64, c T) T {
	switch {
	case u < pa:
		return a
	case u < pa+pb:
		return b
	default:
		return c
	}
}

// commitments writes 2-4 components: an aftercare group and a mutual
// support group with weekly targets (the member joins them, so adherence
// has attendance to count), the house they live in, their peer,
// medication, therapy.
func (s *site) commitments(d dice, j *journey, st *stay, p *domain.AftercarePlan, activated, end time.Time,
	status domain.PlanStatus) {
	var rows []commitmentRow
	add := func(kind domain.CommitmentKind, description string, target int) *commitmentRow {
		c := &domain.AftercareCommitment{Kind: kind, Description: description, CreatedAt: p.CreatedAt, UpdatedAt: p.CreatedAt}
		if target > 0 {
			c.TargetPerWeek = &target
		}
		rows = append(rows, commitmentRow{AftercareCommitment: c, plan: p})
		return &rows[len(rows)-1]
	}
	// How reliably the member keeps to the plan: most meet their targets
	// in most weeks.
	reliability := 0.6 + 0.4*d.Float64()
	joinGroup := func(g *group, kind domain.CommitmentKind, target int, description string) {
		c := add(kind, description, target)
		c.group = g.row
		engagement := min(0.95, float64(target)/float64(len(g.slots))*reliability+0.1)
		s.addMembership(g, j, activated, end, engagement)
		// Many alumni keep coming to their groups, until a readmission.
		if status == domain.PlanCompleted && d.chance(0.8) {
			until := minTime(end.Add(time.Duration(d.between(90, 720))*day), st.next)
			if !until.Before(s.b.now) {
				until = forever
			}
			s.addMembership(g, j, end, until, engagement*0.85)
		}
	}
	aftercare, mutual := s.groupsOfKind(domain.GroupAftercare), s.groupsOfKind(domain.GroupMutualSupport)
	wantAftercare, wantMutual := d.chance(0.9), d.chance(0.85)
	if !wantAftercare && !wantMutual {
		wantMutual = true
	}
	if wantAftercare && len(aftercare) > 0 {
		// The alumni group is the one most people choose.
		g := aftercare[0]
		if len(aftercare) > 1 && d.chance(0.4) {
			g = aftercare[1+d.IntN(len(aftercare)-1)]
		}
		joinGroup(g, domain.CommitmentOutpatient, 1, "Weekly aftercare group: "+g.row.Name)
		if g != aftercare[0] && d.chance(0.4) {
			joinGroup(aftercare[0], domain.CommitmentOutpatient, 1, "Weekly aftercare group: "+aftercare[0].row.Name)
		}
	}
	if wantMutual && len(mutual) > 0 {
		// Some try both SMART and 12-Step: taking part in two or more
		// programs goes with lasting abstinence.
		order := d.Perm(len(mutual))
		for n, i := range order {
			if n > 0 && (len(rows) >= 3 || !d.chance(0.35)) {
				break
			}
			g := mutual[i]
			target := d.between(1, min(3, len(g.slots)))
			joinGroup(g, domain.CommitmentMutualSupportGroup, target, g.row.Name+", "+strconv.Itoa(target)+" a week")
		}
	}
	for _, r := range j.residencies {
		if !r.start.After(activated) && r.end.After(activated) && len(rows) < 4 {
			c := add(domain.CommitmentRecoveryHousing, "Live at "+r.house.row.Name+" and keep its house rules", 0)
			c.house = r.house.row
			break
		}
	}
	for _, a := range j.assignments {
		if !a.start.After(activated) && a.end.After(activated) && len(rows) < 4 {
			c := add(domain.CommitmentPeerMentoring, "Weekly one-on-one with "+a.peer.row.Name, 1)
			c.peer = a.peer.row
			break
		}
	}
	if len(rows) < 4 && d.chance(0.35) {
		add(domain.CommitmentMedication, pickOne(d, medicationCommitments), 0)
	}
	if len(rows) < 2 || (len(rows) < 4 && d.chance(0.25)) {
		add(domain.CommitmentTherapy, "Individual therapy every other week", 0)
	}
	// Now and then a commitment was taken out of the plan; it stays in
	// the plan's history.
	if len(rows) >= 2 && len(rows) < 4 && d.chance(0.1) {
		if until := minTime(end, s.b.now); until.Sub(activated) > 30*day {
			c := add(domain.CommitmentMedication, pickOne(d, medicationCommitments), 0)
			removed := activated.Add(time.Duration(d.Int64N(int64(until.Sub(activated) - day))))
			c.RemovedAt, c.UpdatedAt = &removed, removed
		}
	}
	s.b.rows.commitments = append(s.b.rows.commitments, rows...)
}

// checkIns writes a check-in on the day the plan starts and then weekly
// until it ends: craving eases for most, and some lapse. A plan ended by a
// step-up shows the relapse in its last check-in.
func (s *site) checkIns(d dice, p *domain.AftercarePlan, activated, end time.Time, steppedUp bool) {
	b := s.b
	to := minTime(end, b.now)
	c0 := float64(d.between(4, 8))
	easing := 0.05 + 0.15*d.Float64()
	lapses := d.chance(0.2)
	var rows []checkInRow
	for k := 0; ; k++ {
		date := p.StartsOn.AddDate(0, 0, 7*k)
		if k > 0 {
			date = date.AddDate(0, 0, d.between(-1, 1))
		}
		at := b.at(date, d.between(40, 68)*15) // 10:00–17:00
		if k == 0 {
			at = maxTime(at, activated.Add(30*time.Minute))
		}
		if !at.Before(to) {
			break
		}
		craving := c0 - easing*float64(k) + 2*d.Float64() - 1
		abstinent := true
		if lapses && d.chance(0.08) {
			abstinent, craving = false, craving+3
		}
		c := &domain.CheckIn{OccurredOn: b.dayOf(at), Abstinent: abstinent,
			Craving:          int(math.Round(math.Max(0, math.Min(10, craving)))),
			RecordedByUserID: b.staff.caseManager, RecordedAt: at}
		skills := slices.Clone(copingSkills)
		d.Shuffle(len(skills), func(a, b int) { skills[a], skills[b] = skills[b], skills[a] })
		c.CopingSkills = skills[:d.between(1, 3)]
		if d.chance(0.25) {
			c.Note = pickOne(d, checkInNotes)
		}
		rows = append(rows, checkInRow{CheckIn: c, plan: p})
	}
	if n := len(rows); steppedUp && n > 0 {
		last := rows[n-1].CheckIn
		last.Abstinent, last.Craving, last.Note = false, d.between(7, 9), "Used over the weekend; talked about stepping up care"
	}
	b.rows.checkIns = append(b.rows.checkIns, rows...)
}

// assessments writes one to three BARC-10s for a member in aftercare: when
// their latest plan came into force and each quarter after, with recovery
// capital growing, and one at the start of an earlier plan when there is room.
func (s *site) assessments(d dice, j *journey, plans []*domain.AftercarePlan) {
	b := s.b
	var activated []*domain.AftercarePlan
	for _, p := range plans {
		if p.ActivatedAt != nil {
			activated = append(activated, p)
		}
	}
	if len(activated) == 0 {
		return
	}
	latest := activated[len(activated)-1]
	var times []time.Time
	to := b.now
	if latest.ClosedAt != nil {
		to = *latest.ClosedAt
	}
	for at := b.daytimeAfter(d, *latest.ActivatedAt, 3); len(times) < 3 && at.Before(to); {
		times = append(times, at)
		at = at.Add(time.Duration(d.between(80, 100)) * day)
	}
	if len(activated) > 1 && len(times) < 3 {
		earlier := activated[len(activated)-2]
		if at := b.daytimeAfter(d, *earlier.ActivatedAt, 3); at.Before(*latest.ActivatedAt) {
			times = append([]time.Time{at}, times...)
		}
	}
	total := d.between(22, 38)
	for _, at := range times {
		a := &domain.RecoveryCapitalAssessment{MemberID: j.id, Answers: barcAnswers(d, total), AssessedAt: at,
			RecordedByUserID: b.staff.caseManager, RecordedAt: at}
		b.rows.assessments = append(b.rows.assessments, a)
		total = min(58, total+d.between(3, 9))
	}
}

// barcAnswers spreads total (10-60) over ten answers of 1-6.
func barcAnswers(d dice, total int) []int {
	answers := make([]int, 10)
	for i := range answers {
		answers[i] = total / 10
	}
	for _, i := range d.Perm(10)[:total%10] {
		answers[i]++
	}
	// Shift points between items so the answers are not flat.
	for range 8 {
		from, to := d.IntN(10), d.IntN(10)
		if answers[from] > 1 && answers[to] < 6 {
			answers[from]--
			answers[to]++
		}
	}
	return answers
}
