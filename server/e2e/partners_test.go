package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/seed"
)

// partnerDo sends a GraphQL query with `Authorization: Bearer <secret>`
// through c (whose cookie jar, if signed in, sends its cookies too).
func partnerDo(c *client, secret, query string, variables vars) *response {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": variables})
	req, _ := http.NewRequest(http.MethodPost, c.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+secret)
	return c.send(req)
}

const partnerCreateKey = `mutation($in: CreateApiKeyInput!) { createApiKey(input: $in) {
	apiKey { id partnerName scopes secretPrefix createdAt createdBy { email } lastUsedAt revokedAt isActive }
	secret userErrors { field code } } }`

// partnerWantRefused checks a 401 with a GraphQL error body and a Bearer challenge.
func partnerWantRefused(t *testing.T, r *response) {
	t.Helper()
	if r.Status != http.StatusUnauthorized || !slices.Equal(r.errorCodes(), []string{"UNAUTHENTICATED"}) ||
		!strings.HasPrefix(r.Header.Get("WWW-Authenticate"), "Bearer") || r.Data != nil {
		t.Fatalf("status %d, errors %+v, WWW-Authenticate %q, data %v", r.Status, r.Errors,
			r.Header.Get("WWW-Authenticate"), r.Data)
	}
	if r.Header.Get("Set-Cookie") != "" {
		t.Fatal("a key request got a cookie")
	}
}

func TestPartnerAPIKeys(t *testing.T) {
	s := startServer(t, nil)
	admin := s.signedIn(t, domain.RoleAdmin)

	r := admin.do(partnerCreateKey, vars{"in": vars{"partnerName": "  Outcomes Lab ", "scopes": []string{"OUTCOMES_READ", "DIRECTORY_READ"}}})
	r.noErrors(t)
	if codes := r.userErrorCodes(t, "createApiKey"); len(codes) != 0 {
		t.Fatalf("userErrors %v", codes)
	}
	secret := r.str(t, "createApiKey.secret")
	keyID := r.str(t, "createApiKey.apiKey.id")
	if !strings.HasPrefix(secret, "cjk_") || len(secret) != 4+43 || r.str(t, "createApiKey.apiKey.secretPrefix") != secret[4:12] {
		t.Fatalf("secret %q, prefix %q", secret, r.str(t, "createApiKey.apiKey.secretPrefix"))
	}
	if r.str(t, "createApiKey.apiKey.partnerName") != "Outcomes Lab" || r.str(t, "createApiKey.apiKey.createdBy.email") != "admin@test.example" ||
		r.get(t, "createApiKey.apiKey.isActive") != true || r.get(t, "createApiKey.apiKey.lastUsedAt") != nil ||
		!slices.Equal(r.list(t, "createApiKey.apiKey.scopes"), []any{"OUTCOMES_READ", "DIRECTORY_READ"}) {
		t.Fatalf("created %v", r.get(t, "createApiKey.apiKey"))
	}

	t.Run("bad input is a userError", func(t *testing.T) {
		for _, tt := range []struct {
			in    vars
			field []any
		}{
			{vars{"partnerName": " ", "scopes": []string{"DIRECTORY_READ"}}, []any{"input", "partnerName"}},
			{vars{"partnerName": strings.Repeat("x", 201), "scopes": []string{"DIRECTORY_READ"}}, []any{"input", "partnerName"}},
			{vars{"partnerName": "Referral site", "scopes": []string{}}, []any{"input", "scopes"}},
			{vars{"partnerName": "Referral site", "scopes": []string{"DIRECTORY_READ", "DIRECTORY_READ"}}, []any{"input", "scopes", "1"}},
		} {
			r := admin.do(partnerCreateKey, vars{"in": tt.in})
			r.noErrors(t)
			errs := r.list(t, "createApiKey.userErrors")
			if len(errs) != 1 || !slices.Equal(errs[0].(map[string]any)["field"].([]any), tt.field) ||
				r.get(t, "createApiKey.secret") != nil || r.get(t, "createApiKey.apiKey") != nil {
				t.Errorf("%v: %v", tt.in, r.Data)
			}
		}
		// An unknown scope is refused by the schema before anything runs.
		r := admin.do(partnerCreateKey, vars{"in": vars{"partnerName": "X", "scopes": []string{"members:read"}}})
		if !slices.Equal(r.errorCodes(), []string{"BAD_USER_INPUT"}) {
			t.Errorf("unknown scope: %+v", r.Errors)
		}
	})

	t.Run("the key authenticates without cookies", func(t *testing.T) {
		partner := s.client(t)
		r := partnerDo(partner, secret, `{ __typename }`, nil)
		if r.Status == http.StatusUnauthorized || r.Header.Get("Set-Cookie") != "" {
			t.Fatalf("status %d, Set-Cookie %q", r.Status, r.Header.Get("Set-Cookie"))
		}
		// The use is recorded (at most once a minute).
		r = admin.do(`{ apiKeys(first: 10) { totalCount nodes { id lastUsedAt } } }`, nil)
		r.noErrors(t)
		if r.get(t, "apiKeys.totalCount") != float64(1) || r.str(t, "apiKeys.nodes.0.id") != keyID || r.get(t, "apiKeys.nodes.0.lastUsedAt") == nil {
			t.Fatalf("apiKeys %v", r.Data)
		}
	})

	t.Run("a request with a key and a session cookie is the key's alone", func(t *testing.T) {
		r := partnerDo(admin, secret, `{ viewer { user { email } } }`, nil)
		if raw, _ := json.Marshal(r.Data); strings.Contains(string(raw), "admin@") || r.Header.Get("Set-Cookie") != "" {
			t.Fatalf("the key request was signed in: %s", raw)
		}
		// A sign-in with a key never sets a cookie.
		r = partnerDo(admin, secret, `mutation { signIn(input: {email: "admin@test.example", password: "correct horse battery"}) { userErrors { code } } }`, nil)
		if r.Header.Get("Set-Cookie") != "" {
			t.Fatal("a key request set a cookie")
		}
		// The session itself is untouched.
		r = admin.do(`{ viewer { user { email } } }`, nil)
		r.noErrors(t)
		if r.str(t, "viewer.user.email") != "admin@test.example" {
			t.Fatalf("viewer %v", r.Data)
		}
	})

	t.Run("unknown keys are refused with 401", func(t *testing.T) {
		for _, bad := range []string{"", "nonsense", "cjk_" + strings.Repeat("A", 43), secret + "x"} {
			partnerWantRefused(t, partnerDo(s.client(t), bad, `{ __typename }`, nil))
		}
		// Even beside a valid session cookie.
		partnerWantRefused(t, partnerDo(admin, "cjk_wrong", `{ viewer { user { email } } }`, nil))
	})

	t.Run("node, revoke and list", func(t *testing.T) {
		r := admin.do(`query($id: ID!) { node(id: $id) { ... on ApiKey { partnerName isActive } } }`, vars{"id": keyID})
		r.noErrors(t)
		if r.str(t, "node.partnerName") != "Outcomes Lab" {
			t.Fatalf("node %v", r.Data)
		}
		const revoke = `mutation($id: ID!) { revokeApiKey(input: {apiKeyId: $id}) { apiKey { id isActive revokedAt revokedBy { email } } userErrors { field code } } }`
		r = admin.do(revoke, vars{"id": keyID})
		r.noErrors(t)
		if r.get(t, "revokeApiKey.apiKey.isActive") != false || r.str(t, "revokeApiKey.apiKey.revokedBy.email") != "admin@test.example" {
			t.Fatalf("revoked %v", r.Data)
		}
		partnerWantRefused(t, partnerDo(s.client(t), secret, `{ __typename }`, nil))

		r = admin.do(revoke, vars{"id": keyID})
		r.noErrors(t)
		if codes := r.userErrorCodes(t, "revokeApiKey"); !slices.Equal(codes, []string{"ALREADY_REVOKED"}) {
			t.Fatalf("second revoke: %v", codes)
		}
		r = admin.do(revoke, vars{"id": "not an id"})
		r.noErrors(t)
		if codes := r.userErrorCodes(t, "revokeApiKey"); len(codes) != 1 {
			t.Fatalf("bad id: %v", codes)
		}

		r = admin.do(`{ active: apiKeys { totalCount } all: apiKeys(includeRevoked: true) { totalCount nodes { id revokedAt } } }`, nil)
		r.noErrors(t)
		if r.get(t, "active.totalCount") != float64(0) || r.get(t, "all.totalCount") != float64(1) || r.get(t, "all.nodes.0.revokedAt") == nil {
			t.Fatalf("lists %v", r.Data)
		}
	})
}

const partnerOutcomesQuery = `query($from: Date!, $to: Date!) { outcomes(from: $from, to: $to) {
	from to
	levels { careLevel { code } members { value isSuppressed } medianLengthOfStayDays { value isSuppressed } }
	admissions { value isSuppressed } readmissions { value isSuppressed } stepDowns { value isSuppressed }
	stepUps { value isSuppressed } lateralMoves { value isSuppressed } discharges { value isSuppressed }
	aftercareMeetingsAttended { value isSuppressed } checkInsAbstinent { value isSuppressed }
	byRecovery { aftercareMeetingsRatio
		ninetyDaysOrMore { members { value isSuppressed } meanMeetingsAttended { value isSuppressed } meanAftercareMeetingsAttended { value isSuppressed } }
		underNinetyDays { members { value isSuppressed } meanMeetingsAttended { value isSuppressed } meanAftercareMeetingsAttended { value isSuppressed } } }
	byAftercareGroups {
		twoOrMoreGroups { members { value isSuppressed } checkInsAbstinent { value isSuppressed } continuouslyAbstinent { value isSuppressed } }
		fewerGroups { members { value isSuppressed } checkInsAbstinent { value isSuppressed } continuouslyAbstinent { value isSuppressed } } } } }`

// partnerCells collects every {value suppressed} cell of a response, by path.
func partnerCells(v any, path string, out map[string]map[string]any) {
	switch x := v.(type) {
	case map[string]any:
		if _, ok := x["isSuppressed"]; ok {
			out[path] = x
			return
		}
		for k, child := range x {
			partnerCells(child, path+"."+k, out)
		}
	case []any:
		for i, child := range x {
			partnerCells(child, path+"."+string(rune('0'+i)), out)
		}
	}
}

// Outcomes over HTTP on the demo provider: every cell is either a value or
// suppressed, never both; the members per level agree with the member list;
// the period is checked; and the whole query is a handful of statements.
func TestPartnerOutcomes(t *testing.T) {
	s := startServer(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"})
	admin := s.signedIn(t, domain.RoleAdmin)
	today := s.Store.Today()
	period := vars{"from": today.AddDate(-1, 0, 1).Format(time.DateOnly), "to": today.Format(time.DateOnly)}

	statements, r := s.fewestStatements(t, admin, partnerOutcomesQuery, period, 0)
	if r.str(t, "outcomes.to") != period["to"] {
		t.Fatalf("outcomes %v", r.Data)
	}
	cells := map[string]map[string]any{}
	partnerCells(r.Data, "", cells)
	shown, suppressed := 0, 0
	for path, c := range cells {
		switch {
		case c["isSuppressed"] == true && c["value"] == nil:
			suppressed++
		case c["isSuppressed"] == false && c["value"] != nil:
			shown++
		default:
			t.Errorf("%s = %v", path, c)
		}
	}
	if shown == 0 || suppressed == 0 {
		t.Errorf("%d cells shown, %d suppressed; the demo should have both", shown, suppressed)
	}
	t.Logf("%d cells shown, %d suppressed, %d statements (the session's included)", shown, suppressed, statements)
	// The session lookup, the care-level catalogue and the outcomes themselves.
	if statements > 3 {
		t.Errorf("outcomes took %d statements", statements)
	}

	// At the end of today, the members at a level are those whose current
	// episode is at it: the member list must agree wherever the count shows.
	for _, l := range r.list(t, "outcomes.levels") {
		level := l.(map[string]any)
		code := level["careLevel"].(map[string]any)["code"].(string)
		members := level["members"].(map[string]any)
		list := admin.do(`query($codes: [String!]) { members(filter: {careLevelCodes: $codes}) { totalCount } }`, vars{"codes": []string{code}})
		list.noErrors(t)
		n := list.get(t, "members.totalCount").(float64)
		if members["isSuppressed"] == true {
			if n >= domain.MinCellPeople {
				t.Errorf("%s: %v members, suppressed", code, n)
			}
		} else if members["value"] != n {
			t.Errorf("%s: outcomes say %v members, the list %v", code, members["value"], n)
		}
	}

	for _, bad := range []vars{
		{"from": "2025-03-02", "to": "2025-03-01"},
		{"from": "2019-01-01", "to": "2025-01-01"},
		{"from": "2025-02-30", "to": "2025-03-01"},
	} {
		r := admin.do(partnerOutcomesQuery, bad)
		if !slices.Equal(r.errorCodes(), []string{"BAD_USER_INPUT"}) || r.Data != nil {
			t.Errorf("%v: errors %+v, data %v", bad, r.Errors, r.Data)
		}
	}
}

// BenchmarkPartnerOutcomes times a year of outcomes over HTTP on `seed scale
// --members 10000` (about a million attendance records).
func BenchmarkPartnerOutcomes(b *testing.B) {
	s := startServer(b, nil)
	c := s.signedIn(b, domain.RoleAdmin)
	if _, err := seed.Scale(context.Background(), s.Store, seed.ScaleOptions{Members: 10000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	today := s.Store.Today()
	for _, bc := range []struct {
		name string
		from time.Time
	}{{"quarter", today.AddDate(0, -3, 1)}, {"year", today.AddDate(-1, 0, 1)}, {"five-years", today.AddDate(-5, 0, 1)}} {
		b.Run(bc.name, func(b *testing.B) {
			v := vars{"from": bc.from.Format(time.DateOnly), "to": today.Format(time.DateOnly)}
			for b.Loop() {
				c.do(partnerOutcomesQuery, v).noErrors(b)
			}
		})
	}
}
