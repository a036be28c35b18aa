package e2e

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

const housesFields = `id name address capacity genderDesignation narrLevel phone manager { name role }
	occupancy { capacity occupied available }`

// housesAt is a time the given number of days before now, as the API takes it.
func housesAt(days int) string {
	return time.Now().UTC().Truncate(time.Second).AddDate(0, 0, -days).Format(time.RFC3339)
}

func housesCreate(t *testing.T, c *client, in vars) *response {
	t.Helper()
	return c.do(`mutation($in: CreateHouseInput!) { createHouse(input: $in) { house { `+housesFields+` } userErrors { code field message } } }`,
		vars{"in": in})
}

func housesMember(t *testing.T, c *client, first, last string) string {
	t.Helper()
	r := c.do(`mutation($in: CreateMemberInput!) { createMember(input: $in) { member { id } userErrors { code } } }`,
		vars{"in": vars{"firstName": first, "lastName": last}})
	r.noErrors(t)
	return r.str(t, "createMember.member.id")
}

const housesMoveInMutation = `mutation($in: MoveIntoHouseInput!) { moveIntoHouse(input: $in) {
	residency { id bed moveInAt isCurrent house { name } member { displayName } recordedBy { name } }
	userErrors { code field message } } }`

const housesMoveOutMutation = `mutation($in: MoveOutOfHouseInput!) { moveOutOfHouse(input: $in) {
	residency { id moveOutAt moveOutReason moveOutNote isCurrent }
	userErrors { code field message } } }`

func housesMoveIn(c *client, memberID, houseID string, bed any, days int) *response {
	return c.do(housesMoveInMutation, vars{"in": vars{"memberId": memberID, "houseId": houseID, "bed": bed, "moveInAt": housesAt(days)}})
}

// housesWantUserError checks a payload's single userError.
func housesWantUserError(t *testing.T, r *response, payload, code string, field ...string) {
	t.Helper()
	r.wantOneUserError(t, payload, code, field...)
	if r.get(t, payload+"."+housesPayloadObject(payload)) != nil {
		t.Fatalf("%s: a refused mutation returned its object", payload)
	}
}

func housesPayloadObject(payload string) string {
	switch payload {
	case "createHouse", "updateHouse":
		return "house"
	}
	return "residency"
}

func housesCountUpdates(t *testing.T, s *server) int {
	t.Helper()
	n, err := s.Store.DB().NewSelect().Table("updates").Where("kind = 'HOUSING_CHANGE'").Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// TestHouses walks a house through its life over GraphQL: created, edited,
// residents moving in and out, and every refusal a userError.
func TestHouses(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	managerID := s.signedIn(t, domain.RoleHouseManager).do(`{ viewer { user { id } } }`, nil).str(t, "viewer.user.id")
	familyID := s.signedIn(t, domain.RoleFamily).do(`{ viewer { user { id } } }`, nil).str(t, "viewer.user.id")

	created := housesCreate(t, c, vars{"name": " Maple House ", "address": "12 Maple St", "capacity": 2,
		"genderDesignation": "WOMEN", "narrLevel": "II", "phone": " 555-0100 ", "managerUserId": managerID})
	created.noErrors(t)
	if codes := created.userErrorCodes(t, "createHouse"); len(codes) > 0 {
		t.Fatalf("createHouse: %v", codes)
	}
	houseID := created.str(t, "createHouse.house.id")
	if created.str(t, "createHouse.house.name") != "Maple House" || created.str(t, "createHouse.house.phone") != "555-0100" ||
		created.str(t, "createHouse.house.manager.role") != "HOUSE_MANAGER" || created.str(t, "createHouse.house.narrLevel") != "II" {
		t.Fatalf("created %v", created.Data)
	}
	if occ := created.get(t, "createHouse.house.occupancy").(map[string]any); occ["capacity"] != 2.0 || occ["occupied"] != 0.0 || occ["available"] != 2.0 {
		t.Fatalf("occupancy %v", occ)
	}

	t.Run("createHouse refusals", func(t *testing.T) {
		base := func() vars {
			return vars{"name": "Oak House", "capacity": 4, "genderDesignation": "MEN", "narrLevel": "I"}
		}
		with := func(k string, v any) vars { in := base(); in[k] = v; return in }
		housesWantUserError(t, housesCreate(t, c, with("name", "MAPLE HOUSE")), "createHouse", "DUPLICATE", "name")
		housesWantUserError(t, housesCreate(t, c, with("capacity", 0)), "createHouse", "INVALID_INPUT", "capacity")
		housesWantUserError(t, housesCreate(t, c, with("capacity", 201)), "createHouse", "INVALID_INPUT", "capacity")
		housesWantUserError(t, housesCreate(t, c, with("name", "  ")), "createHouse", "INVALID_INPUT", "name")
		housesWantUserError(t, housesCreate(t, c, with("managerUserId", familyID)), "createHouse", "INVALID_INPUT", "managerUserId")
		housesWantUserError(t, housesCreate(t, c, with("managerUserId", houseID)), "createHouse", "NOT_FOUND", "managerUserId")
		if n := c.do(`{ houses { totalCount } }`, nil).get(t, "houses.totalCount"); n != 1.0 {
			t.Fatalf("%v houses after refusals", n)
		}
	})

	update := func(in vars) *response {
		return c.do(`mutation($in: UpdateHouseInput!) { updateHouse(input: $in) { house { `+housesFields+` } userErrors { code field message } } }`,
			vars{"in": in})
	}
	updated := update(vars{"houseId": houseID, "phone": "", "address": " 14 Maple St "})
	updated.noErrors(t)
	if updated.get(t, "updateHouse.house.phone") != nil || updated.str(t, "updateHouse.house.address") != "14 Maple St" ||
		updated.str(t, "updateHouse.house.name") != "Maple House" {
		t.Fatalf("updated %v", updated.Data)
	}

	jo := housesMember(t, c, "Jo", "Rivera")
	sam := housesMember(t, c, "Sam", "Lee")
	kim := housesMember(t, c, "Kim", "Ortiz")

	moved := housesMoveIn(c, jo, houseID, "1A", 20)
	moved.noErrors(t)
	if codes := moved.userErrorCodes(t, "moveIntoHouse"); len(codes) > 0 {
		t.Fatalf("moveIntoHouse: %v", moved.get(t, "moveIntoHouse.userErrors"))
	}
	joResidency := moved.str(t, "moveIntoHouse.residency.id")
	if moved.str(t, "moveIntoHouse.residency.house.name") != "Maple House" || moved.str(t, "moveIntoHouse.residency.member.displayName") != "Jo Rivera" ||
		moved.get(t, "moveIntoHouse.residency.isCurrent") != true || moved.str(t, "moveIntoHouse.residency.recordedBy.name") != "Test CASE_MANAGER" {
		t.Fatalf("moved in %v", moved.Data)
	}

	updatesBefore := housesCountUpdates(t, s)
	t.Run("move-in refusals", func(t *testing.T) {
		housesWantUserError(t, housesMoveIn(c, jo, houseID, nil, 1), "moveIntoHouse", "ALREADY_IN_HOUSE", "memberId")
		housesWantUserError(t, housesMoveIn(c, sam, houseID, "1a", 1), "moveIntoHouse", "BED_TAKEN", "bed")
		housesWantUserError(t, housesMoveIn(c, sam, houseID, nil, -2), "moveIntoHouse", "IN_FUTURE", "moveInAt")
		housesWantUserError(t, housesMoveIn(c, sam, jo, nil, 1), "moveIntoHouse", "NOT_FOUND", "houseId")
		housesWantUserError(t, housesMoveIn(c, houseID, houseID, nil, 1), "moveIntoHouse", "NOT_FOUND", "memberId")
		housesWantUserError(t, housesMoveIn(c, sam, "not-an-id", nil, 1), "moveIntoHouse", "INVALID_INPUT", "houseId")
	})
	if n := housesCountUpdates(t, s); n != updatesBefore {
		t.Fatalf("refused moves wrote %d updates", n-updatesBefore)
	}

	if r := housesMoveIn(c, sam, houseID, nil, 10); len(r.userErrorCodes(t, "moveIntoHouse")) > 0 {
		t.Fatalf("sam: %v", r.get(t, "moveIntoHouse.userErrors"))
	}
	housesWantUserError(t, housesMoveIn(c, kim, houseID, nil, 1), "moveIntoHouse", "HOUSE_FULL", "houseId")
	housesWantUserError(t, update(vars{"houseId": houseID, "capacity": 1}), "updateHouse", "CAPACITY_BELOW_OCCUPANCY", "capacity")

	house := c.do(`query($id: ID!) { house(id: $id) { occupancy { capacity occupied available }
		residents { id bed member { displayName } }
		residencies(first: 1) { totalCount nodes { member { displayName } } pageInfo { hasNextPage endCursor } }
		houseMeetingGroups { totalCount nodes { id } } } }`, vars{"id": houseID})
	house.noErrors(t)
	if occ := house.get(t, "house.occupancy").(map[string]any); occ["occupied"] != 2.0 || occ["available"] != 0.0 {
		t.Fatalf("occupancy %v", occ)
	}
	residents := house.list(t, "house.residents")
	if len(residents) != 2 || house.str(t, "house.residents.0.id") != joResidency || house.str(t, "house.residents.0.bed") != "1A" {
		t.Fatalf("residents %v", residents)
	}
	// Newest move-in first: Sam moved in after Jo.
	if house.get(t, "house.residencies.totalCount") != 2.0 || house.str(t, "house.residencies.nodes.0.member.displayName") != "Sam Lee" ||
		house.get(t, "house.residencies.pageInfo.hasNextPage") != true {
		t.Fatalf("residencies %v", house.get(t, "house.residencies"))
	}
	next := c.do(`query($id: ID!, $after: String) { house(id: $id) { residencies(first: 5, after: $after) { nodes { id } pageInfo { hasNextPage hasPreviousPage } } } }`,
		vars{"id": houseID, "after": house.str(t, "house.residencies.pageInfo.endCursor")})
	next.noErrors(t)
	if nodes := next.list(t, "house.residencies.nodes"); len(nodes) != 1 || next.str(t, "house.residencies.nodes.0.id") != joResidency {
		t.Fatalf("second page %v", next.Data)
	}
	if len(house.list(t, "house.houseMeetingGroups.nodes")) != 0 || house.get(t, "house.houseMeetingGroups.totalCount") != 0.0 {
		t.Fatalf("meeting groups %v", house.get(t, "house.houseMeetingGroups"))
	}

	moveOut := func(member string, days int, reason string, note any) *response {
		return c.do(housesMoveOutMutation, vars{"in": vars{"memberId": member, "moveOutAt": housesAt(days), "reason": reason, "note": note}})
	}
	t.Run("move-out refusals", func(t *testing.T) {
		housesWantUserError(t, moveOut(kim, 1, "COMPLETED", nil), "moveOutOfHouse", "NOT_IN_HOUSE", "memberId")
		housesWantUserError(t, moveOut(jo, 21, "COMPLETED", nil), "moveOutOfHouse", "INVALID_INPUT", "moveOutAt")
		housesWantUserError(t, moveOut(jo, -1, "COMPLETED", nil), "moveOutOfHouse", "IN_FUTURE", "moveOutAt")
		housesWantUserError(t, moveOut(jo, 1, "OTHER", " "), "moveOutOfHouse", "INVALID_INPUT", "note")
	})
	out := moveOut(jo, 2, "RULE_VIOLATION", " Curfew, third time ")
	out.noErrors(t)
	if out.get(t, "moveOutOfHouse.residency.isCurrent") != false || out.str(t, "moveOutOfHouse.residency.moveOutReason") != "RULE_VIOLATION" ||
		out.str(t, "moveOutOfHouse.residency.moveOutNote") != "Curfew, third time" || out.str(t, "moveOutOfHouse.residency.id") != joResidency {
		t.Fatalf("moved out %v", out.Data)
	}
	housesWantUserError(t, housesMoveIn(c, jo, houseID, nil, 3), "moveIntoHouse", "ALREADY_IN_HOUSE", "moveInAt")
	if r := housesMoveIn(c, kim, houseID, "1A", 1); len(r.userErrorCodes(t, "moveIntoHouse")) > 0 {
		t.Fatalf("kim into Jo's old bed: %v", r.get(t, "moveIntoHouse.userErrors"))
	}
	if n := housesCountUpdates(t, s); n != updatesBefore+3 {
		t.Fatalf("%d housing updates since the refusals, want 3", n-updatesBefore)
	}

	member := c.do(`query($id: ID!) { member(id: $id) { currentResidency { id } residencies { nodes { id isCurrent moveOutReason house { name } } } } }`, vars{"id": jo})
	member.noErrors(t)
	if member.get(t, "member.currentResidency") != nil || len(member.list(t, "member.residencies.nodes")) != 1 ||
		member.str(t, "member.residencies.nodes.0.moveOutReason") != "RULE_VIOLATION" {
		t.Fatalf("jo %v", member.Data)
	}
	kimNow := c.do(`query($id: ID!) { member(id: $id) { currentResidency { bed house { id } } } }`, vars{"id": kim})
	kimNow.noErrors(t)
	if kimNow.str(t, "member.currentResidency.house.id") != houseID || kimNow.str(t, "member.currentResidency.bed") != "1A" {
		t.Fatalf("kim %v", kimNow.Data)
	}

	node := c.do(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, vars{"ids": []string{houseID, joResidency}})
	node.noErrors(t)
	if node.str(t, "nodes.0.__typename") != "House" || node.str(t, "nodes.1.__typename") != "Residency" || node.str(t, "nodes.1.id") != joResidency {
		t.Fatalf("nodes %v", node.Data)
	}
}

// TestHousesListFilters checks houses(filter) and its totalCount.
func TestHousesListFilters(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	ids := map[string]string{}
	for _, h := range []struct {
		name, gender string
		capacity     int
	}{{"Cedar", "MEN", 1}, {"aspen", "WOMEN", 1}, {"Birch", "WOMEN", 3}} {
		r := housesCreate(t, c, vars{"name": h.name, "capacity": h.capacity, "genderDesignation": h.gender, "narrLevel": "III"})
		r.noErrors(t)
		ids[h.name] = r.str(t, "createHouse.house.id")
	}
	if r := housesMoveIn(c, housesMember(t, c, "Ari", "Full"), ids["aspen"], nil, 1); len(r.userErrorCodes(t, "moveIntoHouse")) > 0 {
		t.Fatal(r.get(t, "moveIntoHouse.userErrors"))
	}
	tests := []struct {
		filter vars
		want   []string
	}{
		{nil, []string{"aspen", "Birch", "Cedar"}},
		{vars{"hasOpenBeds": true}, []string{"Birch", "Cedar"}},
		{vars{"hasOpenBeds": false}, []string{"aspen"}},
		{vars{"genderDesignation": "WOMEN"}, []string{"aspen", "Birch"}},
		{vars{"genderDesignation": "WOMEN", "hasOpenBeds": true}, []string{"Birch"}},
		{vars{"genderDesignation": "CO_ED"}, nil},
	}
	for _, tt := range tests {
		r := c.do(`query($f: HouseFilter) { houses(first: 10, filter: $f) { totalCount nodes { name } } }`, vars{"f": tt.filter})
		r.noErrors(t)
		var got []string
		for _, n := range r.list(t, "houses.nodes") {
			got = append(got, n.(map[string]any)["name"].(string))
		}
		if !slices.Equal(got, tt.want) || r.get(t, "houses.totalCount") != float64(len(tt.want)) {
			t.Errorf("filter %v: %v (total %v), want %v", tt.filter, got, r.get(t, "houses.totalCount"), tt.want)
		}
	}
	first := c.do(`{ houses(first: 2) { nodes { name } pageInfo { hasNextPage endCursor } } }`, nil)
	first.noErrors(t)
	rest := c.do(`query($after: String) { houses(first: 2, after: $after) { nodes { name } pageInfo { hasNextPage } } }`,
		vars{"after": first.str(t, "houses.pageInfo.endCursor")})
	rest.noErrors(t)
	if len(first.list(t, "houses.nodes")) != 2 || rest.str(t, "houses.nodes.0.name") != "Cedar" || rest.get(t, "houses.pageInfo.hasNextPage") != false {
		t.Fatalf("pages: %v then %v", first.Data, rest.Data)
	}
}

// TestHousesConcurrentMoveIns sends twenty move-ins of twenty members for
// the last two beds of a house at once over HTTP: exactly two succeed and
// the rest are told HOUSE_FULL.
func TestHousesConcurrentMoveIns(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	r := housesCreate(t, c, vars{"name": "Last Beds", "capacity": 4, "genderDesignation": "CO_ED", "narrLevel": "II"})
	r.noErrors(t)
	houseID := r.str(t, "createHouse.house.id")
	for i := range 2 {
		if r := housesMoveIn(c, housesMember(t, c, "Settled", fmt.Sprint(i)), houseID, nil, 30); len(r.userErrorCodes(t, "moveIntoHouse")) > 0 {
			t.Fatal(r.get(t, "moveIntoHouse.userErrors"))
		}
	}
	members := make([]string, 20)
	for i := range members {
		members[i] = housesMember(t, c, "Racer", fmt.Sprint(i))
	}
	updatesBefore := housesCountUpdates(t, s)

	results := make([]*response, len(members))
	var wg sync.WaitGroup
	gate := make(chan struct{})
	for i := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			results[i] = housesMoveIn(c, members[i], houseID, nil, 1)
		}()
	}
	close(gate)
	wg.Wait()

	wins, codes := 0, map[string]int{}
	for _, r := range results {
		r.noErrors(t)
		if r.get(t, "moveIntoHouse.residency") != nil {
			wins++
			continue
		}
		for _, code := range r.userErrorCodes(t, "moveIntoHouse") {
			codes[code]++
		}
	}
	t.Logf("winners: %d, userErrors: %v", wins, codes)
	fmt.Printf("houses race over HTTP: %d of 20 move-ins won the last 2 beds, userErrors %v\n", wins, codes)
	if wins != 2 || codes["HOUSE_FULL"] != 18 || len(codes) != 1 {
		t.Errorf("wins = %d, userErrors = %v; want 2 wins and 18 HOUSE_FULL", wins, codes)
	}
	h := c.do(`query($id: ID!) { house(id: $id) { occupancy { occupied available } residents { id } } }`, vars{"id": houseID})
	h.noErrors(t)
	if h.get(t, "house.occupancy.occupied") != 4.0 || h.get(t, "house.occupancy.available") != 0.0 || len(h.list(t, "house.residents")) != 4 {
		t.Errorf("after the race: %v", h.Data)
	}
	if n := housesCountUpdates(t, s) - updatesBefore; n != 2 {
		t.Errorf("%d housing updates written by the race, want 2", n)
	}
}

// housesSeed adds houses with two residents each (in care, so that
// currentCareLevel has something to load) straight through the store.
func housesSeed(t *testing.T, s *server, from, to int) {
	t.Helper()
	ctx := context.Background()
	st := s.Store
	levels := []string{"RESIDENTIAL", "IOP", "OUTPATIENT"}
	for i := from; i < to; i++ {
		name := fmt.Sprintf("House %03d", i)
		h, err := st.CreateHouse(ctx, domain.HouseFields{Name: &name, Capacity: housesPtr(4),
			GenderDesignation: housesPtr(domain.GenderCoEd), NarrLevel: housesPtr(domain.NarrII)})
		if err != nil {
			t.Fatal(err)
		}
		for j := range 2 {
			first, last := fmt.Sprintf("Resident%d", j), fmt.Sprintf("Of%03d", i)
			m, err := st.CreateMember(ctx, 0, domain.MemberFields{FirstName: &first, LastName: &last})
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now().AddDate(0, 0, -40)
			if _, err := st.AdmitMember(ctx, 0, store.AdmitInput{MemberID: m.ID, CareLevelCode: levels[(i+j)%len(levels)], StartedAt: start}); err != nil {
				t.Fatal(err)
			}
			if _, err := st.MoveIntoHouse(ctx, 0, store.MoveInInput{MemberID: m.ID, HouseID: h.ID, MoveInAt: start.AddDate(0, 0, 1)}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func housesPtr[T any](v T) *T { return &v }

// TestHousesNoNPlusOne counts the statements of a house list with its
// occupancy and residents at 2 and at 20 houses: the count must not grow.
func TestHousesNoNPlusOne(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	queries := []struct{ name, query string }{
		{"occupancy and residents", `{ houses(first: 50) { nodes { occupancy { occupied } residents { member { displayName currentCareLevel { code } } } } } }`},
		{"everything nested", `{ houses(first: 50) { totalCount nodes { name manager { name } occupancy { occupied available }
			residents { bed recordedBy { name } house { name } member { displayName currentCareLevel { code } currentResidency { id } } }
			residencies(first: 5) { totalCount nodes { moveInAt member { displayName } } pageInfo { hasNextPage } }
			houseMeetingGroups(first: 5) { totalCount nodes { name } } } } }`},
	}
	best := map[string]int64{}
	measure := func(houses int) map[string]int64 {
		out := map[string]int64{}
		for _, q := range queries {
			n, r := s.fewestStatements(t, c, q.query, nil, best[q.name])
			out[q.name] = n
			nodes := r.list(t, "houses.nodes")
			if len(nodes) != houses {
				t.Fatalf("%s: %d houses listed, want %d", q.name, len(nodes), houses)
			}
			for i := range nodes {
				if n := len(r.list(t, fmt.Sprintf("houses.nodes.%d.residents", i))); n != 2 {
					t.Fatalf("%s: house %d has %d residents", q.name, i, n)
				}
				if r.str(t, fmt.Sprintf("houses.nodes.%d.residents.0.member.currentCareLevel.code", i)) == "" {
					t.Fatalf("%s: house %d: no care level loaded", q.name, i)
				}
			}
		}
		return out
	}
	housesSeed(t, s, 0, 2)
	small := measure(2)
	best = small
	housesSeed(t, s, 2, 20)
	large := measure(20)
	for _, q := range queries {
		t.Logf("%s: 2 houses -> %d statements, 20 houses -> %d statements", q.name, small[q.name], large[q.name])
		fmt.Printf("houses N+1 check (%s): 2 houses -> %d statements, 20 houses -> %d statements\n", q.name, small[q.name], large[q.name])
		if grows(small[q.name], large[q.name]) {
			t.Errorf("%s: statements grow with the data: %d for 2 houses, %d for 20", q.name, small[q.name], large[q.name])
		}
	}
	if small[queries[0].name] > 7 {
		t.Errorf("the house list takes %d statements", small[queries[0].name])
	}
}
