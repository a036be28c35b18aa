package domain

import (
	"fmt"
	"time"
)

const (
	// MaxAttendanceEntries bounds one recordAttendance call.
	MaxAttendanceEntries = 500
	// DefaultAttendanceDays is the period of an attendance summary when none is given.
	DefaultAttendanceDays = 90
	// maxAttendancePeriodDays bounds a summary, and so its list of weeks.
	maxAttendancePeriodDays = 3660
	entriesInputField       = "entries"
)

// AttendanceEntry is one line of a recordAttendance call.
type AttendanceEntry struct {
	MemberID int64
	Status   AttendanceStatus
}

// CheckAttendance validates the lines of a recordAttendance call for a
// meeting starting at startsAt: each member once, and before the meeting
// starts only EXCUSED (someone can send word ahead, but nobody can be there
// or miss it yet). Errors point at the offending line.
func CheckAttendance(entries []AttendanceEntry, startsAt, now time.Time) error {
	lines := make([]attendanceLine, len(entries))
	for i, e := range entries {
		lines[i] = attendanceLine{who: e.MemberID, status: e.Status}
	}
	return checkAttendanceLines(lines, "memberId", "member", startsAt, now)
}

// attendanceLine is one line of an attendance call: who, and how they attended.
type attendanceLine struct {
	who    int64
	status AttendanceStatus
}

// checkAttendanceLines holds the rules of every attendance call (members'
// and family contacts'): each person once, known statuses, and only EXCUSED
// before the meeting starts. whoField names the line's person field and
// noun the person in messages.
func checkAttendanceLines(lines []attendanceLine, whoField, noun string, startsAt, now time.Time) error {
	if len(lines) == 0 {
		return FieldError(CodeInvalidInput, entriesInputField, "Give at least one line.")
	}
	if len(lines) > MaxAttendanceEntries {
		return FieldError(CodeInvalidInput, entriesInputField, "Record at most 500 lines at once.")
	}
	seen := make(map[int64]int, len(lines))
	for i, e := range lines {
		if j, dup := seen[e.who]; dup {
			return GroupLineError(CodeInvalidInput, entriesInputField, i, whoField,
				fmt.Sprintf("The %s is listed twice (lines %d and %d).", noun, j+1, i+1))
		}
		seen[e.who] = i
		if !e.status.Valid() {
			return GroupLineError(CodeInvalidInput, entriesInputField, i, "status", "Unknown attendance status.")
		}
		if e.status != AttendanceExcused && now.Before(startsAt) {
			return GroupLineError(CodeMeetingNotStarted, entriesInputField, i, "status",
				"The meeting has not started; only EXCUSED can be recorded ahead of it.")
		}
	}
	return nil
}

// AttendanceTally counts one member's records with one status at meetings
// of one group in one week: a row of the summary query.
type AttendanceTally struct {
	// WeekStart is the Monday (midnight UTC) of the week, in the provider's zone.
	WeekStart time.Time
	GroupID   int64
	GroupKind GroupKind
	Status    AttendanceStatus
	Meetings  int
}

// AttendanceSummary is attendance counted over a period: an outcome signal.
type AttendanceSummary struct {
	MeetingsAttended          int
	AftercareMeetingsAttended int
	DistinctAftercarePrograms int
	MeetingsMissed            int
	MeetingsExcused           int
	// AttendanceRate is attended / (attended + missed); nil when both are 0.
	AttendanceRate *float64
	Weeks          []AttendanceWeek
}

// AttendanceWeek is how many meetings were attended in one week.
type AttendanceWeek struct {
	WeekStart time.Time
	Attended  int
}

// SummarizeAttendance counts tallies: present and late are attended, absent
// is missed, excused counts apart and not against the rate; aftercare
// meetings are those of AFTERCARE groups, and a program counts once however
// often it was attended. weekStarts lists every week of the period, so weeks
// without attendance appear with 0.
func SummarizeAttendance(tallies []AttendanceTally, weekStarts []time.Time) AttendanceSummary {
	var s AttendanceSummary
	perWeek := map[time.Time]int{}
	programs := map[int64]bool{}
	for _, t := range tallies {
		switch {
		case t.Status.Attended():
			s.MeetingsAttended += t.Meetings
			perWeek[t.WeekStart] += t.Meetings
			if t.GroupKind == GroupAftercare {
				s.AftercareMeetingsAttended += t.Meetings
				programs[t.GroupID] = true
			}
		case t.Status == AttendanceAbsent:
			s.MeetingsMissed += t.Meetings
		case t.Status == AttendanceExcused:
			s.MeetingsExcused += t.Meetings
		}
	}
	s.DistinctAftercarePrograms = len(programs)
	if counted := s.MeetingsAttended + s.MeetingsMissed; counted > 0 {
		rate := float64(s.MeetingsAttended) / float64(counted)
		s.AttendanceRate = &rate
	}
	s.Weeks = make([]AttendanceWeek, len(weekStarts))
	for i, w := range weekStarts {
		s.Weeks[i] = AttendanceWeek{WeekStart: w, Attended: perWeek[w]}
	}
	return s
}

// WeekStarts lists the Mondays (as midnight UTC dates) of every week, Monday
// to Sunday in loc, that the period [from, to) touches, oldest first.
func WeekStarts(from, to time.Time, loc *time.Location) []time.Time {
	first := mondayOf(from.In(loc))
	last := mondayOf(to.Add(-time.Nanosecond).In(loc))
	var out []time.Time
	for w := first; !w.After(last); w = w.AddDate(0, 0, 7) {
		out = append(out, w)
	}
	return out
}

func mondayOf(local time.Time) time.Time {
	day := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, time.UTC)
	return day.AddDate(0, 0, 1-ISOWeekday(day))
}

// AttendancePeriod resolves the period of a summary: [from, to), by default
// the 90 calendar days in loc that end with today. Defaults fall on
// midnights, so every summary of one request and day shares one period.
func AttendancePeriod(from, to *time.Time, now time.Time, loc *time.Location) (time.Time, time.Time, error) {
	local := now.In(loc)
	var start, end time.Time
	if to != nil {
		end = *to
	} else {
		end = LocalInstant(local.Year(), local.Month(), local.Day()+1, 0, 0, loc)
	}
	if from != nil {
		start = *from
	} else {
		endLocal := end.In(loc)
		start = LocalInstant(endLocal.Year(), endLocal.Month(), endLocal.Day()-DefaultAttendanceDays, 0, 0, loc)
	}
	if !start.Before(end) {
		return start, end, &Error{Code: CodeInvalidInput, Field: []string{"period", "endAt"}, Message: "The period must end after it starts."}
	}
	if end.Sub(start) > maxAttendancePeriodDays*24*time.Hour {
		return start, end, &Error{Code: CodeInvalidInput, Field: []string{"period", "endAt"}, Message: "The period is at most ten years long."}
	}
	return start.UTC(), end.UTC(), nil
}
