package store_test

import (
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// partnerData writes outcome fixtures straight into the tables, so that a
// test can lay out whole journeys in the past without the store's checks
// against "now".
type partnerData struct {
	t  *testing.T
	st *store.Store
}

func (d partnerData) insert(query string, args ...any) int64 {
	d.t.Helper()
	var id int64
	if err := d.st.DB().NewRaw(query+" RETURNING id", args...).Scan(ctx, &id); err != nil {
		d.t.Fatalf("%s: %v", query, err)
	}
	return id
}

func (d partnerData) exec(query string, args ...any) {
	d.t.Helper()
	if _, err := d.st.DB().NewRaw(query, args...).Exec(ctx); err != nil {
		d.t.Fatalf("%s: %v", query, err)
	}
}

func (d partnerData) member(name string) int64 {
	return d.insert(`INSERT INTO members (first_name, last_name) VALUES ('Test', ?)`, name)
}

// episode adds a current episode; discharge closes it with a discharge.
func (d partnerData) episode(member int64, level string, start time.Time, end *time.Time, discharge bool) {
	var reason *string
	if discharge {
		reason = ptr("completed")
	}
	d.insert(`INSERT INTO care_episodes (member_id, care_level_code, started_at, ended_at, discharge_reason)
		VALUES (?, ?, ?, ?, ?)`, member, level, start, end, reason)
}

func (d partnerData) sobriety(member int64, date, recordedAt time.Time) {
	d.insert(`INSERT INTO recovery_start_dates (member_id, start_date, recorded_at) VALUES (?, ?::date, ?)`,
		member, date.Format(time.DateOnly), recordedAt)
}

func (d partnerData) group(name string, kind domain.GroupKind) int64 {
	return d.insert(`INSERT INTO groups (name, kind, modality, time_zone) VALUES (?, ?, 'IN_PERSON', 'UTC')`, name, kind)
}

func (d partnerData) meeting(group int64, start time.Time) int64 {
	return d.insert(`INSERT INTO meetings (group_id, starts_at, ends_at) VALUES (?, ?, ?)`, group, start, start.Add(time.Hour))
}

func (d partnerData) attend(meeting int64, status domain.AttendanceStatus, members ...int64) {
	for _, m := range members {
		d.exec(`INSERT INTO attendance_records (meeting_id, member_id, status) VALUES (?, ?, ?)`, meeting, m, status)
	}
}

func (d partnerData) join(group, member int64, joined time.Time, left *time.Time) {
	d.insert(`INSERT INTO group_memberships (group_id, member_id, joined_at, left_at) VALUES (?, ?, ?, ?)`,
		group, member, joined, left)
}

func (d partnerData) plan(member int64) int64 {
	return d.insert(`INSERT INTO aftercare_plans (member_id, status, starts_on, review_on)
		VALUES (?, 'ACTIVE', '2024-10-01', '2025-12-31')`, member)
}

func (d partnerData) checkIn(plan int64, on time.Time, abstinent bool) {
	d.insert(`INSERT INTO check_ins (plan_id, occurred_on, abstinent, craving) VALUES (?, ?::date, ?, 2)`,
		plan, on.Format(time.DateOnly), abstinent)
}

// noon is a day at 12:00 UTC.
func noon(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }

// partnerOutcomeData lays out the journeys of TestOutcomes over the first
// quarter of 2025; the test's comments give the expected figures.
func partnerOutcomeData(t *testing.T, st *store.Store) {
	d := partnerData{t, st}
	names := func(prefix string, n int) []int64 {
		ids := make([]int64, n)
		for i := range ids {
			ids[i] = d.member(fmt.Sprintf("%s%d", prefix, i+1))
		}
		return ids
	}
	a, b, c := names("A", 12), names("B", 11), names("C", 3)

	// A1–A12: residential since December, stepped down to IOP on 11–22
	// January (stays of 41–52 days), still in IOP.
	for i, m := range a {
		down := noon(2025, 1, 11+i)
		d.episode(m, "RESIDENTIAL", noon(2024, 12, 1), &down, false)
		d.episode(m, "IOP", down, nil, false)
	}
	// A corrected-away detox episode of A1 inside the period counts nowhere.
	d.exec(`INSERT INTO care_episodes (member_id, care_level_code, started_at, ended_at, superseded_at, supersede_reason)
		VALUES (?, 'DETOX', ?, ?, ?, 'entered for the wrong member')`, a[0], noon(2025, 1, 2), noon(2025, 1, 5), noon(2025, 1, 6))
	// B1–B11: admitted to detox on 1 February, five days later residential.
	for _, m := range b {
		down := noon(2025, 2, 6)
		d.episode(m, "DETOX", noon(2025, 2, 1), &down, false)
		d.episode(m, "RESIDENTIAL", down, nil, false)
	}
	// C1–C3: outpatient since November, stepped up to PHP on 1 March (120
	// days), discharged on 20 March (19 days); C1 readmitted to IOP.
	for _, m := range c {
		up, out := noon(2025, 3, 1), noon(2025, 3, 20)
		d.episode(m, "OUTPATIENT", noon(2024, 11, 1), &up, false)
		d.episode(m, "PHP", up, &out, true)
	}
	d.episode(c[0], "IOP", noon(2025, 3, 25), nil, false)
	// E2: IOP since December, moved to virtual IOP on 15 January (45 days).
	e2 := d.member("E2")
	moved := noon(2025, 1, 15)
	d.episode(e2, "IOP", noon(2024, 12, 1), &moved, false)
	d.episode(e2, "VIRTUAL_IOP", moved, nil, false)
	// Outside the period: E1 left care in 2024, D1 arrives in April.
	e1, d1 := d.member("E1"), d.member("D1")
	left := noon(2024, 8, 1)
	d.episode(e1, "RESIDENTIAL", noon(2024, 6, 1), &left, true)
	d.episode(d1, "DETOX", noon(2025, 4, 5), nil, false)

	// Sobriety dates as of 31 March. A1–A6 since 1 October 2024 (181 days);
	// A1's reset in April is after the period.
	for _, m := range a[:6] {
		d.sobriety(m, noon(2024, 10, 1), noon(2024, 10, 1))
	}
	d.sobriety(a[0], noon(2025, 4, 10), noon(2025, 4, 11))
	// A2's date was first mistyped as 15 January, then corrected.
	d.sobriety(a[1], noon(2025, 1, 15), noon(2024, 9, 30))
	// A7–A12 relapsed: since 1 February 2025 (58 days).
	for _, m := range a[6:] {
		d.sobriety(m, noon(2024, 1, 1), noon(2024, 1, 2))
		d.sobriety(m, noon(2025, 2, 1), noon(2025, 2, 3))
	}
	// B1–B11 since June 2024; C and E2 have no date.
	for _, m := range b {
		d.sobriety(m, noon(2024, 6, 1), noon(2024, 6, 1))
	}

	// Groups and meetings.
	g1, g2, g3 := d.group("Aftercare Monday", domain.GroupAftercare), d.group("Aftercare Wednesday", domain.GroupAftercare),
		d.group("Therapy", domain.GroupTherapy)
	d.attend(d.meeting(g1, noon(2024, 12, 15)), domain.AttendancePresent, a...) // before the period
	d.attend(d.meeting(g1, noon(2025, 4, 2)), domain.AttendancePresent, a...)   // after it
	d.attend(d.meeting(g1, noon(2025, 2, 10)), domain.AttendancePresent, a...)
	m2 := d.meeting(g1, noon(2025, 3, 10))
	d.attend(m2, domain.AttendanceLate, a[:6]...)
	d.attend(m2, domain.AttendanceAbsent, a[6:]...)
	m3 := d.meeting(g2, noon(2025, 2, 12))
	d.attend(m3, domain.AttendancePresent, a[:6]...)
	d.attend(m3, domain.AttendanceExcused, a[6])
	d.attend(d.meeting(g3, noon(2025, 2, 11)), domain.AttendancePresent, a...)

	// Memberships: A1–A6 and B1–B11 in both aftercare groups during the
	// period; A7–A12 in one (A7's second ended before it, A9's begins after
	// it, and A8's therapy group is no aftercare group).
	for _, m := range a[:6] {
		d.join(g1, m, noon(2024, 11, 1), nil)
		d.join(g2, m, noon(2024, 11, 1), nil)
	}
	for _, m := range a[6:] {
		d.join(g1, m, noon(2024, 11, 1), nil)
	}
	d.join(g2, a[6], noon(2024, 10, 1), ptr(noon(2024, 12, 1)))
	d.join(g2, a[8], noon(2025, 4, 5), nil)
	d.join(g3, a[7], noon(2024, 11, 1), nil)
	for _, m := range b {
		d.join(g1, m, noon(2025, 2, 7), nil)
		d.join(g2, m, noon(2025, 2, 7), ptr(noon(2025, 3, 1)))
	}

	// Check-ins: two each in the period. Not abstinent: A7–A9 and B1 once;
	// the ones of A1 in December and B2 in April are outside the period.
	for i, m := range a {
		p := d.plan(m)
		d.checkIn(p, noon(2025, 1, 20), true)
		d.checkIn(p, noon(2025, 2, 20), i < 6 || i > 8)
		if i == 0 {
			d.checkIn(p, noon(2024, 12, 20), false)
		}
	}
	for i, m := range b {
		p := d.plan(m)
		d.checkIn(p, noon(2025, 2, 15), true)
		d.checkIn(p, noon(2025, 3, 15), i != 0)
		if i == 1 {
			d.checkIn(p, noon(2025, 4, 2), false)
		}
	}
}

func TestOutcomes(t *testing.T) {
	st := newStore(t)
	partnerOutcomeData(t, st)
	// The first quarter: start included, end excluded.
	period := domain.DateRange{StartOn: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), EndOn: time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)}

	tallies, err := st.OutcomeTallies(ctx, period)
	if err != nil {
		t.Fatal(err)
	}
	want := domain.OutcomeTallies{
		// IOP: A1–A12 and C1; residential: B1–B11; virtual IOP: E2.
		MembersByLevel: map[string]int{"IOP": 13, "RESIDENTIAL": 11, "VIRTUAL_IOP": 1},
		Transitions: map[domain.Transition]domain.Tally{
			domain.TransitionAdmission:   {Value: 11, People: 11}, // B
			domain.TransitionStepDown:    {Value: 23, People: 23}, // A and B
			domain.TransitionStepUp:      {Value: 3, People: 3},   // C
			domain.TransitionReadmission: {Value: 1, People: 1},   // C1
			domain.TransitionLateral:     {Value: 1, People: 1},   // E2
		},
		Discharges: domain.Tally{Value: 3, People: 3},
		Stays: map[string][]domain.StayBucket{
			"RESIDENTIAL": {{Days: 41, Episodes: 1}, {Days: 42, Episodes: 1}, {Days: 43, Episodes: 1}, {Days: 44, Episodes: 1},
				{Days: 45, Episodes: 1}, {Days: 46, Episodes: 1}, {Days: 47, Episodes: 1}, {Days: 48, Episodes: 1},
				{Days: 49, Episodes: 1}, {Days: 50, Episodes: 1}, {Days: 51, Episodes: 1}, {Days: 52, Episodes: 1}},
			"DETOX":      {{Days: 5, Episodes: 11}},
			"OUTPATIENT": {{Days: 120, Episodes: 3}},
			"PHP":        {{Days: 19, Episodes: 3}},
			"IOP":        {{Days: 45, Episodes: 1}},
		},
		StayPeople:                map[string]int{"RESIDENTIAL": 12, "DETOX": 11, "OUTPATIENT": 3, "PHP": 3, "IOP": 1},
		AftercareMeetingsAttended: domain.Tally{Value: 24, People: 12},
		CheckIns:                  domain.CheckInTally{CheckIns: 46, Abstinent: 42, People: 23, ContinuouslyAbstinent: 19},
		// Active: A, B, C and E2. 90 days or more: A1–A6 (4 meetings, 3 of
		// them aftercare, each) and B1–B11 (none).
		LongRecovery: domain.AttendanceCohortTally{People: 17, MeetingsAttended: 24, AftercareMeetingsAttended: 18},
		// A7–A12 (2 meetings, 1 aftercare, each), C1–C3 and E2.
		ShorterRecovery:          domain.AttendanceCohortTally{People: 10, MeetingsAttended: 12, AftercareMeetingsAttended: 6},
		TwoOrMoreAftercareGroups: domain.CheckInTally{CheckIns: 34, Abstinent: 33, People: 17, ContinuouslyAbstinent: 16},
		FewerAftercareGroups:     domain.CheckInTally{CheckIns: 12, Abstinent: 9, People: 6, ContinuouslyAbstinent: 3},
	}
	sortStays(tallies.Stays)
	if !reflect.DeepEqual(tallies, want) {
		t.Fatalf("tallies\n got %+v\nwant %+v", tallies, want)
	}
	partnerCheckTransitions(t, st, period, tallies.Transitions)

	levels, err := st.CareLevels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	o, err := st.Outcomes(ctx, period, levels)
	if err != nil {
		t.Fatal(err)
	}
	hidden := math.NaN()
	type cell struct {
		name string
		got  any
		want float64
	}
	level := func(code string) domain.LevelOutcome {
		for _, l := range o.Levels {
			if l.Level.Code == code {
				return l
			}
		}
		t.Fatalf("no level %s", code)
		return domain.LevelOutcome{}
	}
	if len(o.Levels) != 7 || o.Levels[0].Level.Code != "DETOX" || o.Levels[6].Level.Code != "CONTINUING_CARE" {
		t.Fatalf("levels %+v", o.Levels)
	}
	for _, c := range []cell{
		{"DETOX members (none)", level("DETOX").Members, hidden},
		{"DETOX median stay", level("DETOX").MedianStayDays, 5},
		{"RESIDENTIAL members", level("RESIDENTIAL").Members, 11},
		{"RESIDENTIAL median stay", level("RESIDENTIAL").MedianStayDays, 46.5},
		{"IOP members", level("IOP").Members, 13},
		{"IOP median stay (1 person)", level("IOP").MedianStayDays, hidden},
		{"PHP members", level("PHP").Members, hidden},
		{"PHP median stay (3 people)", level("PHP").MedianStayDays, hidden},
		{"VIRTUAL_IOP members (1)", level("VIRTUAL_IOP").Members, hidden},
		{"OUTPATIENT median stay (3 people)", level("OUTPATIENT").MedianStayDays, hidden},
		{"admissions", o.Admissions, 11},
		{"step-downs", o.StepDowns, 23},
		{"step-ups (3)", o.StepUps, hidden},
		{"lateral moves (1)", o.LateralMoves, hidden},
		{"readmissions (1)", o.Readmissions, hidden},
		{"discharges (3)", o.Discharges, hidden},
		{"aftercare meetings attended", o.AftercareMeetingsAttended, 24},
		{"check-ins abstinent", o.CheckInsAbstinent, 42.0 / 46},
		{"90+ members", o.ByRecovery.NinetyDaysOrMore.Members, 17},
		{"90+ mean meetings", o.ByRecovery.NinetyDaysOrMore.MeanMeetingsAttended, 24.0 / 17},
		{"90+ mean aftercare meetings", o.ByRecovery.NinetyDaysOrMore.MeanAftercareMeetingsAttended, 18.0 / 17},
		{"under 90 members (10)", o.ByRecovery.UnderNinetyDays.Members, hidden},
		{"under 90 mean meetings (10 people)", o.ByRecovery.UnderNinetyDays.MeanMeetingsAttended, hidden},
		{"under 90 mean aftercare meetings", o.ByRecovery.UnderNinetyDays.MeanAftercareMeetingsAttended, hidden},
		{"2+ groups members", o.ByAftercareGroups.TwoOrMoreGroups.Members, 17},
		{"2+ groups check-ins abstinent", o.ByAftercareGroups.TwoOrMoreGroups.CheckInsAbstinent, 33.0 / 34},
		{"2+ groups continuously abstinent", o.ByAftercareGroups.TwoOrMoreGroups.ContinuouslyAbstinent, 16.0 / 17},
		{"fewer groups members (6)", o.ByAftercareGroups.FewerGroups.Members, hidden},
		{"fewer groups check-ins abstinent", o.ByAftercareGroups.FewerGroups.CheckInsAbstinent, hidden},
		{"fewer groups continuously abstinent", o.ByAftercareGroups.FewerGroups.ContinuouslyAbstinent, hidden},
	} {
		var value *float64
		var suppressed bool
		switch v := c.got.(type) {
		case domain.OutcomeCount:
			if v.Value != nil {
				f := float64(*v.Value)
				value = &f
			}
			suppressed = v.Suppressed
		case domain.OutcomeFigure:
			value, suppressed = v.Value, v.Suppressed
		}
		if math.IsNaN(c.want) {
			if !suppressed || value != nil {
				t.Errorf("%s = %v (suppressed %v), want suppressed", c.name, deref(value), suppressed)
			}
			continue
		}
		if suppressed || value == nil || math.Abs(*value-c.want) > 1e-9 {
			t.Errorf("%s = %v (suppressed %v), want %v", c.name, deref(value), suppressed, c.want)
		}
	}
	if o.ByRecovery.AftercareMeetingsRatio != nil {
		t.Errorf("ratio = %v with one side suppressed", *o.ByRecovery.AftercareMeetingsRatio)
	}

	// An empty period shows nothing and suppresses everything.
	empty, err := st.Outcomes(ctx, domain.DateRange{StartOn: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), EndOn: time.Date(2020, 2, 1, 0, 0, 0, 0, time.UTC)}, levels)
	if err != nil {
		t.Fatal(err)
	}
	if !empty.Admissions.Suppressed || !empty.CheckInsAbstinent.Suppressed || !empty.Levels[0].Members.Suppressed ||
		!empty.ByAftercareGroups.TwoOrMoreGroups.Members.Suppressed {
		t.Errorf("empty period: %+v", empty)
	}

	_, err = st.Outcomes(ctx, domain.DateRange{StartOn: period.EndOn, EndOn: period.StartOn}, levels)
	if domain.ErrorCode(err) != domain.CodeInvalidInput {
		t.Errorf("a backward period: %v", err)
	}
}

func sortStays(stays map[string][]domain.StayBucket) {
	for _, buckets := range stays {
		for i := 1; i < len(buckets); i++ {
			for j := i; j > 0 && buckets[j].Days < buckets[j-1].Days; j-- {
				buckets[j], buckets[j-1] = buckets[j-1], buckets[j]
			}
		}
	}
}

func deref(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

// partnerCheckTransitions derives the transitions of the period in Go with
// domain.TransitionOf, the way the API shows them on each episode, and
// compares them with what the outcomes query derived in SQL.
func partnerCheckTransitions(t *testing.T, st *store.Store, period domain.DateRange, got map[domain.Transition]domain.Tally) {
	t.Helper()
	start, end, err := domain.OutcomePeriod(period, st.Location)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	if err := st.DB().NewRaw(`SELECT id FROM members`).Scan(ctx, &ids); err != nil {
		t.Fatal(err)
	}
	all, err := st.EpisodesByMemberID(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	levels, err := st.CareLevels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]domain.CareLevel{}
	for _, l := range levels {
		byCode[l.Code] = l
	}
	want := map[domain.Transition]domain.Tally{}
	for _, episodes := range all {
		seen := map[domain.Transition]bool{}
		for _, e := range domain.CurrentEpisodes(episodes) {
			if e.StartedAt.Before(start) || !e.StartedAt.Before(end) {
				continue
			}
			tr := domain.TransitionOf(e, episodes, byCode)
			tally := want[tr]
			tally.Value++
			if !seen[tr] {
				tally.People++
				seen[tr] = true
			}
			want[tr] = tally
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("transitions in SQL %v, in Go %v", got, want)
	}
}
