package store_test

import (
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// groupsMeetingAt creates a one-off meeting of a group at start, straight
// in the table, for tests that need meetings at exact instants.
func groupsMeetingAt(t *testing.T, st *store.Store, groupID int64, start time.Time) *domain.Meeting {
	t.Helper()
	m := &domain.Meeting{GroupID: groupID, StartsAt: start, EndsAt: start.Add(time.Hour)}
	if _, err := st.DB().NewInsert().Model(m).ExcludeColumn("created_at").Returning("*").Exec(ctx); err != nil {
		t.Fatal(err)
	}
	return m
}

func groupsEntry(member int64, status domain.AttendanceStatus) domain.AttendanceEntry {
	return domain.AttendanceEntry{MemberID: member, Status: status}
}

func TestRecordAttendance(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	a, b, c, d := newMember(t, st, by, "Ann", "Zed"), newMember(t, st, by, "Bo", "Young"), newMember(t, st, by, "Cy", "Xu"), newMember(t, st, by, "Di", "Wu")
	g := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("G", domain.GroupAftercare, "")})
	past := groupsMeetingAt(t, st, g.ID, clock.Add(-2*time.Hour))
	upcoming := groupsMeetingAt(t, st, g.ID, clock.Add(2*time.Hour))

	m, err := st.RecordAttendance(ctx, by, past.ID, []domain.AttendanceEntry{
		groupsEntry(a.ID, domain.AttendancePresent), groupsEntry(b.ID, domain.AttendanceLate), groupsEntry(c.ID, domain.AttendanceAbsent)})
	if err != nil || m.ID != past.ID {
		t.Fatalf("record: %+v, %v", m, err)
	}
	// Re-recording replaces one status and adds a member.
	if _, err := st.RecordAttendance(ctx, by, past.ID, []domain.AttendanceEntry{
		groupsEntry(c.ID, domain.AttendanceExcused), groupsEntry(d.ID, domain.AttendancePresent)}); err != nil {
		t.Fatal(err)
	}
	want := map[int64]domain.AttendanceStatus{a.ID: domain.AttendancePresent, b.ID: domain.AttendanceLate,
		c.ID: domain.AttendanceExcused, d.ID: domain.AttendancePresent}
	got := groupsStatuses(t, st, past.ID)
	if len(got) != 4 || got[a.ID] != want[a.ID] || got[b.ID] != want[b.ID] || got[c.ID] != want[c.ID] || got[d.ID] != want[d.ID] {
		t.Errorf("statuses %v, want %v", got, want)
	}
	records, _ := st.AttendancePagesByMeetingID(ctx, []int64{past.ID}, store.PageRequest{Limit: 100})
	var names []int64
	for _, r := range records[past.ID].Items {
		names = append(names, r.MemberID)
		if r.RecordedByUserID == nil || *r.RecordedByUserID != by {
			t.Errorf("recorded by %v", r.RecordedByUserID)
		}
	}
	if wantOrder := []int64{d.ID, c.ID, b.ID, a.ID}; !slices.Equal(names, wantOrder) { // by last name
		t.Errorf("order %v, want %v", names, wantOrder)
	}

	// One bad line writes nothing; the error points at the line.
	refusals := []struct {
		name    string
		meeting int64
		entries []domain.AttendanceEntry
		code    domain.Code
		path    []string
	}{
		{"unknown member on line 3", past.ID, []domain.AttendanceEntry{groupsEntry(a.ID, domain.AttendanceAbsent),
			groupsEntry(b.ID, domain.AttendanceAbsent), groupsEntry(c.ID, domain.AttendanceAbsent), groupsEntry(999, domain.AttendancePresent)},
			domain.CodeNotFound, []string{"input", "entries", "3", "memberId"}},
		{"member twice", past.ID, []domain.AttendanceEntry{groupsEntry(a.ID, domain.AttendanceAbsent), groupsEntry(a.ID, domain.AttendancePresent)},
			domain.CodeInvalidInput, []string{"input", "entries", "1", "memberId"}},
		{"present before the start", upcoming.ID, []domain.AttendanceEntry{groupsEntry(a.ID, domain.AttendanceExcused), groupsEntry(b.ID, domain.AttendancePresent)},
			domain.CodeMeetingNotStarted, []string{"input", "entries", "1", "status"}},
		{"absent before the start", upcoming.ID, []domain.AttendanceEntry{groupsEntry(a.ID, domain.AttendanceAbsent)},
			domain.CodeMeetingNotStarted, []string{"input", "entries", "0", "status"}},
		{"unknown meeting", 999, []domain.AttendanceEntry{groupsEntry(a.ID, domain.AttendancePresent)},
			domain.CodeNotFound, []string{"input", "meetingId"}},
	}
	for _, tt := range refusals {
		_, err := st.RecordAttendance(ctx, by, tt.meeting, tt.entries)
		e := domain.AsError(err)
		if e == nil || e.Code != tt.code || !slices.Equal(e.Field, tt.path) {
			t.Errorf("%s: %v (%+v), want %s at %v", tt.name, err, e, tt.code, tt.path)
		}
	}
	if after := groupsStatuses(t, st, past.ID); len(after) != 4 || after[a.ID] != domain.AttendancePresent {
		t.Errorf("a refused call changed attendance: %v", after)
	}
	if n := len(groupsStatuses(t, st, upcoming.ID)); n != 0 {
		t.Errorf("a refused call wrote %d records", n)
	}
	// Excused is fine ahead of the meeting.
	if _, err := st.RecordAttendance(ctx, by, upcoming.ID, []domain.AttendanceEntry{groupsEntry(a.ID, domain.AttendanceExcused)}); err != nil {
		t.Fatal(err)
	}
}

// TestConcurrentRecordAttendance: twenty staff record one meeting at once,
// each with its own statuses for overlapping sets of members. Every call
// succeeds (the meeting's row lock makes them take turns, and the upsert
// replaces), and each member ends with the status one of the calls gave;
// members all calls named end with the statuses of one single call.
func TestConcurrentRecordAttendance(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	g := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("G", domain.GroupAftercare, "")})
	meeting := groupsMeetingAt(t, st, g.ID, clock.Add(-time.Hour))
	var members []int64
	for i := range 6 {
		members = append(members, newMember(t, st, by, "M", string(rune('A'+i))).ID)
	}
	statuses := []domain.AttendanceStatus{domain.AttendancePresent, domain.AttendanceLate, domain.AttendanceExcused, domain.AttendanceAbsent}
	// Racer i marks the first three members (every racer) and some of the
	// rest, each with a status that depends on i, in an order that depends on i.
	entriesOf := func(i int) []domain.AttendanceEntry {
		var out []domain.AttendanceEntry
		for j, id := range members {
			if j < 3 || (i+j)%2 == 0 {
				out = append(out, groupsEntry(id, statuses[(i+j)%len(statuses)]))
			}
		}
		if i%2 == 1 {
			slices.Reverse(out)
		}
		return out
	}
	for round := range 3 {
		errs := race(func(i int) error {
			_, err := st.RecordAttendance(ctx, by, meeting.ID, entriesOf(i))
			return err
		})
		wins, codes := tally(t, errs)
		if wins != racers {
			t.Fatalf("round %d: %d of %d calls succeeded, others: %s", round, wins, racers, formatCodes(codes))
		}
		final := groupsStatuses(t, st, meeting.ID)
		if len(final) != len(members) {
			t.Fatalf("round %d: %d records, want %d", round, len(final), len(members))
		}
		matchesOneCall := false
		for i := range racers {
			given := map[int64]domain.AttendanceStatus{}
			for _, e := range entriesOf(i) {
				given[e.MemberID] = e.Status
			}
			if final[members[0]] == given[members[0]] && final[members[1]] == given[members[1]] && final[members[2]] == given[members[2]] {
				matchesOneCall = true
			}
		}
		if !matchesOneCall {
			t.Errorf("round %d: the members every call named hold a mix of calls: %v", round, final)
		}
		for j, id := range members {
			possible := false
			for i := range racers {
				for _, e := range entriesOf(i) {
					possible = possible || (e.MemberID == id && e.Status == final[id])
				}
			}
			if !possible {
				t.Errorf("round %d: member %d holds %s, which no call gave", round, j, final[id])
			}
		}
		t.Logf("round %d: %d/%d calls succeeded, final %v", round, wins, racers, final)
	}
}

// TestConcurrentRefitAndAttendance races stopping a group (which removes
// its unrecorded future meetings) against excusing members from one of
// them. Either the excuse lands first and the meeting stays, or the meeting
// goes first and the excuse is NOT_FOUND; never an internal error, never
// attendance pointing at a removed meeting.
func TestConcurrentRefitAndAttendance(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	member := newMember(t, st, by, "Sam", "Lee")
	for round := range 6 {
		g := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("G", domain.GroupAftercare, ""),
			Schedule: []domain.ScheduleSlotInput{groupsSlot(2, "18:00", 60)}})
		upcoming := groupsSchedule(t, st, g.ID, groupsDay(2025, 6, 16), groupsDay(2025, 6, 23))[0]
		errs := race(func(i int) error {
			if i == 0 {
				_, err := st.UpdateGroup(ctx, g.ID, store.GroupInput{Fields: domain.GroupFields{Active: ptr(false)}})
				return err
			}
			// Later rounds give the group change a head start, so both orders happen.
			time.Sleep(time.Duration(round*3) * time.Millisecond)
			_, err := st.RecordAttendance(ctx, by, upcoming.ID, []domain.AttendanceEntry{groupsEntry(member.ID, domain.AttendanceExcused)})
			return err
		})
		wins, codes := tally(t, errs)
		if errs[0] != nil {
			t.Fatalf("round %d: stopping the group failed: %v", round, errs[0])
		}
		kept := len(groupsAllMeetings(t, st, g.ID)) == 1
		recorded := len(groupsStatuses(t, st, upcoming.ID)) == 1
		if kept != recorded {
			t.Errorf("round %d: meeting kept %v, attendance recorded %v", round, kept, recorded)
		}
		if !kept && codes[domain.CodeNotFound] == 0 {
			t.Errorf("round %d: meeting removed but no excuse was refused", round)
		}
		t.Logf("round %d: meeting kept %v; %d calls succeeded, refused: %s", round, kept, wins, formatCodes(codes))
	}
}

// TestConcurrentScheduleAndJoin: twenty schedulers of one range make each
// meeting once; twenty joins of one member make one membership.
func TestConcurrentScheduleAndJoin(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	member := newMember(t, st, by, "Sam", "Lee")
	g := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("G", domain.GroupAftercare, "America/New_York"),
		Schedule: []domain.ScheduleSlotInput{groupsSlot(2, "18:00", 60), groupsSlot(6, "09:00", 60)}})
	errs := race(func(i int) error {
		_, err := st.ScheduleMeetings(ctx, g.ID, domain.DateRange{StartOn: groupsDay(2025, 1, 1), EndOn: groupsDay(2026, 1, 1)})
		return err
	})
	if wins, codes := tally(t, errs); wins != racers {
		t.Fatalf("%d schedulers succeeded, others %s", wins, formatCodes(codes))
	}
	if n := len(groupsAllMeetings(t, st, g.ID)); n != 52+52 {
		t.Errorf("%d meetings in 2025, want 104", n)
	}
	errs = race(func(i int) error {
		_, err := st.JoinGroup(ctx, by, store.GroupMembershipInput{GroupID: g.ID, MemberID: member.ID})
		return err
	})
	wins, codes := tally(t, errs)
	if wins != 1 || codes[domain.CodeDuplicate] != racers-1 {
		t.Errorf("joins: %d won, %s", wins, formatCodes(codes))
	}
	t.Logf("joins: %d won, %s", wins, formatCodes(codes))
}

func TestMemberAttendanceSummaryAndPages(t *testing.T) {
	st := newStore(t) // provider zone UTC; now Sunday 2025-06-15 12:00
	by := newUser(t, st).ID
	sam, ari := newMember(t, st, by, "Sam", "Lee"), newMember(t, st, by, "Ari", "Kim")
	aftercareA := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("Aftercare A", domain.GroupAftercare, "")})
	aftercareB := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("Aftercare B", domain.GroupAftercare, "")})
	therapy := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("Therapy", domain.GroupTherapy, "")})
	at := func(month time.Month, day, hour int) time.Time {
		return time.Date(2025, month, day, hour, 0, 0, 0, time.UTC)
	}
	record := func(g *domain.Group, start time.Time, status domain.AttendanceStatus) *domain.Meeting {
		m := groupsMeetingAt(t, st, g.ID, start)
		if _, err := st.RecordAttendance(ctx, by, m.ID, []domain.AttendanceEntry{groupsEntry(sam.ID, status)}); err != nil {
			t.Fatal(err)
		}
		return m
	}
	// Weeks start Monday June 2 and June 9.
	m1 := record(aftercareA, at(6, 2, 18), domain.AttendancePresent)
	m2 := record(aftercareA, at(6, 4, 18), domain.AttendanceLate)
	m3 := record(therapy, at(6, 8, 23), domain.AttendancePresent)  // Sunday: still the week of June 2
	m4 := record(aftercareB, at(6, 9, 0), domain.AttendanceAbsent) // Monday 00:00: the next week
	m5 := record(aftercareB, at(6, 10, 18), domain.AttendanceExcused)
	m6 := record(therapy, at(6, 11, 18), domain.AttendanceAbsent)
	record(aftercareB, at(5, 20, 18), domain.AttendancePresent) // before the period

	from, to := at(6, 1, 0), at(6, 15, 0)
	tallies, err := st.AttendanceTalliesByMemberID(ctx, []int64{sam.ID, ari.ID}, from, to)
	if err != nil {
		t.Fatal(err)
	}
	s := domain.SummarizeAttendance(tallies[sam.ID], domain.WeekStarts(from, to, st.Location))
	if s.MeetingsAttended != 3 || s.AftercareMeetingsAttended != 2 || s.DistinctAftercarePrograms != 1 ||
		s.MeetingsMissed != 2 || s.MeetingsExcused != 1 || s.AttendanceRate == nil || *s.AttendanceRate != 0.6 {
		t.Errorf("summary %+v (rate %v)", s, s.AttendanceRate)
	}
	wantWeeks := []domain.AttendanceWeek{{WeekStart: groupsDay(2025, 5, 26), Attended: 0},
		{WeekStart: groupsDay(2025, 6, 2), Attended: 3}, {WeekStart: groupsDay(2025, 6, 9), Attended: 0}}
	if !slices.Equal(s.Weeks, wantWeeks) {
		t.Errorf("weeks %v, want %v", s.Weeks, wantWeeks)
	}
	if len(tallies[ari.ID]) != 0 {
		t.Errorf("a member without attendance has tallies %v", tallies[ari.ID])
	}

	// Attendance newest first, two to a page, within the window.
	window := store.NewMeetingWindow(&from, &to)
	var seen []int64
	var after *store.Cursor
	for range 4 {
		pages, err := st.AttendancePagesByMemberID(ctx, []int64{sam.ID, ari.ID}, window, store.PageRequest{Limit: 2, After: after})
		if err != nil {
			t.Fatal(err)
		}
		p := pages[sam.ID]
		for _, r := range p.Items {
			seen = append(seen, r.MeetingID)
		}
		if len(pages[ari.ID].Items) != 0 {
			t.Errorf("another member's page has %d items", len(pages[ari.ID].Items))
		}
		if !p.HasNextPage {
			break
		}
		after = &p.Cursors[len(p.Cursors)-1]
	}
	if want := []int64{m6.ID, m5.ID, m4.ID, m3.ID, m2.ID, m1.ID}; !slices.Equal(seen, want) {
		t.Errorf("pages %v, want %v", seen, want)
	}
	counts, err := st.CountAttendanceByMemberID(ctx, []int64{sam.ID, ari.ID}, window)
	if err != nil || counts[sam.ID] != 6 || counts[ari.ID] != 0 {
		t.Errorf("counts %v, %v", counts, err)
	}
	all, _ := st.CountAttendanceByMemberID(ctx, []int64{sam.ID}, store.MeetingWindow{})
	if all[sam.ID] != 7 {
		t.Errorf("unbounded count %d, want 7", all[sam.ID])
	}
}

// TestSummaryWeeksInProviderZone: weeks follow the provider's zone, so a
// meeting on Monday 02:00 UTC belongs to the previous week in New York.
func TestSummaryWeeksInProviderZone(t *testing.T) {
	st := newStore(t)
	st.Location = groupsZone(t, "America/New_York")
	by := newUser(t, st).ID
	sam := newMember(t, st, by, "Sam", "Lee")
	g := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("G", domain.GroupAftercare, "")})
	m := groupsMeetingAt(t, st, g.ID, time.Date(2025, 6, 9, 2, 0, 0, 0, time.UTC)) // Sunday 22:00 EDT
	if _, err := st.RecordAttendance(ctx, by, m.ID, []domain.AttendanceEntry{groupsEntry(sam.ID, domain.AttendancePresent)}); err != nil {
		t.Fatal(err)
	}
	tallies, err := st.AttendanceTalliesByMemberID(ctx, []int64{sam.ID}, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), clock)
	if err != nil {
		t.Fatal(err)
	}
	if got := tallies[sam.ID]; len(got) != 1 || !got[0].WeekStart.Equal(groupsDay(2025, 6, 2)) || got[0].GroupKind != domain.GroupAftercare {
		t.Errorf("tallies %+v, want one in the week of June 2", got)
	}
}
