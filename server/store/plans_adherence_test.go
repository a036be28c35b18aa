package store_test

import (
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// Adherence buckets meetings into Monday-start weeks of the provider's
// time zone: a meeting at 03:30 UTC on a Monday is still Sunday evening in
// New York and counts for the week before.
func TestPlanAttendanceAndAdherence(t *testing.T) {
	st := newStore(t)
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	st.Location = ny // the clock is Sunday 2025-06-15, 08:00 in New York
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Adher", "Ence")
	someoneElse := newMember(t, st, by, "Some", "One")
	p := plansActive(t, st, by, m.ID, plansDate(2025, 5, 20)) // a Tuesday; its week starts 05-19

	smart, aa, dropped, untargeted := plansGroup(t, st, "SMART"), plansGroup(t, st, "AA"), plansGroup(t, st, "Dropped"), plansGroup(t, st, "Untargeted")
	commit := func(group int64, target *int) *domain.AftercareCommitment {
		t.Helper()
		c, err := st.AddAftercareCommitment(ctx, store.CommitmentInput{PlanID: p.ID, Kind: domain.CommitmentMutualSupportGroup, GroupID: &group, TargetPerWeek: target})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	smartC, aaC := commit(smart, ptr(2)), commit(aa, ptr(1))
	commit(untargeted, nil)
	droppedC := commit(dropped, ptr(1))
	if _, err := st.RemoveAftercareCommitment(ctx, droppedC.ID); err != nil {
		t.Fatal(err)
	}
	house := plansHouse(t, st, "Adherence House")
	if _, err := st.AddAftercareCommitment(ctx, store.CommitmentInput{PlanID: p.ID, Kind: domain.CommitmentRecoveryHousing, HouseID: &house, TargetPerWeek: ptr(7)}); err != nil {
		t.Fatal(err)
	}

	utc := func(month time.Month, day, hour, minute int) time.Time {
		return time.Date(2025, month, day, hour, minute, 0, 0, time.UTC)
	}
	for _, a := range []struct {
		group  int64
		at     time.Time
		member int64
		status string
	}{
		{smart, utc(5, 18, 14, 0), m.ID, "PRESENT"},          // the Sunday before the plan's first week
		{smart, utc(5, 20, 18, 0), m.ID, "PRESENT"},          // week 05-19
		{smart, utc(5, 22, 18, 0), m.ID, "LATE"},             // week 05-19
		{smart, utc(5, 27, 18, 0), m.ID, "EXCUSED"},          // week 05-26: not attended
		{smart, utc(5, 28, 18, 0), m.ID, "ABSENT"},           // week 05-26: not attended
		{smart, utc(6, 2, 4, 0), m.ID, "PRESENT"},            // Monday 00:00 in New York: week 06-02
		{smart, utc(6, 9, 3, 30), m.ID, "PRESENT"},           // Sunday 23:30 in New York: still week 06-02
		{smart, utc(6, 10, 18, 0), m.ID, "PRESENT"},          // week 06-09
		{smart, utc(6, 3, 18, 0), someoneElse.ID, "PRESENT"}, // another member
		{aa, utc(6, 14, 18, 0), m.ID, "PRESENT"},             // week 06-09
		{aa, utc(6, 16, 4, 30), m.ID, "PRESENT"},             // Monday 00:30 in New York: next week
		{dropped, utc(6, 10, 18, 0), m.ID, "PRESENT"},        // a removed commitment's group
		{untargeted, utc(6, 10, 18, 0), m.ID, "PRESENT"},     // a group without a target
	} {
		plansAttend(t, st, plansMeeting(t, st, a.group, a.at), a.member, a.status)
	}

	weeks, err := domain.AdherenceWeeks(p.StartsOn, st.Today(), 8)
	if err != nil {
		t.Fatal(err)
	}
	if got := plansWeekLabels(weeks); !slices.Equal(got, []string{"2025-05-19", "2025-05-26", "2025-06-02", "2025-06-09"}) {
		t.Fatalf("weeks = %v", got)
	}
	window := store.AttendanceWindow{PlanID: p.ID, From: weeks[0], To: weeks[len(weeks)-1].AddDate(0, 0, 7)}
	lastWeek := store.AttendanceWindow{PlanID: p.ID, From: weeks[len(weeks)-1], To: window.To}
	quiet := plansActive(t, st, by, someoneElse.ID, plansDate(2025, 6, 1))
	quietWindow := store.AttendanceWindow{PlanID: quiet.ID, From: plansDate(2025, 6, 2), To: plansDate(2025, 6, 16)}

	attended, err := st.PlanAttendance(ctx, []store.AttendanceWindow{window, lastWeek, quietWindow, window})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(attended[window]); n != 6 {
		t.Fatalf("attended in the window: %d (%+v)", n, attended[window])
	}
	if n := len(attended[lastWeek]); n != 2 {
		t.Fatalf("attended in the last week: %d (%+v)", n, attended[lastWeek])
	}
	// The other member's plan has no commitments, so nothing is tracked.
	if got, ok := attended[quietWindow]; !ok || len(got) != 0 {
		t.Fatalf("quiet plan = %+v (present %v)", got, ok)
	}

	commitments, err := st.AftercareCommitmentsByPlanID(ctx, []int64{p.ID})
	if err != nil {
		t.Fatal(err)
	}
	result := domain.Adherence(commitments[p.ID], weeks, attended[window])
	type week struct {
		attended, target int
		met              bool
	}
	want := map[int64][]week{
		smartC.ID: {{2, 2, true}, {0, 2, false}, {2, 2, true}, {1, 2, false}},
		aaC.ID:    {{0, 1, false}, {0, 1, false}, {0, 1, false}, {1, 1, true}},
	}
	if len(result) != 2 {
		t.Fatalf("tracked commitments = %d", len(result))
	}
	for _, r := range result {
		var got []week
		for _, w := range r.Weeks {
			got = append(got, week{w.Attended, w.Target, w.Met})
		}
		if !slices.Equal(got, want[r.Commitment.ID]) {
			t.Errorf("commitment %d: %v, want %v", r.Commitment.ID, got, want[r.Commitment.ID])
		}
	}
}

func plansWeekLabels(ws []time.Time) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Format(time.DateOnly)
	}
	return out
}
