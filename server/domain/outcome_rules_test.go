package domain_test

import (
	"math"
	"testing"
	"time"

	"carejourney/server/domain"
)

func TestSuppression(t *testing.T) {
	if domain.MinCellPeople != 11 {
		t.Fatalf("threshold = %d, want 11", domain.MinCellPeople)
	}
	for _, tt := range []struct {
		value, people int
		shown         bool
	}{
		{0, 0, false}, {1, 1, false}, {10, 10, false}, {40, 10, false}, // events of few people stay hidden
		{11, 11, true}, {30, 11, true}, {500, 480, true},
	} {
		c := domain.SuppressCount(tt.value, tt.people)
		if tt.shown && (c.Suppressed || c.Value == nil || *c.Value != tt.value) {
			t.Errorf("count %d over %d people = %+v, want shown", tt.value, tt.people, c)
		}
		if !tt.shown && (!c.Suppressed || c.Value != nil) {
			t.Errorf("count %d over %d people = %+v, want suppressed", tt.value, tt.people, c)
		}
	}
	half := 0.5
	if f := domain.SuppressFigure(&half, 10); !f.Suppressed || f.Value != nil {
		t.Errorf("a share over 10 people = %+v", f)
	}
	if f := domain.SuppressFigure(&half, 11); f.Suppressed || f.Value == nil || *f.Value != 0.5 {
		t.Errorf("a share over 11 people = %+v", f)
	}
	if f := domain.SuppressFigure(nil, 20); f.Suppressed || f.Value != nil {
		t.Errorf("an undefined figure = %+v, want null without suppression", f)
	}
	if domain.Share(1, 0) != nil || *domain.Share(1, 4) != 0.25 {
		t.Error("Share")
	}
}

func TestMedian(t *testing.T) {
	b := func(days, episodes int) domain.StayBucket { return domain.StayBucket{Days: days, Episodes: episodes} }
	for _, tt := range []struct {
		name    string
		buckets []domain.StayBucket
		want    float64
		ok      bool
	}{
		{"none", nil, 0, false},
		{"empty buckets", []domain.StayBucket{b(3, 0)}, 0, false},
		{"one", []domain.StayBucket{b(7, 1)}, 7, true},
		{"odd", []domain.StayBucket{b(30, 1), b(5, 1), b(12, 1)}, 12, true},
		{"even averages the middle two", []domain.StayBucket{b(10, 1), b(2, 1), b(4, 1), b(30, 1)}, 7, true},
		{"even, middle two in one bucket", []domain.StayBucket{b(1, 1), b(9, 2), b(100, 1)}, 9, true},
		{"counts weigh", []domain.StayBucket{b(1, 5), b(50, 4)}, 1, true},
		{"halves", []domain.StayBucket{b(46, 1), b(47, 1)}, 46.5, true},
		{"repeated days", []domain.StayBucket{b(5, 2), b(5, 3), b(6, 4)}, 5, true},
	} {
		got, ok := domain.Median(tt.buckets)
		if ok != tt.ok || got != tt.want {
			t.Errorf("%s: Median = %v, %v; want %v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestOutcomePeriod(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	date := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	period := func(from, to time.Time) domain.DateRange { return domain.DateRange{StartOn: from, EndOn: to} }
	start, end, err := domain.OutcomePeriod(period(date(2026, 3, 1), date(2026, 4, 1)), ny)
	if err != nil {
		t.Fatal(err)
	}
	// March 2026 crosses the change to daylight saving time on the 8th.
	if !start.Equal(time.Date(2026, 3, 1, 5, 0, 0, 0, time.UTC)) || !end.Equal(time.Date(2026, 4, 1, 4, 0, 0, 0, time.UTC)) {
		t.Fatalf("period = %v – %v", start, end)
	}
	if _, _, err := domain.OutcomePeriod(period(date(2026, 3, 1), date(2026, 3, 2)), time.UTC); err != nil {
		t.Errorf("one day: %v", err)
	}
	if _, _, err := domain.OutcomePeriod(period(date(2021, 1, 1), date(2026, 1, 1)), time.UTC); err != nil {
		t.Errorf("five calendar years: %v", err)
	}
	for _, tt := range []struct{ from, to time.Time }{
		{date(2026, 3, 2), date(2026, 3, 1)},
		{date(2026, 3, 1), date(2026, 3, 1)}, // the end day is excluded: no day at all
		{date(2021, 1, 1), date(2026, 1, 4)},
	} {
		if _, _, err := domain.OutcomePeriod(period(tt.from, tt.to), time.UTC); domain.ErrorCode(err) != domain.CodeInvalidInput {
			t.Errorf("%v – %v: error %v, want INVALID_INPUT", tt.from, tt.to, err)
		}
	}
}

func TestBuildOutcomes(t *testing.T) {
	levels := []domain.CareLevel{{Code: "RESIDENTIAL", Intensity: 6}, {Code: "IOP", Intensity: 4}}
	tallies := domain.OutcomeTallies{
		MembersByLevel: map[string]int{"RESIDENTIAL": 11, "IOP": 10},
		Transitions: map[domain.Transition]domain.Tally{
			domain.TransitionAdmission: {Value: 11, People: 11},
			domain.TransitionStepDown:  {Value: 25, People: 9},
		},
		Discharges:                domain.Tally{Value: 12, People: 12},
		Stays:                     map[string][]domain.StayBucket{"RESIDENTIAL": {{30, 11}}, "IOP": {{60, 3}}},
		StayPeople:                map[string]int{"RESIDENTIAL": 11, "IOP": 3},
		AftercareMeetingsAttended: domain.Tally{Value: 200, People: 15},
		CheckIns:                  domain.CheckInTally{CheckIns: 40, Abstinent: 30, People: 12, ContinuouslyAbstinent: 8},
		LongRecovery:              domain.AttendanceCohortTally{People: 20, MeetingsAttended: 100, AftercareMeetingsAttended: 80},
		ShorterRecovery:           domain.AttendanceCohortTally{People: 40, MeetingsAttended: 40, AftercareMeetingsAttended: 8},
		TwoOrMoreAftercareGroups:  domain.CheckInTally{CheckIns: 30, Abstinent: 27, People: 11, ContinuouslyAbstinent: 9},
		FewerAftercareGroups:      domain.CheckInTally{CheckIns: 10, Abstinent: 3, People: 1, ContinuouslyAbstinent: 0},
	}
	o := domain.BuildOutcomes(domain.DateRange{}, tallies, levels)
	wantCount := func(name string, c domain.OutcomeCount, want int) {
		t.Helper()
		if want < 0 {
			if !c.Suppressed || c.Value != nil {
				t.Errorf("%s = %+v, want suppressed", name, c)
			}
			return
		}
		if c.Suppressed || c.Value == nil || *c.Value != want {
			t.Errorf("%s = %+v, want %d", name, c, want)
		}
	}
	wantFigure := func(name string, f domain.OutcomeFigure, want float64) {
		t.Helper()
		if math.IsNaN(want) {
			if !f.Suppressed || f.Value != nil {
				t.Errorf("%s = %+v, want suppressed", name, f)
			}
			return
		}
		if f.Suppressed || f.Value == nil || math.Abs(*f.Value-want) > 1e-9 {
			t.Errorf("%s = %+v, want %v", name, f, want)
		}
	}
	hidden := math.NaN()
	wantCount("admissions", o.Admissions, 11)
	wantCount("step-downs (25 by 9 people)", o.StepDowns, -1)
	wantCount("step-ups (none)", o.StepUps, -1)
	wantCount("readmissions (none)", o.Readmissions, -1)
	wantCount("discharges", o.Discharges, 12)
	wantCount("aftercare meetings", o.AftercareMeetingsAttended, 200)
	wantFigure("check-ins abstinent", o.CheckInsAbstinent, 0.75)
	if len(o.Levels) != 2 || o.Levels[0].Level.Code != "RESIDENTIAL" || o.Levels[1].Level.Code != "IOP" {
		t.Fatalf("levels = %+v", o.Levels)
	}
	wantCount("residential members", o.Levels[0].Members, 11)
	wantCount("IOP members", o.Levels[1].Members, -1)
	wantFigure("residential median stay", o.Levels[0].MedianStayDays, 30)
	wantFigure("IOP median stay", o.Levels[1].MedianStayDays, hidden)
	r := o.ByRecovery
	wantCount("90+ members", r.NinetyDaysOrMore.Members, 20)
	wantFigure("90+ mean meetings", r.NinetyDaysOrMore.MeanMeetingsAttended, 5)
	wantFigure("90+ mean aftercare meetings", r.NinetyDaysOrMore.MeanAftercareMeetingsAttended, 4)
	wantFigure("under 90 mean aftercare meetings", r.UnderNinetyDays.MeanAftercareMeetingsAttended, 0.2)
	if r.AftercareMeetingsRatio == nil || math.Abs(*r.AftercareMeetingsRatio-20) > 1e-9 {
		t.Errorf("ratio = %v, want 20", r.AftercareMeetingsRatio)
	}
	a := o.ByAftercareGroups
	wantCount("2+ groups members", a.TwoOrMoreGroups.Members, 11)
	wantFigure("2+ groups check-ins abstinent", a.TwoOrMoreGroups.CheckInsAbstinent, 0.9)
	wantFigure("2+ groups continuously abstinent", a.TwoOrMoreGroups.ContinuouslyAbstinent, 9.0/11)
	wantCount("fewer groups members", a.FewerGroups.Members, -1)
	wantFigure("fewer groups check-ins abstinent (1 person, 10 check-ins)", a.FewerGroups.CheckInsAbstinent, hidden)

	// A withheld side leaves the ratio out, so it cannot reveal the mean.
	tallies.ShorterRecovery.People = 10
	if o := domain.BuildOutcomes(domain.DateRange{}, tallies, levels); o.ByRecovery.AftercareMeetingsRatio != nil {
		t.Errorf("ratio with a suppressed side = %v", *o.ByRecovery.AftercareMeetingsRatio)
	}
}
