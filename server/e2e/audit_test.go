package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"carejourney/graph/globalid"
	"carejourney/server/audit"
	"carejourney/server/domain"
	"carejourney/server/seed"
	"carejourney/server/store"
	"carejourney/server/testdb"
)

// auditOf returns the audit events of the request that gave r, oldest
// first. They are committed before the response is sent.
func auditOf(t testing.TB, s *server, r *response) []*audit.Event {
	t.Helper()
	id := r.Header.Get("X-Request-Id")
	if id == "" {
		t.Fatal("no X-Request-Id")
	}
	var events []*audit.Event
	if err := s.Store.DB().NewSelect().Model(&events).Where("request_id = ?", id).OrderExpr("id").Scan(context.Background()); err != nil {
		t.Fatal(err)
	}
	return events
}

// auditSummary lists events as "ACTION member object field", sorted.
func auditSummary(events []*audit.Event) []string {
	var out []string
	for _, e := range events {
		out = append(out, fmt.Sprintf("%s m%d %s:%d %s", e.Action, e.MemberID, e.ObjectType, e.ObjectID, e.Field))
	}
	slices.Sort(out)
	return out
}

// auditUserID is the id of the user signed in on c.
func auditUserID(t testing.TB, c *client) int64 {
	t.Helper()
	return decodeID(t, c.do(`{ viewer { user { id } } }`, nil).str(t, "viewer.user.id"))
}

// TestAuditOneReadPerMember reads one member's whole record (many fields,
// nested lists, connections through nodes and edges, the member again from
// inside) in one request: exactly one READ event for that member.
func TestAuditOneReadPerMember(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleAdmin)
	if _, err := seed.Scale(context.Background(), s.Store, seed.ScaleOptions{Members: 12, Seed: 4}); err != nil {
		t.Fatal(err)
	}
	// A member with a plan, so that goals, commitments and check-ins are read.
	var memberID int64
	if err := s.Store.DB().NewRaw(`SELECT member_id FROM aftercare_plans WHERE status = 'ACTIVE' ORDER BY id LIMIT 1`).
		Scan(context.Background(), &memberID); err != nil {
		t.Fatal(err)
	}
	id := globalid.EncodeInt(globalid.TypeMember, memberID)
	const journey = `query Journey($id: ID!) { member(id: $id) { displayName bornOn status daysInRecovery
		recoveryStartDateHistory { nodes { recoveryStartedOn reason } } milestones { reached { label } }
		careEpisodes { nodes { careLevel { code } transition startedAt endedAt member { id displayName } } }
		residencies { nodes { house { name } moveInAt member { id } } } peerAssignments { nodes { peer { name } member { id } } }
		groupMemberships { nodes { group { name } } } attendance(first: 5) { edges { cursor node { status } } nodes { status member { id } } }
		attendanceSummary { meetingsAttended }
		activeAftercarePlan { member { id } goals { nodes { category } } commitments { nodes { kind } } checkIns(first: 3) { nodes { craving } edges { node { isAbstinent } } } }
		aftercarePlans { nodes { status } } recoveryCapital { nodes { total } }
		updates(first: 5) { nodes { kind body member { displayName } } } }
		again: nodes(ids: [$id]) { ... on Member { displayName } } }`
	r := c.do(journey, vars{"id": id})
	r.noErrors(t)
	if len(r.list(t, "member.careEpisodes.nodes")) == 0 || len(r.list(t, "member.activeAftercarePlan.goals.nodes")) == 0 {
		t.Fatalf("the member's record is thin: %v", r.Data)
	}
	events := auditOf(t, s, r)
	if got := auditSummary(events); !slices.Equal(got, []string{fmt.Sprintf("READ m%d Member:%d member", memberID, memberID)}) {
		t.Fatalf("events of one member's record: %v", got)
	}
	e := events[0]
	if e.ActorKind != audit.ActorUser || e.ActorUserID != auditUserID(t, c) || e.ActorRole != domain.RoleAdmin || e.ActorKeyID != 0 ||
		e.OperationName != "Journey" || e.RequestID != r.Header.Get("X-Request-Id") || e.ClientAddress != "127.0.0.1" ||
		time.Since(e.OccurredAt) > time.Minute {
		t.Errorf("event = %+v", e)
	}

	// A plan part reached without its plan still counts for the plan's member.
	var goalID int64
	if err := s.Store.DB().NewRaw(`SELECT g.id FROM aftercare_goals g JOIN aftercare_plans p ON p.id = g.plan_id
		WHERE p.member_id = ? LIMIT 1`, memberID).Scan(context.Background(), &goalID); err != nil {
		t.Fatal(err)
	}
	r = c.do(`query($id: ID!) { node(id: $id) { ... on AftercareGoal { description } } }`,
		vars{"id": globalid.EncodeInt(globalid.TypeAftercareGoal, goalID)})
	r.noErrors(t)
	if got := auditSummary(auditOf(t, s, r)); !slices.Equal(got, []string{fmt.Sprintf("READ m%d Member:%d node", memberID, memberID)}) {
		t.Errorf("a goal read alone: %v", got)
	}
	// Counting members reads nobody's record; the count is a SEARCH.
	r = c.do(`{ members { totalCount } }`, nil)
	r.noErrors(t)
	if got := auditSummary(auditOf(t, s, r)); !slices.Equal(got, []string{"SEARCH m0 Member:0 members"}) {
		t.Errorf("totalCount alone left %v", got)
	}
}

// TestAuditSearches: a name search or a count over members leaves one
// SEARCH event per member list with how many matched, never the text; a
// plain page of members leaves only its READs.
func TestAuditSearches(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	for _, name := range []string{"Zephyrine", "Zephyrina", "Zephyrus", "Other"} {
		c.do(`mutation($in: CreateMemberInput!) { createMember(input: $in) { member { id } } }`,
			vars{"in": vars{"firstName": name, "lastName": "Searchtest"}}).noErrors(t)
	}
	searches := func(r *response) []*audit.Event {
		var out []*audit.Event
		for _, e := range auditOf(t, s, r) {
			if e.Action == audit.ActionSearch {
				out = append(out, e)
			}
		}
		return out
	}
	for _, tc := range []struct {
		query    string
		searches int
		matched  int
	}{
		// The page holds 2; the count says 3.
		{`{ members(first: 2, filter: {search: "zephyr"}) { totalCount nodes { displayName } } }`, 1, 3},
		// Without the count: what was returned.
		{`{ members(first: 2, filter: {search: "zephyr"}) { nodes { displayName } } }`, 1, 2},
		{`{ members(filter: {search: "zephyrus"}) { edges { node { id } } } }`, 1, 1},
		{`{ members(filter: {search: "nobody-has-this-name"}) { nodes { id } } }`, 1, 0},
		{`{ members { totalCount } }`, 1, 4},
		{`{ a: members(filter: {search: "zephyr"}) { totalCount } b: members { totalCount } }`, 2, -1},
		{`{ members(first: 3) { nodes { displayName } } }`, 0, 0},
	} {
		r := c.do(tc.query, nil)
		r.noErrors(t)
		got := searches(r)
		if len(got) != tc.searches {
			t.Errorf("%s: %d SEARCH events, want %d", tc.query, len(got), tc.searches)
			continue
		}
		for _, e := range got {
			if e.MatchedCount == nil || (tc.matched >= 0 && *e.MatchedCount != tc.matched) || e.ActorUserID == 0 ||
				e.MemberID != 0 || e.RequestID == "" {
				t.Errorf("%s: SEARCH event %+v, want %d matched by the signed-in user", tc.query, e, tc.matched)
			}
		}
	}
	// No column of any event holds a search text.
	var leaks int
	if err := s.Store.DB().NewRaw(`SELECT count(*) FROM audit_events e WHERE to_jsonb(e)::text ILIKE '%zephyr%' OR to_jsonb(e)::text ILIKE '%nobody-has%'`).
		Scan(context.Background(), &leaks); err != nil || leaks != 0 {
		t.Errorf("%d events hold the search text (%v)", leaks, err)
	}
}

// TestAuditListing: a page of five members leaves five READ events, one
// per member, whether read through nodes or edges.
func TestAuditListing(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	if _, err := seed.Scale(context.Background(), s.Store, seed.ScaleOptions{Members: 8, Seed: 5, JourneysOnly: true}); err != nil {
		t.Fatal(err)
	}
	r := c.do(`query Census { members(first: 5) { nodes { id displayName careEpisodes { nodes { transition member { id } } } } edges { node { id } } } }`, nil)
	r.noErrors(t)
	events := auditOf(t, s, r)
	var listed []int64
	for _, n := range r.list(t, "members.nodes") {
		listed = append(listed, decodeID(t, n.(map[string]any)["id"].(string)))
	}
	var read []int64
	for _, e := range events {
		if e.Action != audit.ActionRead || e.Field != "members.nodes" || e.OperationName != "Census" {
			t.Errorf("event %+v", e)
		}
		read = append(read, e.MemberID)
	}
	slices.Sort(listed)
	slices.Sort(read)
	if len(read) != 5 || !slices.Equal(read, listed) {
		t.Errorf("listed %v, audited %v", listed, read)
	}
	// Edges alone read their nodes too.
	r = c.do(`{ members(first: 3) { edges { cursor } } }`, nil)
	r.noErrors(t)
	if n := len(auditOf(t, s, r)); n != 3 {
		t.Errorf("3 edges left %d events", n)
	}
}

// TestAuditWrites: a mutation leaves a WRITE for the member it wrote, with
// its main object; a refused one an attempt without an object; reads of
// what it returned are covered by the WRITE.
func TestAuditWrites(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)

	r := c.do(`mutation { createMember(input: {firstName: "Ana", lastName: "Silva"}) { member { id displayName } } }`, nil)
	r.noErrors(t)
	memberID := r.str(t, "createMember.member.id")
	member := decodeID(t, memberID)
	if got := auditSummary(auditOf(t, s, r)); !slices.Equal(got, []string{fmt.Sprintf("WRITE m%d Member:%d createMember", member, member)}) {
		t.Errorf("createMember: %v", got)
	}

	start := time.Now().UTC().AddDate(0, 0, -20).Format(time.RFC3339)
	r = c.do(`mutation($in: AdmitMemberInput!) { admitMember(input: $in) { careEpisode { id member { displayName } } userErrors { code } } }`,
		vars{"in": vars{"memberId": memberID, "careLevelCode": "RESIDENTIAL", "startedAt": start}})
	r.noErrors(t)
	episode := decodeID(t, r.str(t, "admitMember.careEpisode.id"))
	events := auditOf(t, s, r)
	if got := auditSummary(events); !slices.Equal(got, []string{fmt.Sprintf("WRITE m%d CareEpisode:%d admitMember", member, episode)}) {
		t.Errorf("admitMember: %v", got)
	}
	if e := events[0]; e.OperationName != "admitMember" || e.ActorKind != audit.ActorUser || e.ActorRole != domain.RoleCaseManager {
		t.Errorf("event %+v", e)
	}

	// Refused with a userError: an attempt, for the member named in the input.
	r = c.do(`mutation($in: AdmitMemberInput!) { admitMember(input: $in) { careEpisode { id } userErrors { code } } }`,
		vars{"in": vars{"memberId": memberID, "careLevelCode": "RESIDENTIAL", "startedAt": start}})
	if codes := r.userErrorCodes(t, "admitMember"); len(codes) != 1 {
		t.Fatalf("second admission: %v", codes)
	}
	if got := auditSummary(auditOf(t, s, r)); !slices.Equal(got, []string{fmt.Sprintf("WRITE m%d :0 admitMember", member)}) {
		t.Errorf("refused admitMember: %v", got)
	}

	// A plan's goal: the member comes from the plan.
	today := time.Now().UTC().Format("2006-01-02")
	r = c.do(`mutation($in: CreateAftercarePlanInput!) { createAftercarePlan(input: $in) { aftercarePlan { id } } }`,
		vars{"in": vars{"memberId": memberID, "startsOn": today, "reviewOn": today}})
	r.noErrors(t)
	planID := r.str(t, "createAftercarePlan.aftercarePlan.id")
	r = c.do(`mutation($in: AddAftercareGoalInput!) { addAftercareGoal(input: $in) { aftercareGoal { id description } } }`,
		vars{"in": vars{"aftercarePlanId": planID, "category": "HOUSING", "description": "Find a room"}})
	r.noErrors(t)
	goal := decodeID(t, r.str(t, "addAftercareGoal.aftercareGoal.id"))
	if got := auditSummary(auditOf(t, s, r)); !slices.Equal(got, []string{fmt.Sprintf("WRITE m%d AftercareGoal:%d addAftercareGoal", member, goal)}) {
		t.Errorf("addAftercareGoal: %v", got)
	}

	// Two mutations in one request, one member each.
	other := c.do(`mutation { createMember(input: {firstName: "Bo", lastName: "Berg"}) { member { id } } }`, nil).str(t, "createMember.member.id")
	r = c.do(`mutation($a: PostUpdateInput!, $b: PostUpdateInput!) { a: postUpdate(input: $a) { update { id member { displayName } } } b: postUpdate(input: $b) { update { id } } }`,
		vars{"a": vars{"memberId": memberID, "body": "Doing well"}, "b": vars{"memberId": other, "body": "First week"}})
	r.noErrors(t)
	got := auditSummary(auditOf(t, s, r))
	want := []string{
		fmt.Sprintf("WRITE m%d Update:%d a", member, decodeID(t, r.str(t, "a.update.id"))),
		fmt.Sprintf("WRITE m%d Update:%d b", decodeID(t, other), decodeID(t, r.str(t, "b.update.id"))),
	}
	if !slices.Equal(got, want) {
		t.Errorf("two mutations:\n got %v\nwant %v", got, want)
	}
}

// TestAuditSignIns records sign-ins, refusals and sign-outs without the
// email or password.
func TestAuditSignIns(t *testing.T) {
	s := startServer(t, nil)
	s.createUser(t, "kim@test.example", "correct horse battery", domain.RoleClinician)
	c := s.client(t)
	const signIn = `mutation($in: SignInInput!) { signIn(input: $in) { viewer { user { id } } userErrors { code } } }`

	wrong := c.do(signIn, vars{"in": vars{"email": "kim@test.example", "password": "wrong password!!"}})
	unknown := c.do(signIn, vars{"in": vars{"email": "nobody@test.example", "password": "wrong password!!"}})
	ok := c.do(signIn, vars{"in": vars{"email": "kim@test.example", "password": "correct horse battery"}})
	ok.noErrors(t)
	kim := decodeID(t, ok.str(t, "signIn.viewer.user.id"))
	out := c.do(`mutation { signOut { userErrors { code } } }`, nil)
	out.noErrors(t)

	for _, c := range []struct {
		name string
		r    *response
		want string
	}{
		{"wrong password", wrong, fmt.Sprintf("SIGN_IN_FAILED ANONYMOUS user %d", kim)},
		{"unknown email", unknown, "SIGN_IN_FAILED ANONYMOUS user 0"},
		{"signed in", ok, fmt.Sprintf("SIGN_IN USER user %d", kim)},
		{"signed out", out, fmt.Sprintf("SIGN_OUT USER user %d", kim)},
	} {
		events := auditOf(t, s, c.r)
		if len(events) != 1 {
			t.Errorf("%s: %d events", c.name, len(events))
			continue
		}
		e := events[0]
		if got := fmt.Sprintf("%s %s user %d", e.Action, e.ActorKind, e.ActorUserID); got != c.want || e.MemberID != 0 {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	var leaked int
	if err := s.Store.DB().NewRaw(`SELECT count(*) FROM audit_events AS e WHERE strpos(e::text, '@') > 0 OR strpos(e::text, 'password') > 0`).
		Scan(context.Background(), &leaked); err != nil || leaked != 0 {
		t.Errorf("%d events hold an email or password (%v)", leaked, err)
	}
}

// TestAuditEventsQuery lists the log over GraphQL with every filter and
// pages through it.
func TestAuditEventsQuery(t *testing.T) {
	s := startServer(t, nil)
	admin := s.signedIn(t, domain.RoleAdmin)
	cm := s.signedIn(t, domain.RoleCaseManager)
	var members []string
	for _, name := range []string{"Ana", "Bo", "Cy"} {
		members = append(members, cm.do(`mutation($in: CreateMemberInput!) { createMember(input: $in) { member { id } } }`,
			vars{"in": vars{"firstName": name, "lastName": "Audit"}}).str(t, "createMember.member.id"))
	}
	before := time.Now().UTC()
	time.Sleep(10 * time.Millisecond)
	for _, id := range members {
		cm.do(`query($id: ID!) { member(id: $id) { displayName } }`, vars{"id": id}).noErrors(t)
	}

	const query = `query($first: Int, $after: String, $filter: AuditEventFilter) { auditEvents(first: $first, after: $after, filter: $filter) {
		totalCount pageInfo { hasNextPage endCursor }
		nodes { id occurredAt actorKind actor { id } actorRole apiKeyId action operationName field member { id displayName } objectType objectId requestId clientAddress } } }`
	cmID := cm.do(`{ viewer { user { id } } }`, nil).str(t, "viewer.user.id")
	list := func(filter vars, first int, after any) *response {
		t.Helper()
		r := admin.do(query, vars{"filter": filter, "first": first, "after": after})
		r.noErrors(t)
		return r
	}
	r := list(vars{"memberId": members[0]}, 10, nil)
	nodes := r.list(t, "auditEvents.nodes")
	if len(nodes) != 2 || r.get(t, "auditEvents.totalCount") != float64(2) {
		t.Fatalf("events of one member: %v", nodes)
	}
	read, write := nodes[0].(map[string]any), nodes[1].(map[string]any)
	if read["action"] != "READ" || write["action"] != "WRITE" || write["operationName"] != "createMember" ||
		read["field"] != "member" || read["objectType"] != "Member" || read["objectId"] != members[0] ||
		read["actorKind"] != "USER" || read["actor"].(map[string]any)["id"] != cmID || read["actorRole"] != "CASE_MANAGER" ||
		read["apiKeyId"] != nil || read["member"].(map[string]any)["displayName"] != "Ana Audit" ||
		read["clientAddress"] != "127.0.0.1" || read["requestId"] == nil {
		t.Errorf("newest first, with every field:\n%v\n%v", read, write)
	}
	// node() finds an event by its ID.
	if got := admin.do(`query($id: ID!) { node(id: $id) { ... on AuditEvent { action } } }`, vars{"id": read["id"]}); got.str(t, "node.action") != "READ" {
		t.Errorf("node(event): %v", got.Data)
	}

	count := func(filter vars) float64 {
		t.Helper()
		return list(filter, 1, nil).get(t, "auditEvents.totalCount").(float64)
	}
	if n := count(vars{"actorId": cmID, "action": "READ"}); n != 3 {
		t.Errorf("the case manager's reads: %v", n)
	}
	if n := count(vars{"actorId": cmID, "occurredWithin": vars{"startAt": before.Format(time.RFC3339Nano)}}); n != 3 {
		t.Errorf("since the reads began: %v", n)
	}
	if n := count(vars{"actorId": cmID, "occurredWithin": vars{"endAt": before.Format(time.RFC3339Nano)}, "action": "WRITE"}); n != 3 {
		t.Errorf("writes before: %v", n)
	}
	if r := admin.do(query, vars{"filter": vars{"actorId": members[0]}}); !slices.Equal(r.errorCodes(), []string{"BAD_USER_INPUT"}) {
		t.Errorf("a member as actor: %v", r.errorCodes())
	}

	// Page through the case manager's events two at a time.
	var seen []string
	var after any
	for {
		r := list(vars{"actorId": cmID}, 2, after)
		for _, n := range r.list(t, "auditEvents.nodes") {
			seen = append(seen, n.(map[string]any)["id"].(string))
		}
		if r.get(t, "auditEvents.pageInfo.hasNextPage") != true {
			break
		}
		after = r.str(t, "auditEvents.pageInfo.endCursor")
	}
	all := list(vars{"actorId": cmID}, 100, nil).list(t, "auditEvents.nodes")
	if len(seen) != len(all) || len(all) < 7 || len(slices.Compact(slices.Clone(seen))) != len(seen) {
		t.Errorf("paged %d events, listed %d", len(seen), len(all))
	}
}

// TestAuditDisclosures: only reads by family viewers and partner keys are
// disclosures, newest first, paged per member in one statement.
func TestAuditDisclosures(t *testing.T) {
	s := startServer(t, nil)
	admin := s.signedIn(t, domain.RoleAdmin)
	ctx := context.Background()
	var ids []string
	for _, name := range []string{"Ana", "Bo"} {
		ids = append(ids, admin.do(`mutation($in: CreateMemberInput!) { createMember(input: $in) { member { id } } }`,
			vars{"in": vars{"firstName": name, "lastName": "Shared"}}).str(t, "createMember.member.id"))
	}
	ana, bo := decodeID(t, ids[0]), decodeID(t, ids[1])
	s.createUser(t, "parent@test.example", "correct horse battery", domain.RoleFamily)
	var parent, key int64
	if err := s.Store.DB().NewRaw(`SELECT id FROM users WHERE email = 'parent@test.example'`).Scan(ctx, &parent); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Store.DB().ExecContext(ctx, `INSERT INTO family_contacts (member_id, name, relationship, email, user_id)
		VALUES (?, 'Pat Shared', 'parent', 'parent@test.example', ?)`, ana, parent); err != nil {
		t.Fatal(err)
	}
	if err := s.Store.DB().NewRaw(`WITH p AS (INSERT INTO partners (name) VALUES ('Referral Hub') RETURNING id)
		INSERT INTO api_keys (partner_id, scopes, secret_hash, secret_prefix)
		SELECT id, '{members:read}', '\x02', 'cj_' FROM p RETURNING id`).Scan(ctx, &key); err != nil {
		t.Fatal(err)
	}
	// Until family and key sessions land, their reads go in as the writer
	// would record them.
	base := time.Now().Add(-time.Hour)
	at := func(m int) time.Time { return base.Add(time.Duration(m) * time.Minute) }
	family := func(m int64, when time.Time) audit.Event {
		return audit.Event{OccurredAt: when, ActorKind: audit.ActorUser, ActorUserID: parent, ActorRole: domain.RoleFamily,
			Action: audit.ActionRead, MemberID: m, OperationName: "SharedFeed"}
	}
	partner := audit.Event{OccurredAt: at(2), ActorKind: audit.ActorAPIKey, ActorKeyID: key, Action: audit.ActionRead, MemberID: ana}
	if err := s.Audit.Write(ctx, family(ana, at(1)), partner, family(ana, at(3)), family(bo, at(4))); err != nil {
		t.Fatal(err)
	}

	const query = `query($after: String) { members(first: 10) { nodes { displayName
		disclosures(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor }
			nodes { occurredAt recipientKind recipientName recipientUser { email } apiKeyId operationName } } } } }`
	describe := func(r *response, i int) string {
		var parts []string
		for _, n := range r.list(t, fmt.Sprintf("members.nodes.%d.disclosures.nodes", i)) {
			d := n.(map[string]any)
			user, _ := d["recipientUser"].(map[string]any)
			parts = append(parts, fmt.Sprintf("%s %s %v %v %v", d["recipientKind"], d["recipientName"], user["email"], d["apiKeyId"] != nil, d["operationName"]))
		}
		return strings.Join(parts, "; ")
	}
	s.statements.Store(0)
	r := admin.do(query, nil)
	r.noErrors(t)
	statements := s.statements.Load()
	if got, want := describe(r, 0), "FAMILY_CONTACT Pat Shared parent@test.example false SharedFeed; PARTNER Referral Hub <nil> true <nil>"; got != want {
		t.Errorf("Ana:\n got %s\nwant %s", got, want)
	}
	if r.get(t, "members.nodes.0.disclosures.totalCount") != float64(3) || r.get(t, "members.nodes.0.disclosures.pageInfo.hasNextPage") != true {
		t.Errorf("Ana's count and paging: %v", r.get(t, "members.nodes.0.disclosures"))
	}
	// Bo's family viewer is not Bo's contact: the account's name.
	if got, want := describe(r, 1), "FAMILY_CONTACT Test FAMILY parent@test.example false SharedFeed"; got != want {
		t.Errorf("Bo:\n got %s\nwant %s", got, want)
	}
	// The staff reads of this listing are no disclosures.
	t.Logf("members with disclosures: %d statements", statements)
	next := admin.do(query, vars{"after": r.str(t, "members.nodes.0.disclosures.pageInfo.endCursor")})
	if got := describe(next, 0); got != "FAMILY_CONTACT Pat Shared parent@test.example false SharedFeed" {
		t.Errorf("Ana's second page: %s", got)
	}
}

// TestAuditFlushedOnShutdown makes requests, stops the server at once and
// finds every event written.
func TestAuditFlushedOnShutdown(t *testing.T) {
	url := testdb.NewDatabase(t)
	s := startServer(t, map[string]string{"DATABASE_URL": url})
	c := s.signedIn(t, domain.RoleCaseManager)
	var requests []string
	for i := range 10 {
		r := c.do(`mutation($in: CreateMemberInput!) { createMember(input: $in) { member { id displayName } } }`,
			vars{"in": vars{"firstName": "Shut", "lastName": fmt.Sprintf("Down%d", i)}})
		r.noErrors(t)
		requests = append(requests, r.Header.Get("X-Request-Id"))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n, err := db.NewSelect().Table("audit_events").Where("action = 'WRITE' AND request_id IN (?)", bun.In(requests)).Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != 10 {
		t.Errorf("%d of 10 WRITE events written by shutdown", n)
	}
}

// TestAuditUnavailableRefusesMemberRecords: while the audit table refuses
// inserts, a member's record is not shown (AUDIT_UNAVAILABLE, no data),
// no mutation runs, /readyz says why; once the table takes events again
// everything works, and nothing refused was written late.
func TestAuditUnavailableRefusesMemberRecords(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	ctx := context.Background()
	owner, err := store.Open(ctx, s.OwnerURL)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	ready := func() (int, string) {
		res, err := http.Get(s.URL + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(body)
	}
	if code, body := ready(); code != http.StatusOK {
		t.Fatalf("readyz = %d %q at start", code, body)
	}
	created := c.do(`mutation { createMember(input: {firstName: "Quillon", lastName: "Verity"}) { member { id } } }`, nil)
	created.noErrors(t)
	id := created.str(t, "createMember.member.id")
	const read = `query($id: ID!) { member(id: $id) { displayName } }`
	members := func() int {
		n, err := owner.NewSelect().Table("members").Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return int(n)
	}

	exec := func(stmt string) {
		if _, err := owner.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	exec(`CREATE FUNCTION audit_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'refused by the test'; END $$`)
	exec(`CREATE TRIGGER audit_test_refuse BEFORE INSERT ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_test_refuse()`)
	before := members()
	var refused []string
	unavailable := func(what string, r *response) {
		t.Helper()
		refused = append(refused, r.Header.Get("X-Request-Id"))
		if codes := r.errorCodes(); len(codes) != 1 || codes[0] != "AUDIT_UNAVAILABLE" || r.Data != nil {
			t.Errorf("%s while the audit table refuses: codes %v, data %v", what, codes, r.Data)
		}
		if strings.Contains(string(r.Raw), "Quillon") || strings.Contains(string(r.Raw), "Verity") {
			t.Errorf("%s: the member's name is in the refused response: %s", what, r.Raw)
		}
	}
	// The first read runs, fails to commit its READ, and is withheld.
	unavailable("first read", c.do(read, vars{"id": id}))
	// Then the failure is known: nothing runs until the table takes events.
	unavailable("second read", c.do(read, vars{"id": id}))
	unavailable("list", c.do(`{ members(first: 5) { nodes { displayName } } }`, nil))
	unavailable("mutation", c.do(`mutation { createMember(input: {firstName: "Quillon", lastName: "Twice"}) { member { id } } }`, nil))
	if n := members(); n != before {
		t.Errorf("%d members after a refused mutation, %d before: it ran without its audit event", n, before)
	}
	if code, body := ready(); code != http.StatusServiceUnavailable || !strings.Contains(body, "audit log not writable") ||
		!strings.Contains(body, "refused by the test") {
		t.Errorf("readyz = %d %q while the audit table refuses", code, body)
	}

	exec(`DROP TRIGGER audit_test_refuse ON audit_events`)
	deadline := time.Now().Add(10 * time.Second)
	for code, _ := ready(); code != http.StatusOK; code, _ = ready() {
		if time.Now().After(deadline) {
			t.Fatal("still unready after the table takes events again")
		}
		time.Sleep(50 * time.Millisecond)
	}
	r := c.do(read, vars{"id": id})
	r.noErrors(t)
	if got := auditOf(t, s, r); len(got) != 1 || got[0].Action != audit.ActionRead {
		t.Errorf("events of the read after recovery: %v", auditSummary(got))
	}
	n, err := owner.NewSelect().Table("audit_events").Where("request_id IN (?)", bun.In(refused)).Count(ctx)
	if err != nil || n != 0 {
		t.Errorf("%d events of refused requests (%v): nothing may be held and written late", n, err)
	}
}

// TestAuditAddsNoStatements: the statements of a nested member list are
// the same with the audit log on; its writes run beside the request.
func TestAuditAddsNoStatements(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	if _, err := seed.Scale(context.Background(), s.Store, seed.ScaleOptions{Members: 20, Seed: 6, JourneysOnly: true}); err != nil {
		t.Fatal(err)
	}
	// TestNoNPlusOne's query; its figure without auditing is 5 statements
	// (members, the open episodes for the current level, the pages of
	// episodes, the whole histories their transitions are reckoned from,
	// the recorders; the catalogue is read once per process).
	const query = `{ members(first: 50) { nodes { displayName currentCareLevel { code } careEpisodes(first: 5) { nodes { careLevel { code } transition recordedBy { email } } } } } }`
	n, r := s.fewestStatements(t, c, query, nil, 5)
	t.Logf("members → levels, episodes, recorder with auditing: %d statements", n)
	if n > 5 {
		t.Errorf("%d statements; 5 without auditing", n)
	}
	if events := auditOf(t, s, r); len(events) != 20 {
		t.Errorf("%d events for 20 members", len(events))
	}
}

// auditRace sends the same mutation from several clients at once.
func auditRace(clients []*client, query string, v func(i int) vars) []*response {
	out := make([]*response, len(clients))
	var wg sync.WaitGroup
	gate := make(chan struct{})
	for i, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			out[i] = c.do(query, v(i))
		}()
	}
	close(gate)
	wg.Wait()
	return out
}

// TestAuditOnlyWhatTheActorSaw: a peer supporter listing members sees only
// their caseload, and only those members' records are audited as read.
func TestAuditOnlyWhatTheActorSaw(t *testing.T) {
	s := startServer(t, nil)
	admin := s.signedIn(t, domain.RoleAdmin)
	var members []string
	for _, name := range []string{"Ana", "Bo", "Cy"} {
		members = append(members, admin.do(`mutation($in: CreateMemberInput!) { createMember(input: $in) { member { id } } }`,
			vars{"in": vars{"firstName": name, "lastName": "Seen"}}).str(t, "createMember.member.id"))
	}
	user := admin.do(auditCreateUser, vars{"in": vars{"email": "peer@test.example", "name": "Pia Peer", "role": "PEER_SUPPORTER", "password": "a long new password"}})
	user.noErrors(t)
	peer := admin.do(`mutation($in: CreatePeerInput!) { createPeer(input: $in) { peer { id } userErrors { code } } }`,
		vars{"in": vars{"name": "Pia Peer", "userId": user.str(t, "createUser.user.id"), "caseloadLimit": 5}})
	peer.noErrors(t)
	admin.do(`mutation($in: AssignPeerInput!) { assignPeer(input: $in) { peerAssignment { id } userErrors { code } } }`,
		vars{"in": vars{"memberId": members[1], "peerId": peer.str(t, "createPeer.peer.id"),
			"startedAt": time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)}}).noErrors(t)

	c := auditSignIn(t, s, "peer@test.example", "a long new password")
	r := c.do(`{ members(first: 10) { nodes { id displayName } } }`, nil)
	r.noErrors(t)
	if n := len(r.list(t, "members.nodes")); n != 1 {
		t.Fatalf("the peer sees %d members", n)
	}
	if got := auditSummary(auditOf(t, s, r)); !slices.Equal(got, []string{fmt.Sprintf("READ m%d Member:%d members.nodes", decodeID(t, members[1]), decodeID(t, members[1]))}) {
		t.Errorf("audited %v; want only the caseload member", got)
	}
	// A refused field is a DENIED event for the member it belongs to.
	r = c.do(`query($id: ID!) { member(id: $id) { displayName recoveryCapital { nodes { total } } } }`, vars{"id": members[1]})
	events := auditOf(t, s, r)
	got := auditSummary(events)
	want := []string{
		fmt.Sprintf("DENIED m%d :0 member.recoveryCapital", decodeID(t, members[1])),
		fmt.Sprintf("READ m%d Member:%d member", decodeID(t, members[1]), decodeID(t, members[1])),
	}
	if !slices.Equal(got, want) {
		t.Errorf("refused field:\n got %v\nwant %v (errors %v)", got, want, r.errorCodes())
	}
	// Someone else's member: NOT_FOUND, as for an unknown ID, and nothing read.
	r = c.do(`query($id: ID!) { member(id: $id) { displayName } }`, vars{"id": members[0]})
	if got := auditOf(t, s, r); len(got) != 0 || !slices.Equal(r.errorCodes(), []string{"NOT_FOUND"}) {
		t.Errorf("out of reach: %v, errors %v", auditSummary(got), r.errorCodes())
	}
}
