package domain

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

const (
	// eveningStart is when a weekday meeting stops being a day meeting.
	eveningStart = 17 * 60
	// MaxScheduleSlots bounds a group's weekly schedule (four meetings a day).
	MaxScheduleSlots = 28
	// MaxScheduleDays bounds one scheduleMeetings call, so one request never
	// writes years of meetings.
	MaxScheduleDays    = 366
	minMeetingMinutes  = 5
	maxMeetingMinutes  = 720
	minutesPerWeek     = 7 * 24 * 60
	isoSaturday        = 6
	scheduleInputField = "schedule"
)

// ISOWeekday is t's day of the week, 1 = Monday … 7 = Sunday, as stored in
// group_schedule_slots.day_of_week.
func ISOWeekday(t time.Time) int {
	if d := int(t.Weekday()); d != 0 {
		return d
	}
	return 7
}

// TimeOfDayAt classifies a meeting by its local day and start (minutes after
// midnight): Saturday and Sunday are the weekend, a weekday meeting starting
// before 17:00 is a day meeting, any later one an evening meeting. The
// store's SQL filter (timeOfDaySQL) implements the same rule.
func TimeOfDayAt(isoWeekday, minuteOfDay int) TimeOfDay {
	switch {
	case isoWeekday >= isoSaturday:
		return TimeOfDayWeekend
	case minuteOfDay < eveningStart:
		return TimeOfDayDay
	default:
		return TimeOfDayEvening
	}
}

// StartClock returns the slot's local start as hour and minute; the
// database hands the time back as "HH:MM:SS".
func (s GroupScheduleSlot) StartClock() (hour, minute int) {
	h, m, _ := strings.Cut(s.StartTime, ":")
	hour, _ = strconv.Atoi(h)
	minute, _ = strconv.Atoi(m[:min(2, len(m))])
	return hour, minute
}

// Start is the slot's local start as "HH:MM".
func (s GroupScheduleSlot) Start() string {
	h, m := s.StartClock()
	return fmt.Sprintf("%02d:%02d", h, m)
}

// TimeOfDay is when the slot falls: day, evening or weekend.
func (s GroupScheduleSlot) TimeOfDay() TimeOfDay {
	h, m := s.StartClock()
	return TimeOfDayAt(s.DayOfWeek, h*60+m)
}

// GroupTimesOfDay lists the times of day a schedule covers, each once, in the
// order DAY, EVENING, WEEKEND.
func GroupTimesOfDay(slots []*GroupScheduleSlot) []TimeOfDay {
	out := []TimeOfDay{}
	for _, t := range []TimeOfDay{TimeOfDayDay, TimeOfDayEvening, TimeOfDayWeekend} {
		if slices.ContainsFunc(slots, func(s *GroupScheduleSlot) bool { return s.TimeOfDay() == t }) {
			out = append(out, t)
		}
	}
	return out
}

// MeetingTimeOfDay classifies a meeting by its start in the group's zone.
func MeetingTimeOfDay(startsAt time.Time, loc *time.Location) TimeOfDay {
	local := startsAt.In(loc)
	return TimeOfDayAt(ISOWeekday(local), local.Hour()*60+local.Minute())
}

// ScheduleSlotInput is one weekly meeting time as entered.
type ScheduleSlotInput struct {
	DayOfWeek       int
	StartTime       string
	DurationMinutes int
}

// ParseSchedule validates a weekly schedule: known days, "HH:MM" starts,
// 5-720 minutes, and no two meetings of the group overlapping (a meeting
// running past midnight on Sunday overlaps Monday's). Errors point at the
// line.
func ParseSchedule(in []ScheduleSlotInput) ([]*GroupScheduleSlot, error) {
	if len(in) > MaxScheduleSlots {
		return nil, FieldError(CodeInvalidInput, scheduleInputField, "A schedule has at most 28 meeting times.")
	}
	slots := make([]*GroupScheduleSlot, len(in))
	for i, s := range in {
		if s.DayOfWeek < 1 || s.DayOfWeek > 7 {
			return nil, GroupLineError(CodeInvalidInput, scheduleInputField, i, "dayOfWeek", "Unknown day of the week.")
		}
		minute, ok := parseClock(s.StartTime)
		if !ok {
			return nil, GroupLineError(CodeInvalidInput, scheduleInputField, i, "startTime",
				"Give the start as HH:MM on a 24-hour clock, e.g. 18:30.")
		}
		if s.DurationMinutes < minMeetingMinutes || s.DurationMinutes > maxMeetingMinutes {
			return nil, GroupLineError(CodeInvalidInput, scheduleInputField, i, "durationMinutes",
				"A meeting lasts 5 to 720 minutes.")
		}
		slots[i] = &GroupScheduleSlot{DayOfWeek: s.DayOfWeek, StartTime: fmt.Sprintf("%02d:%02d", minute/60, minute%60),
			DurationMinutes: s.DurationMinutes}
		for j := range i {
			if slotsOverlap(slots[j], slots[i]) {
				return nil, GroupLineError(CodeInvalidInput, scheduleInputField, i, "startTime",
					fmt.Sprintf("Overlaps the meeting time on line %d.", j+1))
			}
		}
	}
	SortSchedule(slots)
	return slots, nil
}

// SortSchedule orders slots by day and start.
func SortSchedule(slots []*GroupScheduleSlot) {
	slices.SortFunc(slots, func(a, b *GroupScheduleSlot) int { return weekMinute(a) - weekMinute(b) })
}

// parseClock reads "HH:MM" (24-hour) into minutes after midnight.
func parseClock(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	h, errH := strconv.Atoi(s[:2])
	m, errM := strconv.Atoi(s[3:])
	if errH != nil || errM != nil || s[0] == '+' || s[3] == '+' || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

func weekMinute(s *GroupScheduleSlot) int {
	h, m := s.StartClock()
	return (s.DayOfWeek-1)*24*60 + h*60 + m
}

// slotsOverlap compares two weekly meetings on the week's circle.
func slotsOverlap(a, b *GroupScheduleSlot) bool {
	startA, startB := weekMinute(a), weekMinute(b)
	d := ((startB-startA)%minutesPerWeek + minutesPerWeek) % minutesPerWeek // b starts d minutes after a
	return d < a.DurationMinutes || minutesPerWeek-d < b.DurationMinutes
}

// LocalInstant is the instant at which a wall-clock time on a calendar day
// happens in loc. Across daylight-saving changes the wall time wins (18:00
// stays 18:00). A time that happens twice, when clocks fall back, is its
// first occurrence; a time that never happens, when clocks spring forward,
// is read with the offset in force before the change, so 02:30 on the
// spring-forward day in New York is 03:30 daylight time: the rule of RFC
// 5545 (iCalendar), which calendar apps follow.
func LocalInstant(year int, month time.Month, day, hour, minute int, loc *time.Location) time.Time {
	wall := time.Date(year, month, day, hour, minute, 0, 0, time.UTC)
	year, month, day = wall.Date()
	// Zone offsets lie within ±14 hours, so these two instants fall before
	// and after any change that could affect this wall time.
	_, before := wall.Add(-26 * time.Hour).In(loc).Zone()
	_, after := wall.Add(26 * time.Hour).In(loc).Zone()
	var first time.Time
	for _, offset := range []int{before, after} {
		t := wall.Add(-time.Duration(offset) * time.Second).In(loc)
		y, mo, d := t.Date()
		if y == year && mo == month && d == day && t.Hour() == wall.Hour() && t.Minute() == wall.Minute() &&
			(first.IsZero() || t.Before(first)) {
			first = t
		}
	}
	if first.IsZero() {
		first = wall.Add(-time.Duration(before) * time.Second)
	}
	return first.UTC()
}

// MeetingTime is when one meeting of a schedule runs.
type MeetingTime struct {
	StartsAt, EndsAt time.Time
}

// CheckScheduleRange validates the calendar days of a scheduleMeetings call
// (start included, end excluded): at least one day, at most 366.
func CheckScheduleRange(period DateRange) error {
	endOn := &Error{Code: CodeInvalidInput, Field: []string{"input", "period", "endOn"}}
	if !period.EndOn.After(period.StartOn) {
		endOn.Message = "The period must end after it starts (the end day is excluded)."
		return endOn
	}
	if period.EndOn.After(period.StartOn.AddDate(0, 0, MaxScheduleDays)) {
		endOn.Message = "Schedule at most 366 days at once."
		return endOn
	}
	return nil
}

// MeetingTimes lists the meetings a weekly schedule in loc makes on the
// calendar days of period (start included, end excluded), by start. Two
// slots that land on the same instant (02:30 and 03:30 on a spring-forward
// day) make one meeting, the earlier slot's.
func MeetingTimes(slots []*GroupScheduleSlot, loc *time.Location, period DateRange) []MeetingTime {
	var out []MeetingTime
	seen := map[time.Time]bool{}
	for d := period.StartOn; d.Before(period.EndOn); d = d.AddDate(0, 0, 1) {
		for _, s := range slots {
			if s.DayOfWeek != ISOWeekday(d) {
				continue
			}
			h, m := s.StartClock()
			start := LocalInstant(d.Year(), d.Month(), d.Day(), h, m, loc)
			if seen[start] {
				continue
			}
			seen[start] = true
			out = append(out, MeetingTime{StartsAt: start, EndsAt: start.Add(time.Duration(s.DurationMinutes) * time.Minute)})
		}
	}
	slices.SortFunc(out, func(a, b MeetingTime) int { return a.StartsAt.Compare(b.StartsAt) })
	return out
}

// FitSchedule tells whether a meeting starting at startsAt belongs to the
// schedule in loc, and if so when it ends under that schedule.
func FitSchedule(startsAt time.Time, slots []*GroupScheduleSlot, loc *time.Location) (endsAt time.Time, fits bool) {
	local := startsAt.In(loc)
	// A spring-forward gap can move a late slot past midnight, so the day
	// before is tried too.
	for _, d := range []time.Time{local, local.AddDate(0, 0, -1)} {
		for _, s := range slots {
			if s.DayOfWeek != ISOWeekday(d) {
				continue
			}
			h, m := s.StartClock()
			if LocalInstant(d.Year(), d.Month(), d.Day(), h, m, loc).Equal(startsAt) {
				return startsAt.Add(time.Duration(s.DurationMinutes) * time.Minute), true
			}
		}
	}
	return time.Time{}, false
}

// CheckMeetingWindow validates the range of a meeting list (start
// included, end excluded): both ends given, at most 366 days apart.
func CheckMeetingWindow(startAt, endAt *time.Time) error {
	field := []string{"filter", "startsWithin", "endAt"}
	switch {
	case startAt == nil:
		return &Error{Code: CodeInvalidInput, Field: []string{"filter", "startsWithin", "startAt"}, Message: "Give the start of the range."}
	case endAt == nil:
		return &Error{Code: CodeInvalidInput, Field: field, Message: "Give the end of the range."}
	case !startAt.Before(*endAt):
		return &Error{Code: CodeInvalidInput, Field: field, Message: "The range must end after it starts."}
	case endAt.Sub(*startAt) > MaxScheduleDays*24*time.Hour:
		return &Error{Code: CodeInvalidInput, Field: field, Message: "List at most 366 days of meetings at once."}
	}
	return nil
}
