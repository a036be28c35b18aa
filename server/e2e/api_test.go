package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/seed"
)

// TestSignInAndSessionGate checks that nothing but signIn is reachable
// without a session, and the session cookie's life cycle.
func TestSignInAndSessionGate(t *testing.T) {
	s := startServer(t, nil)
	s.createUser(t, "pat@test.example", "a long enough password", domain.RoleCaseManager)
	anon := s.client(t)

	for _, q := range []string{
		`{ members { totalCount } }`,
		`{ viewer { user { email } } }`,
		`{ __schema { types { name } } }`,
		`mutation { signOut { userErrors { code } } }`,
		`mutation { signIn(input: {email: "x@y.z", password: "p"}) { userErrors { code } } careLevels: signIn(input: {email: "x@y.z", password: "p"}) { __typename } } query Other { careLevels { code } }`,
		`query { ...F } fragment F on Query { careLevels { code } }`,
	} {
		resp := anon.do(q, nil)
		if strings.Contains(q, "query Other") {
			// Several operations and no operationName: refused before the gate.
			if len(resp.Errors) == 0 || len(resp.Data) > 0 {
				t.Errorf("anonymous %q: codes %v data %v", q, resp.errorCodes(), resp.Data)
			}
			continue
		}
		if !slices.Equal(resp.errorCodes(), []string{"UNAUTHENTICATED"}) || resp.Data != nil {
			t.Errorf("anonymous %q: codes %v data %v", q, resp.errorCodes(), resp.Data)
		}
	}
	if resp := anon.do(`{ __typename }`, nil); len(resp.Errors) > 0 {
		t.Errorf("__typename refused: %v", resp.Errors)
	}

	wrong := anon.do(`mutation { signIn(input: {email: "pat@test.example", password: "wrong password!"}) { viewer { user { email } } userErrors { code field message } } }`, nil)
	wrong.noErrors(t)
	if codes := wrong.userErrorCodes(t, "signIn"); !slices.Equal(codes, []string{"INVALID_CREDENTIALS"}) {
		t.Errorf("wrong password: %v", codes)
	}
	unknown := anon.do(`mutation { signIn(input: {email: "nobody@test.example", password: "a long enough password"}) { userErrors { message } } }`, nil)
	if unknown.str(t, "signIn.userErrors.0.message") != wrong.str(t, "signIn.userErrors.0.message") {
		t.Error("an unknown email and a wrong password must fail alike")
	}

	body := strings.NewReader(`{"query":"mutation { signIn(input: {email: \"PAT@test.example \", password: \"a long enough password\"}) { viewer { user { email role } } userErrors { code } } }"}`)
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", body)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	var session *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == "cj_session" {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode || len(session.Value) < 40 {
		t.Fatalf("session cookie = %+v", session)
	}

	c := s.client(t)
	u, _ := url.Parse(s.URL)
	c.http.Jar.SetCookies(u, []*http.Cookie{session})
	viewer := c.do(`{ viewer { user { email role } sessionExpiresAt } }`, nil)
	viewer.noErrors(t)
	if viewer.str(t, "viewer.user.email") != "pat@test.example" || viewer.str(t, "viewer.user.role") != "CASE_MANAGER" {
		t.Errorf("viewer = %v", viewer.Data)
	}

	// The token is stored hashed: the cookie value appears nowhere in the table.
	var stored int
	if err := s.Store.DB().NewRaw("SELECT count(*) FROM sessions WHERE encode(token_hash, 'escape') LIKE ?", "%"+session.Value+"%").Scan(context.Background(), &stored); err != nil || stored != 0 {
		t.Errorf("token stored in clear? count=%d err=%v", stored, err)
	}

	// An expired session is no session.
	if _, err := s.Store.DB().NewRaw("UPDATE sessions SET expires_at = now() - interval '1 second'").Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
	if codes := c.do(`{ viewer { user { email } } }`, nil).errorCodes(); !slices.Equal(codes, []string{"UNAUTHENTICATED"}) {
		t.Errorf("expired session: %v", codes)
	}

	// Sign out ends the session on the server, not only in the browser.
	c2 := s.signedIn(t, domain.RoleAdmin)
	c2.do(`mutation { signOut { userErrors { code } } }`, nil).noErrors(t)
	c2.http.Jar.SetCookies(u, []*http.Cookie{{Name: "cj_session", Value: "replayed"}})
	if codes := c2.do(`{ careLevels { code } }`, nil).errorCodes(); !slices.Equal(codes, []string{"UNAUTHENTICATED"}) {
		t.Errorf("after sign-out: %v", codes)
	}
}

// TestNodeAndIDs checks global IDs: node, nodes, and clear errors for
// malformed and unknown IDs.
func TestNodeAndIDs(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	memberID := c.do(`mutation { createMember(input: {firstName: "Ana", lastName: "Silva"}) { member { id } } }`, nil).str(t, "createMember.member.id")
	levelID := c.do(`{ careLevels { id code } }`, nil).str(t, "careLevels.0.id")

	resp := c.do(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on Member { displayName } ... on CareLevel { code } } }`,
		vars{"ids": []string{memberID, levelID, "garbage!", "TWVtYmVyOjQ0NDQ0", "Q2FyZUxldmVsOlNQQQ"}})
	nodes := resp.list(t, "nodes")
	if len(nodes) != 5 || nodes[0].(map[string]any)["displayName"] != "Ana Silva" || nodes[1].(map[string]any)["code"] != "DETOX" {
		t.Fatalf("nodes = %v", nodes)
	}
	if nodes[2] != nil || nodes[3] != nil || nodes[4] != nil {
		t.Errorf("bad ids resolved: %v", nodes[2:])
	}
	if codes := resp.errorCodes(); !slices.Equal(codes, []string{"BAD_USER_INPUT", "NOT_FOUND", "NOT_FOUND"}) {
		t.Errorf("codes = %v", codes)
	}
	for _, e := range resp.Errors {
		if len(e.Path) != 2 {
			t.Errorf("error without index path: %+v", e)
		}
	}

	for id, want := range map[string]string{"%%%": "BAD_USER_INPUT", "TWVtYmVyOjQ0NDQ0": "NOT_FOUND", levelID: "NOT_FOUND"} {
		r := c.do(`query($id: ID!) { member(id: $id) { id } }`, vars{"id": id})
		if !slices.Equal(r.errorCodes(), []string{want}) || r.Status != 200 {
			t.Errorf("member(%q): status %d codes %v, want %s", id, r.Status, r.errorCodes(), want)
		}
	}
	if r := c.do(`query($id: ID!) { node(id: $id) { id } }`, vars{"id": memberID}); r.str(t, "node.id") != memberID {
		t.Errorf("node(member) = %v", r.Data)
	}
}

// TestTransportRules checks the HTTP rules around /graphql: GET is for
// queries only, only JSON bodies, cross-origin browser writes refused.
func TestTransportRules(t *testing.T) {
	s := startServer(t, map[string]string{"CORS_ALLOWED_ORIGINS": "https://partner.example"})
	c := s.signedIn(t, domain.RoleAdmin)

	get := func(query string) *response {
		req, _ := http.NewRequest(http.MethodGet, s.URL+"/graphql?query="+url.QueryEscape(query), nil)
		return c.send(req)
	}
	if r := get(`{ careLevels { code } }`); len(r.list(t, "careLevels")) != 7 {
		t.Errorf("GET query: %d %v", r.Status, r.Errors)
	}
	if r := get(`mutation { createMember(input: {firstName: "A", lastName: "B"}) { member { id } } }`); r.Status != http.StatusMethodNotAllowed || r.Header.Get("Allow") != "POST" {
		t.Errorf("GET mutation: status %d, Allow %q", r.Status, r.Header.Get("Allow"))
	}
	for _, contentType := range []string{"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"} {
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", strings.NewReader(`query={careLevels{code}}`))
		req.Header.Set("Content-Type", contentType)
		res, err := c.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode < 400 || res.StatusCode >= 500 {
			t.Errorf("POST %s: status %d, want a 4xx", contentType, res.StatusCode)
		}
	}

	post := func(origin, site string) int {
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", strings.NewReader(`{"query":"{ careLevels { code } }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Origin", origin)
		req.Header.Set("Sec-Fetch-Site", site)
		res, err := c.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	if got := post("https://evil.example", "cross-site"); got != http.StatusForbidden {
		t.Errorf("cross-site POST: status %d, want 403", got)
	}
	if got := post(s.URL, "same-origin"); got != http.StatusOK {
		t.Errorf("same-origin POST: status %d", got)
	}
	if got := post("https://partner.example", "cross-site"); got != http.StatusOK {
		t.Errorf("POST from an allowed origin: status %d", got)
	}

	preflight := func(origin string) http.Header {
		req, _ := http.NewRequest(http.MethodOptions, s.URL+"/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.Header
	}
	if h := preflight("https://partner.example"); h.Get("Access-Control-Allow-Origin") != "https://partner.example" || h.Get("Access-Control-Allow-Credentials") != "" {
		t.Errorf("allowed preflight headers: %v", h)
	}
	if h := preflight("https://evil.example"); h.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS allowed an unlisted origin: %v", h)
	}

	big := strings.Repeat("a", 2<<20)
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", strings.NewReader(`{"query":"`+big+`"}`))
	req.Header.Set("Content-Type", "application/json")
	res, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode < 400 || res.StatusCode >= 500 {
		t.Errorf("2 MiB body: status %d, want a 4xx", res.StatusCode)
	}
}

// TestStaticRoutes checks the app, GraphiQL, health and the SPA fallback.
func TestStaticRoutes(t *testing.T) {
	s := startServer(t, nil)
	fetch := func(path string) (int, http.Header, string) {
		res, err := http.Get(s.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, res.Header, string(b)
	}
	for _, tc := range []struct {
		path     string
		status   int
		contains string
	}{
		{"/", 200, "<title>Care Journey</title>"},
		{"/members/TWVtYmVyOjE", 200, "<title>Care Journey</title>"}, // deep link
		{"/graphiql", 200, "graphiql"},
		{"/healthz", 200, "ok"},
		{"/readyz", 200, "ready"},
		{"/assets/missing-abc123.js", 404, ""},
		{"/favicon-missing.ico", 404, ""},
		{"/graphqlx", 404, ""},
		{"/../../etc/passwd", 200, "<title>Care Journey</title>"}, // cleaned to an app route, never a file outside
	} {
		status, header, body := fetch(tc.path)
		if status != tc.status || !strings.Contains(strings.ToLower(body), strings.ToLower(tc.contains)) {
			t.Errorf("GET %s: status %d, body %.80q", tc.path, status, body)
		}
		if header.Get("X-Content-Type-Options") != "nosniff" || header.Get("X-Request-Id") == "" {
			t.Errorf("GET %s: headers %v", tc.path, header)
		}
		if tc.contains == "<title>Care Journey</title>" && header.Get("Cache-Control") != "no-cache" {
			t.Errorf("GET %s: index.html must not be cached: %q", tc.path, header.Get("Cache-Control"))
		}
	}
}

// TestMemberPagination walks the members connection forward and backward.
func TestMemberPagination(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	if _, err := seed.Scale(context.Background(), s.Store, seed.ScaleOptions{Members: 57, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	const page = `query($first: Int, $after: String, $last: Int, $before: String) {
		members(first: $first, after: $after, last: $last, before: $before) {
			totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`

	var forward []string
	after := any(nil)
	for pages := 0; ; pages++ {
		r := c.do(page, vars{"first": 25, "after": after})
		r.noErrors(t)
		if total := r.get(t, "members.totalCount"); total != float64(57) {
			t.Fatalf("totalCount = %v", total)
		}
		for _, n := range r.list(t, "members.nodes") {
			forward = append(forward, n.(map[string]any)["id"].(string))
		}
		if r.get(t, "members.pageInfo.hasNextPage") != true {
			break
		}
		after = r.str(t, "members.pageInfo.endCursor")
		if pages > 5 {
			t.Fatal("pagination does not end")
		}
	}
	if len(forward) != 57 || len(slices.Compact(slices.Sorted(slices.Values(forward)))) != 57 {
		t.Fatalf("forward walk saw %d members", len(forward))
	}

	var backward []string
	before := any(nil)
	for {
		r := c.do(page, vars{"last": 20, "before": before})
		r.noErrors(t)
		ids := []string{}
		for _, n := range r.list(t, "members.nodes") {
			ids = append(ids, n.(map[string]any)["id"].(string))
		}
		backward = append(ids, backward...)
		if r.get(t, "members.pageInfo.hasPreviousPage") != true {
			break
		}
		before = r.str(t, "members.pageInfo.startCursor")
	}
	if !slices.Equal(forward, backward) {
		t.Error("walking backward does not give the same order as forward")
	}

	if n := len(c.do(`{ members { nodes { id } } }`, nil).list(t, "members.nodes")); n != 20 {
		t.Errorf("default page = %d, want 20", n)
	}
	if r := c.do(`{ members(first: 1000) { nodes { id } } }`, nil); !slices.Equal(r.errorCodes(), []string{"BAD_USER_INPUT"}) || !strings.Contains(r.Errors[0].Message, "100") {
		t.Errorf("first: 1000 is not refused with the limit: %+v", r.Errors)
	}
	for _, q := range []string{`{ members(first: 1, last: 1) { totalCount } }`, `{ members(first: -1) { totalCount } }`, `{ members(after: "nope") { totalCount } }`} {
		if codes := c.do(q, nil).errorCodes(); !slices.Equal(codes, []string{"BAD_USER_INPUT"}) {
			t.Errorf("%s: %v", q, codes)
		}
	}
}

// TestConcurrentLevelChanges sends twenty changes for one member at once
// over HTTP: exactly one wins and the rest get a clear userError.
func TestConcurrentLevelChanges(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	memberID := c.do(`mutation { createMember(input: {firstName: "Kai", lastName: "Nakamura"}) { member { id } } }`, nil).str(t, "createMember.member.id")
	start := time.Now().UTC().AddDate(0, 0, -20)
	c.do(`mutation($in: AdmitMemberInput!) { admitMember(input: $in) { userErrors { code } } }`,
		vars{"in": vars{"memberId": memberID, "careLevelCode": "RESIDENTIAL", "startedAt": start.Format(time.RFC3339)}}).noErrors(t)

	levels := []string{"PHP", "IOP", "VIRTUAL_IOP", "OUTPATIENT", "CONTINUING_CARE", "DETOX"}
	effective := start.AddDate(0, 0, 10).Format(time.RFC3339)
	var wg sync.WaitGroup
	gate := make(chan struct{})
	results := make([]*response, 20)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			results[i] = c.do(`mutation($in: ChangeCareLevelInput!) { changeCareLevel(input: $in) { careEpisode { id } userErrors { code message } } }`,
				vars{"in": vars{"memberId": memberID, "careLevelCode": levels[i%len(levels)], "effectiveAt": effective}})
		}()
	}
	close(gate)
	wg.Wait()

	wins, codes := 0, map[string]int{}
	for _, r := range results {
		r.noErrors(t)
		if r.get(t, "changeCareLevel.careEpisode") != nil {
			wins++
			continue
		}
		for _, code := range r.userErrorCodes(t, "changeCareLevel") {
			codes[code]++
		}
	}
	t.Logf("winners: %d, userErrors: %v", wins, codes)
	if wins != 1 || codes["BEFORE_CURRENT_EPISODE"]+codes["SAME_CARE_LEVEL"]+codes["CONFLICT"] != 19 {
		t.Errorf("wins = %d, userErrors = %v; want 1 win and 19 clear userErrors", wins, codes)
	}
	m := c.do(`query($id: ID!) { member(id: $id) { careEpisodes(includeSuperseded: true) { nodes { endedAt } } } }`, vars{"id": memberID})
	episodes := m.list(t, "member.careEpisodes.nodes")
	open := 0
	for _, e := range episodes {
		if e.(map[string]any)["endedAt"] == nil {
			open++
		}
	}
	if len(episodes) != 2 || open != 1 {
		t.Errorf("after the race: %d episodes, %d open; want 2 and 1", len(episodes), open)
	}
}

// TestNoNPlusOne counts SQL statements for a nested member list at two
// sizes: the count must not grow with the number of members.
func TestNoNPlusOne(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	const query = `{ members(first: 50) { nodes { displayName currentCareLevel { code } careEpisodes(first: 5) { nodes { careLevel { code } transition recordedBy { email } } }
		recoveryStartDateHistory(first: 3) { totalCount nodes { recoveryStartedOn } } } } }`
	ctx := context.Background()

	measure := func(members int, floor int64) (int64, int) {
		if _, err := seed.Scale(ctx, s.Store, seed.ScaleOptions{Members: members, Seed: int64(members)}); err != nil {
			t.Fatal(err)
		}
		n, r := s.fewestStatements(t, c, query, nil, floor)
		return n, len(r.list(t, "members.nodes"))
	}
	small, smallRows := measure(5, 0)
	large, largeRows := measure(45, small)
	t.Logf("statements for %d members: %d; for %d members: %d", smallRows, small, largeRows, large)
	fmt.Printf("N+1 check: %d members -> %d statements, %d members -> %d statements\n", smallRows, small, largeRows, large)
	if smallRows != 5 || largeRows != 50 {
		t.Fatalf("rows = %d and %d", smallRows, largeRows)
	}
	// 7: the recovery histories' page and count are two of them.
	if grows(small, large) || large > 7 {
		t.Errorf("statements grow with the data: %d for %d members, %d for %d", small, smallRows, large, largeRows)
	}
}

// TestNodesBatches checks that nodes(ids) loads many members in a fixed
// number of statements and refuses more than 100 IDs.
func TestNodesBatches(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	if _, err := seed.Scale(context.Background(), s.Store, seed.ScaleOptions{Members: 60, Seed: 9}); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, n := range c.do(`{ members(first: 60) { nodes { id } } }`, nil).list(t, "members.nodes") {
		ids = append(ids, n.(map[string]any)["id"].(string))
	}
	got, r := s.fewestStatements(t, c, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Member { displayName currentCareLevel { code } } } }`,
		vars{"ids": ids}, 4)
	if n := len(r.list(t, "nodes")); n != 60 {
		t.Fatalf("nodes = %d", n)
	}
	if got > 4 {
		t.Errorf("nodes(60 ids) took %d statements", got)
	}
	many := make([]string, 101)
	for i := range many {
		many[i] = ids[0]
	}
	if codes := c.do(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, vars{"ids": many}).errorCodes(); !slices.Equal(codes, []string{"BAD_USER_INPUT"}) {
		t.Errorf("101 ids: %v", codes)
	}
}

// TestFamilyUsersSeeNothingYet checks that a FAMILY account can hold a
// session but reach no member data until the family portal lands.
func TestFamilyUsersSeeNothingYet(t *testing.T) {
	s := startServer(t, nil)
	staff := s.signedIn(t, domain.RoleCaseManager)
	staff.do(`mutation { createMember(input: {firstName: "Eli", lastName: "Park"}) { member { id } } }`, nil).noErrors(t)
	family := s.signedIn(t, domain.RoleFamily)
	if r := family.do(`{ viewer { user { role } } }`, nil); r.str(t, "viewer.user.role") != "FAMILY" {
		t.Fatalf("viewer = %v %v", r.Data, r.Errors)
	}
	for _, q := range []string{
		`{ members { totalCount } }`,
		`mutation { createMember(input: {firstName: "A", lastName: "B"}) { member { id } } }`,
		`{ __schema { types { name } } }`,
	} {
		r := family.do(q, nil)
		if !slices.Equal(r.errorCodes(), []string{"FORBIDDEN"}) || len(r.Data) > 0 {
			t.Errorf("family %q: codes %v data %v", q, r.errorCodes(), r.Data)
		}
	}
	family.do(`mutation { signOut { userErrors { code } } }`, nil).noErrors(t)
}
