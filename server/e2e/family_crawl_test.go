package e2e

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"carejourney/graph/globalid"
	"carejourney/server/domain"
	"carejourney/server/seed"
)

// The crawls: signed in as a family viewer, visit everything the
// schema says is reachable, one field at a time, and fail if any field
// outside the family's allowed set returns data. The schema comes from
// introspection (read as staff: family viewers may not introspect), so a
// field added tomorrow is crawled without editing this test.

// familyAllowed is the family viewer's whole world, as "Type.field"; a
// "Type.*" entry allows every field of a type.
var familyAllowed = map[string]bool{
	"Query.viewer": true, "Query.careLevels": true, "Query.node": true, "Query.nodes": true,
	"Viewer.*": true,
	"User.id":  true, "User.name": true, "User.email": true, "User.role": true,
	"CareLevel.*":    true,
	"SharedMember.*": true, "SharedUpdate.*": true, "SharedUpdateConnection.*": true, "SharedUpdateEdge.*": true,
	"SharedMemberConnection.*": true, "SharedMemberEdge.*": true,
	"PageInfo.*": true, "Milestone.*": true, "Milestones.*": true, "AttendanceWeek.*": true,
	"Group.id": true, "Group.name": true, "Group.kind": true, "Group.description": true, "Group.modality": true,
	"Group.location": true, "Group.timeZone": true, "Group.schedule": true, "Group.timesOfDay": true,
	"Group.isActive": true, "Group.nextMeeting": true, "Group.meetings": true,
	"GroupConnection.*": true, "GroupEdge.*": true, "MeetingConnection.*": true, "MeetingEdge.*": true,
	"Meeting.id": true, "Meeting.group": true, "Meeting.startsAt": true, "Meeting.endsAt": true,
	"Meeting.timeOfDay": true, "Meeting.topic": true,
	"ScheduleSlot.*": true,
}

// directoryAllowed is a directory:read key's world: houses with their open
// beds, groups with their schedules and meetings; nothing about a person.
var directoryAllowed = map[string]bool{
	"Query.careLevels": true, "Query.node": true, "Query.nodes": true, "Query.viewer": true,
	"Viewer.*": true, "ViewerApiKey.partner": true, "ViewerApiKey.scopes": true, "ViewerApiKey.secretPrefix": true,
	// An empty page (totalCount 0) without members:read; a ConsentedMember read would be a leak.
	"ViewerApiKey.consentedMembers": true, "ConsentedMemberConnection.*": true,
	"Partner.id": true, "Partner.name": true,
	"Query.house": true, "Query.houses": true, "Query.group": true, "Query.groups": true,
	"Query.meeting": true, "Query.meetings": true,
	"CareLevel.*": true, "PageInfo.*": true, "Occupancy.*": true, "ScheduleSlot.*": true,
	"HouseConnection.*": true, "HouseEdge.*": true, "GroupConnection.*": true, "GroupEdge.*": true,
	"MeetingConnection.*": true, "MeetingEdge.*": true,
	// Viewer.sharedMembers, empty for a key: its count (0) and page flags.
	"SharedMemberConnection.totalCount": true, "SharedMemberConnection.pageInfo": true,
	"House.id": true, "House.name": true, "House.address": true, "House.capacity": true,
	"House.genderDesignation": true, "House.narrLevel": true, "House.phone": true, "House.occupancy": true,
	"House.houseMeetingGroups": true,
	"Group.id":                 true, "Group.name": true, "Group.kind": true, "Group.description": true, "Group.modality": true,
	"Group.location": true, "Group.timeZone": true, "Group.schedule": true, "Group.timesOfDay": true,
	"Group.isActive": true, "Group.nextMeeting": true, "Group.meetings": true, "Group.house": true,
	"Meeting.id": true, "Meeting.group": true, "Meeting.startsAt": true, "Meeting.endsAt": true,
	"Meeting.timeOfDay": true, "Meeting.topic": true,
}

func allowedBy(set map[string]bool) func(typeName, field string) bool {
	return func(typeName, field string) bool { return set[typeName+"."+field] || set[typeName+".*"] }
}

// schemaType is the part of an introspected type the crawl needs.
type schemaType struct {
	Name   string
	Kind   string
	Fields []schemaField
}

type schemaField struct {
	Name string
	Args []struct {
		Name string
		Type typeRef
	}
	Type typeRef
}

type typeRef struct {
	Kind   string
	Name   string
	OfType *typeRef
}

func (r typeRef) named() typeRef {
	for r.OfType != nil {
		r = *r.OfType
	}
	return r
}

func (r typeRef) nonNull() bool { return r.Kind == "NON_NULL" }

const introspectTypes = `{ __schema { types { name kind fields { name
	args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
	type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`

// crawler walks the schema as one client.
type crawler struct {
	t       *testing.T
	c       *client
	staff   *client
	types   map[string]schemaType
	ids     []string // real IDs of every kind, for node and ID arguments
	visited map[string]bool
	fields  int
	leaks   []string
	reached map[string]bool
	allowed func(typeName, field string) bool
	// deep counts the deep crawls below each root field and type: three
	// records of a kind through one root are enough to see its fields.
	deep map[string]int
	// maxDepth bounds the nesting below a root (8 when zero).
	maxDepth int
	// seen, when set, is shown every response with data and the field it
	// asked for.
	seen func(typeName, field, doc string, data any)
	// roots, when set, are extra root selections crawled besides the
	// schema's root fields (a list with a filter or an ordering).
	roots []string
	// empty are the String fields already reported answering "".
	empty map[string]bool
}

func decodeInto(t *testing.T, from any, to any) {
	t.Helper()
	b, err := json.Marshal(from)
	if err == nil {
		err = json.Unmarshal(b, to)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func loadSchemaTypes(t *testing.T, staff *client) map[string]schemaType {
	r := staff.do(introspectTypes, nil)
	r.noErrors(t)
	var out struct {
		Schema struct{ Types []schemaType } `json:"__schema"`
	}
	decodeInto(t, r.Data, &out)
	types := map[string]schemaType{}
	for _, ty := range out.Schema.Types {
		types[ty.Name] = ty
	}
	return types
}

// argument returns a literal for a required argument, or "" when the crawl
// cannot make one up (an input object) and the field is skipped.
func (cr *crawler) argument(ref typeRef, id string) string {
	named := ref.named()
	switch named.Kind {
	case "SCALAR":
		switch named.Name {
		case "ID":
			if ref.Kind == "LIST" || (ref.OfType != nil && ref.OfType.Kind == "LIST") {
				return fmt.Sprintf("[%q]", id)
			}
			return fmt.Sprintf("%q", id)
		case "Int":
			return "5"
		case "String":
			return `"a"`
		case "Boolean":
			return "true"
		case "DateTime":
			return fmt.Sprintf("%q", time.Now().UTC().Format(time.RFC3339))
		case "Date":
			return fmt.Sprintf("%q", time.Now().Format(time.DateOnly))
		}
	case "ENUM":
		for _, e := range cr.enumValues(named.Name) {
			return e
		}
	}
	return ""
}

func (cr *crawler) enumValues(name string) []string {
	r := cr.staff.do(`query($n: String!) { __type(name: $n) { enumValues { name } } }`, vars{"n": name})
	var out []string
	if list, ok := lookupPath(r.Data, "__type.enumValues").([]any); ok {
		for _, v := range list {
			out = append(out, v.(map[string]any)["name"].(string))
		}
	}
	return out
}

// call renders a field with arguments: required ones made up, `first`
// always asked for so connections return rows. ok is false when a required
// argument cannot be made up.
func (cr *crawler) call(f schemaField, id string) (string, bool) {
	var args []string
	for _, a := range f.Args {
		switch {
		case a.Name == "first":
			args = append(args, "first: 5")
		case a.Type.nonNull():
			lit := cr.argument(*a.Type.OfType, id)
			if lit == "" {
				return "", false
			}
			args = append(args, a.Name+": "+lit)
		}
	}
	if len(args) == 0 {
		return f.Name, true
	}
	return f.Name + "(" + strings.Join(args, ", ") + ")", true
}

// visit crawls every field of typeName, reached by the selection path
// prefix (an opening of nested selections, e.g. "viewer {"), one query per
// field, and recurses into what returns data.
func (cr *crawler) visit(typeName string, prefix []string, id string) {
	depth := cr.maxDepth
	if depth == 0 {
		depth = 8
	}
	if cr.visited[typeName] || len(prefix) > depth {
		return
	}
	if len(prefix) == 1 {
		key := prefix[0][:strings.IndexAny(prefix[0]+"(", "( ")] + "/" + typeName
		if cr.deep[key] >= 3 {
			return
		}
		cr.deep[key]++
	}
	cr.visited[typeName] = true
	cr.visitFields(typeName, cr.types[typeName].Fields, prefix, id)
}

func (cr *crawler) visitFields(typeName string, fields []schemaField, prefix []string, id string) {
	for _, f := range fields {
		call, ok := cr.call(f, id)
		if !ok {
			continue
		}
		named := f.Type.named()
		sel := call
		switch named.Kind {
		case "OBJECT", "INTERFACE", "UNION":
			sel += " { __typename }"
		}
		open := strings.Join(prefix, " ")
		doc := "{ " + open + " " + sel + strings.Repeat(" }", strings.Count(open, "{")) + " }"
		r := cr.c.do(doc, nil)
		cr.fields++
		for _, code := range r.errorCodes() {
			if code == "INTERNAL" {
				cr.t.Errorf("%s.%s: internal error %+v", typeName, f.Name, r.Errors)
			}
		}
		if !hasData(r.Data) {
			continue
		}
		if named.Name == "String" {
			cr.noEmptyStrings(typeName+"."+f.Name, f.Name, r.Data)
		}
		if cr.seen != nil {
			cr.seen(typeName, f.Name, doc, r.Data)
		}
		if strings.HasSuffix(named.Name, "Connection") {
			cr.checkCounts(prefix, call)
		}
		cr.reached[typeName+"."+f.Name] = true
		if f.Name == "id" {
			checkOwnIDs(cr.t, typeName, r.Data)
		}
		if !cr.allowed(typeName, f.Name) {
			cr.leaks = append(cr.leaks, fmt.Sprintf("%s.%s via %s", typeName, f.Name, doc))
			continue
		}
		if named.Kind == "OBJECT" || named.Kind == "INTERFACE" {
			next, opening := named.Name, call+" {"
			if named.Kind == "INTERFACE" {
				next = firstTypename(lookupPath(r.Data, strings.Join(append(fieldNames(prefix), f.Name), ".")))
				opening = call + " { ... on " + next + " {"
			}
			cr.visit(next, append(append([]string{}, prefix...), opening), id)
		}
	}
}

// checkOwnIDs checks that every id in a response that asked for the id of
// typeName objects alone names typeName: an object's id must fetch that
// object again through node, whichever way the id is written
// (graph/scalars/nodeid.go writes most from the field's own type).
func checkOwnIDs(t *testing.T, typeName string, data any) {
	t.Helper()
	switch x := data.(type) {
	case map[string]any:
		for k, v := range x {
			if id, ok := v.(string); ok && k == "id" {
				if got, _, err := globalid.Decode(id); err != nil || got != typeName {
					t.Errorf("%s.id is %q, which names %q (%v)", typeName, id, got, err)
				}
				continue
			}
			checkOwnIDs(t, typeName, v)
		}
	case []any:
		for _, v := range x {
			checkOwnIDs(t, typeName, v)
		}
	}
}

// checkCounts reads a connection the crawl reached in one page of 100 and
// checks that its count and pages tell of the rows it holds and no others:
// a count computed before the row rules would reveal hidden rows.
func (cr *crawler) checkCounts(prefix []string, call string) {
	call = strings.Replace(call, "first: 5", "first: 100", 1)
	open := strings.Join(prefix, " ")
	doc := "{ " + open + " " + call + " { totalCount nodes { __typename } edges { cursor } pageInfo { hasNextPage } }" +
		strings.Repeat(" }", strings.Count(open, "{")) + " }"
	r := cr.c.do(doc, nil)
	cr.fields++
	for _, conn := range connectionsIn(r.Data) {
		total, _ := conn["totalCount"].(float64)
		nodes, _ := conn["nodes"].([]any)
		edges, _ := conn["edges"].([]any)
		more, _ := lookupPath(conn, "pageInfo.hasNextPage").(bool)
		if len(nodes) != len(edges) || (!more && int(total) != len(nodes)) || (more && int(total) <= len(nodes)) {
			cr.leaks = append(cr.leaks, fmt.Sprintf("a count that does not match its rows (totalCount %v, %d nodes, %d edges, hasNextPage %v) via %s",
				total, len(nodes), len(edges), more, doc))
		}
	}
}

// connectionsIn finds the connections (objects with totalCount) in v.
func connectionsIn(v any) []map[string]any {
	var out []map[string]any
	switch x := v.(type) {
	case map[string]any:
		if _, ok := x["totalCount"]; ok {
			return append(out, x)
		}
		for _, val := range x {
			out = append(out, connectionsIn(val)...)
		}
	case []any:
		for _, item := range x {
			out = append(out, connectionsIn(item)...)
		}
	}
	return out
}

// fieldNames turns selection openings into a response path (lists are
// walked by lookupPath's caller through firstTypename).
func fieldNames(prefix []string) []string {
	var names []string
	for _, p := range prefix {
		name := p
		if i := strings.IndexAny(name, "( {"); i >= 0 {
			name = name[:i]
		}
		names = append(names, name)
	}
	return names
}

// hasData reports whether a response holds any value besides nulls, empty
// lists and __typename.
func hasData(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case map[string]any:
		for k, val := range x {
			if k != "__typename" && hasData(val) {
				return true
			}
			if k == "__typename" && len(x) == 1 {
				return true
			}
		}
		return false
	case []any:
		for _, item := range x {
			if hasData(item) {
				return true
			}
		}
		return false
	}
	return true
}

func firstTypename(v any) string {
	switch x := v.(type) {
	case map[string]any:
		if n, ok := x["__typename"].(string); ok {
			return n
		}
		for _, val := range x {
			if n := firstTypename(val); n != "" {
				return n
			}
		}
	case []any:
		for _, item := range x {
			if n := firstTypename(item); n != "" {
				return n
			}
		}
	}
	return ""
}

// crawl crawls as c from every root field with each of ids as the ID
// argument (node, member, house, …), and reports what it reached and what
// it reached outside allowed.
func crawl(t *testing.T, staff, c *client, ids []string, allowed map[string]bool) *crawler {
	cr := &crawler{t: t, c: c, staff: staff, types: loadSchemaTypes(t, staff), ids: ids, reached: map[string]bool{},
		allowed: allowedBy(allowed), deep: map[string]int{}}
	return cr.run()
}

// run crawls from every root field (and cr.roots) with each of cr.ids.
func (cr *crawler) run() *crawler {
	ids := cr.ids
	// Each root field starts afresh, so a type reached from two roots is
	// crawled from both; a root that takes an ID is crawled with every ID.
	for _, root := range cr.types["Query"].Fields {
		rootIDs := ids[:1]
		for _, a := range root.Args {
			if a.Type.named().Name == "ID" {
				rootIDs = ids
			}
		}
		for _, id := range rootIDs {
			cr.visited = map[string]bool{"Query": true}
			cr.visitFields("Query", []schemaField{root}, nil, id)
		}
	}
	for _, opening := range cr.roots {
		name := opening[:strings.IndexAny(opening+"(", "( ")]
		for _, f := range cr.types["Query"].Fields {
			if f.Name == name {
				typeName := f.Type.named().Name
				cr.visited = map[string]bool{"Query": true, typeName: true}
				cr.visitFields(typeName, cr.types[typeName].Fields, []string{opening + " {"}, ids[0])
			}
		}
	}
	sort.Strings(cr.leaks)
	return cr
}

// crawlIDs collects, as staff, real IDs of every kind of record in the
// demo: what a family viewer must not reach by guessing.
func crawlIDs(t *testing.T, staff *client) []string {
	r := staff.do(`{
		members(first: 2) { nodes { id careEpisodes { nodes { id } } currentResidency { id } activeAftercarePlan { id goals { nodes { id } } checkIns(first: 1) { nodes { id } } }
			updates(first: 2) { nodes { id } } peerAssignments { nodes { id } } } }
		houses(first: 1) { nodes { id } }
		groups(first: 30) { nodes { id kind meetings(first: 1) { nodes { id } } } }
		peers(first: 1) { nodes { id } } }`, nil)
	r.noErrors(t)
	var ids []string
	var collect func(v any)
	collect = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, val := range x {
				if k == "id" {
					ids = append(ids, val.(string))
				}
				collect(val)
			}
		case []any:
			for _, item := range x {
				collect(item)
			}
		}
	}
	collect(r.Data)
	sort.Strings(ids)
	return ids
}

func TestFamilyCrawl(t *testing.T) {
	s := startServer(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"})
	staff := s.signedIn(t, domain.RoleAdmin)
	family := s.signInAs(t, "family@demo.carejourney.test", "demo-family-2026!")
	ids := crawlIDs(t, staff)
	// The shared views of other members, by guessing their IDs.
	for _, id := range ids {
		if typeName, _, _ := globalid.Decode(id); typeName == globalid.TypeMember {
			ids = append(ids, globalid.EncodeInt(globalid.TypeSharedMember, decodeID(t, id)))
		}
	}
	// Accounts of every role, by guessing their IDs: a family viewer sees
	// only their own.
	self := family.do(`{ viewer { user { id } } }`, nil).str(t, "viewer.user.id")
	roles := map[string]bool{}
	for _, u := range staff.do(`{ users(first: 100) { nodes { id role } } }`, nil).list(t, "users.nodes") {
		if u := u.(map[string]any); !roles[u["role"].(string)] || u["id"] == self {
			roles[u["role"].(string)] = true
			ids = append(ids, u["id"].(string))
		}
	}
	var seen []string
	cr := &crawler{t: t, c: family, staff: staff, types: loadSchemaTypes(t, staff), ids: ids, reached: map[string]bool{},
		allowed: allowedBy(familyAllowed), deep: map[string]int{},
		seen: func(_, _, _ string, data any) { collectIDs(data, &seen) }}
	cr.run()
	for _, leak := range cr.leaks {
		t.Errorf("a family viewer read %s", leak)
	}
	for _, id := range seen {
		if typeName, _, _ := globalid.Decode(id); typeName == globalid.TypeUser && id != self {
			t.Errorf("a family viewer saw another account, %s", id)
		}
	}
	var reached []string
	for f := range cr.reached {
		reached = append(reached, f)
	}
	sort.Strings(reached)
	t.Logf("family crawl: %d field queries over %d IDs; fields with data: %v", cr.fields, len(ids), reached)
	for _, want := range []string{"Viewer.user", "Viewer.sharedMembers", "SharedMember.sharedUpdates", "SharedUpdate.body",
		"SharedMember.currentCareLevel", "SharedMember.houseName", "SharedMember.attendanceWeeks", "SharedMember.milestones",
		"Viewer.familyGroups", "Group.nextMeeting"} {
		if !cr.reached[want] {
			t.Errorf("the crawl never reached %s with data: the demo family viewer should see it", want)
		}
	}
}

// TestDirectoryKeyCrawl does the same as a partner key with directory:read
// (the demo's referral site): it lists open beds and group schedules, and
// nothing personal is reachable.
func TestDirectoryKeyCrawl(t *testing.T) {
	s := startServer(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"})
	staff := s.signedIn(t, domain.RoleAdmin)
	key := s.keyClient(t, seed.DemoKeys[0].Secret)
	r := key.do(`{ houses(first: 20) { nodes { name occupancy { available } } }
		groups(first: 50) { nodes { name timesOfDay schedule { dayOfWeek startTime } nextMeeting { startsAt } } } }`, nil)
	r.noErrors(t)
	if n := len(r.list(t, "houses.nodes")); n != 7 {
		t.Errorf("the key lists %d houses, want 7", n)
	}
	if n := len(r.list(t, "groups.nodes")); n == 0 {
		t.Error("the key lists no groups")
	}
	cr := crawl(t, staff, key, crawlIDs(t, staff), directoryAllowed)
	for _, leak := range cr.leaks {
		t.Errorf("a directory key read %s", leak)
	}
	for _, want := range []string{"Query.houses", "Occupancy.available", "Group.schedule", "Meeting.startsAt"} {
		if !cr.reached[want] {
			t.Errorf("the crawl never reached %s with data", want)
		}
	}
	t.Logf("directory key crawl: %d field queries; %d fields with data", cr.fields, len(cr.reached))
}

// TestMembersKeyOnDemo checks the demo's research partner: its members:read
// key lists exactly the four members whose consents name the partner, and
// of each only what the consents cover (milestones, care level, attendance
// summary, and for two of them their name; not housing, plans or notes).
func TestMembersKeyOnDemo(t *testing.T) {
	s := startServer(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"})
	key := s.keyClient(t, seed.DemoKeys[1].Secret)
	r := key.do(`{ members(first: 100) { totalCount nodes { id daysInRecovery currentCareLevel { code }
		attendanceSummary { meetingsAttended } } } }`, nil)
	r.noErrors(t)
	if n := r.get(t, "members.totalCount"); n != float64(4) {
		t.Fatalf("the key sees %v members, want the 4 who consented", n)
	}
	id := r.str(t, "members.nodes.0.id")
	// Names only where the consent covers IDENTITY: two of the four, and a
	// list sorted by name holds only those two.
	named := key.do(`{ members(first: 100, orderBy: {field: NAME}) { totalCount nodes { id displayName bornOn } } }`, nil)
	named.noErrors(t)
	if n := named.get(t, "members.totalCount"); n != float64(2) {
		t.Errorf("sorted by name, the key sees %v members, want the 2 who consented to being identified", n)
	}
	viewer := key.do(`{ viewer { user { id } apiKey { partner { name } scopes consentedMembers { totalCount nodes { member { id } informationKinds } } } } }`, nil)
	viewer.noErrors(t)
	if viewer.get(t, "viewer.user") != nil || viewer.str(t, "viewer.apiKey.partner.name") != seed.DemoPartnerName ||
		len(viewer.list(t, "viewer.apiKey.consentedMembers.nodes")) != 4 || viewer.get(t, "viewer.apiKey.consentedMembers.totalCount") != 4.0 {
		t.Errorf("the key's viewer: %v", viewer.Data)
	}
	// Paged two at a time, the members come in the same order.
	firstTwo := key.do(`{ viewer { apiKey { consentedMembers(first: 2) { nodes { member { id } } pageInfo { hasNextPage endCursor } } } } }`, nil)
	firstTwo.noErrors(t)
	rest := key.do(`query($after: String) { viewer { apiKey { consentedMembers(first: 2, after: $after) { nodes { member { id } } pageInfo { hasNextPage hasPreviousPage } } } } }`,
		vars{"after": firstTwo.str(t, "viewer.apiKey.consentedMembers.pageInfo.endCursor")})
	rest.noErrors(t)
	if firstTwo.get(t, "viewer.apiKey.consentedMembers.pageInfo.hasNextPage") != true ||
		firstTwo.str(t, "viewer.apiKey.consentedMembers.nodes.1.member.id") != viewer.str(t, "viewer.apiKey.consentedMembers.nodes.1.member.id") ||
		rest.str(t, "viewer.apiKey.consentedMembers.nodes.0.member.id") != viewer.str(t, "viewer.apiKey.consentedMembers.nodes.2.member.id") ||
		rest.get(t, "viewer.apiKey.consentedMembers.pageInfo.hasNextPage") != false || rest.get(t, "viewer.apiKey.consentedMembers.pageInfo.hasPreviousPage") != true {
		t.Errorf("consented members two at a time: %v then %v", firstTwo.Data, rest.Data)
	}
	identified := 0
	for _, n := range r.list(t, "members.nodes") {
		resp := key.do(`query($id: ID!) { member(id: $id) { displayName } }`, vars{"id": n.(map[string]any)["id"]})
		// A name outside the consent is null with FORBIDDEN; the member stays.
		if lookupPath(resp.Data, "member.displayName") != nil {
			identified++
		} else if codes := resp.errorCodes(); !slices.Equal(codes, []string{"FORBIDDEN"}) {
			t.Errorf("a name outside the consent: codes %v, want FORBIDDEN", codes)
		}
	}
	if identified != 2 {
		t.Errorf("the key read %d names, want 2", identified)
	}
	for _, q := range []string{
		`query($id: ID!) { member(id: $id) { currentResidency { id } } }`,
		`query($id: ID!) { member(id: $id) { updates(first: 5) { totalCount } } }`,
		`query($id: ID!) { member(id: $id) { activeAftercarePlan { id } } }`,
		`query($id: ID!) { member(id: $id) { careEpisodes { nodes { reason } } } }`,
	} {
		codes := key.do(q, vars{"id": id}).errorCodes()
		if len(codes) == 0 || slices.ContainsFunc(codes, func(c string) bool { return c != "FORBIDDEN" }) {
			t.Errorf("%s: codes %v, want FORBIDDEN", q, codes)
		}
	}
	// Everyone else is out of reach, exactly like an unknown ID.
	staff := s.signedIn(t, domain.RoleAdmin)
	others := staff.do(`{ members(first: 10) { nodes { id } } }`, nil).list(t, "members.nodes")
	for _, o := range others {
		other := o.(map[string]any)["id"].(string)
		resp := key.do(`query($id: ID!) { member(id: $id) { displayName } }`, vars{"id": other})
		if resp.get(t, "member") != nil && !slices.ContainsFunc(r.list(t, "members.nodes"), func(n any) bool { return n.(map[string]any)["id"] == other }) {
			t.Errorf("the key read member %s without consent", other)
		}
	}
	if codes := key.do(`{ outcomes(period: {startOn: "2026-01-01", endOn: "2026-04-01"}) { admissions { value isSuppressed } } }`, nil).errorCodes(); len(codes) != 0 {
		t.Errorf("outcomes with outcomes:read: %v", codes)
	}
}

// TestDisclosuresOnDemo: what a family viewer and a partner key are shown
// of a member's record appears in that member's disclosures, to whom and
// when; staff reading the record do not.
func TestDisclosuresOnDemo(t *testing.T) {
	s := startServer(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"})
	family := s.signInAs(t, "family@demo.carejourney.test", "demo-family-2026!")
	shared := family.do(`{ viewer { sharedMembers { nodes { id displayName } } } }`, nil)
	shared.noErrors(t)
	sharedID := shared.str(t, "viewer.sharedMembers.nodes.0.id")
	memberID := globalid.EncodeInt(globalid.TypeMember, decodeID(t, sharedID))

	key := s.keyClient(t, seed.DemoKeys[1].Secret)
	partnerMember := key.do(`{ members(first: 1) { nodes { id daysInRecovery } } }`, nil).str(t, "members.nodes.0.id")

	staff := s.signedIn(t, domain.RoleAdmin)
	const q = `query($id: ID!) { member(id: $id) { disclosures(first: 10) { nodes { recipientKind recipientName operationName } } } }`
	got := staff.do(q, vars{"id": memberID}).list(t, "member.disclosures.nodes")
	if len(got) != 1 || got[0].(map[string]any)["recipientKind"] != "FAMILY_CONTACT" || got[0].(map[string]any)["recipientName"] == "" {
		t.Errorf("disclosures after one family read: %v", got)
	}
	got = staff.do(q, vars{"id": partnerMember}).list(t, "member.disclosures.nodes")
	if len(got) != 1 || got[0].(map[string]any)["recipientKind"] != "PARTNER" || got[0].(map[string]any)["recipientName"] != seed.DemoPartnerName {
		t.Errorf("disclosures after one partner read: %v", got)
	}
}
