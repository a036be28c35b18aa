package e2e

import (
	"fmt"
	"testing"

	"carejourney/server/seed"
)

// TestCensusCountsWhatTheMemberListCounts: for every actor who may list
// members (staff with and without a bounded reach, a members:read key cut
// to its consents) and every level of the catalogue, CareLevel's
// membersInCareCount is the totalCount of the member list filtered by that
// level and ACTIVE, so the census never shows more than the list would.
// Those who may not list members get null with FORBIDDEN.
func TestCensusCountsWhatTheMemberListCounts(t *testing.T) {
	s := startServer(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"})
	actors := []struct {
		name string
		c    *client
	}{
		{"case manager", s.signInAs(t, "casemanager@demo.carejourney.test", "demo-case-2026!")},
		{"peer supporter", s.signInAs(t, "peer@demo.carejourney.test", "demo-peer-2026!")},
		{"house manager", s.signInAs(t, "housemanager@demo.carejourney.test", "demo-house-2026!")},
		{"members:read key", s.keyClient(t, seed.DemoKeys[1].Secret)},
	}
	for _, a := range actors {
		t.Run(a.name, func(t *testing.T) {
			census := a.c.do(`{ careLevels { code membersInCareCount } }`, nil)
			census.noErrors(t)
			sum := 0
			for i, l := range census.list(t, "careLevels") {
				code := l.(map[string]any)["code"]
				got := census.get(t, fmt.Sprintf("careLevels.%d.membersInCareCount", i))
				list := a.c.do(`query($code: String!) { members(first: 0, filter: {careLevelCodes: [$code], statuses: [ACTIVE]}) { totalCount } }`,
					vars{"code": code})
				list.noErrors(t)
				if want := list.get(t, "members.totalCount"); got != want {
					t.Errorf("%s: membersInCareCount %v, the member list counts %v", code, got, want)
				}
				if n, ok := got.(float64); ok {
					sum += int(n)
				}
			}
			t.Logf("%d in care across the levels", sum)
		})
	}
	for _, a := range []struct {
		name string
		c    *client
	}{
		{"family viewer", s.signInAs(t, "family@demo.carejourney.test", "demo-family-2026!")},
		{"directory:read key", s.keyClient(t, seed.DemoKeys[0].Secret)},
	} {
		r := a.c.do(`{ careLevels { code membersInCareCount } }`, nil)
		if n := lookupPath(r.Data, "careLevels.0.membersInCareCount"); n != nil || len(r.errorCodes()) == 0 || r.errorCodes()[0] != "FORBIDDEN" {
			t.Errorf("%s: membersInCareCount %v with codes %v, want null with FORBIDDEN", a.name, n, r.errorCodes())
		}
	}
}
