package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"carejourney/graph/globalid"
	"carejourney/server/domain"
)

// The consent-scope crawls: a members:read key whose consents cover one
// kind of information crawls the schema (driven by introspection, like the
// family crawl) from node and nodes with IDs of every type in the demo,
// from every root list with each of its filters and orderings, and from its
// own viewer; nothing outside that kind returns data. Then, one kind at a
// time, staff change the consenting members' information of that kind, and
// every other key's lists must read exactly as before: a filter, a search
// or a sort never tells a key what its consent does not cover.

// keyBase is what any members:read key sees whatever its consents cover:
// who it is, the catalogue, the IDs of the members who consented, and the
// directory facts of a house (no person in them).
var keyBase = map[string]bool{
	"Query.node": true, "Query.nodes": true, "Query.member": true, "Query.members": true,
	"Query.careLevels": true, "Query.viewer": true,
	"Viewer.*": true, "ViewerApiKey.*": true, "ConsentedMember.*": true, "Partner.id": true, "Partner.name": true,
	"ConsentedMemberConnection.*": true, "ConsentedMemberEdge.*": true,
	"CareLevel.*": true, "MemberConnection.*": true, "MemberEdge.*": true, "PageInfo.*": true,
	// Viewer.familyGroups and Viewer.sharedMembers, empty for a key: their
	// counts (0) and page flags.
	"GroupConnection.totalCount": true, "GroupConnection.pageInfo": true,
	"SharedMemberConnection.totalCount": true, "SharedMemberConnection.pageInfo": true,
	"Member.id": true,
	"House.id":  true, "House.name": true, "House.address": true, "House.capacity": true, "House.genderDesignation": true,
	"House.narrLevel": true, "House.phone": true, "House.timeZone": true,
}

// kindFields are what each kind of information adds.
var kindFields = map[domain.InformationKind][]string{
	domain.InfoIdentity: {"Member.firstName", "Member.lastName", "Member.preferredName", "Member.displayName", "Member.bornOn"},
	domain.InfoCareLevel: {"Member.status", "Member.currentCareLevel", "Member.currentEpisode", "Member.careEpisodes",
		"CareEpisode.id", "CareEpisode.member", "CareEpisode.careLevel", "CareEpisode.startedAt", "CareEpisode.endedAt",
		"CareEpisode.transition", "CareEpisodeConnection.*", "CareEpisodeEdge.*"},
	domain.InfoHousing: {"Member.currentResidency", "Member.residencies", "Residency.id", "Residency.member",
		"Residency.house", "Residency.moveInAt", "Residency.moveOutAt", "Residency.isCurrent",
		"ResidencyConnection.*", "ResidencyEdge.*"},
	domain.InfoMilestones: {"Member.recoveryStartedOn", "Member.daysInRecovery", "Member.milestones",
		"Milestones.*", "Milestone.*"},
	domain.InfoAttendanceSummary: {"Member.attendanceSummary", "AttendanceSummary.*", "AttendanceWeek.*"},
	domain.InfoNotes:             {},
}

func kindAllowed(kind domain.InformationKind) map[string]bool {
	out := map[string]bool{}
	for k := range keyBase {
		out[k] = true
	}
	for _, f := range kindFields[kind] {
		out[f] = true
	}
	return out
}

// kindKey is a partner with a members:read key whose consents, signed by
// the scope fixture's members, cover one kind.
type kindKey struct {
	kind domain.InformationKind
	c    *client
}

func TestConsentScopeCrawl(t *testing.T) {
	if len(kindFields) != len(domain.InformationKinds) {
		t.Fatalf("kindFields covers %d kinds of %d: say what a new kind discloses", len(kindFields), len(domain.InformationKinds))
	}
	s := startServer(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"})
	staff := s.signedIn(t, domain.RoleAdmin)
	members := scopeMembers(t, s)
	keys := scopeKeys(t, s, staff, members)
	// The scope members' records first: a filter by house names theirs.
	ids := append(scopeIDs(t, staff, members), crawlIDs(t, staff)...)
	roots := listVariants(t, staff, ids)
	t.Logf("%d IDs, %d list variants: %v", len(ids), len(roots), roots)

	for _, k := range keys {
		t.Run(string(k.kind), func(t *testing.T) {
			cr := &crawler{t: t, c: k.c, staff: staff, types: loadSchemaTypes(t, staff), ids: ids, reached: map[string]bool{},
				allowed: allowedBy(kindAllowed(k.kind)), deep: map[string]int{}, roots: roots}
			cr.run()
			for _, leak := range cr.leaks {
				t.Errorf("a key with only %s read %s", k.kind, leak)
			}
			// The crawl must have seen the kind at all (some of its fields
			// are empty for some members).
			seen := len(kindFields[k.kind]) == 0
			for _, f := range kindFields[k.kind] {
				seen = seen || cr.reached[f]
			}
			if !seen {
				t.Errorf("the crawl never reached any of %v with data: a key with %s should see them", kindFields[k.kind], k.kind)
			}
			t.Logf("key with %s: %d field queries; %d fields with data", k.kind, cr.fields, len(cr.reached))
		})
	}

	// Non-interference: changing information of one kind changes nothing
	// that keys without that kind read from the lists.
	snapshot := func() map[domain.InformationKind][]string {
		out := map[domain.InformationKind][]string{}
		for _, k := range keys {
			for _, root := range append([]string{"members(first: 100)"}, roots...) {
				r := k.c.do("{ "+root+" { totalCount edges { cursor node { id } } } }", nil)
				b, _ := json.Marshal(struct {
					Data  any
					Codes []string
				}{r.Data, r.errorCodes()})
				out[k.kind] = append(out[k.kind], root+" -> "+string(b))
			}
		}
		return out
	}
	before := snapshot()
	for _, change := range scopeChanges(t, s, staff, members) {
		change.do()
		after := snapshot()
		for _, k := range keys {
			if k.kind == change.kind {
				continue
			}
			for i := range before[k.kind] {
				if before[k.kind][i] != after[k.kind][i] {
					t.Errorf("changing %s changed what a key with only %s reads:\n  before %s\n  after  %s",
						change.kind, k.kind, before[k.kind][i], after[k.kind][i])
				}
			}
		}
		before = after
	}
}

// scopeMembers picks three demo members in care, living in a house, with
// a recovery date: every kind of information exists for them.
func scopeMembers(t *testing.T, s *server) []int64 {
	var ids []int64
	err := s.Store.DB().NewRaw(`SELECT m.id FROM members m
		WHERE m.status = 'ACTIVE' AND m.recovery_start_date IS NOT NULL
		AND EXISTS (SELECT 1 FROM residencies r WHERE r.member_id = m.id AND r.move_out_at IS NULL)
		AND EXISTS (SELECT 1 FROM attendance_records a WHERE a.member_id = m.id)
		ORDER BY m.id LIMIT 3`).Scan(context.Background(), &ids)
	if err != nil || len(ids) < 3 {
		t.Fatalf("scope members: %v, %v", ids, err)
	}
	return ids
}

// scopeKeys makes, per kind, a partner, its key and a consent of each
// scope member covering only that kind.
func scopeKeys(t *testing.T, s *server, staff *client, members []int64) []kindKey {
	var keys []kindKey
	signed := time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
	for _, kind := range domain.InformationKinds {
		r := staff.do(`mutation($n: String!) { createPartner(input: {name: $n}) { partner { id } userErrors { code } } }`,
			vars{"n": "Scope " + string(kind)})
		r.noErrors(t)
		partner := r.str(t, "createPartner.partner.id")
		r = staff.do(`mutation($p: ID!) { createApiKey(input: {partnerId: $p, scopes: [MEMBERS_READ]}) { secret userErrors { code } } }`,
			vars{"p": partner})
		r.noErrors(t)
		for _, m := range members {
			g := staff.do(`mutation($in: GrantConsentInput!) { grantConsent(input: $in) { consent { id } userErrors { code message } } }`,
				vars{"in": vars{"memberId": globalid.EncodeInt(globalid.TypeMember, m), "partnerId": partner, "purpose": "Scope test",
					"informationKinds": []string{string(kind)}, "expiresOnEvent": "END_OF_TREATMENT", "signatureName": "Member", "signedAt": signed}})
			g.noErrors(t)
			if g.get(t, "grantConsent.consent") == nil {
				t.Fatalf("consent: %v", g.Data)
			}
		}
		keys = append(keys, kindKey{kind: kind, c: s.keyClient(t, r.str(t, "createApiKey.secret"))})
	}
	return keys
}

// scopeIDs are the IDs of the scope members' own records, of every type.
func scopeIDs(t *testing.T, staff *client, members []int64) []string {
	var out []string
	for _, m := range members {
		r := staff.do(`query($id: ID!) { member(id: $id) { id careEpisodes(includeSuperseded: true) { nodes { id } } residencies { nodes { id house { id } } }
			updates(first: 20) { nodes { id } } recoveryCapital { nodes { id } } peerAssignments { nodes { id } } familyContacts { nodes { id } } consents { nodes { id } }
			aftercarePlans { nodes { id goals { nodes { id } } commitments { nodes { id } } checkIns(first: 3) { nodes { id } } } } } }`,
			vars{"id": globalid.EncodeInt(globalid.TypeMember, m)})
		r.noErrors(t)
		collectIDs(r.Data, &out)
	}
	r := staff.do(`{ users(first: 100) { nodes { id } } partners(first: 20) { nodes { id } } apiKeys(first: 20) { nodes { id } } }`, nil)
	r.noErrors(t)
	collectIDs(r.Data, &out)
	sort.Strings(out)
	return slices.Compact(out)
}

func collectIDs(v any, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if id, ok := val.(string); ok && k == "id" {
				*out = append(*out, id)
			}
			collectIDs(val, out)
		}
	case []any:
		for _, item := range x {
			collectIDs(item, out)
		}
	}
}

// listVariants are the root lists with each filter field and each
// ordering set, read from introspection: a new filter or sort is crawled
// without editing the test.
func listVariants(t *testing.T, staff *client, ids []string) []string {
	r := staff.do(`{ __schema { queryType { fields { name args { name type { kind name ofType { kind name ofType { kind name } } } } } } } }`, nil)
	r.noErrors(t)
	var roots []string
	for _, f := range r.list(t, "__schema.queryType.fields") {
		field := f.(map[string]any)
		var args []typedArg
		decodeInto(t, field["args"], &args)
		for _, a := range args {
			named := a.Type.named()
			switch {
			case a.Name == "filter" && named.Kind == "INPUT_OBJECT":
				for _, in := range inputFields(t, staff, named.Name) {
					if lit := variantLiteral(t, staff, in, ids); lit != "" {
						roots = append(roots, fmt.Sprintf("%s(first: 100, filter: {%s: %s})", field["name"], in.Name, lit))
					}
				}
			case a.Name == "orderBy" && named.Kind == "INPUT_OBJECT":
				for _, in := range inputFields(t, staff, named.Name) {
					if in.Name != "field" {
						continue
					}
					for _, v := range enumNames(t, staff, in.Type.named().Name) {
						for _, dir := range []string{"ASC", "DESC"} {
							roots = append(roots, fmt.Sprintf("%s(first: 100, orderBy: {field: %s, direction: %s})", field["name"], v, dir))
						}
					}
				}
			}
		}
	}
	return roots
}

type typedArg struct {
	Name string
	Type typeRef
}

func inputFields(t *testing.T, staff *client, typeName string) []typedArg {
	r := staff.do(`query($n: String!) { __type(name: $n) { inputFields { name type { kind name ofType { kind name ofType { kind name } } } } } }`,
		vars{"n": typeName})
	r.noErrors(t)
	var out []typedArg
	decodeInto(t, r.get(t, "__type.inputFields"), &out)
	return out
}

func enumNames(t *testing.T, staff *client, typeName string) []string {
	r := staff.do(`query($n: String!) { __type(name: $n) { enumValues { name } } }`, vars{"n": typeName})
	var out []string
	for _, v := range r.list(t, "__type.enumValues") {
		out = append(out, v.(map[string]any)["name"].(string))
	}
	return out
}

// variantLiteral makes a value for a filter field that matches some of the
// demo: every level code, every enum value, a common letter, or a real ID
// of the type the field names (houseId: a house of a scope member).
func variantLiteral(t *testing.T, staff *client, in typedArg, ids []string) string {
	named := in.Type.named()
	list := in.Type.Kind == "LIST" || (in.Type.OfType != nil && in.Type.OfType.Kind == "LIST")
	var values []string
	switch {
	case named.Kind == "ENUM":
		for _, v := range enumNames(t, staff, named.Name) {
			values = append(values, v)
		}
	case named.Name == "String" && strings.HasSuffix(in.Name, "Codes"):
		for _, c := range []string{"DETOX", "RESIDENTIAL", "PHP", "IOP", "VIRTUAL_IOP", "OUTPATIENT", "CONTINUING_CARE"} {
			values = append(values, fmt.Sprintf("%q", c))
		}
	case named.Name == "String":
		values = []string{`"a"`}
	case named.Name == "ID":
		want := strings.ToUpper(in.Name[:1]) + strings.TrimSuffix(strings.TrimSuffix(in.Name[1:], "Ids"), "Id")
		for _, id := range ids {
			if typeName, _, _ := globalid.Decode(id); typeName == want {
				values = append(values, fmt.Sprintf("%q", id))
				break
			}
		}
	case named.Name == "Boolean":
		values = []string{"true"}
	}
	if len(values) == 0 {
		return ""
	}
	if list {
		return "[" + strings.Join(values, ", ") + "]"
	}
	return values[0]
}

// scopeChange changes the scope members' information of one kind.
type scopeChange struct {
	kind domain.InformationKind
	do   func()
}

func scopeChanges(t *testing.T, s *server, staff *client, members []int64) []scopeChange {
	mutate := func(doc string, v vars, payload string) {
		t.Helper()
		r := staff.do(doc, v)
		r.noErrors(t)
		if codes := r.userErrorCodes(t, payload); len(codes) > 0 {
			t.Fatalf("%s: %v %v", payload, codes, r.Data)
		}
	}
	each := func(f func(i int, id string)) func() {
		return func() {
			for i, m := range members {
				f(i, globalid.EncodeInt(globalid.TypeMember, m))
			}
		}
	}
	recent := func() string { return time.Now().Add(-time.Minute).UTC().Format(time.RFC3339) }
	return []scopeChange{
		{domain.InfoIdentity, each(func(i int, id string) {
			// Names that sort the members the other way round.
			mutate(`mutation($m: ID!, $f: String!, $l: String!) { updateMember(input: {memberId: $m, firstName: $f, lastName: $l,
				bornOn: "1970-01-01"}) { userErrors { code } } }`, vars{"m": id, "f": "Zed", "l": strings.Repeat("Z", 3-i)}, "updateMember")
		})},
		{domain.InfoCareLevel, each(func(_ int, id string) {
			r := staff.do(`query($m: ID!) { member(id: $m) { currentCareLevel { code } } }`, vars{"m": id})
			level := "OUTPATIENT"
			if r.str(t, "member.currentCareLevel.code") == level {
				level = "PHP"
			}
			mutate(`mutation($m: ID!, $c: String!, $at: DateTime!) { changeCareLevel(input: {memberId: $m, careLevelCode: $c, effectiveAt: $at}) {
				userErrors { code } } }`, vars{"m": id, "c": level, "at": recent()}, "changeCareLevel")
		})},
		{domain.InfoHousing, each(func(_ int, id string) {
			mutate(`mutation($m: ID!, $at: DateTime!) { moveOutOfHouse(input: {memberId: $m, moveOutAt: $at, reason: OTHER, note: "Scope test"}) {
				userErrors { code message field } } }`, vars{"m": id, "at": recent()}, "moveOutOfHouse")
		})},
		{domain.InfoMilestones, each(func(i int, id string) {
			mutate(`mutation($m: ID!, $d: Date!) { resetRecoveryStartDate(input: {memberId: $m, recoveryStartedOn: $d, reason: "Scope test"}) {
				userErrors { code } } }`, vars{"m": id, "d": time.Now().AddDate(0, 0, -3-i).Format(time.DateOnly)}, "resetRecoveryStartDate")
		})},
	}
}
