package domain_test

import (
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
)

func TestCheckAttendance(t *testing.T) {
	started := now.Add(-time.Minute)
	upcoming := now.Add(time.Minute)
	line := func(member int64, status domain.AttendanceStatus) domain.AttendanceEntry {
		return domain.AttendanceEntry{MemberID: member, Status: status}
	}
	tests := []struct {
		name     string
		entries  []domain.AttendanceEntry
		startsAt time.Time
		code     domain.Code
		path     []string
	}{
		{"every status after the start", []domain.AttendanceEntry{line(1, domain.AttendancePresent), line(2, domain.AttendanceLate),
			line(3, domain.AttendanceExcused), line(4, domain.AttendanceAbsent)}, started, "", nil},
		{"at the very start", []domain.AttendanceEntry{line(1, domain.AttendancePresent)}, now, "", nil},
		{"excused ahead", []domain.AttendanceEntry{line(1, domain.AttendanceExcused), line(2, domain.AttendanceExcused)}, upcoming, "", nil},
		{"present ahead", []domain.AttendanceEntry{line(1, domain.AttendanceExcused), line(2, domain.AttendancePresent)}, upcoming,
			domain.CodeMeetingNotStarted, []string{"input", "entries", "1", "status"}},
		{"late ahead", []domain.AttendanceEntry{line(1, domain.AttendanceLate)}, upcoming,
			domain.CodeMeetingNotStarted, []string{"input", "entries", "0", "status"}},
		{"absent ahead", []domain.AttendanceEntry{line(1, domain.AttendanceAbsent)}, upcoming,
			domain.CodeMeetingNotStarted, []string{"input", "entries", "0", "status"}},
		{"member twice", []domain.AttendanceEntry{line(1, domain.AttendancePresent), line(2, domain.AttendancePresent),
			line(3, domain.AttendancePresent), line(1, domain.AttendanceLate)}, started,
			domain.CodeInvalidInput, []string{"input", "entries", "3", "memberId"}},
		{"unknown status", []domain.AttendanceEntry{line(1, "ASLEEP")}, started,
			domain.CodeInvalidInput, []string{"input", "entries", "0", "status"}},
		{"no lines", nil, started, domain.CodeInvalidInput, []string{"input", "entries"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := domain.CheckAttendance(tt.entries, tt.startsAt, now)
			wantErrAt(t, err, tt.code, tt.path)
		})
	}
	many := make([]domain.AttendanceEntry, domain.MaxAttendanceEntries+1)
	for i := range many {
		many[i] = line(int64(i+1), domain.AttendancePresent)
	}
	wantErr(t, domain.CheckAttendance(many, started, now), domain.CodeInvalidInput, "entries")
}

func TestSummarizeAttendance(t *testing.T) {
	w1, w2, w3 := groupsDate(2025, 6, 2), groupsDate(2025, 6, 9), groupsDate(2025, 6, 16)
	tally := func(week time.Time, group int64, kind domain.GroupKind, status domain.AttendanceStatus, n int) domain.AttendanceTally {
		return domain.AttendanceTally{WeekStart: week, GroupID: group, GroupKind: kind, Status: status, Meetings: n}
	}
	got := domain.SummarizeAttendance([]domain.AttendanceTally{
		tally(w1, 1, domain.GroupAftercare, domain.AttendancePresent, 2),
		tally(w1, 1, domain.GroupAftercare, domain.AttendanceLate, 1),
		tally(w1, 2, domain.GroupTherapy, domain.AttendancePresent, 1),
		tally(w3, 3, domain.GroupAftercare, domain.AttendancePresent, 1),
		tally(w3, 4, domain.GroupAftercare, domain.AttendanceAbsent, 2), // missed: not a program taken part in
		tally(w3, 2, domain.GroupTherapy, domain.AttendanceExcused, 3),
	}, []time.Time{w1, w2, w3})
	if got.MeetingsAttended != 5 || got.AftercareMeetingsAttended != 4 || got.DistinctAftercarePrograms != 2 ||
		got.MeetingsMissed != 2 || got.MeetingsExcused != 3 {
		t.Errorf("counts %+v", got)
	}
	if got.AttendanceRate == nil || *got.AttendanceRate != 5.0/7.0 {
		t.Errorf("rate %v, want 5/7 (excused does not count)", got.AttendanceRate)
	}
	wantWeeks := []domain.AttendanceWeek{{WeekStart: w1, Attended: 4}, {WeekStart: w2, Attended: 0}, {WeekStart: w3, Attended: 1}}
	if !slices.Equal(got.Weeks, wantWeeks) {
		t.Errorf("weeks %v, want %v", got.Weeks, wantWeeks)
	}

	onlyExcused := domain.SummarizeAttendance([]domain.AttendanceTally{tally(w1, 1, domain.GroupFamily, domain.AttendanceExcused, 2)}, []time.Time{w1})
	if onlyExcused.AttendanceRate != nil || onlyExcused.MeetingsExcused != 2 {
		t.Errorf("only excused: %+v", onlyExcused)
	}
	nothing := domain.SummarizeAttendance(nil, nil)
	if nothing.AttendanceRate != nil || nothing.MeetingsAttended != 0 || len(nothing.Weeks) != 0 {
		t.Errorf("nothing: %+v", nothing)
	}
	allMissed := domain.SummarizeAttendance([]domain.AttendanceTally{tally(w1, 1, domain.GroupAftercare, domain.AttendanceAbsent, 3)}, nil)
	if allMissed.AttendanceRate == nil || *allMissed.AttendanceRate != 0 || allMissed.DistinctAftercarePrograms != 0 {
		t.Errorf("all missed: %+v", allMissed)
	}
}

func TestWeekStarts(t *testing.T) {
	ny := groupsZone(t, "America/New_York")
	tests := []struct {
		name     string
		from, to time.Time
		loc      *time.Location
		want     []time.Time
	}{
		{"Wednesday to Wednesday", time.Date(2025, 6, 4, 12, 0, 0, 0, time.UTC), time.Date(2025, 6, 11, 12, 0, 0, 0, time.UTC), time.UTC,
			[]time.Time{groupsDate(2025, 6, 2), groupsDate(2025, 6, 9)}},
		{"ends at a Monday midnight: that week is not touched", time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC), time.Date(2025, 6, 16, 0, 0, 0, 0, time.UTC), time.UTC,
			[]time.Time{groupsDate(2025, 6, 2), groupsDate(2025, 6, 9)}},
		{"Monday 02:00 UTC is still Sunday in New York", time.Date(2025, 6, 9, 2, 0, 0, 0, time.UTC), time.Date(2025, 6, 9, 3, 0, 0, 0, time.UTC), ny,
			[]time.Time{groupsDate(2025, 6, 2)}},
		{"across the year end", time.Date(2025, 12, 31, 12, 0, 0, 0, time.UTC), time.Date(2026, 1, 6, 12, 0, 0, 0, time.UTC), time.UTC,
			[]time.Time{groupsDate(2025, 12, 29), groupsDate(2026, 1, 5)}},
	}
	for _, tt := range tests {
		if got := domain.WeekStarts(tt.from, tt.to, tt.loc); !slices.EqualFunc(got, tt.want, time.Time.Equal) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestAttendancePeriod(t *testing.T) {
	ny := groupsZone(t, "America/New_York")
	// now is 2025-06-15 12:00 UTC, 08:00 in New York.
	from, to, err := domain.AttendancePeriod(nil, nil, now, ny)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2025, 6, 16, 4, 0, 0, 0, time.UTC); !to.Equal(want) {
		t.Errorf("default end %s, want local midnight after today %s", to, want)
	}
	if want := time.Date(2025, 3, 18, 4, 0, 0, 0, time.UTC); !from.Equal(want) {
		t.Errorf("default start %s, want %s (90 days)", from, want)
	}
	if f2, t2, _ := domain.AttendancePeriod(nil, nil, now.Add(3*time.Hour), ny); !f2.Equal(from) || !t2.Equal(to) {
		t.Error("the default period moved within one day")
	}
	given := now.AddDate(0, 0, -7)
	if f, tt, err := domain.AttendancePeriod(&given, nil, now, ny); err != nil || !f.Equal(given) || !tt.Equal(to) {
		t.Errorf("from only: %s %s %v", f, tt, err)
	}
	if _, _, err := domain.AttendancePeriod(&given, &given, now, ny); domain.ErrorCode(err) != domain.CodeInvalidInput {
		t.Errorf("empty period: %v", err)
	}
	long := now.AddDate(-11, 0, 0)
	if _, _, err := domain.AttendancePeriod(&long, nil, now, ny); domain.ErrorCode(err) != domain.CodeInvalidInput {
		t.Errorf("eleven years: %v", err)
	}
}
