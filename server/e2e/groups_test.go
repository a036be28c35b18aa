package e2e

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"carejourney/graph/globalid"
	"carejourney/server/domain"
	"carejourney/server/store"
)

const groupsGroupFields = `id name kind description modality location timeZone isActive createdAt updatedAt
	schedule { dayOfWeek startTime durationMinutes timeOfDay } timesOfDay
	facilitators { __typename ... on Peer { id name } ... on User { id email } }
	house { id name }`

// groupsPeer inserts a peer straight into the table (the peers area owns
// the peer operations) and returns its global ID.
func groupsPeer(t *testing.T, s *server, name string) string {
	t.Helper()
	var id int64
	err := s.Store.DB().NewRaw("INSERT INTO peers (name, caseload_limit) VALUES (?, 10) RETURNING id", name).Scan(context.Background(), &id)
	if err != nil {
		t.Fatal(err)
	}
	return globalid.EncodeInt(globalid.TypePeer, id)
}

func groupsHouse(t *testing.T, s *server, name string) string {
	t.Helper()
	var id int64
	err := s.Store.DB().NewRaw(`INSERT INTO houses (name, capacity, gender_designation, narr_level)
		VALUES (?, 6, 'CO_ED', 'II') RETURNING id`, name).Scan(context.Background(), &id)
	if err != nil {
		t.Fatal(err)
	}
	return globalid.EncodeInt(globalid.TypeHouse, id)
}

func groupsMember(t *testing.T, c *client, first, last string) string {
	t.Helper()
	r := c.do(`mutation($in: CreateMemberInput!) { createMember(input: $in) { member { id } userErrors { code } } }`,
		vars{"in": vars{"firstName": first, "lastName": last}})
	r.noErrors(t)
	return r.str(t, "createMember.member.id")
}

func groupsViewerID(t *testing.T, c *client) string {
	t.Helper()
	r := c.do(`{ viewer { user { id } } }`, nil)
	r.noErrors(t)
	return r.str(t, "viewer.user.id")
}

// groupsUserError returns the code and field path of a payload's only userError.
func groupsUserError(t *testing.T, r *response, payload string) (string, []string) {
	t.Helper()
	r.noErrors(t)
	errs := r.list(t, payload+".userErrors")
	if len(errs) != 1 {
		t.Fatalf("%s: userErrors %v, want one", payload, errs)
	}
	e := errs[0].(map[string]any)
	var field []string
	for _, f := range e["field"].([]any) {
		field = append(field, f.(string))
	}
	if msg, _ := e["message"].(string); msg == "" {
		t.Errorf("%s: userError without a message", payload)
	}
	return e["code"].(string), field
}

func groupsWantUserError(t *testing.T, r *response, payload, code string, field ...string) {
	t.Helper()
	gotCode, gotField := groupsUserError(t, r, payload)
	if gotCode != code || !slices.Equal(gotField, field) {
		t.Errorf("%s: %s at %v, want %s at %v", payload, gotCode, gotField, code, field)
	}
}

func groupsTime(t *testing.T, v any) time.Time {
	t.Helper()
	s, _ := v.(string)
	at, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatalf("not a DateTime: %v", v)
	}
	return at
}

func groupsField(node any, key string) any { return node.(map[string]any)[key] }

const (
	groupsCreateMutation     = `mutation($in: CreateGroupInput!) { createGroup(input: $in) { group { ` + groupsGroupFields + ` } userErrors { code field message } } }`
	groupsScheduleMutation   = `mutation($in: ScheduleMeetingsInput!) { scheduleMeetings(input: $in) { meetings { id startsAt endsAt timeOfDay facilitator { __typename } } userErrors { code field message } } }`
	groupsAttendanceMutation = `mutation($in: RecordAttendanceInput!) { recordAttendance(input: $in) {
		meeting { id attendance { nodes { status member { id displayName } recordedBy { name } meeting { id } } } } userErrors { code field message } } }`
	groupsJoinMutation = `mutation($in: JoinGroupInput!) { joinGroup(input: $in) { groupMembership { joinedAt leftAt group { name } member { displayName } } userErrors { code field message } } }`
)

// TestGroupsFlow walks a group through its life over GraphQL: creation
// with schedule and facilitators, members joining and leaving, meetings,
// attendance for the whole group, and the reads built on them.
func TestGroupsFlow(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	staffID := groupsViewerID(t, c)
	peerID := groupsPeer(t, s, "Avery Peer")
	every := []vars{}
	for _, day := range []string{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"} {
		every = append(every, vars{"dayOfWeek": day, "startTime": "09:00", "durationMinutes": 60})
	}
	created := c.do(groupsCreateMutation, vars{"in": vars{
		"name": "Daily Aftercare", "kind": "AFTERCARE", "modality": "HYBRID", "location": " Room 3 and https://video.example/a ",
		"description": "Alumni and people in continuing care.", "schedule": every,
		"facilitatorPeerIds": []string{peerID}, "facilitatorUserIds": []string{staffID},
	}})
	created.noErrors(t)
	if codes := created.userErrorCodes(t, "createGroup"); len(codes) != 0 {
		t.Fatalf("createGroup: %v", codes)
	}
	groupID := created.str(t, "createGroup.group.id")
	if got := created.str(t, "createGroup.group.timeZone"); got != "UTC" {
		t.Errorf("default time zone %q", got)
	}
	if got := created.str(t, "createGroup.group.location"); got != "Room 3 and https://video.example/a" {
		t.Errorf("location %q", got)
	}
	if got := created.list(t, "createGroup.group.timesOfDay"); len(got) != 2 || got[0] != "DAY" || got[1] != "WEEKEND" {
		t.Errorf("timesOfDay %v", got)
	}
	schedule := created.list(t, "createGroup.group.schedule")
	if len(schedule) != 7 || groupsField(schedule[0], "dayOfWeek") != "MONDAY" || groupsField(schedule[0], "startTime") != "09:00" ||
		groupsField(schedule[6], "timeOfDay") != "WEEKEND" {
		t.Errorf("schedule %v", schedule)
	}
	facilitators := created.list(t, "createGroup.group.facilitators")
	if len(facilitators) != 2 || groupsField(facilitators[0], "__typename") != "Peer" || groupsField(facilitators[0], "name") != "Avery Peer" ||
		groupsField(facilitators[1], "__typename") != "User" || groupsField(facilitators[1], "id") != staffID {
		t.Errorf("facilitators %v", facilitators)
	}

	// Members join; one leaves again.
	var memberIDs []string
	for i, name := range []string{"Ana", "Ben", "Cam", "Dee"} {
		memberIDs = append(memberIDs, groupsMember(t, c, name, fmt.Sprintf("Member%d", i)))
	}
	for _, id := range memberIDs {
		r := c.do(groupsJoinMutation, vars{"in": vars{"groupId": groupID, "memberId": id}})
		if codes := r.userErrorCodes(t, "joinGroup"); len(codes) != 0 {
			t.Fatalf("joinGroup: %v", codes)
		}
	}
	groupsWantUserError(t, c.do(groupsJoinMutation, vars{"in": vars{"groupId": groupID, "memberId": memberIDs[0]}}),
		"joinGroup", "DUPLICATE", "input", "memberId")
	left := c.do(`mutation($in: LeaveGroupInput!) { leaveGroup(input: $in) { groupMembership { leftAt member { id } } userErrors { code } } }`,
		vars{"in": vars{"groupId": groupID, "memberId": memberIDs[3]}})
	left.noErrors(t)
	if left.get(t, "leaveGroup.groupMembership.leftAt") == nil {
		t.Errorf("leaveGroup: %v", left.Data)
	}
	belongs := c.do(`query($g: ID!, $m: ID!) { group(id: $g) { members { totalCount nodes { member { id } joinedAt leftAt } } }
		member(id: $m) { groupMemberships { nodes { group { id name } } } } }`, vars{"g": groupID, "m": memberIDs[0]})
	belongs.noErrors(t)
	if n := len(belongs.list(t, "group.members.nodes")); n != 3 || belongs.get(t, "group.members.totalCount") != float64(3) {
		t.Errorf("%d current members, want 3", n)
	}
	if got := belongs.str(t, "member.groupMemberships.nodes.0.group.name"); got != "Daily Aftercare" {
		t.Errorf("member's groups %v", belongs.Data["member"])
	}

	// A week back and a week ahead of meetings, idempotently: 15 days, the
	// end day excluded.
	today := time.Now().UTC()
	rangeIn := vars{"groupId": groupID, "period": vars{"startOn": today.AddDate(0, 0, -7).Format(time.DateOnly), "endOn": today.AddDate(0, 0, 8).Format(time.DateOnly)}}
	scheduled := c.do(groupsScheduleMutation, vars{"in": rangeIn})
	scheduled.noErrors(t)
	meetings := scheduled.list(t, "scheduleMeetings.meetings")
	if len(meetings) != 15 {
		t.Fatalf("%d meetings, want 15", len(meetings))
	}
	if again := c.do(groupsScheduleMutation, vars{"in": rangeIn}); len(again.list(t, "scheduleMeetings.meetings")) != 15 ||
		again.str(t, "scheduleMeetings.meetings.0.id") != groupsField(meetings[0], "id") {
		t.Errorf("scheduling again changed the meetings")
	}
	if groupsField(groupsField(meetings[0], "facilitator"), "__typename") != "Peer" {
		t.Errorf("default facilitator %v", groupsField(meetings[0], "facilitator"))
	}
	var past, future string
	for _, m := range meetings {
		if groupsTime(t, groupsField(m, "startsAt")).Before(today.Add(-2 * time.Hour)) {
			past = groupsField(m, "id").(string)
		} else if future == "" && groupsTime(t, groupsField(m, "startsAt")).After(today.Add(time.Hour)) {
			future = groupsField(m, "id").(string)
		}
	}

	// Attendance for the whole group at once, then a correction.
	line := func(member, status string) vars { return vars{"memberId": member, "status": status} }
	rec := c.do(groupsAttendanceMutation, vars{"in": vars{"meetingId": past, "entries": []vars{
		line(memberIDs[0], "PRESENT"), line(memberIDs[1], "LATE"), line(memberIDs[2], "ABSENT")}}})
	rec.noErrors(t)
	if codes := rec.userErrorCodes(t, "recordAttendance"); len(codes) != 0 {
		t.Fatalf("recordAttendance: %v", codes)
	}
	rec = c.do(groupsAttendanceMutation, vars{"in": vars{"meetingId": past, "entries": []vars{line(memberIDs[2], "EXCUSED")}}})
	attendance := rec.list(t, "recordAttendance.meeting.attendance.nodes")
	var statuses []string
	for _, a := range attendance {
		statuses = append(statuses, groupsField(a, "status").(string))
	}
	if want := []string{"PRESENT", "LATE", "EXCUSED"}; !slices.Equal(statuses, want) { // by member name
		t.Errorf("attendance %v, want %v", statuses, want)
	}
	if rec.str(t, "recordAttendance.meeting.attendance.nodes.0.recordedBy.name") != "Test CASE_MANAGER" {
		t.Errorf("recordedBy %v", attendance[0])
	}

	// One bad line writes nothing and points at the line.
	missing := globalid.EncodeInt(globalid.TypeMember, 999999)
	groupsWantUserError(t, c.do(groupsAttendanceMutation, vars{"in": vars{"meetingId": past, "entries": []vars{
		line(memberIDs[0], "ABSENT"), line(memberIDs[1], "ABSENT"), line(memberIDs[2], "ABSENT"), line(missing, "PRESENT")}}}),
		"recordAttendance", "NOT_FOUND", "input", "entries", "3", "memberId")
	groupsWantUserError(t, c.do(groupsAttendanceMutation, vars{"in": vars{"meetingId": past, "entries": []vars{
		line(memberIDs[0], "ABSENT"), line("not-an-id", "PRESENT")}}}),
		"recordAttendance", "INVALID_INPUT", "input", "entries", "1", "memberId")
	groupsWantUserError(t, c.do(groupsAttendanceMutation, vars{"in": vars{"meetingId": past, "entries": []vars{
		line(memberIDs[0], "ABSENT"), line(memberIDs[0], "PRESENT")}}}),
		"recordAttendance", "INVALID_INPUT", "input", "entries", "1", "memberId")
	groupsWantUserError(t, c.do(groupsAttendanceMutation, vars{"in": vars{"meetingId": future, "entries": []vars{
		line(memberIDs[0], "EXCUSED"), line(memberIDs[1], "PRESENT")}}}),
		"recordAttendance", "MEETING_NOT_STARTED", "input", "entries", "1", "status")
	unchanged := c.do(`query($id: ID!) { meeting(id: $id) { attendance { nodes { status } } } }`, vars{"id": past})
	if got := unchanged.list(t, "meeting.attendance.nodes"); len(got) != 3 || groupsField(got[0], "status") != "PRESENT" {
		t.Errorf("refused calls changed attendance: %v", got)
	}
	excused := c.do(groupsAttendanceMutation, vars{"in": vars{"meetingId": future, "entries": []vars{line(memberIDs[0], "EXCUSED")}}})
	if codes := excused.userErrorCodes(t, "recordAttendance"); len(codes) != 0 {
		t.Errorf("excusing ahead: %v", codes)
	}

	// Two staff record the same meeting at the same moment: both succeed.
	var wg sync.WaitGroup
	results := make([]*response, 2)
	for i, status := range []string{"PRESENT", "LATE"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = c.do(groupsAttendanceMutation, vars{"in": vars{"meetingId": past, "entries": []vars{
				line(memberIDs[0], status), line(memberIDs[1], status)}}})
		}()
	}
	wg.Wait()
	for i, r := range results {
		r.noErrors(t)
		if codes := r.userErrorCodes(t, "recordAttendance"); len(codes) != 0 {
			t.Errorf("concurrent call %d: %v", i, codes)
		}
	}
	final := c.do(`query($id: ID!) { meeting(id: $id) { attendance { nodes { status } } } }`, vars{"id": past}).list(t, "meeting.attendance.nodes")
	if a, b := groupsField(final[0], "status"), groupsField(final[1], "status"); a != b || (a != "PRESENT" && a != "LATE") {
		t.Errorf("after the concurrent calls: %v, %v", a, b)
	}

	// The member's side: attendance newest first, and the summary.
	mine := c.do(`query($id: ID!, $from: DateTime, $to: DateTime) { member(id: $id) {
		attendance(first: 10) { totalCount nodes { status meeting { id group { name } } } }
		future: attendance(first: 10, filter: {meetingStartsWithin: {startAt: $to}}) { totalCount }
		attendanceSummary(period: {startAt: $from, endAt: $to}) { meetingsAttended aftercareMeetingsAttended distinctAftercarePrograms meetingsMissed meetingsExcused attendanceRate weeks { weekStartsOn attended } }
		lastNinetyDays: attendanceSummary { meetingsAttended weeks { weekStartsOn attended } } } }`,
		vars{"id": memberIDs[0], "from": today.AddDate(0, 0, -30).Format(time.RFC3339), "to": today.AddDate(0, 0, 30).Format(time.RFC3339)})
	mine.noErrors(t)
	if n := mine.get(t, "member.attendance.totalCount"); n != float64(2) {
		t.Errorf("totalCount %v", n)
	}
	if got := mine.str(t, "member.attendance.nodes.0.meeting.id"); got != future {
		t.Errorf("newest first: %s, want the future meeting %s", got, future)
	}
	if n := mine.get(t, "member.future.totalCount"); n != float64(0) {
		t.Errorf("attendance at meetings 30 days ahead and later: %v, want none", n)
	}
	summary := mine.get(t, "member.attendanceSummary").(map[string]any)
	if summary["meetingsAttended"] != float64(1) || summary["aftercareMeetingsAttended"] != float64(1) ||
		summary["distinctAftercarePrograms"] != float64(1) || summary["meetingsExcused"] != float64(1) ||
		summary["meetingsMissed"] != float64(0) || summary["attendanceRate"] != float64(1) {
		t.Errorf("summary %v", summary)
	}
	if weeks := mine.list(t, "member.attendanceSummary.weeks"); len(weeks) < 9 || len(weeks) > 10 {
		t.Errorf("%d weeks in 60 days", len(weeks))
	}
	if weeks := mine.list(t, "member.lastNinetyDays.weeks"); len(weeks) < 13 || len(weeks) > 14 ||
		mine.get(t, "member.lastNinetyDays.meetingsAttended") != float64(1) {
		t.Errorf("default period: %v", mine.get(t, "member.lastNinetyDays"))
	}

	// Finding groups and meetings.
	find := func(filter vars) int {
		r := c.do(`query($f: GroupFilter) { groups(first: 10, filter: $f) { totalCount nodes { id } } }`, vars{"f": filter})
		r.noErrors(t)
		return len(r.list(t, "groups.nodes"))
	}
	if find(vars{"timesOfDay": []string{"DAY"}}) != 1 || find(vars{"timesOfDay": []string{"EVENING"}}) != 0 ||
		find(vars{"facilitatorId": peerID}) != 1 || find(vars{"facilitatorId": staffID, "kinds": []string{"THERAPY"}}) != 0 ||
		find(vars{"search": "daily"}) != 1 || find(vars{"isActive": false}) != 0 {
		t.Error("group filters")
	}
	listed := c.do(`query($from: DateTime!, $to: DateTime!, $g: ID!) {
		meetings(first: 5, filter: {startsWithin: {startAt: $from, endAt: $to}, groupIds: [$g], kinds: [AFTERCARE]}) { totalCount pageInfo { hasNextPage endCursor } nodes { startsAt timeOfDay } }
		group(id: $g) { nextMeeting { startsAt } meetings(first: 3) { totalCount pageInfo { hasNextPage } nodes { id } } } }`,
		vars{"from": today.AddDate(0, 0, -30).Format(time.RFC3339), "to": today.AddDate(0, 0, 30).Format(time.RFC3339), "g": groupID})
	listed.noErrors(t)
	if listed.get(t, "meetings.totalCount") != float64(15) || len(listed.list(t, "meetings.nodes")) != 5 ||
		listed.get(t, "meetings.pageInfo.hasNextPage") != true {
		t.Errorf("meetings %v", listed.Data["meetings"])
	}
	if next := groupsTime(t, listed.get(t, "group.nextMeeting.startsAt")); next.Before(today.Add(-time.Second)) {
		t.Errorf("next meeting %s is in the past", next)
	}
	if listed.get(t, "group.meetings.totalCount") != float64(15) || len(listed.list(t, "group.meetings.nodes")) != 3 {
		t.Errorf("group meetings %v", listed.Data["group"])
	}
	tooLong := c.do(`{ meetings(filter: {startsWithin: {startAt: "2025-01-01T00:00:00Z", endAt: "2026-01-03T00:00:00Z"}}) { totalCount } }`, nil)
	if !slices.Equal(tooLong.errorCodes(), []string{"BAD_USER_INPUT"}) {
		t.Errorf("a 367-day meeting list: %v", tooLong.errorCodes())
	}
	openEnded := c.do(`{ meetings(filter: {startsWithin: {startAt: "2025-01-01T00:00:00Z"}}) { totalCount } }`, nil)
	if !slices.Equal(openEnded.errorCodes(), []string{"BAD_USER_INPUT"}) {
		t.Errorf("a meeting list without an end: %v", openEnded.errorCodes())
	}

	// A meeting's topic and facilitator.
	updated := c.do(`mutation($in: UpdateMeetingInput!) { updateMeeting(input: $in) { meeting { topic facilitator { __typename ... on User { id } } } userErrors { code } } }`,
		vars{"in": vars{"meetingId": future, "topic": " Gratitude ", "facilitatorUserId": staffID}})
	updated.noErrors(t)
	if updated.str(t, "updateMeeting.meeting.topic") != "Gratitude" || updated.str(t, "updateMeeting.meeting.facilitator.id") != staffID {
		t.Errorf("updateMeeting %v", updated.Data)
	}

	// A new schedule: future meetings that no longer fit go, unless they
	// have attendance (the excused one stays).
	changed := c.do(`mutation($in: UpdateGroupInput!) { updateGroup(input: $in) { group { timesOfDay schedule { dayOfWeek } } userErrors { code field } } }`,
		vars{"in": vars{"groupId": groupID, "schedule": []vars{{"dayOfWeek": "SATURDAY", "startTime": "10:00", "durationMinutes": 60}}}})
	changed.noErrors(t)
	if got := changed.list(t, "updateGroup.group.timesOfDay"); len(got) != 1 || got[0] != "WEEKEND" {
		t.Errorf("timesOfDay after the change %v", got)
	}
	after := c.do(`query($g: ID!, $from: DateTime!) { group(id: $g) { meetings(first: 20, filter: {startsWithin: {startAt: $from}}) { nodes { id } } } }`,
		vars{"g": groupID, "from": today.Add(time.Hour).Format(time.RFC3339)})
	remaining := after.list(t, "group.meetings.nodes")
	if len(remaining) != 1 || groupsField(remaining[0], "id") != future {
		t.Errorf("future meetings after the change: %v, want only the one with attendance", remaining)
	}
}

// TestGroupsUserErrors checks that bad input is a userError pointing at the
// field, and writes nothing.
func TestGroupsUserErrors(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	staffID := groupsViewerID(t, c)
	houseID := groupsHouse(t, s, "Cedar House")
	base := func(extra vars) vars {
		in := vars{"name": "Group", "kind": "PEER_SUPPORT", "modality": "IN_PERSON"}
		for k, v := range extra {
			in[k] = v
		}
		return vars{"in": in}
	}
	cases := []struct {
		name  string
		in    vars
		code  string
		field []string
	}{
		{"unknown zone", base(vars{"timeZone": "Mars/Olympus"}), "INVALID_INPUT", []string{"input", "timeZone"}},
		{"house for a peer group", base(vars{"houseId": houseID}), "INVALID_INPUT", []string{"input", "houseId"}},
		{"house meeting without a house", base(vars{"kind": "HOUSE_MEETING"}), "INVALID_INPUT", []string{"input", "houseId"}},
		{"12-hour start", base(vars{"schedule": []vars{{"dayOfWeek": "MONDAY", "startTime": "7pm", "durationMinutes": 60}}}),
			"INVALID_INPUT", []string{"input", "schedule", "0", "startTime"}},
		{"a user ID as peer", base(vars{"facilitatorPeerIds": []string{staffID}}), "NOT_FOUND", []string{"input", "facilitatorPeerIds", "0"}},
		{"blank name", base(vars{"name": "  "}), "INVALID_INPUT", []string{"input", "name"}},
	}
	for _, tc := range cases {
		r := c.do(groupsCreateMutation, tc.in)
		if code, field := groupsUserError(t, r, "createGroup"); code != tc.code || !slices.Equal(field, tc.field) {
			t.Errorf("%s: %s at %v, want %s at %v", tc.name, code, field, tc.code, tc.field)
		}
		if r.get(t, "createGroup.group") != nil {
			t.Errorf("%s: a group came back", tc.name)
		}
	}
	if n := c.do(`{ groups(filter: {isActive: null}) { totalCount } }`, nil).get(t, "groups.totalCount"); n != float64(0) {
		t.Errorf("%v groups written by refused calls", n)
	}

	house := c.do(groupsCreateMutation, base(vars{"kind": "HOUSE_MEETING", "houseId": houseID, "name": "Cedar house meeting"}))
	if house.str(t, "createGroup.group.house.name") != "Cedar House" {
		t.Errorf("house meeting %v", house.Data)
	}
	groupID := house.str(t, "createGroup.group.id")
	groupsWantUserError(t, c.do(groupsScheduleMutation, vars{"in": vars{"groupId": groupID, "period": vars{"startOn": "2025-01-01", "endOn": "2026-01-04"}}}),
		"scheduleMeetings", "INVALID_INPUT", "input", "period", "endOn")
	groupsWantUserError(t, c.do(groupsScheduleMutation, vars{"in": vars{"groupId": groupID, "period": vars{"startOn": "2025-01-01", "endOn": "2025-01-01"}}}),
		"scheduleMeetings", "INVALID_INPUT", "input", "period", "endOn")
	groupsWantUserError(t, c.do(groupsScheduleMutation, vars{"in": vars{"groupId": staffID, "period": vars{"startOn": "2025-01-01", "endOn": "2025-01-04"}}}),
		"scheduleMeetings", "NOT_FOUND", "input", "groupId")
	groupsWantUserError(t, c.do(`mutation($in: UpdateGroupInput!) { updateGroup(input: $in) { group { id } userErrors { code field message } } }`,
		vars{"in": vars{"groupId": globalid.EncodeInt(globalid.TypeGroup, 424242), "name": "x"}}),
		"updateGroup", "NOT_FOUND", "input", "groupId")
	groupsWantUserError(t, c.do(`mutation($in: UpdateMeetingInput!) { updateMeeting(input: $in) { meeting { id } userErrors { code field message } } }`,
		vars{"in": vars{"meetingId": globalid.EncodeInt(globalid.TypeMeeting, 424242), "topic": "x"}}),
		"updateMeeting", "NOT_FOUND", "input", "meetingId")
	groupsWantUserError(t, c.do(`mutation($in: LeaveGroupInput!) { leaveGroup(input: $in) { groupMembership { leftAt } userErrors { code field message } } }`,
		vars{"in": vars{"groupId": groupID, "memberId": groupsMember(t, c, "Ed", "Never")}}),
		"leaveGroup", "NOT_FOUND", "input", "memberId")
	r := c.do(groupsAttendanceMutation, vars{"in": vars{"meetingId": globalid.EncodeInt(globalid.TypeMeeting, 424242),
		"entries": []vars{{"memberId": groupsMember(t, c, "Flo", "Here"), "status": "PRESENT"}}}})
	groupsWantUserError(t, r, "recordAttendance", "NOT_FOUND", "input", "meetingId")
	if bad := c.do(`{ groups(filter: {facilitatorId: "TWVtYmVyOjE"}) { totalCount } }`, nil); !slices.Equal(bad.errorCodes(), []string{"BAD_USER_INPUT"}) {
		t.Errorf("a member ID as facilitatorId: %v", bad.errorCodes())
	}
}

// TestGroupsScheduleAcrossDST materialises a New York Sunday 18:00 group
// over the March 2025 change through the API.
func TestGroupsScheduleAcrossDST(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	created := c.do(groupsCreateMutation, vars{"in": vars{"name": "Sunday Evening", "kind": "PEER_SUPPORT", "modality": "VIRTUAL",
		"timeZone": "America/New_York", "schedule": []vars{{"dayOfWeek": "SUNDAY", "startTime": "18:00", "durationMinutes": 90}}}})
	created.noErrors(t)
	r := c.do(groupsScheduleMutation, vars{"in": vars{"groupId": created.str(t, "createGroup.group.id"), "period": vars{"startOn": "2025-03-01", "endOn": "2025-03-17"}}})
	r.noErrors(t)
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range r.list(t, "scheduleMeetings.meetings") {
		start, end := groupsTime(t, groupsField(m, "startsAt")), groupsTime(t, groupsField(m, "endsAt"))
		got = append(got, fmt.Sprintf("%s %s %s %s", start.UTC().Format("01-02T15:04Z"), start.In(ny).Format("15:04"),
			end.Sub(start), groupsField(m, "timeOfDay")))
	}
	want := []string{"03-02T23:00Z 18:00 1h30m0s WEEKEND", "03-09T22:00Z 18:00 1h30m0s WEEKEND", "03-16T22:00Z 18:00 1h30m0s WEEKEND"}
	if !slices.Equal(got, want) {
		t.Errorf("meetings %v, want %v", got, want)
	}
}

// groupsSeedForCount loads groups × meetings × attendees straight through
// the store: each group led by a peer and a staff member, its meetings in
// the past, every attendee recorded at every meeting.
func groupsSeedForCount(t *testing.T, s *server, groups, meetings, attendees int) {
	t.Helper()
	ctx := context.Background()
	st := s.Store
	var staffID int64
	if err := st.DB().NewRaw("SELECT id FROM users ORDER BY id LIMIT 1").Scan(ctx, &staffID); err != nil {
		t.Fatal(err)
	}
	var daily []domain.ScheduleSlotInput
	for day := 1; day <= 7; day++ {
		daily = append(daily, domain.ScheduleSlotInput{DayOfWeek: day, StartTime: "10:00", DurationMinutes: 60})
	}
	for g := range groups {
		var peerID int64
		if err := st.DB().NewRaw("INSERT INTO peers (name, caseload_limit) VALUES (?, 10) RETURNING id", fmt.Sprintf("Peer %d", g)).Scan(ctx, &peerID); err != nil {
			t.Fatal(err)
		}
		name, kind, modality := fmt.Sprintf("Group %02d", g), domain.GroupAftercare, domain.ModalityInPerson
		group, err := st.CreateGroup(ctx, store.GroupInput{
			Fields:   domain.GroupFields{Name: &name, Kind: &kind, Modality: &modality},
			Schedule: daily,
			PeerIDs:  []int64{peerID}, UserIDs: []int64{staffID},
		})
		if err != nil {
			t.Fatal(err)
		}
		first := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		ms, err := st.ScheduleMeetings(ctx, group.ID, domain.DateRange{StartOn: first, EndOn: first.AddDate(0, 0, meetings)})
		if err != nil || len(ms) != meetings {
			t.Fatalf("%d meetings, %v", len(ms), err)
		}
		var entries []domain.AttendanceEntry
		for a := range attendees {
			firstName, lastName := fmt.Sprintf("A%d", a), name
			m, err := st.CreateMember(ctx, 0, domain.MemberFields{FirstName: &firstName, LastName: &lastName})
			if err != nil {
				t.Fatal(err)
			}
			entries = append(entries, domain.AttendanceEntry{MemberID: m.ID, Status: domain.AttendancePresent})
			if _, err := st.JoinGroup(ctx, 0, store.GroupMembershipInput{GroupID: group.ID, MemberID: m.ID, At: &first}); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range ms {
			if _, err := st.RecordAttendance(ctx, 0, m.ID, entries); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestGroupsNoNPlusOne counts the statements of a nested group list, and
// of a member list with its groups and attendance, at two data sizes: they
// must not grow with groups, meetings or attendees.
// The loaders batch what arrives within a short wait; on a machine busy
// enough to delay a goroutine past it, one batch can split in two, adding a
// statement where an N+1 would add one per row. Each query is therefore run
// up to five times and its fewest statements count: splits only add.
func TestGroupsNoNPlusOne(t *testing.T) {
	const groupList = `{ groups(first: 50) { nodes { facilitators { __typename } meetings(first: 10) { nodes { attendance(first: 100) { nodes { status member { displayName } } } } } } } }`
	const memberList = `{ members(first: 50) { nodes { groupMemberships { nodes { group { name } } }
		attendance(first: 5) { totalCount nodes { status meeting { startsAt group { name } } } }
		attendanceSummary(period: {startAt: "2024-12-01T00:00:00Z", endAt: "2025-02-01T00:00:00Z"}) { meetingsAttended weeks { attended } } } } }`
	count := func(s *server, c *client, query string, floor int64, check func(r *response)) int64 {
		n, r := s.fewestStatements(t, c, query, nil, floor)
		check(r)
		return n
	}
	measure := func(groups, meetings, attendees int) (groupCost, memberCost int64) {
		s := startServer(t, nil)
		c := s.signedIn(t, domain.RoleCaseManager)
		groupsSeedForCount(t, s, groups, meetings, attendees)
		groupCost = count(s, c, groupList, groupsListBudget, func(r *response) {
			nodes := r.list(t, "groups.nodes")
			records := 0
			for _, g := range nodes {
				if f := groupsField(g, "facilitators").([]any); len(f) != 2 {
					t.Errorf("facilitators %v", f)
				}
				for _, m := range groupsField(groupsField(g, "meetings"), "nodes").([]any) {
					records += len(groupsField(groupsField(m, "attendance"), "nodes").([]any))
				}
			}
			if len(nodes) != groups || records != groups*meetings*attendees {
				t.Fatalf("%d groups and %d attendance records, want %d and %d", len(nodes), records, groups, groups*meetings*attendees)
			}
		})
		memberCost = count(s, c, memberList, groupsMemberListBudget, func(r *response) {
			for _, m := range r.list(t, "members.nodes") {
				if len(groupsField(groupsField(m, "groupMemberships"), "nodes").([]any)) != 1 ||
					groupsField(groupsField(m, "attendance"), "totalCount") != float64(meetings) ||
					groupsField(groupsField(m, "attendanceSummary"), "meetingsAttended") != float64(meetings) {
					t.Fatalf("member %v", m)
				}
			}
		})
		return groupCost, memberCost
	}
	smallGroups, smallMembers := measure(2, 3, 3)
	largeGroups, largeMembers := measure(8, 10, 10)
	t.Logf("groups query: 2 groups x 3 meetings x 3 attendees -> %d statements; 8 x 10 x 10 -> %d", smallGroups, largeGroups)
	t.Logf("members query: 6 members -> %d statements; 50 of 80 members -> %d", smallMembers, largeMembers)
	fmt.Printf("groups N+1 check: groups 2x3x3 -> %d, 8x10x10 -> %d statements; members 6 -> %d, 50 -> %d statements\n",
		smallGroups, largeGroups, smallMembers, largeMembers)
	if grows(smallGroups, largeGroups) || grows(smallMembers, largeMembers) ||
		smallGroups > groupsListBudget || smallMembers > groupsMemberListBudget {
		t.Errorf("statements grow with the data: groups %d then %d, members %d then %d",
			smallGroups, largeGroups, smallMembers, largeMembers)
	}
}

// What the queries of TestGroupsNoNPlusOne cost. The group list: the
// session, the groups, their facilitators (links, peers, users), their
// meetings, and the attendance with its members. The member list: the
// session, the members, their memberships and the groups, their attendance
// page, its count and its meetings, and the summary tallies.
const (
	groupsListBudget       = 7
	groupsMemberListBudget = 8
)
