package e2e

import (
	"context"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/seed"
)

// The Today page's lists are served by the API (upcomingMilestones,
// recentCareLevelChanges, careLevelTransition). These tests check them
// against a brute-force reading of every member of the demo, and that the
// page costs the same statements whatever the number of members.

// todayMember is what the brute force reads of a member.
type todayMember struct {
	id, name, status string
	start            *time.Time
	episodes         []todayEpisode
}

type todayEpisode struct {
	id, code     string
	intensity    int
	startedAt    time.Time
	isDischarged bool
}

// todayMembers reads every member, page after page, with their journeys.
func todayMembers(t *testing.T, c *client) []todayMember {
	t.Helper()
	var out []todayMember
	var after any
	for {
		r := c.do(`query($after: String) { members(first: 100, after: $after) {
			pageInfo { hasNextPage endCursor }
			nodes { id displayName status recoveryStartedOn
				careEpisodes { nodes { id startedAt dischargeReason careLevel { code intensity } } } } } }`, vars{"after": after})
		r.noErrors(t)
		for _, n := range r.list(t, "members.nodes") {
			m := n.(map[string]any)
			tm := todayMember{id: m["id"].(string), name: m["displayName"].(string), status: m["status"].(string)}
			if s, ok := m["recoveryStartedOn"].(string); ok {
				d, _ := time.Parse(time.DateOnly, s)
				tm.start = &d
			}
			for _, e := range m["careEpisodes"].(map[string]any)["nodes"].([]any) {
				ep := e.(map[string]any)
				lv := ep["careLevel"].(map[string]any)
				at, _ := time.Parse(time.RFC3339Nano, ep["startedAt"].(string))
				tm.episodes = append(tm.episodes, todayEpisode{id: ep["id"].(string), code: lv["code"].(string),
					intensity: int(lv["intensity"].(float64)), startedAt: at, isDischarged: ep["dischargeReason"] != nil})
			}
			out = append(out, tm)
		}
		if r.get(t, "members.pageInfo.hasNextPage") != true {
			return out
		}
		after = r.get(t, "members.pageInfo.endCursor")
	}
}

// allNodes pages through a Today connection and returns every node.
func allNodes(t *testing.T, c *client, query, field string, v vars) []map[string]any {
	t.Helper()
	var out []map[string]any
	var after any
	for {
		v["after"] = after
		r := c.do(query, v)
		r.noErrors(t)
		for _, n := range r.list(t, field+".nodes") {
			out = append(out, n.(map[string]any))
		}
		if total := int(r.get(t, field+".totalCount").(float64)); r.get(t, field+".pageInfo.hasNextPage") != true {
			if total != len(out) {
				t.Fatalf("%s: totalCount %d, %d nodes over all pages", field, total, len(out))
			}
			return out
		}
		after = r.get(t, field+".pageInfo.endCursor")
	}
}

func TestTodayListsMatchBruteForce(t *testing.T) {
	s := startServer(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"})
	c := s.signedIn(t, domain.RoleCaseManager)
	members := todayMembers(t, c)
	if len(members) < 50 {
		t.Fatalf("only %d members in the demo", len(members))
	}

	t.Run("upcomingMilestones", func(t *testing.T) {
		today := s.Store.Today()
		for _, days := range []int{1, 7, 30, 366} {
			// Brute force: every milestone of every active member, counted
			// one after another from the start date.
			var want []string
			for _, m := range members {
				if m.start == nil || m.status != "ACTIVE" {
					continue
				}
				for n := 0; n < 200; n++ {
					ms := domain.MilestoneAt(*m.start, n)
					// Start included, end excluded: 7 days are today and the next 6.
					if !ms.Date.Before(today.AddDate(0, 0, days)) {
						break
					}
					if !ms.Date.Before(today) {
						want = append(want, fmt.Sprintf("%s %s %s", ms.Date.Format(time.DateOnly), m.id, ms.Key))
					}
				}
			}
			nodes := allNodes(t, c, `query($after: String, $days: Int!) { upcomingMilestones(first: 7, after: $after, filter: {withinDays: $days, statuses: [ACTIVE]}) {
				totalCount pageInfo { hasNextPage endCursor } nodes { member { id } milestone { key reachedOn } } } }`,
				"upcomingMilestones", vars{"days": days})
			var got []string
			for _, n := range nodes {
				ms := n["milestone"].(map[string]any)
				got = append(got, fmt.Sprintf("%s %s %s", ms["reachedOn"], n["member"].(map[string]any)["id"], ms["key"]))
			}
			if !slices.IsSorted(got) && !datesSorted(got) {
				t.Errorf("%d days: not by date: %v", days, got)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%d days: got %d milestones %v\nwant %d %v", days, len(got), got, len(want), want)
			}
			if days == 366 && len(want) == 0 {
				t.Error("no milestone in a year: the demo does not exercise the list")
			}
		}
	})

	t.Run("recentCareLevelChanges", func(t *testing.T) {
		for _, days := range []int{1, 14, 366} {
			// withinDays whole days of the provider: today and the days
			// before it, from a midnight (included) to the next (excluded).
			first, next := s.Store.Today().AddDate(0, 0, 1-days), s.Store.Today().AddDate(0, 0, 1)
			since := domain.LocalInstant(first.Year(), first.Month(), first.Day(), 0, 0, s.Store.Location)
			end := domain.LocalInstant(next.Year(), next.Month(), next.Day(), 0, 0, s.Store.Location)
			var want []string
			for _, m := range members {
				for i, e := range m.episodes {
					if i == 0 || e.startedAt.Before(since) || !e.startedAt.Before(end) || m.episodes[i-1].isDischarged {
						continue // an admission, a readmission, or outside the window
					}
					prev := m.episodes[i-1]
					dir := "LATERAL"
					if e.intensity > prev.intensity {
						dir = "STEP_UP"
					} else if e.intensity < prev.intensity {
						dir = "STEP_DOWN"
					}
					want = append(want, fmt.Sprintf("%s %s %s→%s %s", e.id, m.id, prev.code, e.code, dir))
				}
			}
			nodes := allNodes(t, c, `query($after: String, $days: Int!) { recentCareLevelChanges(first: 9, after: $after, filter: {withinDays: $days}) {
				totalCount pageInfo { hasNextPage endCursor }
				nodes { careEpisode { id } member { id } fromCareLevel { code } toCareLevel { code } direction changedAt } } }`,
				"recentCareLevelChanges", vars{"days": days})
			var got []string
			var last time.Time
			for i, n := range nodes {
				at, _ := time.Parse(time.RFC3339Nano, n["changedAt"].(string))
				if i > 0 && at.After(last) {
					t.Errorf("%d days: not most recent first at %d", days, i)
				}
				last = at
				got = append(got, fmt.Sprintf("%s %s %s→%s %s", n["careEpisode"].(map[string]any)["id"], n["member"].(map[string]any)["id"],
					n["fromCareLevel"].(map[string]any)["code"], n["toCareLevel"].(map[string]any)["code"], n["direction"]))
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%d days: got %v\nwant %v", days, got, want)
			}
			if days == 366 && len(want) == 0 {
				t.Error("no level change in a year: the demo does not exercise the list")
			}
			// The directions filter keeps exactly the changes of those directions.
			for _, dir := range []string{"STEP_UP", "STEP_DOWN", "LATERAL"} {
				only := allNodes(t, c, `query($after: String, $days: Int!, $dir: CareTransition!) { recentCareLevelChanges(first: 100, after: $after, filter: {withinDays: $days, directions: [$dir]}) {
					totalCount pageInfo { hasNextPage endCursor } nodes { careEpisode { id } direction } } }`,
					"recentCareLevelChanges", vars{"days": days, "dir": dir})
				n := 0
				for _, w := range want {
					if len(w) > len(dir) && w[len(w)-len(dir):] == dir && w[len(w)-len(dir)-1] == ' ' {
						n++
					}
				}
				for _, o := range only {
					if o["direction"] != dir {
						t.Errorf("%s filter returned %v", dir, o)
					}
				}
				if len(only) != n {
					t.Errorf("%d days, %s: %d changes, want %d", days, dir, len(only), n)
				}
			}
		}
	})

	t.Run("careLevelTransition", func(t *testing.T) {
		r := c.do(`{ careLevels { code intensity } }`, nil)
		r.noErrors(t)
		levels := r.list(t, "careLevels")
		for _, a := range levels {
			for _, b := range levels {
				from, to := a.(map[string]any), b.(map[string]any)
				want := domain.StepDirection(domain.CareLevel{Intensity: int(from["intensity"].(float64))},
					domain.CareLevel{Intensity: int(to["intensity"].(float64))})
				got := c.do(`query($f: String!, $t: String!) { careLevelTransition(fromCareLevelCode: $f, toCareLevelCode: $t) }`,
					vars{"f": from["code"], "t": to["code"]})
				got.noErrors(t)
				if got.str(t, "careLevelTransition") != string(want) {
					t.Errorf("%s → %s: %s, want %s", from["code"], to["code"], got.str(t, "careLevelTransition"), want)
				}
			}
		}
	})

	t.Run("bad input is a clear error", func(t *testing.T) {
		for _, q := range []string{
			`{ careLevelTransition(fromCareLevelCode: "NOPE", toCareLevelCode: "IOP") }`,
			`{ upcomingMilestones(filter: {withinDays: -1}) { totalCount } }`,
			`{ upcomingMilestones(filter: {withinDays: 0}) { totalCount } }`,
			`{ upcomingMilestones(filter: {withinDays: 367}) { totalCount } }`,
			`{ recentCareLevelChanges(filter: {withinDays: 9999}) { totalCount } }`,
			`{ recentCareLevelChanges(filter: {directions: [ADMISSION]}) { totalCount } }`,
			`{ upcomingMilestones(after: "nope") { totalCount } }`,
		} {
			r := c.do(q, nil)
			if r.Status != 200 || len(r.Errors) == 0 || r.Errors[0].Extensions["code"] == nil || r.Errors[0].Extensions["code"] == "INTERNAL_SERVER_ERROR" {
				t.Errorf("%s: status %d, errors %+v", q, r.Status, r.Errors)
			}
		}
	})

	t.Run("reads are audited", func(t *testing.T) {
		for _, q := range []string{
			`{ upcomingMilestones(first: 100, filter: {withinDays: 366}) { nodes { member { id displayName } milestone { reachedOn } } } }`,
			`{ recentCareLevelChanges(first: 100, filter: {withinDays: 366}) { nodes { member { id displayName } direction } } }`,
		} {
			r := c.do(q, nil)
			r.noErrors(t)
			shown := map[int64]bool{}
			for _, n := range r.list(t, firstField(r)+".nodes") {
				shown[decodeID(t, n.(map[string]any)["member"].(map[string]any)["id"].(string))] = true
			}
			audited := map[int64]bool{}
			for _, e := range auditOf(t, s, r) {
				audited[e.MemberID] = true
			}
			for id := range shown {
				if !audited[id] {
					t.Errorf("%s: member %d shown but not audited", q, id)
				}
			}
			if len(shown) == 0 {
				t.Errorf("%s: nobody shown", q)
			}
		}
	})
}

func firstField(r *response) string {
	for k := range r.Data {
		return k
	}
	return ""
}

// datesSorted reports whether "date …" strings come by date (ties in any
// order).
func datesSorted(list []string) bool {
	for i := 1; i < len(list); i++ {
		if list[i][:10] < list[i-1][:10] {
			return false
		}
	}
	return true
}

// todayPage runs the Today page's operations as the app sends them
// (bench/queries/today*.graphql) and returns how
// many it sent, the statements they took (the fewest of a few runs each)
// and their summed requested cost.
func todayPage(t *testing.T, s *server, c *client) (ops int, statements int64, cost float64) {
	t.Helper()
	read := func(file string) string {
		raw, err := os.ReadFile("../../bench/queries/" + file)
		if err != nil {
			t.Fatal(err)
		}
		return string(raw)
	}
	day := s.Store.Today()
	monday := day.AddDate(0, 0, 7-(int(day.Weekday())+6)%7)
	type op struct {
		file string
		v    vars
	}
	page := []op{{"today1_census.graphql", vars{}}, {"today2_occupancy.graphql", vars{}},
		{"today3_meetings.graphql", vars{"from": day.Format(time.RFC3339), "to": monday.Format(time.RFC3339)}},
		{"today4_plansdue.graphql", vars{}}, {"today5_milestones.graphql", vars{"withinDays": 7}}, {"today6_stepups.graphql", vars{}}}
	for _, o := range page {
		n, r := s.fewestStatements(t, c, read(o.file), o.v, 0)
		statements += n
		cost += r.Extensions["cost"].(map[string]any)["requestedQueryCost"].(float64)
	}
	return len(page), statements, cost
}

// TestTodayStatementsConstant checks that the Today page costs the same
// statements with many more members: its lists are set-based reads, not a
// walk over the members.
func TestTodayStatementsConstant(t *testing.T) {
	s := startServer(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"})
	c := s.signedIn(t, domain.RoleCaseManager)
	todayPage(t, s, c) // warm: the catalogue, the query cache
	ops, small, cost := todayPage(t, s, c)
	t.Logf("Today on the demo: %d operations, %d statements, requested cost %.0f", ops, small, cost)
	if _, err := seed.Scale(context.Background(), s.Store, seed.ScaleOptions{Members: 1000, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	ops2, large, cost2 := todayPage(t, s, c)
	t.Logf("Today with 1,000 more members: %d operations, %d statements, requested cost %.0f", ops2, large, cost2)
	if ops2 != ops || grows(small, large) {
		t.Errorf("Today grew with the members: %d operations and %d statements, then %d and %d", ops, small, ops2, large)
	}
}
