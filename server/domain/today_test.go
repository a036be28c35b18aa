package domain

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// Every milestone within the window is found, and only those: checked
// against every milestone counted from many start dates.
func TestMilestonesWithinMatchesEveryMilestone(t *testing.T) {
	today := day("2026-03-03")
	for start := day("2020-01-01"); !start.After(today); start = start.AddDate(0, 0, 1) {
		for _, days := range []int{1, 7, 30} {
			got := MilestonesWithin(start, today, days)
			var want []Milestone
			for n := 0; n < 20; n++ {
				m := MilestoneAt(start, n)
				// Start included, end excluded: 7 days are today and the next 6.
				if !m.Date.Before(today) && m.Date.Before(today.AddDate(0, 0, days)) {
					want = append(want, m)
				}
			}
			if len(got) != len(want) {
				t.Fatalf("start %s, %d days: got %v, want %v", start.Format(time.DateOnly), days, got, want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("start %s, %d days: got %v, want %v", start.Format(time.DateOnly), days, got, want)
				}
			}
		}
	}
	for _, days := range []int{0, -1} {
		if got := MilestonesWithin(today, today, days); got != nil {
			t.Fatalf("a window of %d days found %v", days, got)
		}
	}
}

func TestUpcomingMilestonesOrder(t *testing.T) {
	s1, s2 := day("2026-02-01"), day("2026-02-02")
	a := &Member{ID: 1, FirstName: "Bo", LastName: "B", RecoveryStartDate: &s2}
	b := &Member{ID: 2, FirstName: "Al", LastName: "A", RecoveryStartDate: &s1}
	c := &Member{ID: 3, FirstName: "Cy", LastName: "C"}
	got := UpcomingMilestones([]*Member{a, b, c}, day("2026-03-03"), 2)
	// b's 30 days is 3 March, a's is 4 March.
	if len(got) != 2 || got[0].Member != b || got[1].Member != a || got[0].Milestone.Key != "DAYS_30" {
		t.Fatalf("got %+v", got)
	}
}

func TestStepDirectionFollowsIntensity(t *testing.T) {
	for from := 0; from < 4; from++ {
		for to := 0; to < 4; to++ {
			got := StepDirection(CareLevel{Intensity: from}, CareLevel{Intensity: to})
			want := TransitionLateral
			if to > from {
				want = TransitionStepUp
			} else if to < from {
				want = TransitionStepDown
			}
			if got != want {
				t.Fatalf("%d → %d: %s, want %s", from, to, got, want)
			}
		}
	}
}

func TestCareLevelChangesSince(t *testing.T) {
	levels := map[string]CareLevel{"RES": {Code: "RES", Intensity: 3}, "IOP": {Code: "IOP", Intensity: 2}}
	at := func(s string) time.Time { return day(s) }
	end := func(s string) *time.Time { v := at(s); return &v }
	eps := []*CareEpisode{
		{ID: 1, MemberID: 1, CareLevelCode: "RES", StartedAt: at("2026-01-01"), EndedAt: end("2026-02-25")},
		{ID: 2, MemberID: 1, CareLevelCode: "IOP", StartedAt: at("2026-02-25"), EndedAt: end("2026-03-01")},
		{ID: 3, MemberID: 1, CareLevelCode: "RES", StartedAt: at("2026-03-01")},
		{ID: 4, MemberID: 2, CareLevelCode: "IOP", StartedAt: at("2026-03-01")}, // an admission
	}
	now := at("2026-03-03")
	all := CareLevelChangesSince(eps, levels, at("2026-02-20"), now, nil)
	if len(all) != 2 || all[0].CareEpisode.ID != 3 || all[0].Direction != TransitionStepUp || all[0].From != "IOP" ||
		all[1].CareEpisode.ID != 2 || all[1].Direction != TransitionStepDown || all[1].From != "RES" {
		t.Fatalf("got %+v", all)
	}
	ups := CareLevelChangesSince(eps, levels, at("2026-02-20"), now, []Transition{TransitionStepUp})
	if len(ups) != 1 || ups[0].CareEpisode.ID != 3 {
		t.Fatalf("step-ups %+v", ups)
	}
	if got := CareLevelChangesSince(eps, levels, at("2026-03-02"), now, nil); len(got) != 0 {
		t.Fatalf("since 2 March: %+v", got)
	}
	// The end is excluded: a move at the end instant is not in the window.
	if got := CareLevelChangesSince(eps, levels, at("2026-02-20"), at("2026-03-01"), nil); len(got) != 1 || got[0].CareEpisode.ID != 2 {
		t.Fatalf("before 1 March: %+v", got)
	}
}
