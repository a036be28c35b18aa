package e2e

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"carejourney/graph/globalid"
)

// The empty-fields sweep: every actor of the matrix, and a family viewer of
// a member with nothing recorded, reads every nullable object field (found
// by introspection, not listed here) of every record of the fixture, among
// them records where those fields are empty: a member with no episode, no
// residency and no plan, a peer who is not an alumnus, a house without a
// manager, a group without a house or schedule, a draft plan. Whatever the
// rules allow or deny, nothing may answer INTERNAL.

// Optional strings are null when absent, never "" (issue 12): every crawl
// (family, directory key, consent kinds, staff) and the sweep below fail on
// a String field that answers "", nullable or not. A nullable one should
// have said null; a non-null one is either never blank in the domain or
// should be nullable.

// noEmptyStrings reports, once per field, a String field (where, as
// Type.field) whose values under key in data include "".
func (cr *crawler) noEmptyStrings(where, key string, data any) {
	var values []string
	collectValues(data, key, &values)
	if !slices.Contains(values, "") || cr.empty[where] {
		return
	}
	if cr.empty == nil {
		cr.empty = map[string]bool{}
	}
	cr.empty[where] = true
	cr.t.Errorf("%s answered \"\": an absent optional string is null", where)
}

// emptyRecords adds records whose optional relations are empty, reachable
// by the relation-bound actors of the matrix (the related peer's caseload,
// the related house manager's house), and returns their IDs and a family
// viewer of the empty member.
func emptyRecords(t *testing.T, s *server, ad *client, related matrixWorld) ([]string, *client) {
	t.Helper()
	do := func(doc string, v vars, path string) string {
		t.Helper()
		r := ad.do(doc, v)
		r.noErrors(t)
		return r.str(t, path)
	}
	at := time.Now().Add(-24 * time.Hour).UTC().Format(time.RFC3339)
	member := do(`mutation { createMember(input: {firstName: "Empty", lastName: "Record"}) { member { id } } }`, nil, "createMember.member.id")
	// On the related peer's caseload: nothing else.
	do(`mutation($m: ID!, $p: ID!, $at: DateTime!) { assignPeer(input: {memberId: $m, peerId: $p, startedAt: $at}) { peerAssignment { id } } }`,
		vars{"m": member, "p": related.peer, "at": at}, "assignPeer.peerAssignment.id")
	// A resident of the related house, with a draft plan and nothing else.
	resident := do(`mutation { createMember(input: {firstName: "Quiet", lastName: "Resident"}) { member { id } } }`, nil, "createMember.member.id")
	residency := do(`mutation($m: ID!, $h: ID!, $at: DateTime!) { moveIntoHouse(input: {memberId: $m, houseId: $h, moveInAt: $at}) { residency { id } } }`,
		vars{"m": resident, "h": related.house, "at": at}, "moveIntoHouse.residency.id")
	plan := do(`mutation($m: ID!) { createAftercarePlan(input: {memberId: $m, startsOn: "2026-01-01", reviewOn: "2026-12-01"}) { aftercarePlan { id } } }`,
		vars{"m": resident}, "createAftercarePlan.aftercarePlan.id")
	peer := do(`mutation { createPeer(input: {name: "Not An Alumnus", caseloadLimit: 5}) { peer { id } } }`, nil, "createPeer.peer.id")
	house := do(`mutation { createHouse(input: {name: "Unmanaged House", capacity: 4, genderDesignation: CO_ED, narrLevel: I}) { house { id } } }`,
		nil, "createHouse.house.id")
	group := do(`mutation { createGroup(input: {name: "Bare Group", kind: MUTUAL_SUPPORT, modality: VIRTUAL}) { group { id } } }`, nil, "createGroup.group.id")
	// A family viewer of the empty member, whose consent covers everything.
	contact, token := familyAddAndInvite(t, ad, member, "Empty Family", "empty.family@family.example")
	familyConsent(t, ad, member, contact, "MILESTONES", "CARE_LEVEL", "HOUSING", "ATTENDANCE_SUMMARY", "NOTES")
	family := s.client(t)
	familyNoUserErrors(t, family.do(familyAccept, vars{"in": vars{"token": token, "password": familyPassword}}), "acceptInvitation")
	shared := globalid.EncodeInt(globalid.TypeSharedMember, decodeID(t, member))
	return []string{member, resident, residency, plan, peer, house, group, contact, shared}, family
}

// nullableSelection selects, below typeName, every nullable object field
// (as `field { __typename }`) and descends into object fields, lists and
// connections to depth levels, never into a type already on the path. n
// counts the nullable object fields selected.
func nullableSelection(cr *crawler, typeName string, depth int, path map[string]bool, n *int) string {
	if depth == 0 || path[typeName] {
		return ""
	}
	path[typeName] = true
	defer delete(path, typeName)
	var parts []string
	for _, f := range cr.types[typeName].Fields {
		named := f.Type.named()
		if named.Name == "String" && len(f.Args) == 0 {
			// Strings too, to catch an absent one answering "".
			parts = append(parts, fmt.Sprintf("%s_%s: %s", typeName, f.Name, f.Name))
			continue
		}
		if named.Kind != "OBJECT" && named.Kind != "INTERFACE" {
			continue
		}
		call, ok := cr.call(f, cr.ids[0])
		if !ok {
			continue
		}
		var inner string
		if named.Kind == "OBJECT" {
			inner = nullableSelection(cr, named.Name, depth-1, path, n)
		}
		switch {
		case !f.Type.nonNull():
			*n++
			parts = append(parts, fmt.Sprintf("%s_%s: %s { __typename %s }", typeName, f.Name, call, inner))
		case inner != "":
			parts = append(parts, fmt.Sprintf("%s_%s: %s { %s }", typeName, f.Name, call, inner))
		}
	}
	return strings.Join(parts, " ")
}

// emptyStringKeys are the keys of data, at any depth, holding "".
func emptyStringKeys(data any) []string {
	var keys []string
	switch x := data.(type) {
	case map[string]any:
		for k, v := range x {
			if v == "" {
				keys = append(keys, k)
			}
			keys = append(keys, emptyStringKeys(v)...)
		}
	case []any:
		for _, v := range x {
			keys = append(keys, emptyStringKeys(v)...)
		}
	}
	return keys
}

func TestEmptyFieldsSweep(t *testing.T) {
	s := startServer(t, nil)
	actors := matrixFixture(t, s)
	byName := map[string]matrixActor{}
	for _, a := range actors {
		byName[a.name] = a
	}
	ad := byName[admin].c
	related, unrelated := byName[peerRel].world, byName[peerNo].world
	empty, family := emptyRecords(t, s, ad, related)
	actors = append(actors, matrixActor{name: "family+empty-member", c: family})

	ids := append([]string{}, empty...)
	for _, w := range []matrixWorld{related, unrelated, byName[hmRel].world} {
		for _, id := range w.vars() {
			if id, _ := id.(string); id != "" {
				ids = append(ids, id)
			}
		}
	}
	sort.Strings(ids)
	ids = slices.Compact(ids)
	cr := &crawler{t: t, staff: ad, types: loadSchemaTypes(t, ad), ids: ids}
	// One document per record type, from node: every nullable object field
	// of the type and of what it holds, three levels down.
	docs := map[string]string{}
	fields := map[string]int{}
	for _, id := range ids {
		typeName, _, err := globalid.Decode(id)
		if err != nil {
			t.Fatal(err)
		}
		if _, done := docs[typeName]; done {
			continue
		}
		var n int
		sel := nullableSelection(cr, typeName, 3, map[string]bool{}, &n)
		docs[typeName] = ""
		if n > 0 { // a type without object fields has nothing to sweep
			docs[typeName], fields[typeName] = fmt.Sprintf(`query($id: ID!) { node(id: $id) { __typename ... on %s { %s } } }`, typeName, sel), n
		}
	}
	queries, answered := 0, 0
	for _, a := range actors {
		for _, id := range ids {
			typeName, _, _ := globalid.Decode(id)
			if docs[typeName] == "" {
				continue
			}
			r := a.c.do(docs[typeName], vars{"id": id})
			queries++
			if r.Status != 200 {
				t.Errorf("%s reading %s %s: status %d %+v", a.name, typeName, id, r.Status, r.Errors)
			}
			for _, e := range r.Errors {
				if e.Extensions["code"] == "INTERNAL" || e.Extensions["code"] == nil {
					t.Errorf("%s reading %s %s: %s at %v (code %v)", a.name, typeName, id, e.Message, e.Path, e.Extensions["code"])
				}
			}
			if r.Data["node"] != nil {
				answered++
			}
			for _, key := range emptyStringKeys(r.Data) {
				cr.noEmptyStrings(strings.Replace(key, "_", ".", 1), key, r.Data)
			}
		}
	}
	var total int
	for _, n := range fields {
		total += n
	}
	t.Logf("empty-fields sweep: %d actors x %d records = %d documents (%d answered), %d nullable object fields over %d record types: %v",
		len(actors), len(ids), queries, answered, total, len(fields), fields)
}
