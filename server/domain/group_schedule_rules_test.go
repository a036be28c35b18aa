package domain_test

import (
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
)

func groupsZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func groupsDate(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func TestTimeOfDayAt(t *testing.T) {
	tests := []struct {
		day, minute int
		want        domain.TimeOfDay
	}{
		{1, 0, domain.TimeOfDayDay},
		{1, 9 * 60, domain.TimeOfDayDay},
		{3, 16*60 + 59, domain.TimeOfDayDay},
		{3, 17 * 60, domain.TimeOfDayEvening},
		{5, 23*60 + 59, domain.TimeOfDayEvening},
		{6, 9 * 60, domain.TimeOfDayWeekend},
		{6, 19 * 60, domain.TimeOfDayWeekend},
		{7, 0, domain.TimeOfDayWeekend},
	}
	for _, tt := range tests {
		if got := domain.TimeOfDayAt(tt.day, tt.minute); got != tt.want {
			t.Errorf("day %d minute %d: %s, want %s", tt.day, tt.minute, got, tt.want)
		}
	}
}

func TestGroupTimesOfDay(t *testing.T) {
	slot := func(day int, start string) *domain.GroupScheduleSlot {
		return &domain.GroupScheduleSlot{DayOfWeek: day, StartTime: start, DurationMinutes: 60}
	}
	tests := []struct {
		name  string
		slots []*domain.GroupScheduleSlot
		want  []domain.TimeOfDay
	}{
		{"no schedule", nil, []domain.TimeOfDay{}},
		{"weekday morning", []*domain.GroupScheduleSlot{slot(2, "10:00:00")}, []domain.TimeOfDay{domain.TimeOfDayDay}},
		{"evening and weekend, each once, in enum order",
			[]*domain.GroupScheduleSlot{slot(7, "18:00:00"), slot(1, "18:00"), slot(3, "19:30"), slot(6, "09:00")},
			[]domain.TimeOfDay{domain.TimeOfDayEvening, domain.TimeOfDayWeekend}},
		{"all three", []*domain.GroupScheduleSlot{slot(5, "17:00"), slot(5, "16:59"), slot(6, "12:00")},
			[]domain.TimeOfDay{domain.TimeOfDayDay, domain.TimeOfDayEvening, domain.TimeOfDayWeekend}},
	}
	for _, tt := range tests {
		if got := domain.GroupTimesOfDay(tt.slots); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestGroupScheduleSlotStart(t *testing.T) {
	s := domain.GroupScheduleSlot{DayOfWeek: 1, StartTime: "07:05:00"}
	if h, m := s.StartClock(); h != 7 || m != 5 || s.Start() != "07:05" {
		t.Errorf("start %d:%d %q", h, m, s.Start())
	}
}

func TestParseSchedule(t *testing.T) {
	in := func(day int, start string, minutes int) domain.ScheduleSlotInput {
		return domain.ScheduleSlotInput{DayOfWeek: day, StartTime: start, DurationMinutes: minutes}
	}
	tests := []struct {
		name  string
		slots []domain.ScheduleSlotInput
		code  domain.Code
		path  []string
	}{
		{"empty", nil, "", nil},
		{"two evenings", []domain.ScheduleSlotInput{in(2, "18:00", 90), in(4, "18:00", 90)}, "", nil},
		{"back to back", []domain.ScheduleSlotInput{in(2, "18:00", 60), in(2, "19:00", 60)}, "", nil},
		{"day 0", []domain.ScheduleSlotInput{in(0, "18:00", 60)}, domain.CodeInvalidInput, []string{"input", "schedule", "0", "dayOfWeek"}},
		{"day 8", []domain.ScheduleSlotInput{in(1, "18:00", 60), in(8, "18:00", 60)}, domain.CodeInvalidInput, []string{"input", "schedule", "1", "dayOfWeek"}},
		{"one-digit hour", []domain.ScheduleSlotInput{in(1, "7:00", 60)}, domain.CodeInvalidInput, []string{"input", "schedule", "0", "startTime"}},
		{"hour 24", []domain.ScheduleSlotInput{in(1, "24:00", 60)}, domain.CodeInvalidInput, []string{"input", "schedule", "0", "startTime"}},
		{"minute 60", []domain.ScheduleSlotInput{in(1, "12:60", 60)}, domain.CodeInvalidInput, []string{"input", "schedule", "0", "startTime"}},
		{"seconds", []domain.ScheduleSlotInput{in(1, "12:00:00", 60)}, domain.CodeInvalidInput, []string{"input", "schedule", "0", "startTime"}},
		{"signed", []domain.ScheduleSlotInput{in(1, "+1:00", 60)}, domain.CodeInvalidInput, []string{"input", "schedule", "0", "startTime"}},
		{"12-hour clock", []domain.ScheduleSlotInput{in(1, "6pm", 60)}, domain.CodeInvalidInput, []string{"input", "schedule", "0", "startTime"}},
		{"4 minutes", []domain.ScheduleSlotInput{in(1, "12:00", 4)}, domain.CodeInvalidInput, []string{"input", "schedule", "0", "durationMinutes"}},
		{"5 minutes", []domain.ScheduleSlotInput{in(1, "12:00", 5)}, "", nil},
		{"720 minutes", []domain.ScheduleSlotInput{in(1, "08:00", 720)}, "", nil},
		{"721 minutes", []domain.ScheduleSlotInput{in(1, "08:00", 721)}, domain.CodeInvalidInput, []string{"input", "schedule", "0", "durationMinutes"}},
		{"same start twice", []domain.ScheduleSlotInput{in(3, "18:00", 60), in(3, "18:00", 60)}, domain.CodeInvalidInput, []string{"input", "schedule", "1", "startTime"}},
		{"overlapping", []domain.ScheduleSlotInput{in(3, "18:00", 90), in(3, "19:00", 60)}, domain.CodeInvalidInput, []string{"input", "schedule", "1", "startTime"}},
		{"overlapping, later one first", []domain.ScheduleSlotInput{in(3, "19:00", 60), in(3, "18:00", 90)}, domain.CodeInvalidInput, []string{"input", "schedule", "1", "startTime"}},
		{"Sunday night into Monday", []domain.ScheduleSlotInput{in(1, "00:30", 60), in(7, "23:30", 90)}, domain.CodeInvalidInput, []string{"input", "schedule", "1", "startTime"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := domain.ParseSchedule(tt.slots)
			wantErrAt(t, err, tt.code, tt.path)
		})
	}

	many := make([]domain.ScheduleSlotInput, domain.MaxScheduleSlots+1)
	for i := range many {
		many[i] = in(i%7+1, "0"+string(rune('0'+i/7))+":00", 30)
	}
	_, err := domain.ParseSchedule(many)
	wantErr(t, err, domain.CodeInvalidInput, "schedule")

	slots, err := domain.ParseSchedule([]domain.ScheduleSlotInput{in(6, "09:00", 60), in(2, "18:30", 90), in(2, "07:00", 60)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range slots {
		got = append(got, string(rune('0'+s.DayOfWeek))+" "+s.StartTime)
	}
	if want := []string{"2 07:00", "2 18:30", "6 09:00"}; !slices.Equal(got, want) {
		t.Errorf("sorted schedule %v, want %v", got, want)
	}
}

// TestLocalInstant checks wall times across daylight-saving changes: 18:00
// stays 18:00 local, a time in the spring-forward gap moves forward by the
// gap (RFC 5545), and a time repeated at fall-back is its first occurrence.
func TestLocalInstant(t *testing.T) {
	ny := groupsZone(t, "America/New_York")
	berlin := groupsZone(t, "Europe/Berlin")
	lordHowe := groupsZone(t, "Australia/Lord_Howe") // a half-hour change
	tests := []struct {
		name               string
		y                  int
		m                  time.Month
		d, hour, minute    int
		loc                *time.Location
		wantUTC, wantLocal string
	}{
		{"NY Sunday before spring forward", 2025, time.March, 2, 18, 0, ny, "2025-03-02T23:00:00Z", "18:00 EST"},
		{"NY spring-forward day, evening", 2025, time.March, 9, 18, 0, ny, "2025-03-09T22:00:00Z", "18:00 EDT"},
		{"NY spring-forward gap", 2025, time.March, 9, 2, 30, ny, "2025-03-09T07:30:00Z", "03:30 EDT"},
		{"NY start of gap", 2025, time.March, 9, 2, 0, ny, "2025-03-09T07:00:00Z", "03:00 EDT"},
		{"NY just before the gap", 2025, time.March, 9, 1, 59, ny, "2025-03-09T06:59:00Z", "01:59 EST"},
		{"NY end of gap", 2025, time.March, 9, 3, 0, ny, "2025-03-09T07:00:00Z", "03:00 EDT"},
		{"NY Sunday before fall back", 2025, time.October, 26, 18, 0, ny, "2025-10-26T22:00:00Z", "18:00 EDT"},
		{"NY fall-back day, evening", 2025, time.November, 2, 18, 0, ny, "2025-11-02T23:00:00Z", "18:00 EST"},
		{"NY repeated hour: first occurrence", 2025, time.November, 2, 1, 30, ny, "2025-11-02T05:30:00Z", "01:30 EDT"},
		{"NY after the repeated hour", 2025, time.November, 2, 2, 0, ny, "2025-11-02T07:00:00Z", "02:00 EST"},
		{"Berlin gap", 2025, time.March, 30, 2, 15, berlin, "2025-03-30T01:15:00Z", "03:15 CEST"},
		{"Lord Howe half-hour gap", 2025, time.October, 5, 2, 15, lordHowe, "2025-10-04T15:45:00Z", "02:45 +11"},
		{"UTC", 2025, time.March, 9, 2, 30, time.UTC, "2025-03-09T02:30:00Z", "02:30 UTC"},
	}
	for _, tt := range tests {
		got := domain.LocalInstant(tt.y, tt.m, tt.d, tt.hour, tt.minute, tt.loc)
		if s := got.Format(time.RFC3339); s != tt.wantUTC {
			t.Errorf("%s: %s, want %s", tt.name, s, tt.wantUTC)
		}
		if s := got.In(tt.loc).Format("15:04 MST"); s != tt.wantLocal {
			t.Errorf("%s: local %s, want %s", tt.name, s, tt.wantLocal)
		}
	}
}

// TestMeetingTimesAcrossDST materialises a Sunday 18:00 meeting in New
// York through both changes of 2025: every meeting starts at 18:00 local,
// so the UTC hour moves with the offset, and lasts its 90 minutes.
func TestMeetingTimesAcrossDST(t *testing.T) {
	ny := groupsZone(t, "America/New_York")
	slots := []*domain.GroupScheduleSlot{{DayOfWeek: 7, StartTime: "18:00:00", DurationMinutes: 90}}
	tests := []struct {
		name     string
		from, to time.Time
		wantUTC  []string
	}{
		{"March", groupsDate(2025, 3, 1), groupsDate(2025, 3, 17),
			[]string{"2025-03-02T23:00:00Z", "2025-03-09T22:00:00Z", "2025-03-16T22:00:00Z"}},
		{"November", groupsDate(2025, 10, 26), groupsDate(2025, 11, 10),
			[]string{"2025-10-26T22:00:00Z", "2025-11-02T23:00:00Z", "2025-11-09T23:00:00Z"}},
		{"one day, no meeting", groupsDate(2025, 3, 10), groupsDate(2025, 3, 11), nil},
		{"the end day is excluded", groupsDate(2025, 3, 10), groupsDate(2025, 3, 16), nil},
	}
	for _, tt := range tests {
		got := domain.MeetingTimes(slots, ny, domain.DateRange{StartOn: tt.from, EndOn: tt.to})
		var starts []string
		for _, m := range got {
			starts = append(starts, m.StartsAt.Format(time.RFC3339))
			if local := m.StartsAt.In(ny).Format("15:04"); local != "18:00" {
				t.Errorf("%s: meeting at %s local", tt.name, local)
			}
			if d := m.EndsAt.Sub(m.StartsAt); d != 90*time.Minute {
				t.Errorf("%s: lasts %s", tt.name, d)
			}
		}
		if !slices.Equal(starts, tt.wantUTC) {
			t.Errorf("%s: %v, want %v", tt.name, starts, tt.wantUTC)
		}
	}
}

// TestMeetingTimesInTheGap: a 02:30 slot moves to 03:30 on the
// spring-forward day; a 03:30 slot the same day lands on the same instant
// and makes no second meeting.
func TestMeetingTimesInTheGap(t *testing.T) {
	ny := groupsZone(t, "America/New_York")
	slots := []*domain.GroupScheduleSlot{
		{DayOfWeek: 7, StartTime: "02:30", DurationMinutes: 30},
		{DayOfWeek: 7, StartTime: "03:30", DurationMinutes: 45},
	}
	got := domain.MeetingTimes(slots, ny, domain.DateRange{StartOn: groupsDate(2025, 3, 2), EndOn: groupsDate(2025, 3, 10)})
	var starts []string
	for _, m := range got {
		starts = append(starts, m.StartsAt.In(ny).Format("Jan 2 15:04 MST")+" "+m.EndsAt.Sub(m.StartsAt).String())
	}
	want := []string{"Mar 2 02:30 EST 30m0s", "Mar 2 03:30 EST 45m0s", "Mar 9 03:30 EDT 30m0s"}
	if !slices.Equal(starts, want) {
		t.Errorf("%v, want %v", starts, want)
	}
}

func TestFitSchedule(t *testing.T) {
	ny := groupsZone(t, "America/New_York")
	slots := []*domain.GroupScheduleSlot{
		{DayOfWeek: 2, StartTime: "18:00:00", DurationMinutes: 60},
		{DayOfWeek: 7, StartTime: "02:30:00", DurationMinutes: 30},
	}
	tests := []struct {
		name     string
		startsAt time.Time
		fits     bool
		endsAt   time.Time
	}{
		{"Tuesday 18:00 EDT", time.Date(2025, 6, 17, 22, 0, 0, 0, time.UTC), true, time.Date(2025, 6, 17, 23, 0, 0, 0, time.UTC)},
		{"Tuesday 18:00 EST", time.Date(2025, 12, 16, 23, 0, 0, 0, time.UTC), true, time.Date(2025, 12, 17, 0, 0, 0, 0, time.UTC)},
		{"Tuesday 19:00", time.Date(2025, 6, 17, 23, 0, 0, 0, time.UTC), false, time.Time{}},
		{"Wednesday 18:00", time.Date(2025, 6, 18, 22, 0, 0, 0, time.UTC), false, time.Time{}},
		{"gap slot moved to 03:30", time.Date(2025, 3, 9, 7, 30, 0, 0, time.UTC), true, time.Date(2025, 3, 9, 8, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		endsAt, fits := domain.FitSchedule(tt.startsAt, slots, ny)
		if fits != tt.fits || !endsAt.Equal(tt.endsAt) {
			t.Errorf("%s: fits %v until %s, want %v until %s", tt.name, fits, endsAt, tt.fits, tt.endsAt)
		}
	}
}

func TestMeetingTimeOfDay(t *testing.T) {
	ny := groupsZone(t, "America/New_York")
	tests := []struct {
		at   time.Time
		want domain.TimeOfDay
	}{
		{time.Date(2025, 6, 17, 20, 59, 0, 0, time.UTC), domain.TimeOfDayDay},      // Tuesday 16:59 EDT
		{time.Date(2025, 6, 17, 21, 0, 0, 0, time.UTC), domain.TimeOfDayEvening},   // Tuesday 17:00 EDT
		{time.Date(2025, 6, 21, 2, 0, 0, 0, time.UTC), domain.TimeOfDayEvening},    // Friday 22:00 EDT, Saturday in UTC
		{time.Date(2025, 6, 23, 3, 0, 0, 0, time.UTC), domain.TimeOfDayWeekend},    // Sunday 23:00 EDT, Monday in UTC
		{time.Date(2025, 12, 16, 21, 30, 0, 0, time.UTC), domain.TimeOfDayDay},     // Tuesday 16:30 EST
		{time.Date(2025, 12, 16, 22, 30, 0, 0, time.UTC), domain.TimeOfDayEvening}, // Tuesday 17:30 EST
	}
	for _, tt := range tests {
		if got := domain.MeetingTimeOfDay(tt.at, ny); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.at.In(ny).Format(time.RFC1123), got, tt.want)
		}
	}
}

func TestCheckScheduleRange(t *testing.T) {
	from := groupsDate(2025, 1, 1)
	days := func(n int) domain.DateRange { return domain.DateRange{StartOn: from, EndOn: from.AddDate(0, 0, n)} }
	wantErr(t, domain.CheckScheduleRange(days(1)), "", "")
	wantErr(t, domain.CheckScheduleRange(days(366)), "", "")
	wantErr(t, domain.CheckScheduleRange(days(367)), domain.CodeInvalidInput, "period.endOn")
	wantErr(t, domain.CheckScheduleRange(days(0)), domain.CodeInvalidInput, "period.endOn")
	wantErr(t, domain.CheckScheduleRange(days(-1)), domain.CodeInvalidInput, "period.endOn")
}

func TestCheckMeetingWindow(t *testing.T) {
	from := time.Date(2025, 1, 1, 5, 0, 0, 0, time.UTC)
	year := from.AddDate(0, 0, 366)
	if err := domain.CheckMeetingWindow(&from, &year); err != nil {
		t.Error(err)
	}
	for _, to := range []time.Time{from, from.Add(-time.Second), from.AddDate(0, 0, 366).Add(time.Second)} {
		if domain.ErrorCode(domain.CheckMeetingWindow(&from, &to)) != domain.CodeInvalidInput {
			t.Errorf("window to %s accepted", to)
		}
	}
	if domain.ErrorCode(domain.CheckMeetingWindow(&from, nil)) != domain.CodeInvalidInput || domain.ErrorCode(domain.CheckMeetingWindow(nil, &year)) != domain.CodeInvalidInput {
		t.Error("a window with an open end accepted")
	}
}
