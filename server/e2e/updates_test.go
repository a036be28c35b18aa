package e2e

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/seed"
)

// TestUpdatesOverGraphQL posts notes, lets journey events write their own
// updates, and reads them back newest first, paged and filtered.
func TestUpdatesOverGraphQL(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	start := time.Now().AddDate(0, 0, -100).Format(time.DateOnly)
	created := c.do(`mutation($in: CreateMemberInput!) { createMember(input: $in) { member { id } userErrors { code } } }`,
		vars{"in": vars{"firstName": "Rosa", "lastName": "Vega", "recoveryStartDate": start}})
	created.noErrors(t)
	memberID := created.str(t, "createMember.member.id")

	admitted := c.do(`mutation($in: AdmitMemberInput!) { admitMember(input: $in) { userErrors { code } } }`,
		vars{"in": vars{"memberId": memberID, "careLevelCode": "IOP", "startedAt": time.Now().Add(-48 * time.Hour).Format(time.RFC3339)}})
	admitted.noErrors(t)
	if codes := admitted.userErrorCodes(t, "admitMember"); len(codes) > 0 {
		t.Fatalf("admit: %v", codes)
	}
	const post = `mutation($in: PostUpdateInput!) { postUpdate(input: $in) {
		update { id kind body isShareable author { email } member { id } milestone { key } }
		userErrors { code field message } } }`
	posted := c.do(post, vars{"in": vars{"memberId": memberID, "body": "Celebrated a sober birthday with family", "isShareable": true}})
	posted.noErrors(t)
	if got := posted.str(t, "postUpdate.update.kind"); got != "NOTE" {
		t.Errorf("kind = %s", got)
	}
	if posted.get(t, "postUpdate.update.isShareable") != true || posted.get(t, "postUpdate.update.milestone") != nil ||
		posted.str(t, "postUpdate.update.member.id") != memberID {
		t.Errorf("posted update: %v", posted.get(t, "postUpdate.update"))
	}
	internal := c.do(post, vars{"in": vars{"memberId": memberID, "body": "Discussed a lapse risk"}})
	if internal.get(t, "postUpdate.update.isShareable") != false {
		t.Error("a note without isShareable must be internal")
	}

	for name, in := range map[string]vars{
		"empty body":   {"memberId": memberID, "body": "  "},
		"future":       {"memberId": memberID, "body": "x", "occurredAt": time.Now().Add(time.Hour).Format(time.RFC3339)},
		"not a member": {"memberId": posted.str(t, "postUpdate.update.id"), "body": "x"},
		"malformed id": {"memberId": "nope", "body": "x"},
	} {
		r := c.do(post, vars{"in": in})
		r.noErrors(t)
		if codes := r.userErrorCodes(t, "postUpdate"); len(codes) != 1 || r.get(t, "postUpdate.update") != nil {
			t.Errorf("%s: userErrors %v, update %v", name, codes, r.get(t, "postUpdate.update"))
		}
	}

	const list = `query($id: ID!, $after: String, $kinds: [UpdateKind!]) { member(id: $id) {
		updates(first: 3, after: $after, kinds: $kinds) { totalCount pageInfo { hasNextPage endCursor }
			nodes { id kind body occurredAt milestone { key label date } } } } }`
	first := c.do(list, vars{"id": memberID})
	first.noErrors(t)
	// 4 milestones (24 hours, 30, 60, 90 days), the admission, two notes.
	if n := first.get(t, "member.updates.totalCount"); n != float64(7) {
		t.Fatalf("totalCount = %v, want 7", n)
	}
	nodes := first.list(t, "member.updates.nodes")
	var kinds []string
	for _, n := range nodes {
		kinds = append(kinds, n.(map[string]any)["kind"].(string))
	}
	if !slices.Equal(kinds, []string{"NOTE", "NOTE", "CARE_LEVEL_CHANGE"}) || first.get(t, "member.updates.pageInfo.hasNextPage") != true {
		t.Fatalf("first page kinds %v", kinds)
	}
	second := c.do(list, vars{"id": memberID, "after": first.str(t, "member.updates.pageInfo.endCursor")})
	second.noErrors(t)
	if got := second.list(t, "member.updates.nodes"); len(got) != 3 || got[0].(map[string]any)["kind"] != "MILESTONE" {
		t.Fatalf("second page: %v", got)
	}
	if m := second.get(t, "member.updates.nodes.0.milestone"); m.(map[string]any)["key"] != "DAYS_90" || m.(map[string]any)["label"] != "90 days" {
		t.Errorf("milestone = %v", m)
	}

	milestones := c.do(list, vars{"id": memberID, "kinds": []string{"MILESTONE"}})
	milestones.noErrors(t)
	if n := milestones.get(t, "member.updates.totalCount"); n != float64(4) {
		t.Errorf("milestones = %v, want 4", n)
	}

	updateID := posted.str(t, "postUpdate.update.id")
	node := c.do(`query($id: ID!) { node(id: $id) { ... on Update { body author { email } } } }`, vars{"id": updateID})
	node.noErrors(t)
	if node.str(t, "node.body") != "Celebrated a sober birthday with family" {
		t.Errorf("node = %v", node.get(t, "node"))
	}
}

// TestMilestoneSweeper checks the server announces milestones that members
// reach while it runs, without anyone asking.
func TestMilestoneSweeper(t *testing.T) {
	s := startServer(t, map[string]string{"MILESTONE_SWEEP_INTERVAL": "50ms"})
	ctx := context.Background()
	// A member whose sobriety date was written without the store (as an
	// import would) has no milestone updates until the sweep finds them.
	var memberID int64
	err := s.Store.DB().NewRaw(`INSERT INTO members (first_name, last_name, recovery_start_date)
		VALUES ('Sam', 'Ortiz', current_date - 45) RETURNING id`).Scan(ctx, &memberID)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		var n int
		if err := s.Store.DB().NewRaw(`SELECT count(*) FROM updates WHERE member_id = ? AND kind = 'MILESTONE'`, memberID).Scan(ctx, &n); err != nil {
			t.Fatal(err)
		}
		if n == 2 { // 24 hours and 30 days
			return
		}
		if n > 2 || time.Now().After(deadline) {
			t.Fatalf("milestone updates = %d, want 2", n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestUpdatesNoNPlusOne reads every member's recent updates with their
// authors: the statements stay fixed as the members grow.
func TestUpdatesNoNPlusOne(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	const query = `{ members(first: 50) { nodes { updates(first: 5) { totalCount nodes { body author { email } milestone { label } } } } } }`
	ctx := context.Background()
	measure := func(members int, floor int64) (int64, int) {
		if _, err := seed.Scale(ctx, s.Store, seed.ScaleOptions{Members: members, Seed: int64(members)}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Store.RecordMilestones(ctx); err != nil {
			t.Fatal(err)
		}
		n, r := s.fewestStatements(t, c, query, nil, floor)
		updates := 0
		for _, m := range r.list(t, "members.nodes") {
			updates += len(m.(map[string]any)["updates"].(map[string]any)["nodes"].([]any))
		}
		if updates == 0 {
			t.Fatal("no updates to read")
		}
		return n, len(r.list(t, "members.nodes"))
	}
	small, smallRows := measure(5, 0)
	large, largeRows := measure(45, small)
	fmt.Printf("N+1 check (updates): %d members -> %d statements, %d members -> %d statements\n", smallRows, small, largeRows, large)
	if grows(small, large) || large > 6 {
		t.Errorf("statements grow with the data: %d for %d members, %d for %d", small, smallRows, large, largeRows)
	}
}
