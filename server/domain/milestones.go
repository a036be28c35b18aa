package domain

import (
	"fmt"
	"time"
)

// Milestone is a sobriety anniversary: 24 hours, 30, 60 and 90 days, 6 and 9
// months, 1 year, then every year.
type Milestone struct {
	Key   string
	Label string
	Date  time.Time
}

type milestoneStep struct {
	key, label    string
	years, months int
	days          int
}

var fixedMilestones = []milestoneStep{
	{key: "HOURS_24", label: "24 hours", days: 1},
	{key: "DAYS_30", label: "30 days", days: 30},
	{key: "DAYS_60", label: "60 days", days: 60},
	{key: "DAYS_90", label: "90 days", days: 90},
	{key: "MONTHS_6", label: "6 months", months: 6},
	{key: "MONTHS_9", label: "9 months", months: 9},
}

// MilestoneAt returns the n-th milestone (0-based) after start.
func MilestoneAt(start time.Time, n int) Milestone {
	if n < len(fixedMilestones) {
		s := fixedMilestones[n]
		return Milestone{Key: s.key, Label: s.label, Date: start.AddDate(s.years, s.months, s.days)}
	}
	years := n - len(fixedMilestones) + 1
	label := "1 year"
	if years > 1 {
		label = fmt.Sprintf("%d years", years)
	}
	return Milestone{Key: fmt.Sprintf("YEARS_%d", years), Label: label, Date: start.AddDate(years, 0, 0)}
}

// Milestones returns the milestones reached by today (oldest first) and the
// next one to come.
func Milestones(start, today time.Time) (reached []Milestone, next Milestone) {
	for n := 0; ; n++ {
		m := MilestoneAt(start, n)
		if m.Date.After(today) {
			return reached, m
		}
		reached = append(reached, m)
	}
}

// DaysInRecovery counts whole days from the recovery start date to today
// (both calendar dates); 0 on the start date itself.
func DaysInRecovery(start, today time.Time) int {
	s := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
	t := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	days := int(t.Sub(s).Hours() / 24)
	if days < 0 {
		return 0
	}
	return days
}

// MilestoneByKey finds the milestone with key among those counted from
// start (e.g. "DAYS_90" or "YEARS_3").
func MilestoneByKey(start time.Time, key string) (Milestone, bool) {
	for n := 0; n < len(fixedMilestones)+maxMilestoneYears; n++ {
		if m := MilestoneAt(start, n); m.Key == key {
			return m, true
		}
	}
	return Milestone{}, false
}

// maxMilestoneYears bounds the search of MilestoneByKey; nobody alive has
// more years in recovery.
const maxMilestoneYears = 120
