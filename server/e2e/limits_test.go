package e2e

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"carejourney/server/domain"
	"carejourney/server/testgql"
)

// limitsProduction are the production limits; startServer raises them for
// the other tests.
var limitsProduction = map[string]string{"MAX_QUERY_COST": "1000", "RATE_LIMIT_POINTS": "1000", "RATE_LIMIT_RESTORE_RATE": "50"}

// limitsMembersPage costs 2 + 50 × 1 = 52 (totalCount would add 1).
const limitsMembersPage = `{ members(first: 50) { nodes { id displayName status } } }`

// limitsDrain costs 2 + 50 + 1 = 53 whether or not there are members:
// without nodes, the page is charged as asked (see cost.Price).
const limitsDrain = `{ members(first: 50) { totalCount } }`

// limitsCost returns extensions.cost of a response.
func limitsCost(t *testing.T, r *response) (requested float64, throttle map[string]any) {
	t.Helper()
	c, ok := r.Extensions["cost"].(map[string]any)
	if !ok {
		t.Fatalf("no extensions.cost in %+v", r.Extensions)
	}
	throttle, _ = c["throttleStatus"].(map[string]any)
	return c["requestedQueryCost"].(float64), throttle
}

// limitsStatements counts the SQL statements one request sends.
func limitsStatements(s *server, send func() *response) (int64, *response) {
	s.statements.Store(0)
	r := send()
	return s.statements.Load(), r
}

// TestLimitsCost checks extensions.cost on every response and the refusal,
// before anything runs, of operations over the cost, depth or token limits.
func TestLimitsCost(t *testing.T) {
	s := startServer(t, limitsProduction)
	c := s.signedIn(t, domain.RoleAdmin)

	r := c.do(limitsMembersPage, nil)
	r.noErrors(t)
	requested, throttle := limitsCost(t, r)
	if requested != 52 || throttle["maximumAvailable"] != float64(1000) || throttle["restoreRate"] != float64(50) {
		t.Errorf("cost = %v %v", requested, throttle)
	}
	// No members yet: it actually cost 2, and 50 went back to the bucket.
	if actual := r.Extensions["cost"].(map[string]any)["actualQueryCost"]; actual != float64(2) {
		t.Errorf("actualQueryCost = %v of an empty page", actual)
	}
	if left := throttle["currentlyAvailable"].(float64); left < 998 {
		t.Errorf("currentlyAvailable = %v after a query that actually cost 2", left)
	}
	before := throttle["currentlyAvailable"].(float64)

	// A mutation: 10 + its payload (1) + viewer (1) + user (1) + userErrors (1).
	signIn := s.client(t).do(`mutation { signIn(input: {email: "admin@test.example", password: "correct horse battery"}) {
		viewer { user { email } } userErrors { code } } }`, nil)
	signIn.noErrors(t)
	if requested, _ := limitsCost(t, signIn); requested != 14 {
		t.Errorf("signIn cost %v, want 14", requested)
	}

	// Errors carry the cost too: a parse error, and a refusal by the session gate.
	if requested, throttle := limitsCost(t, c.do(`{ members {`, nil)); requested != 0 || throttle == nil {
		t.Errorf("parse error: cost %v %v", requested, throttle)
	}
	// A page read for its count: 2 + 20 rows + totalCount (1).
	gate := s.client(t).do(`{ members { totalCount } }`, nil)
	if requested, throttle := limitsCost(t, gate); !slices.Equal(gate.errorCodes(), []string{"UNAUTHENTICATED"}) || requested != 23 || throttle == nil {
		t.Errorf("anonymous: %v cost %v %v", gate.errorCodes(), requested, throttle)
	}

	// Over the maximum: refused with its cost, before anything runs, and
	// nothing is taken from the bucket.
	baseline, _ := limitsStatements(s, func() *response { return c.do(`{ __typename }`, nil) })
	const tooDear = `{ members(first: 100) { nodes { updates(first: 100) { nodes { kind body } } } } }` // 2 + 100 × (1 + 2 + 100)
	n, r := limitsStatements(s, func() *response { return c.do(tooDear, nil) })
	if !slices.Equal(r.errorCodes(), []string{"MAX_COST_EXCEEDED"}) || r.Data != nil || r.Status != http.StatusOK {
		t.Fatalf("too dear: status %d codes %v data %v", r.Status, r.errorCodes(), r.Data)
	}
	if cost := r.Errors[0].Extensions["cost"].(map[string]any); cost["requestedQueryCost"] != float64(10302) || cost["actualQueryCost"] != float64(0) ||
		r.Errors[0].Extensions["maximumQueryCost"] != float64(1000) {
		t.Errorf("error extensions = %v", r.Errors[0].Extensions)
	}
	if !strings.Contains(r.Errors[0].Message, "10302") {
		t.Errorf("message %q", r.Errors[0].Message)
	}
	if n > baseline {
		t.Errorf("a refused query sent %d statements, { __typename } %d", n, baseline)
	}
	if requested, throttle := limitsCost(t, r); requested != 10302 || throttle["currentlyAvailable"].(float64) < before {
		t.Errorf("refused query: cost %v, bucket %v (was %v)", requested, throttle, before)
	}

	// A page is priced by its size, backward as forward.
	if requested, _ := limitsCost(t, c.do(`{ members(last: 100) { nodes { id } } }`, nil)); requested != 102 {
		t.Errorf("last: 100 priced %v", requested)
	}

	// Depth: member → currentEpisode → member … 18 deep.
	deep := `query($id: ID!) { member(id: $id) { ` + strings.Repeat("currentEpisode { member { ", 8) + "id" + strings.Repeat(" } }", 8) + " } }"
	r = c.do(deep, vars{"id": "TWVtYmVyOjE"})
	if !slices.Equal(r.errorCodes(), []string{"MAX_DEPTH_EXCEEDED"}) || r.Data != nil || !strings.Contains(r.Errors[0].Message, "18 deep") {
		t.Errorf("deep query: %v %+v", r.errorCodes(), r.Errors)
	}

	// Tokens: 4,000 aliases are 12,000 tokens, over the parser's 10,000.
	var b strings.Builder
	b.WriteString("{")
	for i := range 4000 {
		fmt.Fprintf(&b, " a%d: __typename", i)
	}
	b.WriteString(" }")
	// A request error, so 200 as application/json (no Accept): see overhttp_test.go.
	r = c.do(b.String(), nil)
	if r.Status != http.StatusOK || !slices.Equal(r.errorCodes(), []string{"BAD_USER_INPUT"}) ||
		!strings.Contains(r.Errors[0].Message, "exceeded token limit of 10000") {
		t.Errorf("token limit: status %d %+v", r.Status, r.Errors)
	}
}

// TestLimitsThrottle drains a small bucket: the next operation is refused
// with THROTTLED, HTTP 429 and Retry-After, and nothing runs.
func TestLimitsThrottle(t *testing.T) {
	s := startServer(t, map[string]string{"MAX_QUERY_COST": "1000", "RATE_LIMIT_POINTS": "100", "RATE_LIMIT_RESTORE_RATE": "1"})
	admin := s.signedIn(t, domain.RoleAdmin)
	other := s.signedIn(t, domain.RoleCaseManager)

	r := admin.do(limitsDrain, nil)
	r.noErrors(t)
	if _, throttle := limitsCost(t, r); throttle["maximumAvailable"] != float64(100) || throttle["currentlyAvailable"] != float64(47) || throttle["restoreRate"] != float64(1) {
		t.Errorf("after 53 of 100: %v", throttle)
	}

	baseline, _ := limitsStatements(s, func() *response { return admin.do(`{ __typename }`, nil) })
	n, r := limitsStatements(s, func() *response { return admin.do(limitsDrain, nil) })
	if r.Status != http.StatusTooManyRequests || !slices.Equal(r.errorCodes(), []string{"THROTTLED"}) || r.Data != nil {
		t.Fatalf("drained bucket: status %d codes %v data %v", r.Status, r.errorCodes(), r.Data)
	}
	retry, err := strconv.Atoi(r.Header.Get("Retry-After"))
	if err != nil || retry < 1 || retry > 6 || r.Errors[0].Extensions["retryAfterSeconds"] != float64(retry) {
		t.Errorf("Retry-After %q, retryAfterSeconds %v; want 6 (53 - 47 points at 1 a second)", r.Header.Get("Retry-After"), r.Errors[0].Extensions["retryAfterSeconds"])
	}
	if _, throttle := limitsCost(t, r); throttle["currentlyAvailable"].(float64) < 47 || throttle["currentlyAvailable"].(float64) >= 53 {
		t.Errorf("a throttled query took points: %v", throttle)
	}
	if n > baseline {
		t.Errorf("a throttled query sent %d statements, { __typename } %d", n, baseline)
	}
	t.Logf("throttled: %s", r.Errors[0].Message)

	// GET is throttled alike.
	req, _ := http.NewRequest(http.MethodGet, s.URL+"/graphql?query="+url.QueryEscape(limitsMembersPage), nil)
	if r := admin.send(req); r.Status != http.StatusTooManyRequests || r.Header.Get("Retry-After") == "" {
		t.Errorf("GET: status %d", r.Status)
	}
	// A cheap query still fits; errors other than throttling stay 200.
	if r := admin.do(`{ viewer { user { email } } }`, nil); r.Status != http.StatusOK || len(r.Errors) > 0 {
		t.Errorf("cheap query: %d %v", r.Status, r.Errors)
	}
	if r := admin.do(`{ member(id: "nope") { id } }`, nil); r.Status != http.StatusOK || !slices.Equal(r.errorCodes(), []string{"BAD_USER_INPUT"}) {
		t.Errorf("bad id: %d %v", r.Status, r.errorCodes())
	}

	// Another user has their own bucket.
	other.do(limitsMembersPage, nil).noErrors(t)

	// One operation may never cost more than a full bucket.
	r = other.do(`{ members(first: 99) { nodes { id } } }`, nil)
	if !slices.Equal(r.errorCodes(), []string{"MAX_COST_EXCEEDED"}) || r.Errors[0].Extensions["maximumQueryCost"] != float64(100) {
		t.Errorf("over the bucket: %v %+v", r.errorCodes(), r.Errors)
	}

	// Anonymous callers share their address's bucket: sign-in attempts
	// (12 points each) run dry too.
	anon := s.client(t)
	throttled := false
	for i := range 10 {
		r := anon.do(fmt.Sprintf(`mutation { signIn(input: {email: "guess%d@test.example", password: "p"}) { userErrors { code } } }`, i), nil)
		if r.Status == http.StatusTooManyRequests {
			throttled = slices.Equal(r.errorCodes(), []string{"THROTTLED"})
			break
		}
	}
	if !throttled {
		t.Error("anonymous requests are not rate limited")
	}
}

// TestLimitsIntrospection checks introspection is open to staff only here
// (keys too: see graph's TestLimitsIntrospectionByActor) and closed to
// anonymous callers and family accounts.
func TestLimitsIntrospection(t *testing.T) {
	s := startServer(t, limitsProduction)
	staff := s.signedIn(t, domain.RolePeerSupporter)
	r := staff.do(testgql.IntrospectionQuery, nil)
	r.noErrors(t)
	if len(r.list(t, "__schema.types")) < 50 {
		t.Errorf("types: %d", len(r.list(t, "__schema.types")))
	}
	if requested, _ := limitsCost(t, r); requested != 1 {
		t.Errorf("introspection cost %v", requested)
	}
	if r := staff.do(`{ __type(name: "Member") { name } }`, nil); r.str(t, "__type.name") != "Member" {
		t.Errorf("__type: %v", r.Errors)
	}

	family := s.signedIn(t, domain.RoleFamily)
	anon := s.client(t)
	for _, q := range []string{testgql.IntrospectionQuery, `{ __type(name: "Member") { name } }`, `{ __typename ... on Query { __schema { types { name } } } }`} {
		if r := anon.do(q, nil); !slices.Equal(r.errorCodes(), []string{"UNAUTHENTICATED"}) || r.Data != nil {
			t.Errorf("anonymous %.40q: %v %v", q, r.errorCodes(), r.Data)
		}
		if r := family.do(q, nil); !slices.Equal(r.errorCodes(), []string{"FORBIDDEN"}) || r.Data != nil {
			t.Errorf("family %.40q: %v %v", q, r.errorCodes(), r.Data)
		}
	}
	if r := family.do(`{ viewer { __typename user { role } } }`, nil); r.str(t, "viewer.user.role") != "FAMILY" {
		t.Errorf("family viewer: %v", r.Errors)
	}
}

// TestLimitsPersistedQueries follows the Apollo APQ protocol over HTTP.
func TestLimitsPersistedQueries(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleAdmin)
	const query = `query Levels { careLevels { code } }`
	sum := sha256.Sum256([]byte(query))
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}
	post := func(body map[string]any) *response {
		raw, _ := json.Marshal(body)
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader(raw))
		req.Header.Set("Content-Type", "application/json")
		return c.send(req)
	}
	get := func() *response {
		raw, _ := json.Marshal(ext)
		req, _ := http.NewRequest(http.MethodGet, s.URL+"/graphql?operationName=Levels&extensions="+url.QueryEscape(string(raw)), nil)
		return c.send(req)
	}

	// The hash alone, unknown: the client is told to send the query.
	for name, r := range map[string]*response{"POST": post(map[string]any{"extensions": ext}), "GET": get()} {
		if r.Status != http.StatusOK || len(r.Errors) != 1 || r.Errors[0].Message != "PersistedQueryNotFound" ||
			r.Errors[0].Extensions["code"] != "PERSISTED_QUERY_NOT_FOUND" || r.Data != nil {
			t.Fatalf("%s unknown hash: %d %+v", name, r.Status, r.Errors)
		}
	}
	// The query with its hash registers it.
	if r := post(map[string]any{"query": query, "extensions": ext}); len(r.list(t, "careLevels")) != 7 {
		t.Fatalf("register: %+v", r.Errors)
	}
	// Now the hash alone works, by POST and GET.
	if r := post(map[string]any{"extensions": ext}); len(r.list(t, "careLevels")) != 7 {
		t.Errorf("POST by hash: %+v", r.Errors)
	}
	if r := get(); len(r.list(t, "careLevels")) != 7 || r.Status != http.StatusOK {
		t.Errorf("GET by hash: %d %+v", r.Status, r.Errors)
	}
	// A hash that does not match the query is refused.
	bad := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": strings.Repeat("0", 64)}}
	if r := post(map[string]any{"query": query, "extensions": bad}); len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Message, "hash does not match") {
		t.Errorf("bad hash: %+v", r.Errors)
	}
}

// limitsSignIn tries a sign-in and returns its userError codes and message.
func limitsSignIn(t *testing.T, c *client, email, password string, forwardedFor string) ([]string, string) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{
		"query":     `mutation($in: SignInInput!) { signIn(input: $in) { viewer { user { email } } userErrors { code message } } }`,
		"variables": vars{"in": vars{"email": email, "password": password}},
	})
	req, _ := http.NewRequest(http.MethodPost, c.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if forwardedFor != "" {
		req.Header.Set("X-Forwarded-For", forwardedFor)
	}
	r := c.send(req)
	r.noErrors(t)
	codes := r.userErrorCodes(t, "signIn")
	if len(codes) == 0 {
		return nil, ""
	}
	return codes, r.str(t, "signIn.userErrors.0.message")
}

// TestLimitsSignInThrottle checks sign-in throttling over HTTP: per account,
// per address, reset by success, and X-Forwarded-For ignored unless trusted.
func TestLimitsSignInThrottle(t *testing.T) {
	s := startServer(t, nil)
	s.createUser(t, "lee@test.example", "the right password 1", domain.RoleCaseManager)
	s.createUser(t, "kim@test.example", "the right password 2", domain.RoleCaseManager)
	anon := s.client(t)

	for i := range 5 {
		if codes, _ := limitsSignIn(t, anon, "lee@test.example", "a wrong password", ""); !slices.Equal(codes, []string{"INVALID_CREDENTIALS"}) {
			t.Fatalf("failure %d: %v", i+1, codes)
		}
	}
	// The 6th attempt is refused even with the right password.
	codes, message := limitsSignIn(t, anon, "LEE@test.example", "the right password 1", "")
	if !slices.Equal(codes, []string{"TOO_MANY_ATTEMPTS"}) || !strings.Contains(message, "Try again in 1 minute (after ") {
		t.Fatalf("6th attempt: %v %q", codes, message)
	}
	t.Logf("locked out: %s", message)

	// A success resets the account: 4 failures, success, 4 failures, success.
	for range 2 {
		for range 4 {
			limitsSignIn(t, anon, "kim@test.example", "a wrong password", "")
		}
		if codes, _ := limitsSignIn(t, anon, "kim@test.example", "the right password 2", ""); codes != nil {
			t.Fatalf("sign-in after 4 failures: %v", codes)
		}
	}

	// 13 failures from 127.0.0.1 so far; X-Forwarded-For is not trusted, so
	// changing it does not give 7 more guesses a fresh address.
	for i := range 7 {
		codes, _ := limitsSignIn(t, anon, fmt.Sprintf("guess%d@test.example", i), "a wrong password", fmt.Sprintf("198.51.100.%d", i))
		if !slices.Equal(codes, []string{"INVALID_CREDENTIALS"}) {
			t.Fatalf("guess %d: %v", i, codes)
		}
	}
	if codes, _ := limitsSignIn(t, anon, "kim@test.example", "the right password 2", "203.0.113.9"); !slices.Equal(codes, []string{"TOO_MANY_ATTEMPTS"}) {
		t.Errorf("after 20 failures from one address: %v", codes)
	}

	// Behind a trusted proxy, addresses come from X-Forwarded-For.
	proxied := startServer(t, map[string]string{"TRUST_PROXY_HEADERS": "true"})
	proxied.createUser(t, "kim@test.example", "the right password 2", domain.RoleCaseManager)
	c := proxied.client(t)
	for i := range 20 {
		limitsSignIn(t, c, fmt.Sprintf("guess%d@test.example", i), "a wrong password", "192.0.2.50, 198.51.100.7")
	}
	if codes, _ := limitsSignIn(t, c, "kim@test.example", "the right password 2", "198.51.100.7"); !slices.Equal(codes, []string{"TOO_MANY_ATTEMPTS"}) {
		t.Errorf("locked address: %v", codes)
	}
	if codes, _ := limitsSignIn(t, c, "kim@test.example", "the right password 2", "198.51.100.8"); codes != nil {
		t.Errorf("another address: %v", codes)
	}
}

// TestLimitsSecurityHeaders checks the headers of the app, the API and
// GraphiQL, and CORS for a partner's key request.
func TestLimitsSecurityHeaders(t *testing.T) {
	s := startServer(t, map[string]string{"CORS_ALLOWED_ORIGINS": "https://partner.example"})
	const appPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
		"font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
	fetch := func(req *http.Request) http.Header {
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.Header
	}
	get := func(path string) http.Header {
		req, _ := http.NewRequest(http.MethodGet, s.URL+path, nil)
		return fetch(req)
	}
	common := func(name string, h http.Header) {
		for header, want := range map[string]string{
			"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cross-Origin-Opener-Policy": "same-origin",
		} {
			if got := h.Get(header); got != want {
				t.Errorf("%s: %s = %q", name, header, got)
			}
		}
		if !strings.Contains(h.Get("Permissions-Policy"), "camera=()") {
			t.Errorf("%s: Permissions-Policy = %q", name, h.Get("Permissions-Policy"))
		}
	}

	for _, path := range []string{"/", "/members/abc", "/healthz"} {
		h := get(path)
		common(path, h)
		if h.Get("Content-Security-Policy") != appPolicy {
			t.Errorf("%s: CSP = %q", path, h.Get("Content-Security-Policy"))
		}
	}

	api := get("/graphql?query=" + url.QueryEscape("{ __typename }"))
	common("/graphql", api)
	if api.Get("Cache-Control") != "no-store" || api.Get("Content-Security-Policy") != appPolicy {
		t.Errorf("/graphql: Cache-Control %q CSP %q", api.Get("Cache-Control"), api.Get("Content-Security-Policy"))
	}

	gi := get("/graphiql")
	common("/graphiql", gi)
	csp := gi.Get("Content-Security-Policy")
	// GraphiQL is built with the app: scripts from this origin only, no
	// CDN, no inline script or eval.
	if !strings.Contains(csp, "script-src 'self';") || strings.Contains(csp, "http") ||
		strings.Contains(csp, "unsafe-eval") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("/graphiql: CSP = %q", csp)
	}

	// A partner's key request from an allowed origin gets CORS headers,
	// never with credentials; another origin gets none.
	for origin, allowed := range map[string]bool{"https://partner.example": true, "https://evil.example": false} {
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", strings.NewReader(`{"query":"{ __typename }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer cj_test_key")
		req.Header.Set("Origin", origin)
		h := fetch(req)
		if got := h.Get("Access-Control-Allow-Origin"); (got == origin) != allowed || (!allowed && got != "") {
			t.Errorf("%s: Access-Control-Allow-Origin = %q", origin, got)
		}
		if h.Get("Access-Control-Allow-Credentials") != "" {
			t.Errorf("%s: credentials allowed", origin)
		}
		preflight, _ := http.NewRequest(http.MethodOptions, s.URL+"/graphql", nil)
		preflight.Header.Set("Origin", origin)
		preflight.Header.Set("Access-Control-Request-Method", "POST")
		preflight.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
		h = fetch(preflight)
		if allowed && (h.Get("Access-Control-Allow-Origin") != origin || !strings.Contains(strings.ToLower(h.Get("Access-Control-Allow-Headers")), "authorization")) {
			t.Errorf("preflight from %s: %v", origin, h)
		}
		if h.Get("Access-Control-Allow-Credentials") != "" || (!allowed && h.Get("Access-Control-Allow-Origin") != "") {
			t.Errorf("preflight from %s: %v", origin, h)
		}
	}
}
