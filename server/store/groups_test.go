package store_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// groupsNewPeer inserts a peer straight into the table: the peers area
// owns the peer operations.
func groupsNewPeer(t *testing.T, st *store.Store, name string, active bool) int64 {
	t.Helper()
	var id int64
	err := st.DB().NewRaw("INSERT INTO peers (name, caseload_limit, active) VALUES (?, 10, ?) RETURNING id", name, active).Scan(ctx, &id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func groupsNewHouse(t *testing.T, st *store.Store, name string) int64 {
	t.Helper()
	var id int64
	err := st.DB().NewRaw(`INSERT INTO houses (name, capacity, gender_designation, narr_level)
		VALUES (?, 6, 'CO_ED', 'II') RETURNING id`, name).Scan(ctx, &id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func groupsSlot(day int, start string, minutes int) domain.ScheduleSlotInput {
	return domain.ScheduleSlotInput{DayOfWeek: day, StartTime: start, DurationMinutes: minutes}
}

func groupsFields(name string, kind domain.GroupKind, zone string) domain.GroupFields {
	modality := domain.ModalityInPerson
	f := domain.GroupFields{Name: &name, Kind: &kind, Modality: &modality}
	if zone != "" {
		f.TimeZone = &zone
	}
	return f
}

func groupsCreate(t *testing.T, st *store.Store, in store.GroupInput) *domain.Group {
	t.Helper()
	g, err := st.CreateGroup(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if g.ID == 0 || !g.Active {
		t.Fatalf("CreateGroup returned %+v", g)
	}
	return g
}

// groupsSchedule materialises a group's meetings on the days from startOn
// (included) to endOn (excluded), failing the test on error.
func groupsSchedule(t *testing.T, st *store.Store, groupID int64, startOn, endOn time.Time) []*domain.Meeting {
	t.Helper()
	ms, err := st.ScheduleMeetings(ctx, groupID, domain.DateRange{StartOn: startOn, EndOn: endOn})
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// groupsAllMeetings loads every meeting of a group, by start.
func groupsAllMeetings(t *testing.T, st *store.Store, groupID int64) []*domain.Meeting {
	t.Helper()
	var ms []*domain.Meeting
	if err := st.DB().NewSelect().Model(&ms).Where("group_id = ?", groupID).Order("starts_at").Scan(ctx); err != nil {
		t.Fatal(err)
	}
	return ms
}

func groupsStatuses(t *testing.T, st *store.Store, meetingID int64) map[int64]domain.AttendanceStatus {
	t.Helper()
	records, err := st.AttendancePagesByMeetingID(ctx, []int64{meetingID}, store.PageRequest{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]domain.AttendanceStatus{}
	for _, r := range records[meetingID].Items {
		if r.Member == nil || r.Member.ID != r.MemberID {
			t.Fatalf("attendance of member %d came with member %+v", r.MemberID, r.Member)
		}
		out[r.MemberID] = r.Status
	}
	return out
}

func groupsCount(t *testing.T, st *store.Store, table string) int {
	t.Helper()
	n, err := st.DB().NewSelect().TableExpr(table).Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

func groupsDay(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func groupsZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestCreateGroup(t *testing.T) {
	st := newStore(t)
	staff := newUser(t, st)
	peerA, peerB := groupsNewPeer(t, st, "Avery", true), groupsNewPeer(t, st, "Blake", true)
	in := store.GroupInput{
		Fields:   groupsFields("Tuesday Alumni", domain.GroupAftercare, "America/New_York"),
		Schedule: []domain.ScheduleSlotInput{groupsSlot(4, "18:30", 90), groupsSlot(2, "18:00", 60)},
		PeerIDs:  []int64{peerB, peerA},
		UserIDs:  []int64{staff.ID},
	}
	g := groupsCreate(t, st, in)
	if g.TimeZone != "America/New_York" || g.Kind != domain.GroupAftercare || g.HouseID != nil || g.CreatedAt.IsZero() {
		t.Errorf("group %+v", g)
	}
	slots, err := st.ScheduleByGroupID(ctx, []int64{g.ID})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range slots[g.ID] {
		got = append(got, fmt.Sprintf("%d %s %d", s.DayOfWeek, s.Start(), s.DurationMinutes))
	}
	if want := []string{"2 18:00 60", "4 18:30 90"}; !slices.Equal(got, want) {
		t.Errorf("schedule %v, want %v", got, want)
	}
	facilitators, err := st.FacilitatorsByGroupID(ctx, []int64{g.ID})
	if err != nil {
		t.Fatal(err)
	}
	f := facilitators[g.ID]
	if len(f) != 3 || *f[0].PeerID != peerB || *f[1].PeerID != peerA || *f[2].UserID != staff.ID {
		t.Errorf("facilitators %+v", f)
	}

	// The zone defaults to the provider's.
	plain := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("Plain", domain.GroupTherapy, "")})
	if plain.TimeZone != "UTC" {
		t.Errorf("default zone %q", plain.TimeZone)
	}
	house := groupsNewHouse(t, st, "Maple House")
	hf := groupsFields("Maple house meeting", domain.GroupHouseMeeting, "")
	hf.HouseID = &house
	if hm := groupsCreate(t, st, store.GroupInput{Fields: hf}); hm.HouseID == nil || *hm.HouseID != house {
		t.Errorf("house meeting %+v", hm)
	}
}

func TestCreateGroupRefusals(t *testing.T) {
	st := newStore(t)
	staff := newUser(t, st)
	peer, retired := groupsNewPeer(t, st, "Avery", true), groupsNewPeer(t, st, "Retired", false)
	family := openUser(t, st, "family@example.org", "Family", domain.RoleFamily)
	missingHouse := int64(999)
	houseMeeting := groupsFields("House", domain.GroupHouseMeeting, "")
	houseMeeting.HouseID = &missingHouse
	base := func() store.GroupInput {
		return store.GroupInput{Fields: groupsFields("Group", domain.GroupPeerSupport, "")}
	}
	tests := []struct {
		name   string
		change func(in *store.GroupInput)
		code   domain.Code
		path   []string
	}{
		{"unknown peer", func(in *store.GroupInput) { in.PeerIDs = []int64{peer, 999} },
			domain.CodeNotFound, []string{"input", "facilitatorPeerIds", "1"}},
		{"inactive peer", func(in *store.GroupInput) { in.PeerIDs = []int64{retired} },
			domain.CodePeerInactive, []string{"input", "facilitatorPeerIds", "0"}},
		{"peer twice", func(in *store.GroupInput) { in.PeerIDs = []int64{peer, peer} },
			domain.CodeDuplicate, []string{"input", "facilitatorPeerIds", "1"}},
		{"unknown user", func(in *store.GroupInput) { in.UserIDs = []int64{staff.ID, 999} },
			domain.CodeNotFound, []string{"input", "facilitatorUserIds", "1"}},
		{"family account", func(in *store.GroupInput) { in.UserIDs = []int64{family.ID} },
			domain.CodeInvalidInput, []string{"input", "facilitatorUserIds", "0"}},
		{"unknown house", func(in *store.GroupInput) { in.Fields = houseMeeting },
			domain.CodeNotFound, []string{"input", "houseId"}},
		{"bad schedule line", func(in *store.GroupInput) {
			in.Schedule = []domain.ScheduleSlotInput{groupsSlot(1, "18:00", 60), groupsSlot(2, "25:00", 60)}
		}, domain.CodeInvalidInput, []string{"input", "schedule", "1", "startTime"}},
		{"unknown zone", func(in *store.GroupInput) { in.Fields.TimeZone = ptr("Atlantis/Capital") },
			domain.CodeInvalidInput, []string{"input", "timeZone"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := base()
			tt.change(&in)
			_, err := st.CreateGroup(ctx, in)
			e := domain.AsError(err)
			if e == nil || e.Code != tt.code || !slices.Equal(e.Field, tt.path) {
				t.Fatalf("error %v (%+v), want %s at %v", err, e, tt.code, tt.path)
			}
		})
	}
	if n := groupsCount(t, st, "groups"); n != 0 {
		t.Errorf("%d groups written by refused calls", n)
	}
	if n := groupsCount(t, st, "group_facilitators"); n != 0 {
		t.Errorf("%d facilitators written by refused calls", n)
	}
}

// The database itself refuses a house meeting without a house and a house
// for any other group.
func TestGroupHouseConstraint(t *testing.T) {
	st := newStore(t)
	house := groupsNewHouse(t, st, "Oak House")
	for _, q := range []string{
		"INSERT INTO groups (name, kind, modality, time_zone) VALUES ('x', 'HOUSE_MEETING', 'IN_PERSON', 'UTC')",
		fmt.Sprintf("INSERT INTO groups (name, kind, modality, time_zone, house_id) VALUES ('x', 'THERAPY', 'IN_PERSON', 'UTC', %d)", house),
	} {
		_, err := st.DB().ExecContext(ctx, q)
		if got := pgError(t, err).Field('n'); got != "groups_house_only_for_house_meetings" {
			t.Errorf("%s: constraint %q", q, got)
		}
	}
}

func TestUpdateGroupReplacesLists(t *testing.T) {
	st := newStore(t)
	staff, other := newUser(t, st), newUser(t, st)
	peer := groupsNewPeer(t, st, "Avery", true)
	g := groupsCreate(t, st, store.GroupInput{
		Fields:   groupsFields("Evening", domain.GroupPeerSupport, ""),
		Schedule: []domain.ScheduleSlotInput{groupsSlot(2, "18:00", 60)},
		PeerIDs:  []int64{peer}, UserIDs: []int64{staff.ID},
	})
	// Peers cleared, users untouched (nil), schedule untouched (nil).
	name := "  Evening Circle "
	updated, err := st.UpdateGroup(ctx, g.ID, store.GroupInput{Fields: domain.GroupFields{Name: &name}, PeerIDs: []int64{}})
	if err != nil {
		t.Fatal(err)
	}
	if updated.Name != "Evening Circle" || !updated.UpdatedAt.After(g.UpdatedAt.Add(-time.Second)) {
		t.Errorf("updated %+v", updated)
	}
	facilitators, _ := st.FacilitatorsByGroupID(ctx, []int64{g.ID})
	if f := facilitators[g.ID]; len(f) != 1 || f[0].UserID == nil || *f[0].UserID != staff.ID {
		t.Errorf("facilitators after clearing peers: %+v", f)
	}
	slots, _ := st.ScheduleByGroupID(ctx, []int64{g.ID})
	if len(slots[g.ID]) != 1 {
		t.Errorf("schedule changed: %+v", slots[g.ID])
	}
	if _, err := st.UpdateGroup(ctx, g.ID, store.GroupInput{UserIDs: []int64{other.ID, staff.ID}, Schedule: []domain.ScheduleSlotInput{}}); err != nil {
		t.Fatal(err)
	}
	facilitators, _ = st.FacilitatorsByGroupID(ctx, []int64{g.ID})
	if f := facilitators[g.ID]; len(f) != 2 || *f[0].UserID != other.ID || *f[1].UserID != staff.ID {
		t.Errorf("facilitators after replacing users: %+v", f)
	}
	slots, _ = st.ScheduleByGroupID(ctx, []int64{g.ID})
	if len(slots[g.ID]) != 0 {
		t.Errorf("schedule not cleared: %+v", slots[g.ID])
	}

	_, err = st.UpdateGroup(ctx, 999, store.GroupInput{})
	wantCode(t, err, domain.CodeNotFound, "groupId")
	_, err = st.UpdateGroup(ctx, g.ID, store.GroupInput{Fields: domain.GroupFields{TimeZone: ptr("Nowhere/Land")}})
	wantCode(t, err, domain.CodeInvalidInput, "timeZone")
	_, err = st.UpdateGroup(ctx, g.ID, store.GroupInput{Fields: domain.GroupFields{Name: ptr(" ")}})
	wantCode(t, err, domain.CodeInvalidInput, "name")
}

// TestUpdateGroupRefitsFutureMeetings: a new schedule removes the future
// meetings that no longer fit and have no attendance, keeps the past and
// the recorded ones, and gives fitting ones the new length.
func TestUpdateGroupRefitsFutureMeetings(t *testing.T) {
	st := newStore(t) // now is Sunday 2025-06-15 12:00 UTC
	by := newUser(t, st).ID
	member := newMember(t, st, by, "Sam", "Lee")
	g := groupsCreate(t, st, store.GroupInput{
		Fields:   groupsFields("Tuesdays", domain.GroupAftercare, "America/New_York"),
		Schedule: []domain.ScheduleSlotInput{groupsSlot(2, "18:00", 60), groupsSlot(4, "18:00", 60)},
	})
	all := groupsSchedule(t, st, g.ID, groupsDay(2025, 6, 1), groupsDay(2025, 7, 1))
	if len(all) != 8 {
		t.Fatalf("%d meetings in June, want 8", len(all))
	}
	// June 24 (a future Tuesday) has an excuse on record.
	var june24 *domain.Meeting
	for _, m := range all {
		if m.StartsAt.Equal(time.Date(2025, 6, 24, 22, 0, 0, 0, time.UTC)) {
			june24 = m
		}
	}
	if _, err := st.RecordAttendance(ctx, by, june24.ID, []domain.AttendanceEntry{{MemberID: member.ID, Status: domain.AttendanceExcused}}); err != nil {
		t.Fatal(err)
	}
	// Tuesdays move to Wednesday; Thursdays stay but run 90 minutes.
	_, err := st.UpdateGroup(ctx, g.ID, store.GroupInput{
		Schedule: []domain.ScheduleSlotInput{groupsSlot(3, "18:00", 60), groupsSlot(4, "18:00", 90)},
	})
	if err != nil {
		t.Fatal(err)
	}
	ny := groupsZone(t, "America/New_York")
	var got []string
	for _, m := range groupsAllMeetings(t, st, g.ID) {
		got = append(got, m.StartsAt.In(ny).Format("Mon Jan 2")+" "+m.EndsAt.Sub(m.StartsAt).String())
	}
	want := []string{
		"Tue Jun 3 1h0m0s", "Thu Jun 5 1h0m0s", "Tue Jun 10 1h0m0s", "Thu Jun 12 1h0m0s", // the past stays as it was
		"Thu Jun 19 1h30m0s", "Tue Jun 24 1h0m0s", "Thu Jun 26 1h30m0s", // June 24 has attendance
	}
	if !slices.Equal(got, want) {
		t.Errorf("after the change:\n%v\nwant\n%v", got, want)
	}
	again := groupsSchedule(t, st, g.ID, groupsDay(2025, 6, 16), groupsDay(2025, 7, 1))
	if len(again) != 5 { // Jun 18, 19, 24, 25, 26
		t.Errorf("rescheduled %d meetings, want 5", len(again))
	}

	// Stopping the group removes its unrecorded future meetings, and it can
	// no longer be scheduled.
	if _, err := st.UpdateGroup(ctx, g.ID, store.GroupInput{Fields: domain.GroupFields{Active: ptr(false)}}); err != nil {
		t.Fatal(err)
	}
	left := groupsAllMeetings(t, st, g.ID)
	if len(left) != 5 || !left[4].StartsAt.Equal(june24.StartsAt) {
		t.Errorf("%d meetings left after stopping, want the 4 past ones and June 24", len(left))
	}
	_, err = st.ScheduleMeetings(ctx, g.ID, domain.DateRange{StartOn: groupsDay(2025, 7, 1), EndOn: groupsDay(2025, 8, 1)})
	wantCode(t, err, domain.CodeInvalidInput, "groupId")
}

// TestScheduleMeetingsAcrossDST materialises a New York Sunday 18:00 group
// through both changes of 2025, and a 02:30 slot on the spring-forward day.
func TestScheduleMeetingsAcrossDST(t *testing.T) {
	st := newStore(t)
	peer := groupsNewPeer(t, st, "Avery", true)
	staff := newUser(t, st)
	g := groupsCreate(t, st, store.GroupInput{
		Fields:   groupsFields("Sunday", domain.GroupPeerSupport, "America/New_York"),
		Schedule: []domain.ScheduleSlotInput{groupsSlot(7, "18:00", 90), groupsSlot(7, "02:30", 30)},
		UserIDs:  []int64{staff.ID}, PeerIDs: []int64{peer},
	})
	ny := groupsZone(t, "America/New_York")
	describe := func(ms []*domain.Meeting) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.StartsAt.UTC().Format("01-02T15:04Z")+"="+m.StartsAt.In(ny).Format("15:04 MST"))
		}
		return out
	}
	march := groupsSchedule(t, st, g.ID, groupsDay(2025, 3, 1), groupsDay(2025, 3, 17))
	want := []string{
		"03-02T07:30Z=02:30 EST", "03-02T23:00Z=18:00 EST",
		"03-09T07:30Z=03:30 EDT", "03-09T22:00Z=18:00 EDT", // 02:30 does not exist that day
		"03-16T06:30Z=02:30 EDT", "03-16T22:00Z=18:00 EDT",
	}
	if got := describe(march); !slices.Equal(got, want) {
		t.Errorf("March:\n%v\nwant\n%v", got, want)
	}
	november := groupsSchedule(t, st, g.ID, groupsDay(2025, 10, 26), groupsDay(2025, 11, 3))
	want = []string{"10-26T06:30Z=02:30 EDT", "10-26T22:00Z=18:00 EDT", "11-02T07:30Z=02:30 EST", "11-02T23:00Z=18:00 EST"}
	if got := describe(november); !slices.Equal(got, want) {
		t.Errorf("November:\n%v\nwant\n%v", got, want)
	}
	for _, m := range march {
		if m.FacilitatorPeerID == nil || *m.FacilitatorPeerID != peer || m.FacilitatorUserID != nil {
			t.Errorf("default facilitator %v/%v, want the first peer", m.FacilitatorPeerID, m.FacilitatorUserID)
		}
	}

	// Idempotent: the same range again, and an overlapping one, create
	// nothing twice and return every meeting in range.
	again := groupsSchedule(t, st, g.ID, groupsDay(2025, 3, 1), groupsDay(2025, 3, 17))
	if len(again) != len(march) || again[0].ID != march[0].ID || again[5].ID != march[5].ID {
		t.Errorf("second run returned %v", describe(again))
	}
	wider := groupsSchedule(t, st, g.ID, groupsDay(2025, 3, 9), groupsDay(2025, 3, 24))
	if len(wider) != 6 || wider[0].ID != march[2].ID {
		t.Errorf("overlapping run returned %v", describe(wider))
	}
	if n := len(groupsAllMeetings(t, st, g.ID)); n != 12 {
		t.Errorf("%d meetings stored, want 12", n)
	}

	_, err := st.ScheduleMeetings(ctx, g.ID, domain.DateRange{StartOn: groupsDay(2025, 1, 1), EndOn: groupsDay(2026, 1, 4)})
	wantCode(t, err, domain.CodeInvalidInput, "period.endOn")
	_, err = st.ScheduleMeetings(ctx, 999, domain.DateRange{StartOn: groupsDay(2025, 1, 1), EndOn: groupsDay(2025, 1, 4)})
	wantCode(t, err, domain.CodeNotFound, "groupId")

	// A group led by staff only gets its first user.
	staffLed := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("Staff", domain.GroupTherapy, ""),
		Schedule: []domain.ScheduleSlotInput{groupsSlot(1, "10:00", 60)}, UserIDs: []int64{staff.ID}})
	ms := groupsSchedule(t, st, staffLed.ID, groupsDay(2025, 6, 2), groupsDay(2025, 6, 3))
	if len(ms) != 1 || ms[0].FacilitatorUserID == nil || *ms[0].FacilitatorUserID != staff.ID {
		t.Errorf("staff-led meetings %+v", ms)
	}
}

func TestUpdateMeeting(t *testing.T) {
	st := newStore(t)
	staff := newUser(t, st)
	peer, retired := groupsNewPeer(t, st, "Avery", true), groupsNewPeer(t, st, "Retired", false)
	g := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("G", domain.GroupTherapy, ""),
		Schedule: []domain.ScheduleSlotInput{groupsSlot(1, "10:00", 60)}, PeerIDs: []int64{peer}})
	m := groupsSchedule(t, st, g.ID, groupsDay(2025, 6, 2), groupsDay(2025, 6, 3))[0]

	got, err := st.UpdateMeeting(ctx, m.ID, store.MeetingChange{Topic: ptr("  Gratitude "), FacilitatorUserID: &staff.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got.Topic != "Gratitude" || got.FacilitatorPeerID != nil || got.FacilitatorUserID == nil || *got.FacilitatorUserID != staff.ID {
		t.Errorf("updated %+v", got)
	}
	got, err = st.UpdateMeeting(ctx, m.ID, store.MeetingChange{FacilitatorPeerID: &peer})
	if err != nil || got.Topic != "Gratitude" || got.FacilitatorUserID != nil || *got.FacilitatorPeerID != peer {
		t.Errorf("back to a peer: %+v, %v", got, err)
	}
	_, err = st.UpdateMeeting(ctx, m.ID, store.MeetingChange{FacilitatorPeerID: &peer, FacilitatorUserID: &staff.ID})
	wantCode(t, err, domain.CodeInvalidInput, "facilitatorUserId")
	_, err = st.UpdateMeeting(ctx, m.ID, store.MeetingChange{FacilitatorPeerID: &retired})
	wantCode(t, err, domain.CodePeerInactive, "facilitatorPeerId")
	_, err = st.UpdateMeeting(ctx, m.ID, store.MeetingChange{FacilitatorUserID: ptr(int64(999))})
	wantCode(t, err, domain.CodeNotFound, "facilitatorUserId")
	_, err = st.UpdateMeeting(ctx, 999, store.MeetingChange{Topic: ptr("x")})
	wantCode(t, err, domain.CodeNotFound, "meetingId")
}

func TestJoinAndLeaveGroup(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	member := newMember(t, st, by, "Sam", "Lee")
	g := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("Aftercare", domain.GroupAftercare, "")})
	in := store.GroupMembershipInput{GroupID: g.ID, MemberID: member.ID, At: ptr(days(-30))}

	gm, err := st.JoinGroup(ctx, by, in)
	if err != nil {
		t.Fatal(err)
	}
	if gm.ID == 0 || !gm.JoinedAt.Equal(days(-30)) || gm.LeftAt != nil || *gm.RecordedByUserID != by {
		t.Errorf("joined %+v", gm)
	}
	_, err = st.JoinGroup(ctx, by, in)
	wantCode(t, err, domain.CodeDuplicate, "memberId")
	current, _ := st.CurrentMembershipPagesByGroupID(ctx, []int64{g.ID}, store.PageRequest{Limit: 20})
	byMember, _ := st.CurrentMembershipPagesByMemberID(ctx, []int64{member.ID}, store.PageRequest{Limit: 20})
	counts, _ := st.CountCurrentMembershipsByGroupID(ctx, []int64{g.ID})
	if len(current[g.ID].Items) != 1 || len(byMember[member.ID].Items) != 1 || counts[g.ID] != 1 {
		t.Errorf("current memberships %v / %v", current, byMember)
	}

	left, err := st.LeaveGroup(ctx, store.GroupMembershipInput{GroupID: g.ID, MemberID: member.ID, At: ptr(days(-10))})
	if err != nil || left.LeftAt == nil || !left.LeftAt.Equal(days(-10)) || left.ID != gm.ID {
		t.Fatalf("left %+v, %v", left, err)
	}
	_, err = st.LeaveGroup(ctx, store.GroupMembershipInput{GroupID: g.ID, MemberID: member.ID})
	wantCode(t, err, domain.CodeNotFound, "memberId")
	current, _ = st.CurrentMembershipPagesByGroupID(ctx, []int64{g.ID}, store.PageRequest{Limit: 20})
	if len(current[g.ID].Items) != 0 {
		t.Errorf("still a member: %v", current[g.ID].Items)
	}

	_, err = st.JoinGroup(ctx, by, store.GroupMembershipInput{GroupID: g.ID, MemberID: member.ID, At: ptr(days(-20))})
	wantCode(t, err, domain.CodeInvalidInput, "joinedAt")
	_, err = st.JoinGroup(ctx, by, store.GroupMembershipInput{GroupID: g.ID, MemberID: member.ID, At: ptr(days(1))})
	wantCode(t, err, domain.CodeInFuture, "joinedAt")
	rejoined, err := st.JoinGroup(ctx, by, store.GroupMembershipInput{GroupID: g.ID, MemberID: member.ID})
	if err != nil || !rejoined.JoinedAt.Equal(clock) {
		t.Fatalf("rejoin now: %+v, %v", rejoined, err)
	}
	_, err = st.LeaveGroup(ctx, store.GroupMembershipInput{GroupID: g.ID, MemberID: member.ID, At: ptr(days(-1))})
	wantCode(t, err, domain.CodeInvalidInput, "leftAt")

	_, err = st.JoinGroup(ctx, by, store.GroupMembershipInput{GroupID: 999, MemberID: member.ID})
	wantCode(t, err, domain.CodeNotFound, "groupId")
	_, err = st.JoinGroup(ctx, by, store.GroupMembershipInput{GroupID: g.ID, MemberID: 999})
	wantCode(t, err, domain.CodeNotFound, "memberId")
	if _, err := st.UpdateGroup(ctx, g.ID, store.GroupInput{Fields: domain.GroupFields{Active: ptr(false)}}); err != nil {
		t.Fatal(err)
	}
	other := newMember(t, st, by, "Ari", "Kim")
	_, err = st.JoinGroup(ctx, by, store.GroupMembershipInput{GroupID: g.ID, MemberID: other.ID})
	wantCode(t, err, domain.CodeInvalidInput, "groupId")
}
