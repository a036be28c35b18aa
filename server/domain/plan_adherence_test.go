package domain_test

import (
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
)

func TestWeekStart(t *testing.T) {
	monday := planDate(2025, 6, 9)
	for d := range 7 {
		day := monday.AddDate(0, 0, d)
		if got := domain.WeekStart(day); !got.Equal(monday) {
			t.Errorf("WeekStart(%s %s) = %s", day.Weekday(), day.Format(time.DateOnly), got.Format(time.DateOnly))
		}
	}
	if got := domain.WeekStart(planDate(2025, 6, 16)); !got.Equal(planDate(2025, 6, 16)) {
		t.Errorf("next Monday = %s", got.Format(time.DateOnly))
	}
	// Across a year boundary.
	if got := domain.WeekStart(planDate(2026, 1, 1)); !got.Equal(planDate(2025, 12, 29)) {
		t.Errorf("2026-01-01 = %s", got.Format(time.DateOnly))
	}
}

func planDates(ds []time.Time) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Format(time.DateOnly)
	}
	return out
}

func TestAdherenceWeeks(t *testing.T) {
	today := planDate(2025, 6, 15) // a Sunday; its week starts 2025-06-09
	tests := []struct {
		name     string
		startsOn time.Time
		weeks    int
		want     []string
		code     domain.Code
	}{
		{"eight weeks of a long plan", planDate(2024, 1, 1), 8,
			[]string{"2025-04-21", "2025-04-28", "2025-05-05", "2025-05-12", "2025-05-19", "2025-05-26", "2025-06-02", "2025-06-09"}, ""},
		{"one week", planDate(2024, 1, 1), 1, []string{"2025-06-09"}, ""},
		{"never before the plan's first week", planDate(2025, 5, 28), 8, []string{"2025-05-26", "2025-06-02", "2025-06-09"}, ""},
		{"plan started this week", planDate(2025, 6, 15), 8, []string{"2025-06-09"}, ""},
		{"plan starts next week", planDate(2025, 6, 16), 8, []string{}, ""},
		{"52 weeks", planDate(2020, 1, 1), 52, nil, ""},
		{"0 weeks", planDate(2024, 1, 1), 0, nil, domain.CodeInvalidInput},
		{"53 weeks", planDate(2024, 1, 1), 53, nil, domain.CodeInvalidInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := domain.AdherenceWeeks(tt.startsOn, today, tt.weeks)
			wantErr(t, err, tt.code, "")
			if err != nil {
				return
			}
			if tt.want == nil {
				if len(got) != tt.weeks || !got[len(got)-1].Equal(planDate(2025, 6, 9)) {
					t.Errorf("got %d weeks ending %s", len(got), got[len(got)-1].Format(time.DateOnly))
				}
				return
			}
			if !slices.Equal(planDates(got), tt.want) {
				t.Errorf("weeks = %v, want %v", planDates(got), tt.want)
			}
		})
	}
}

func TestAdherence(t *testing.T) {
	weeks := []time.Time{planDate(2025, 6, 2), planDate(2025, 6, 9)}
	smart, aa, other := int64(1), int64(2), int64(3)
	removedAt := now
	commitments := []*domain.AftercareCommitment{
		{ID: 10, GroupID: &smart, TargetPerWeek: ptr(2)},
		{ID: 11, GroupID: &aa, TargetPerWeek: ptr(1)},
		{ID: 12, GroupID: &aa},                                                  // no target: not tracked
		{ID: 13, TargetPerWeek: ptr(3)},                                         // no group: not tracked
		{ID: 14, GroupID: &smart, TargetPerWeek: ptr(1), RemovedAt: &removedAt}, // out of the plan
	}
	attended := []domain.AttendedMeeting{
		{GroupID: smart, On: planDate(2025, 6, 2)},  // Monday, first week
		{GroupID: smart, On: planDate(2025, 6, 8)},  // Sunday, first week
		{GroupID: smart, On: planDate(2025, 6, 10)}, // second week
		{GroupID: aa, On: planDate(2025, 6, 15)},    // Sunday, second week
		{GroupID: aa, On: planDate(2025, 6, 1)},     // before the weeks
		{GroupID: other, On: planDate(2025, 6, 3)},  // a group of no commitment
	}
	got := domain.Adherence(commitments, weeks, attended)
	type week struct {
		start            string
		attended, target int
		met              bool
	}
	want := map[int64][]week{
		10: {{"2025-06-02", 2, 2, true}, {"2025-06-09", 1, 2, false}},
		11: {{"2025-06-02", 0, 1, false}, {"2025-06-09", 1, 1, true}},
	}
	if len(got) != len(want) {
		t.Fatalf("%d commitments tracked, want %d", len(got), len(want))
	}
	for _, c := range got {
		var weeks []week
		for _, w := range c.Weeks {
			weeks = append(weeks, week{w.WeekStart.Format(time.DateOnly), w.Attended, w.Target, w.Met})
		}
		if !slices.Equal(weeks, want[c.Commitment.ID]) {
			t.Errorf("commitment %d: %v, want %v", c.Commitment.ID, weeks, want[c.Commitment.ID])
		}
	}
	if got[0].Commitment.ID != 10 || got[1].Commitment.ID != 11 {
		t.Errorf("order = %d, %d", got[0].Commitment.ID, got[1].Commitment.ID)
	}
	if empty := domain.Adherence(nil, weeks, attended); empty == nil || len(empty) != 0 {
		t.Errorf("no commitments = %#v, want an empty list", empty)
	}
}
