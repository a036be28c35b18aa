package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
	"carejourney/server/seed"
)

// statementLog records the text of every statement the server sends and
// the rows it returned, while on.
type statementLog struct {
	on    atomic.Bool
	mu    sync.Mutex
	stmts []loggedStatement
}

type loggedStatement struct {
	query string
	rows  int64
}

func (l *statementLog) BeforeQuery(ctx context.Context, _ *bun.QueryEvent) context.Context {
	return ctx
}

func (l *statementLog) AfterQuery(_ context.Context, e *bun.QueryEvent) {
	if !l.on.Load() {
		return
	}
	var rows int64
	if e.Result != nil {
		rows, _ = e.Result.RowsAffected()
	}
	l.mu.Lock()
	l.stmts = append(l.stmts, loggedStatement{query: e.Query, rows: rows})
	l.mu.Unlock()
}

// record runs send with the log on and returns what it logged.
func (l *statementLog) record(send func()) []loggedStatement {
	l.mu.Lock()
	l.stmts = nil
	l.mu.Unlock()
	l.on.Store(true)
	send()
	l.on.Store(false)
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.stmts
}

// planRows is what PostgreSQL's plan for a read did: the rows every node
// of the plan produced (rows × loops), from EXPLAIN ANALYZE of the
// statement as sent. It measures the work of an aggregate, which returns a
// few rows after reading whole tables. Writes (sessions, audit) count 0.
func planRows(t *testing.T, s *server, query string) int64 {
	t.Helper()
	head := strings.ToUpper(strings.TrimSpace(query))
	if !strings.HasPrefix(head, "SELECT") && !strings.HasPrefix(head, "WITH") {
		return 0
	}
	var raw string
	// On the database/sql pool beneath bun: no hook sees it, and the
	// statement's text is sent as it is (no placeholders).
	if err := s.Store.DB().DB.QueryRowContext(context.Background(), "EXPLAIN (ANALYZE, FORMAT JSON) "+query).Scan(&raw); err != nil {
		t.Fatalf("explain %.100s: %v", query, err)
	}
	var plans []struct{ Plan planNode }
	if err := json.Unmarshal([]byte(raw), &plans); err != nil || len(plans) != 1 {
		t.Fatalf("explain output: %v", err)
	}
	return plans[0].Plan.rows()
}

type planNode struct {
	ActualRows  float64    `json:"Actual Rows"`
	ActualLoops float64    `json:"Actual Loops"`
	Plans       []planNode `json:"Plans"`
}

func (p planNode) rows() int64 {
	n := int64(p.ActualRows * p.ActualLoops)
	for _, c := range p.Plans {
		n += c.rows()
	}
	return n
}

// soundnessCase is one document of the cost-soundness table.
type soundnessCase struct {
	name  string
	query string
	vars  vars
}

// The factors the work of a request may reach over its priced cost, the
// request's own baseline (its session) aside: statements, rows returned to
// the server, and rows produced by the plans of its reads. At least 1
// point is assumed, so that a free document is held to a constant.
const (
	maxStatementsPerPoint = 1
	maxRowsPerPoint       = 5
	maxPlanRowsPerPoint   = 400
)

// TestCostSoundness runs documents that stress the pricing (alias floods,
// aggregates under many aliases, nested connections, count-only pages)
// and every query of the app that the demo data can fill, and checks that
// the SQL each causes stays within fixed factors of its priced cost. It
// prints the table. The data: the demo provider and 300 more members.
func TestCostSoundness(t *testing.T) {
	log := &statementLog{}
	s := startServerWith(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"}, log)
	if _, err := seed.Scale(context.Background(), s.Store, seed.ScaleOptions{Members: 300, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	admin := s.signedIn(t, domain.RoleAdmin)
	manager := s.signedIn(t, domain.RoleCaseManager)
	ids := soundnessIDs(t, admin)
	today := s.Store.Today()

	cases := []soundnessCase{
		{"members page of 50", `{ members(first: 50) { totalCount nodes { id displayName status currentCareLevel { code } } } }`, nil},
		{"nested: 50 members x 10 updates", `{ members(first: 50) { nodes { id updates(first: 10) { totalCount nodes { id kind author { name } } } } } }`, nil},
		{"nested: 20 houses x residencies x member", `{ houses(first: 20) { nodes { name residencies(first: 10) { totalCount nodes { member { displayName careEpisodes { careLevel { code } } } } } } } }`, nil},
		{"nested: 20 groups x 10 meetings x attendance", `{ groups(first: 20) { nodes { name meetings(first: 10) { nodes { startsAt attendance { nodes { status member { displayName } } } } } } } }`, nil},
		{"count only: 30 aliases of members { totalCount }", aliased(30, `members { totalCount }`), nil},
		{"alias flood: 40 x members(first: 20)", aliased(40, `members(first: 20) { nodes { id displayName } }`), nil},
		{"alias flood: 20 x nodes of one page", `{ members(first: 50) { ` + aliasedFields(20, `nodes { id }`) + ` } }`, nil},
		{"alias flood: 100 x viewer", aliased(100, `viewer { user { id name } }`), nil},
		{"alias flood: 5 x nodes(100 ids)", `query($ids: [ID!]!) {` + strings.TrimPrefix(aliased(5, `nodes(ids: $ids) { id ... on Member { displayName currentCareLevel { code } } }`), "{"), vars{"ids": ids.members100}},
		{"aggregate: outcomes over five years", `query($period: DateRangeInput!) { outcomes(period: $period) { admissions { value } levels { careLevel { code } members { value } } byRecovery { ninetyDaysOrMore { members { value } } } } }`,
			vars{"period": vars{"startOn": today.AddDate(-5, 0, 1).Format(time.DateOnly), "endOn": today.AddDate(0, 0, 1).Format(time.DateOnly)}}},
		{"aggregate: outcomes over 30 days", `query($period: DateRangeInput!) { outcomes(period: $period) { admissions { value } discharges { value } } }`,
			vars{"period": vars{"startOn": today.AddDate(0, 0, -29).Format(time.DateOnly), "endOn": today.AddDate(0, 0, 1).Format(time.DateOnly)}}},
		{"aggregate: 5 x outcomes of a year", aliasedPeriods(today, 5), nil},
		{"aggregate: 50 x attendanceSummary", `{ members(first: 50) { nodes { attendanceSummary { meetingsAttended } } } }`, nil},
	}
	cases = append(cases, appPages(t, ids)...)

	var baseline int
	log.record(func() { manager.do(`{ __typename }`, nil).noErrors(t) })
	base := log.record(func() { admin.do(`{ __typename }`, nil).noErrors(t) })
	baseline = len(base)

	type row struct {
		name                         string
		cost                         int
		statements, rows, plan       int64
		stmtRatio, rowRatio, planPer float64
		errors                       []string
	}
	var table []row
	for _, tc := range cases {
		c := admin
		if strings.HasPrefix(tc.name, "app ") && !strings.Contains(tc.query, "auditEvents") && !strings.Contains(tc.query, "apiKeys") && !strings.Contains(tc.query, "users(") {
			c = manager
		}
		var r *response
		stmts := log.record(func() { r = c.do(tc.query, tc.vars) })
		requested, _ := limitsCost(t, r)
		var rows, plan int64
		for _, st := range stmts {
			rows += st.rows
			plan += planRows(t, s, st.query)
		}
		n := int64(max(len(stmts)-baseline, 0))
		points := max(float64(requested), 1)
		table = append(table, row{name: tc.name, cost: int(requested), statements: n, rows: rows, plan: plan,
			stmtRatio: float64(n) / points, rowRatio: float64(rows) / points, planPer: float64(plan) / points, errors: r.errorCodes()})
	}

	var b strings.Builder
	fmt.Fprintf(&b, "cost soundness (baseline %d statements a request, left out):\n", baseline)
	fmt.Fprintf(&b, "%-58s %6s %6s %7s %9s %7s %7s %8s\n", "document", "cost", "stmts", "rows", "planrows", "stmt/pt", "rows/pt", "plan/pt")
	for _, r := range table {
		fmt.Fprintf(&b, "%-58.58s %6d %6d %7d %9d %7.2f %7.2f %8.2f", r.name, r.cost, r.statements, r.rows, r.plan, r.stmtRatio, r.rowRatio, r.planPer)
		if len(r.errors) > 0 {
			fmt.Fprintf(&b, "  errors %v", r.errors)
		}
		b.WriteString("\n")
	}
	fmt.Print(b.String())
	t.Log("\n" + b.String())
	for _, r := range table {
		if r.stmtRatio > maxStatementsPerPoint || r.rowRatio > maxRowsPerPoint || r.planPer > maxPlanRowsPerPoint {
			t.Errorf("%s: %d statements, %d rows, %d plan rows for %d points: over %d, %d and %d a point",
				r.name, r.statements, r.rows, r.plan, r.cost, maxStatementsPerPoint, maxRowsPerPoint, maxPlanRowsPerPoint)
		}
		for _, code := range r.errors {
			if code == "INTERNAL" || code == "MAX_COST_EXCEEDED" || code == "THROTTLED" {
				t.Errorf("%s: %v", r.name, r.errors)
			}
		}
	}
}

// aliased repeats a root field under n aliases.
func aliased(n int, field string) string {
	return "{ " + aliasedFields(n, field) + " }"
}

func aliasedFields(n int, field string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf("a%d: %s", i, field)
	}
	return strings.Join(parts, " ")
}

// aliasedPeriods asks outcomes for the n years before today.
func aliasedPeriods(today time.Time, n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		end := today.AddDate(-i, 0, 1)
		fmt.Fprintf(&b, ` y%d: outcomes(period: {startOn: "%s", endOn: "%s"}) { admissions { value } discharges { value } checkInsAbstinent { value } }`,
			i, end.AddDate(-1, 0, 0).Format(time.DateOnly), end.Format(time.DateOnly))
	}
	b.WriteString(" }")
	return b.String()
}

// soundnessIDs are the IDs the app's pages are opened with.
type soundnessIDsT struct {
	member, group, house, peer, plan, meeting string
	members100                                []any
}

func soundnessIDs(t *testing.T, c *client) soundnessIDsT {
	t.Helper()
	r := c.do(`{ members(first: 100) { nodes { id aftercarePlans { nodes { id } } } }
		groups(first: 1) { nodes { id meetings(first: 1) { nodes { id } } } }
		houses(first: 1) { nodes { id } } peers(first: 1) { nodes { id } } }`, nil)
	r.noErrors(t)
	var ids soundnessIDsT
	for _, m := range r.list(t, "members.nodes") {
		m := m.(map[string]any)
		ids.members100 = append(ids.members100, m["id"])
		if plans, _ := m["aftercarePlans"].(map[string]any)["nodes"].([]any); len(plans) > 0 && ids.plan == "" {
			ids.plan, ids.member = plans[0].(map[string]any)["id"].(string), m["id"].(string)
		}
	}
	if ids.member == "" {
		ids.member = ids.members100[0].(string)
	}
	ids.group = r.str(t, "groups.nodes.0.id")
	ids.meeting = r.str(t, "groups.nodes.0.meetings.nodes.0.id")
	ids.house = r.str(t, "houses.nodes.0.id")
	ids.peer = r.str(t, "peers.nodes.0.id")
	return ids
}

// appPages are the app's queries (frontend/src/gql/gql.ts, with the
// fragments they spread), each with variables from the data. Family
// portal queries are left to the family tests: staff may not run them.
func appPages(t *testing.T, ids soundnessIDsT) []soundnessCase {
	t.Helper()
	raw, err := os.ReadFile("../../frontend/src/gql/gql.ts")
	if err != nil {
		t.Fatal(err)
	}
	fragmentName := regexp.MustCompile(`fragment (\w+) on`)
	entry := regexp.MustCompile(`(?m)^    ("(?:[^"\\]|\\.)*"): typeof types\.(\w+),`)
	operations := map[string]string{}
	fragments := map[string]string{}
	for _, m := range entry.FindAllStringSubmatch(string(raw), -1) {
		var text string
		if err := json.Unmarshal([]byte(m[1]), &text); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(m[2], "FragmentDoc") {
			name := fragmentName.FindStringSubmatch(text)
			if name == nil {
				t.Fatalf("no fragment name in %s", m[2])
			}
			fragments[name[1]] = text
		} else if strings.HasPrefix(strings.TrimSpace(text), "query ") {
			operations[strings.TrimSuffix(m[2], "Document")] = text
		}
	}
	if len(operations) < 30 {
		t.Fatalf("only %d queries found in gql.ts", len(operations))
	}
	now := time.Now().UTC()
	week := now.AddDate(0, 0, -7).Format(time.RFC3339)
	later := now.AddDate(0, 0, 7).Format(time.RFC3339)
	variables := map[string]vars{
		"GroupPage":          {"id": ids.group, "from": week, "to": later},
		"House":              {"id": ids.house},
		"MeetingAttendance":  {"id": ids.meeting},
		"MemberDisclosures":  {"id": ids.member, "first": 20},
		"MemberJourney":      {"id": ids.member, "clinical": true},
		"MemberName":         {"id": ids.member},
		"MoveInCandidates":   {"search": "a"},
		"Peer":               {"id": ids.peer},
		"PlanCheckIns":       {"id": ids.plan, "first": 20},
		"PlanDetail":         {"id": ids.plan},
		"PlanMember":         {"id": ids.member},
		"RecoveryCapital":    {"id": ids.member},
		"TimelineAttendance": {"id": ids.member, "from": now.AddDate(0, -3, 0).Format(time.RFC3339)},
		"TodayMeetings":      {"from": week, "to": later},
		"TodayMilestones":    {"withinDays": 7},
		"WeekMeetings":       {"from": week, "to": later},
	}
	variables["CareLevelTransition"] = vars{"from": "OP", "to": "OP"}
	spread := regexp.MustCompile(`\.\.\.([A-Za-z_]\w*)`)
	var out []soundnessCase
	names := make([]string, 0, len(operations))
	for name := range operations {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		text := operations[name]
		if strings.HasPrefix(name, "Family") || strings.HasPrefix(name, "Shared") {
			continue
		}
		v, ok := variables[name]
		if !ok && strings.Contains(text, "!)") {
			t.Errorf("app query %s needs variables this test does not fill: add them", name)
			continue
		}
		// Append the fragments it spreads, and theirs.
		seen := map[string]bool{}
		for {
			added := false
			for _, m := range spread.FindAllStringSubmatch(text, -1) {
				if f, ok := fragments[m[1]]; ok && !seen[m[1]] {
					seen[m[1]] = true
					text += f
					added = true
				}
			}
			if !added {
				break
			}
		}
		out = append(out, soundnessCase{name: "app " + name, query: text, vars: v})
	}
	return out
}
