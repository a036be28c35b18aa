package domain

import "time"

// MaxAdherenceWeeks is how far back adherence looks at most.
const MaxAdherenceWeeks = 52

// WeekStart is the Monday of the week that day (a calendar date, held as
// midnight UTC) falls in.
func WeekStart(day time.Time) time.Time {
	daysSinceMonday := (int(day.Weekday()) + 6) % 7
	return day.AddDate(0, 0, -daysSinceMonday)
}

// AdherenceWeeks are the Mondays of the last `weeks` weeks ending with the
// week of today, oldest first, leaving out the weeks before the plan's
// first week (none at all when the plan starts after this week).
func AdherenceWeeks(startsOn, today time.Time, weeks int) ([]time.Time, error) {
	if weeks < 1 || weeks > MaxAdherenceWeeks {
		return nil, Errorf(CodeInvalidInput, "weeks must be 1-%d.", MaxAdherenceWeeks)
	}
	current := WeekStart(today)
	first := current.AddDate(0, 0, -7*(weeks-1))
	if planWeek := WeekStart(startsOn); planWeek.After(first) {
		first = planWeek
	}
	out := []time.Time{}
	for w := first; !w.After(current); w = w.AddDate(0, 0, 7) {
		out = append(out, w)
	}
	return out, nil
}

// AttendedMeeting is a meeting the member attended (present or late): its
// group and the provider's calendar date it started on.
type AttendedMeeting struct {
	GroupID int64
	On      time.Time
}

// WeekAdherence is one week of one commitment: meetings attended against
// the weekly target.
type WeekAdherence struct {
	WeekStart time.Time
	Attended  int
	Target    int
	Met       bool
}

// CommitmentAdherence is a commitment's adherence week by week, oldest first.
type CommitmentAdherence struct {
	Commitment *AftercareCommitment
	Weeks      []WeekAdherence
}

// TracksAttendance reports whether adherence follows the commitment: it is
// in the plan, at a group, with a weekly target.
func (c *AftercareCommitment) TracksAttendance() bool {
	return c.RemovedAt == nil && c.GroupID != nil && c.TargetPerWeek != nil
}

// Adherence counts, for each commitment that tracks attendance and each
// week, the meetings of its group attended that week; a week is met when
// the count reaches the target. Meetings outside the weeks are ignored.
func Adherence(commitments []*AftercareCommitment, weeks []time.Time, attended []AttendedMeeting) []CommitmentAdherence {
	type groupWeek struct {
		group int64
		week  time.Time
	}
	counts := map[groupWeek]int{}
	for _, a := range attended {
		counts[groupWeek{a.GroupID, WeekStart(a.On)}]++
	}
	out := []CommitmentAdherence{}
	for _, c := range commitments {
		if !c.TracksAttendance() {
			continue
		}
		entry := CommitmentAdherence{Commitment: c, Weeks: make([]WeekAdherence, len(weeks))}
		for i, w := range weeks {
			n := counts[groupWeek{*c.GroupID, w}]
			entry.Weeks[i] = WeekAdherence{WeekStart: w, Attended: n, Target: *c.TargetPerWeek, Met: n >= *c.TargetPerWeek}
		}
		out = append(out, entry)
	}
	return out
}
