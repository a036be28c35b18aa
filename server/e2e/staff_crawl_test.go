package e2e

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/uptrace/bun/dialect/pgdialect"

	"carejourney/graph/access"
	"carejourney/graph/globalid"
	"carejourney/server/domain"
)

// The staff crawls: each staff role, with and without its relation, crawls
// the schema from every root field with IDs of every type (records of a
// member the peer supporter reaches, of one the house manager reaches, and
// of one neither does; accounts of every role), driven by introspection.
// Every record in any answer must belong to a member the actor reaches
// (computed here in SQL, apart from the access package), no family account
// may show to staff outside the care team, no one's email but their own to
// anyone but an admin, and every connection's count must match its rows.

func TestStaffCrawl(t *testing.T) {
	s := startServer(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"})
	admin := s.signedIn(t, domain.RoleAdmin)
	ctx := context.Background()
	db := s.Store.DB()
	userID := func(email string) int64 {
		var id int64
		if err := db.NewRaw(`SELECT id FROM users WHERE email = ?`, email).Scan(ctx, &id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	peerUser, hmUser := userID("peer@demo.carejourney.test"), userID("housemanager@demo.carejourney.test")
	// What each relation reaches, restated in SQL.
	reachOf := func(q string, user int64) []int64 {
		var ids []int64
		if err := db.NewRaw(q, user).Scan(ctx, &ids); err != nil {
			t.Fatal(err)
		}
		return ids
	}
	peerReach := reachOf(`SELECT a.member_id FROM peer_assignments a JOIN peers p ON p.id = a.peer_id
		WHERE p.user_id = ?0 AND a.ended_at IS NULL
		UNION SELECT gm.member_id FROM group_memberships gm JOIN group_facilitators f ON f.group_id = gm.group_id
		LEFT JOIN peers p ON p.id = f.peer_id WHERE (f.user_id = ?0 OR p.user_id = ?0) AND gm.left_at IS NULL`, peerUser)
	hmReach := reachOf(`SELECT r.member_id FROM residencies r JOIN houses h ON h.id = r.house_id
		WHERE h.manager_user_id = ? AND r.move_out_at IS NULL`, hmUser)
	var neither int64
	if err := db.NewRaw(`SELECT id FROM members WHERE NOT (id = ANY(?)) AND NOT (id = ANY(?)) ORDER BY id LIMIT 1`,
		pgdialect.Array(peerReach), pgdialect.Array(hmReach)).Scan(ctx, &neither); err != nil || len(peerReach) == 0 || len(hmReach) == 0 {
		t.Fatalf("fixture: peer reaches %v, house manager %v, neither %d: %v", peerReach, hmReach, neither, err)
	}
	ids := scopeIDs(t, admin, []int64{peerReach[0], hmReach[0], neither})
	for _, id := range crawlIDs(t, admin) {
		if typeName, _, _ := globalid.Decode(id); typeName != globalid.TypeMember {
			ids = append(ids, id)
		}
	}
	ids = oneOfEach(ids)
	// One account of every role.
	roles := map[string]bool{}
	for _, u := range admin.do(`{ users(first: 100) { nodes { id role } } }`, nil).list(t, "users.nodes") {
		if u := u.(map[string]any); !roles[u["role"].(string)] {
			roles[u["role"].(string)] = true
			ids = append(ids, u["id"].(string))
		}
	}
	if len(roles) != 6 {
		t.Fatalf("accounts of %d roles, want all 6", len(roles))
	}
	t.Logf("%d IDs", len(ids))

	unrelatedPeer := s.signedIn(t, domain.RolePeerSupporter)
	unrelatedHM := s.signedIn(t, domain.RoleHouseManager)
	for _, a := range []struct {
		name  string
		c     *client
		email string
		role  domain.Role
		reach []int64 // nil: every member
	}{
		{"peer supporter with a caseload", s.signInAs(t, "peer@demo.carejourney.test", "demo-peer-2026!"), "peer@demo.carejourney.test", domain.RolePeerSupporter, peerReach},
		{"peer supporter without one", unrelatedPeer, "peer_supporter@test.example", domain.RolePeerSupporter, []int64{}},
		{"house manager with residents", s.signInAs(t, "housemanager@demo.carejourney.test", "demo-house-2026!"), "housemanager@demo.carejourney.test", domain.RoleHouseManager, hmReach},
		{"house manager without a house", unrelatedHM, "house_manager@test.example", domain.RoleHouseManager, []int64{}},
		{"case manager", s.signInAs(t, "casemanager@demo.carejourney.test", "demo-case-2026!"), "casemanager@demo.carejourney.test", domain.RoleCaseManager, nil},
		{"clinician", s.signInAs(t, "clinician@demo.carejourney.test", "demo-clinic-2026!"), "clinician@demo.carejourney.test", domain.RoleClinician, nil},
	} {
		t.Run(a.name, func(t *testing.T) {
			var seenIDs []string
			var leaks []string
			cr := &crawler{t: t, c: a.c, staff: admin, types: loadSchemaTypes(t, admin), ids: ids, reached: map[string]bool{},
				allowed: func(string, string) bool { return true }, deep: map[string]int{}, maxDepth: 2}
			cr.seen = func(typeName, field, doc string, data any) {
				collectIDs(data, &seenIDs)
				if typeName == "User" && field == "email" {
					var emails []string
					collectValues(data, "email", &emails)
					for _, e := range emails {
						if e != a.email {
							leaks = append(leaks, fmt.Sprintf("another user's email via %s", doc))
						}
					}
				}
			}
			cr.run()
			leaks = append(leaks, cr.leaks...)
			sort.Strings(seenIDs)
			seenIDs = slices.Compact(seenIDs)
			for _, id := range seenIDs {
				typeName, _, err := globalid.Decode(id)
				if err != nil {
					continue
				}
				n, err := globalid.DecodeInt(id, typeName)
				if err != nil {
					continue
				}
				if typeName == globalid.TypeUser {
					var role string
					if err := db.NewRaw(`SELECT role FROM users WHERE id = ?`, n).Scan(ctx, &role); err != nil {
						t.Fatal(err)
					}
					if role == string(domain.RoleFamily) && a.reach != nil {
						leaks = append(leaks, fmt.Sprintf("a family account (%s)", id))
					}
					continue
				}
				kind, ok := access.RecordOf(typeName)
				if !ok {
					continue
				}
				owner, found, err := s.Store.OwnerOf(ctx, kind, n)
				if err != nil {
					t.Fatal(err)
				}
				if found && owner.MemberID != 0 && a.reach != nil && !slices.Contains(a.reach, owner.MemberID) {
					leaks = append(leaks, fmt.Sprintf("%s %s of member %d, out of reach", typeName, id, owner.MemberID))
				}
			}
			for _, l := range leaks {
				t.Errorf("%s read %s", a.name, l)
			}
			t.Logf("%s: %d field queries, %d fields with data, %d records seen", a.name, cr.fields, len(cr.reached), len(seenIDs))
		})
	}
}

// oneOfEach keeps up to two IDs of each type but accounts, so a crawl sees
// every type without repeating itself.
func oneOfEach(ids []string) []string {
	sort.Strings(ids)
	ids = slices.Compact(ids)
	count := map[string]int{}
	var out []string
	for _, id := range ids {
		typeName, _, _ := globalid.Decode(id)
		if typeName != globalid.TypeUser && count[typeName] < 2 {
			count[typeName]++
			out = append(out, id)
		}
	}
	return out
}

func collectValues(v any, key string, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if s, ok := val.(string); ok && k == key {
				*out = append(*out, s)
			}
			collectValues(val, key, out)
		}
	case []any:
		for _, item := range x {
			collectValues(item, key, out)
		}
	}
}
