package domain_test

import (
	"testing"
	"time"

	"carejourney/server/domain"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func keys(ms []domain.Milestone) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Key
	}
	return out
}

// The ladder from domain.md: 24 hours, 30/60/90 days, 6 and 9 months,
// 1 year, then every year. Month and year steps are calendar steps
// (time.AddDate), so they follow the calendar, not a fixed day count.
func TestMilestoneAt(t *testing.T) {
	start := date(2025, 1, 1)
	tests := []struct {
		n     int
		key   string
		label string
		date  time.Time
	}{
		{0, "HOURS_24", "24 hours", date(2025, 1, 2)},
		{1, "DAYS_30", "30 days", date(2025, 1, 31)},
		{2, "DAYS_60", "60 days", date(2025, 3, 2)},
		{3, "DAYS_90", "90 days", date(2025, 4, 1)},
		{4, "MONTHS_6", "6 months", date(2025, 7, 1)},
		{5, "MONTHS_9", "9 months", date(2025, 10, 1)},
		{6, "YEARS_1", "1 year", date(2026, 1, 1)},
		{7, "YEARS_2", "2 years", date(2027, 1, 1)},
		{8, "YEARS_3", "3 years", date(2028, 1, 1)},
		{16, "YEARS_11", "11 years", date(2036, 1, 1)},
	}
	for _, tt := range tests {
		got := domain.MilestoneAt(start, tt.n)
		if got.Key != tt.key || got.Label != tt.label || !got.Date.Equal(tt.date) {
			t.Errorf("MilestoneAt(%d) = %+v, want %s %q %s", tt.n, got, tt.key, tt.label, tt.date.Format(time.DateOnly))
		}
	}
}

func TestMilestonesReachedAndNext(t *testing.T) {
	start := date(2025, 1, 1)
	tests := []struct {
		name    string
		today   time.Time
		reached []string
		next    string
		nextOn  time.Time
	}{
		{"start day: nothing yet", start, nil, "HOURS_24", date(2025, 1, 2)},
		{"before the start: nothing", date(2024, 12, 1), nil, "HOURS_24", date(2025, 1, 2)},
		// 24 hours is reached on day 1, the calendar day after the start.
		{"day 1: 24 hours", date(2025, 1, 2), []string{"HOURS_24"}, "DAYS_30", date(2025, 1, 31)},
		{"day 29: not yet 30", date(2025, 1, 30), []string{"HOURS_24"}, "DAYS_30", date(2025, 1, 31)},
		{"day 30", date(2025, 1, 31), []string{"HOURS_24", "DAYS_30"}, "DAYS_60", date(2025, 3, 2)},
		{"day 60", date(2025, 3, 2), []string{"HOURS_24", "DAYS_30", "DAYS_60"}, "DAYS_90", date(2025, 4, 1)},
		{"day 90", date(2025, 4, 1), []string{"HOURS_24", "DAYS_30", "DAYS_60", "DAYS_90"}, "MONTHS_6", date(2025, 7, 1)},
		{"day before 6 months", date(2025, 6, 30), []string{"HOURS_24", "DAYS_30", "DAYS_60", "DAYS_90"}, "MONTHS_6", date(2025, 7, 1)},
		{"6 months", date(2025, 7, 1), []string{"HOURS_24", "DAYS_30", "DAYS_60", "DAYS_90", "MONTHS_6"}, "MONTHS_9", date(2025, 10, 1)},
		{"9 months", date(2025, 10, 1), []string{"HOURS_24", "DAYS_30", "DAYS_60", "DAYS_90", "MONTHS_6", "MONTHS_9"}, "YEARS_1", date(2026, 1, 1)},
		{"1 year", date(2026, 1, 1), []string{"HOURS_24", "DAYS_30", "DAYS_60", "DAYS_90", "MONTHS_6", "MONTHS_9", "YEARS_1"}, "YEARS_2", date(2027, 1, 1)},
		{"between 1 and 2 years", date(2026, 12, 31), []string{"HOURS_24", "DAYS_30", "DAYS_60", "DAYS_90", "MONTHS_6", "MONTHS_9", "YEARS_1"}, "YEARS_2", date(2027, 1, 1)},
		{"2 years", date(2027, 1, 1), []string{"HOURS_24", "DAYS_30", "DAYS_60", "DAYS_90", "MONTHS_6", "MONTHS_9", "YEARS_1", "YEARS_2"}, "YEARS_3", date(2028, 1, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reached, next := domain.Milestones(start, tt.today)
			if got := keys(reached); !equalStrings(got, tt.reached) {
				t.Errorf("reached = %v, want %v", got, tt.reached)
			}
			if next.Key != tt.next || !next.Date.Equal(tt.nextOn) {
				t.Errorf("next = %s on %s, want %s on %s", next.Key, next.Date.Format(time.DateOnly), tt.next, tt.nextOn.Format(time.DateOnly))
			}
			// Reached milestones are oldest first and none lies after today;
			// the next one lies after today.
			for i, m := range reached {
				if m.Date.After(tt.today) {
					t.Errorf("reached %s on %s is after today", m.Key, m.Date.Format(time.DateOnly))
				}
				if i > 0 && !reached[i-1].Date.Before(m.Date) {
					t.Errorf("reached not in date order at %s", m.Key)
				}
			}
			if !next.Date.After(tt.today) {
				t.Errorf("next %s on %s is not after today", next.Key, next.Date.Format(time.DateOnly))
			}
		})
	}
}

// A leap-day sobriety date: month steps stay on the 29th, and the yearly
// anniversaries in common years fall on 1 March (time.AddDate normalises
// 29 February of a common year), back on 29 February in leap years.
func TestMilestonesLeapDayStart(t *testing.T) {
	start := date(2024, 2, 29)
	want := []struct {
		key  string
		date time.Time
	}{
		{"HOURS_24", date(2024, 3, 1)},
		{"DAYS_30", date(2024, 3, 30)},
		{"DAYS_60", date(2024, 4, 29)},
		{"DAYS_90", date(2024, 5, 29)},
		{"MONTHS_6", date(2024, 8, 29)},
		{"MONTHS_9", date(2024, 11, 29)},
		{"YEARS_1", date(2025, 3, 1)},
		{"YEARS_2", date(2026, 3, 1)},
		{"YEARS_3", date(2027, 3, 1)},
		{"YEARS_4", date(2028, 2, 29)},
	}
	for n, w := range want {
		got := domain.MilestoneAt(start, n)
		if got.Key != w.key || !got.Date.Equal(w.date) {
			t.Errorf("MilestoneAt(%d) = %s on %s, want %s on %s", n, got.Key, got.Date.Format(time.DateOnly), w.key, w.date.Format(time.DateOnly))
		}
	}
	// On 28 February 2025 the first anniversary is not reached yet.
	reached, next := domain.Milestones(start, date(2025, 2, 28))
	if len(reached) != 6 || next.Key != "YEARS_1" || !next.Date.Equal(date(2025, 3, 1)) {
		t.Errorf("on 2025-02-28: reached %v, next %s on %s", keys(reached), next.Key, next.Date.Format(time.DateOnly))
	}
	reached, _ = domain.Milestones(start, date(2025, 3, 1))
	if got := keys(reached); len(got) != 7 || got[6] != "YEARS_1" {
		t.Errorf("on 2025-03-01: reached %v, want YEARS_1 last", got)
	}
}

// Month steps follow time.AddDate: 31 August + 6 months overflows February.
func TestMilestonesMonthEndUsesAddDate(t *testing.T) {
	start := date(2025, 8, 31)
	for n, months := range map[int]int{4: 6, 5: 9} {
		got := domain.MilestoneAt(start, n)
		if want := start.AddDate(0, months, 0); !got.Date.Equal(want) {
			t.Errorf("MilestoneAt(%d) = %s, want %s", n, got.Date.Format(time.DateOnly), want.Format(time.DateOnly))
		}
	}
}

func TestDaysInRecovery(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	tests := []struct {
		name         string
		start, today time.Time
		want         int
	}{
		{"same day is 0", date(2025, 5, 1), date(2025, 5, 1), 0},
		{"next day is 1", date(2025, 5, 1), date(2025, 5, 2), 1},
		{"future start is 0", date(2025, 5, 10), date(2025, 5, 1), 0},
		{"a leap year has 366 days", date(2024, 1, 1), date(2025, 1, 1), 366},
		{"a common year has 365 days", date(2025, 1, 1), date(2026, 1, 1), 365},
		// Only calendar dates count: the time of day never rounds a day away.
		{"late start, early today", time.Date(2025, 5, 1, 23, 59, 0, 0, time.UTC), time.Date(2025, 5, 2, 0, 1, 0, 0, time.UTC), 1},
		{"same day, different hours", time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 5, 1, 23, 59, 0, 0, time.UTC), 0},
		// Dates in a zone with daylight saving: the 23-hour day of the
		// spring change still counts as one day.
		{"across DST start", time.Date(2025, 3, 8, 0, 0, 0, 0, ny), time.Date(2025, 3, 10, 0, 0, 0, 0, ny), 2},
		{"across DST end", time.Date(2025, 11, 1, 0, 0, 0, 0, ny), time.Date(2025, 11, 3, 0, 0, 0, 0, ny), 2},
		{"ten years", date(2015, 6, 1), date(2025, 6, 1), 3653},
	}
	for _, tt := range tests {
		if got := domain.DaysInRecovery(tt.start, tt.today); got != tt.want {
			t.Errorf("%s: DaysInRecovery = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestMilestoneByKey(t *testing.T) {
	start := time.Date(2020, 2, 29, 0, 0, 0, 0, time.UTC)
	for n := 0; n < 12; n++ {
		want := domain.MilestoneAt(start, n)
		got, ok := domain.MilestoneByKey(start, want.Key)
		if !ok || got != want {
			t.Errorf("MilestoneByKey(%q) = %+v, %v; want %+v", want.Key, got, ok, want)
		}
	}
	if _, ok := domain.MilestoneByKey(start, "DAYS_45"); ok {
		t.Error("found a milestone that does not exist")
	}
}
