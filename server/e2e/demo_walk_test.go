package e2e

import (
	"testing"
	"time"

	"carejourney/server/domain"
)

// TestDemoGraphWalk loads the demo provider and walks it over GraphQL the
// way staff would: from every house, group, peer and plan to the members,
// and from each member back to where the walk came from.
func TestDemoGraphWalk(t *testing.T) {
	s := startServer(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"})
	c := s.signedIn(t, domain.RoleCaseManager)
	obj := func(v any) map[string]any { return v.(map[string]any) }
	list := func(v any) []any { return v.([]any) }

	t.Run("members by house", func(t *testing.T) {
		houses := c.do(`{ houses(first: 20) { nodes { id name occupancy { occupied } } } }`, nil)
		houses.noErrors(t)
		for _, h := range houses.list(t, "houses.nodes") {
			house := obj(h)
			r := c.do(`query($h: ID!) { members(first: 50, filter: {houseId: $h}) { totalCount nodes { currentResidency { house { id } } } } }`,
				vars{"h": house["id"]})
			r.noErrors(t)
			if r.get(t, "members.totalCount") != obj(house["occupancy"])["occupied"] {
				t.Errorf("%s: %v members, occupancy %v", house["name"], r.get(t, "members.totalCount"), house["occupancy"])
			}
			for _, m := range r.list(t, "members.nodes") {
				if obj(obj(obj(m)["currentResidency"])["house"])["id"] != house["id"] {
					t.Errorf("%s lists a member of another house", house["name"])
				}
			}
		}
		if codes := c.do(`{ members(filter: {houseId: "nope"}) { totalCount } }`, nil).errorCodes(); len(codes) != 1 || codes[0] != "BAD_USER_INPUT" {
			t.Errorf("a malformed house id: %v", codes)
		}
	})

	t.Run("houses to residents and back", func(t *testing.T) {
		r := c.do(`{ houses(first: 20) { totalCount nodes { id name occupancy { capacity occupied available }
			residents { member { id displayName currentResidency { house { id } } } } } } }`, nil)
		r.noErrors(t)
		if n := r.get(t, "houses.totalCount"); n != float64(7) {
			t.Fatalf("houses = %v, want 7", n)
		}
		residents := 0
		for _, h := range r.list(t, "houses.nodes") {
			house := obj(h)
			occ := obj(house["occupancy"])
			if occ["occupied"].(float64) > occ["capacity"].(float64) || int(occ["occupied"].(float64)) != len(list(house["residents"])) {
				t.Errorf("%s: occupancy %v with %d residents", house["name"], occ, len(list(house["residents"])))
			}
			for _, res := range list(house["residents"]) {
				m := obj(obj(res)["member"])
				back := obj(obj(m["currentResidency"])["house"])["id"]
				if back != house["id"] {
					t.Errorf("%s lives in %v, listed in %s", m["displayName"], back, house["name"])
				}
				residents++
			}
		}
		if residents == 0 {
			t.Error("no house has residents")
		}
	})

	t.Run("groups to meetings, attendance, members and back", func(t *testing.T) {
		now := time.Now().UTC()
		r := c.do(`query($from: DateTime!, $now: DateTime!) { groups(first: 50) { totalCount nodes { id kind timesOfDay
			meetings(first: 3, filter: {startsWithin: {startAt: $from, endAt: $now}}) { nodes { id startsAt attendance { nodes { status meeting { id group { id } }
				member { id displayName groupMemberships { nodes { group { id } } } } } } } } } } }`, vars{"from": now.AddDate(0, 0, -14).Format(time.RFC3339), "now": now.Format(time.RFC3339)})
		r.noErrors(t)
		if n := r.get(t, "groups.totalCount").(float64); n < 12 {
			t.Fatalf("groups = %v, want 12 or more", n)
		}
		kinds, times := map[string]bool{}, map[string]bool{}
		records, members := 0, 0
		for _, g := range r.list(t, "groups.nodes") {
			group := obj(g)
			kinds[group["kind"].(string)] = true
			for _, tod := range list(group["timesOfDay"]) {
				times[tod.(string)] = true
			}
			for _, m := range list(obj(group["meetings"])["nodes"]) {
				meeting := obj(m)
				for _, a := range list(obj(meeting["attendance"])["nodes"]) {
					records++
					back := obj(obj(a)["meeting"])
					if back["id"] != meeting["id"] || obj(back["group"])["id"] != group["id"] {
						t.Errorf("attendance at %v leads back to %v", meeting["id"], back)
					}
					for _, gm := range list(obj(obj(obj(a)["member"])["groupMemberships"])["nodes"]) {
						if obj(obj(gm)["group"])["id"] == group["id"] {
							members++
						}
					}
				}
			}
		}
		if len(kinds) != 6 || len(times) != 3 {
			t.Errorf("kinds %v, times of day %v: want all six kinds and DAY, EVENING, WEEKEND", kinds, times)
		}
		if records == 0 || members*2 < records {
			t.Errorf("%d attendance records in the demo's latest past meetings, %d of them by members of the group", records, members)
		}
	})

	t.Run("peers to caseload and back", func(t *testing.T) {
		r := c.do(`{ peers(first: 50) { totalCount nodes { id name isAlumnus alumnusOf { id status }
			caseload(first: 50) { nodes { member { id currentPeer { id } } } } } } }`, nil)
		r.noErrors(t)
		peers := r.list(t, "peers.nodes")
		alumni, assigned := 0, 0
		for _, p := range peers {
			peer := obj(p)
			if peer["isAlumnus"] == true {
				alumni++
				if peer["alumnusOf"] == nil {
					t.Errorf("%s is an alumnus without a member record", peer["name"])
				}
			}
			for _, a := range list(obj(peer["caseload"])["nodes"]) {
				m := obj(obj(a)["member"])
				if obj(m["currentPeer"])["id"] != peer["id"] {
					t.Errorf("member %v's current peer is not %s", m["id"], peer["name"])
				}
				assigned++
			}
		}
		if len(peers) < 10 || alumni*2 <= len(peers) || assigned == 0 {
			t.Errorf("%d peers, %d alumni, %d members assigned", len(peers), alumni, assigned)
		}
	})

	t.Run("plans to members and back", func(t *testing.T) {
		r := c.do(`{ members(first: 100, filter: {careLevelCodes: ["IOP", "VIRTUAL_IOP", "OUTPATIENT", "CONTINUING_CARE"]}) {
			nodes { id displayName activeAftercarePlan { id status member { id }
				goals { nodes { category } } commitments { nodes { kind group { id name } } }
				checkIns(first: 2) { totalCount } adherence(weeks: 4) { weeks { attended target } } } } } }`, nil)
		r.noErrors(t)
		members := r.list(t, "members.nodes")
		if len(members) == 0 {
			t.Fatal("no members in IOP, outpatient or continuing care")
		}
		for _, mv := range members {
			m := obj(mv)
			plan, ok := m["activeAftercarePlan"].(map[string]any)
			if !ok {
				t.Errorf("%s has no active plan", m["displayName"])
				continue
			}
			if obj(plan["member"])["id"] != m["id"] || plan["status"] != "ACTIVE" {
				t.Errorf("%s: plan %v", m["displayName"], plan)
			}
			if len(list(obj(plan["goals"])["nodes"])) == 0 || len(list(obj(plan["commitments"])["nodes"])) == 0 || obj(plan["checkIns"])["totalCount"] == float64(0) {
				t.Errorf("%s: plan without goals, commitments or check-ins", m["displayName"])
			}
		}
		plan := obj(obj(members[0])["activeAftercarePlan"])
		back := c.do(`query($id: ID!) { node(id: $id) { ... on AftercarePlan { member { id } } } }`, vars{"id": plan["id"]})
		back.noErrors(t)
		if back.str(t, "node.member.id") != obj(members[0])["id"] {
			t.Error("node(plan id) leads to another member")
		}
	})

	t.Run("updates of a member", func(t *testing.T) {
		r := c.do(`{ members(first: 100) { nodes { updates(first: 50) { nodes { kind } } } } }`, nil)
		r.noErrors(t)
		kinds := map[string]int{}
		for _, m := range r.list(t, "members.nodes") {
			for _, u := range list(obj(obj(m)["updates"])["nodes"]) {
				kinds[obj(u)["kind"].(string)]++
			}
		}
		for _, k := range []string{"MILESTONE", "CARE_LEVEL_CHANGE", "HOUSING_CHANGE", "NOTE"} {
			if kinds[k] == 0 {
				t.Errorf("no %s updates in the demo (%v)", k, kinds)
			}
		}
	})
}
