package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"carejourney/graph/globalid"
	"carejourney/server/app"
	"carejourney/server/auth"
	"carejourney/server/config"
	"carejourney/server/domain"
	"carejourney/server/store"
	"carejourney/server/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }

// server is the real program on a free port with its own database.
type server struct {
	*app.Server
	URL        string
	statements atomic.Int64
	// OwnerURL is the database as the owner of its tables, for tests that
	// change what the serving role may not (the server runs as the
	// serving role); empty when the test gave its own DATABASE_URL.
	OwnerURL string
	// ServingURL is the database as the serving role, for a second server
	// on the same database (startServer with DATABASE_URL set to it).
	ServingURL string
}

// startServer starts the whole program as `serve` would, on 127.0.0.1:0,
// connected as a serving role (testdb.NewServingRole) of a new database
// migrated as its owner, as in production.
func startServer(t testing.TB, env map[string]string) *server {
	t.Helper()
	return startServerWith(t, env)
}

// startServerWith is startServer with query hooks of the test's own.
func startServerWith(t testing.TB, env map[string]string, hooks ...app.QueryHook) *server {
	t.Helper()
	s := &server{}
	vars := map[string]string{"LISTEN_ADDR": "127.0.0.1:0", "LOG_LEVEL": "warn",
		// Statement counts must not catch a background sweep; tests that
		// need milestones call RecordMilestones themselves.
		"MILESTONE_SWEEP_INTERVAL": "0",
		// Statement-count and walk tests send big nested pages in quick
		// succession: the cost and rate limits stay out of their way. The
		// limits tests (limits_test.go) set the production values.
		"MAX_QUERY_COST": "100000000", "RATE_LIMIT_POINTS": "100000000", "RATE_LIMIT_RESTORE_RATE": "100000000",
		// Test users have no second factor; the accounts tests
		// (accounts_test.go) set the production default.
		"TOTP_REQUIRED_ROLES": "none"}
	if _, given := env["DATABASE_URL"]; !given {
		s.OwnerURL = testdb.NewDatabase(t)
		vars["MIGRATION_DATABASE_URL"], vars["DATABASE_URL"] = s.OwnerURL, testdb.NewServingRole(t, s.OwnerURL)
	}
	for k, v := range env {
		vars[k] = v
	}
	s.ServingURL = vars["DATABASE_URL"]
	cfg, _, err := config.Parse("serve", nil, func(k string) string { return vars[k] }, nil)
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		logger = slog.New(slog.NewTextHandler(&testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	ctx := context.Background()
	srv, err := app.Start(ctx, cfg, logger, io.Discard, append([]app.QueryHook{&statementCounter{n: &s.statements}}, hooks...)...)
	if err != nil {
		t.Fatal(err)
	}
	s.Server, s.URL = srv, "http://"+srv.Addr
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	return s
}

type testWriter struct{ t testing.TB }

func (w *testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// statementCounter counts every SQL statement the server sends.
type statementCounter struct{ n *atomic.Int64 }

func (c *statementCounter) BeforeQuery(ctx context.Context, _ *bun.QueryEvent) context.Context {
	c.n.Add(1)
	return ctx
}
func (c *statementCounter) AfterQuery(context.Context, *bun.QueryEvent) {}

// createUser adds a user straight through the store.
func (s *server) createUser(t testing.TB, email, password string, role domain.Role) {
	t.Helper()
	if _, err := s.Store.CreateUser(context.Background(), store.NewUser{Email: email, Name: "Test " + string(role), Role: role,
		Password: password}, auth.Passwords); err != nil {
		t.Fatal(err)
	}
}

// client is a browser-like GraphQL client with a cookie jar.
type client struct {
	t    testing.TB
	base string
	http *http.Client
	// bearer, when set, is sent as a partner key; such a client has no cookies.
	bearer string
}

// keyClient is a partner tool calling with an API key.
func (s *server) keyClient(t testing.TB, secret string) *client {
	return &client{t: t, base: s.URL, http: &http.Client{Timeout: 30 * time.Second}, bearer: secret}
}

func (s *server) client(t testing.TB) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, base: s.URL, http: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
}

// signedIn returns a client signed in as a new staff user of role.
func (s *server) signedIn(t testing.TB, role domain.Role) *client {
	t.Helper()
	email := strings.ToLower(string(role)) + "@test.example"
	s.createUser(t, email, "correct horse battery", role)
	c := s.client(t)
	resp := c.do(`mutation($in: SignInInput!) { signIn(input: $in) { viewer { user { email } } userErrors { code } } }`,
		vars{"in": vars{"email": email, "password": "correct horse battery"}})
	resp.noErrors(t)
	if got := resp.str(t, "signIn.viewer.user.email"); got != email {
		t.Fatalf("signed in as %q", got)
	}
	return c
}

type vars = map[string]any

// response is a decoded GraphQL response.
type response struct {
	Status int
	Header http.Header
	// Raw is the body as sent.
	Raw    []byte         `json:"-"`
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	Extensions map[string]any `json:"extensions"`
}

func (c *client) do(query string, variables vars) *response {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": variables})
	return c.send(c.post(body))
}

// post is a POST of body to /graphql as c: JSON, with c's key if it has one.
func (c *client) post(body []byte) *http.Request {
	req, _ := http.NewRequest(http.MethodPost, c.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if c.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+c.bearer)
	}
	return req
}

func (c *client) send(req *http.Request) *response {
	c.t.Helper()
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	r := &response{Status: res.StatusCode, Header: res.Header, Raw: raw}
	if err := json.Unmarshal(raw, r); err != nil {
		c.t.Fatalf("status %d, not JSON: %s", res.StatusCode, raw)
	}
	return r
}

func (r *response) noErrors(t testing.TB) {
	t.Helper()
	if r.Status != http.StatusOK || len(r.Errors) > 0 {
		t.Fatalf("status %d, errors %+v", r.Status, r.Errors)
	}
}

// errorCodes lists extensions.code of every error.
func (r *response) errorCodes() []string {
	var out []string
	for _, e := range r.Errors {
		code, _ := e.Extensions["code"].(string)
		out = append(out, code)
	}
	return out
}

// get walks a dotted path (numbers index lists) into the data.
func (r *response) get(t testing.TB, path string) any {
	t.Helper()
	var cur any = r.Data
	for _, part := range strings.Split(path, ".") {
		switch v := cur.(type) {
		case map[string]any:
			cur = v[part]
		case []any:
			var i int
			if err := json.Unmarshal([]byte(part), &i); err != nil || i >= len(v) {
				t.Fatalf("bad index %q in %s", part, path)
			}
			cur = v[i]
		default:
			t.Fatalf("%s: cannot descend into %T at %q (data %v)", path, cur, part, r.Data)
		}
	}
	return cur
}

func (r *response) str(t testing.TB, path string) string {
	t.Helper()
	s, _ := r.get(t, path).(string)
	return s
}

func (r *response) list(t testing.TB, path string) []any {
	t.Helper()
	l, _ := r.get(t, path).([]any)
	return l
}

// userErrorCodes lists the codes of a payload's userErrors.
func (r *response) userErrorCodes(t testing.TB, payload string) []string {
	t.Helper()
	var out []string
	for _, e := range r.list(t, payload+".userErrors") {
		out = append(out, e.(map[string]any)["code"].(string))
	}
	return out
}

// wantOneUserError checks that a payload's only userError has code and,
// when field is given, that it points at input.<field...>.
func (r *response) wantOneUserError(t testing.TB, payload, code string, field ...string) {
	t.Helper()
	r.noErrors(t)
	errs := r.list(t, payload+".userErrors")
	if len(errs) != 1 {
		t.Fatalf("%s: userErrors %v, want one %s", payload, errs, code)
	}
	e := errs[0].(map[string]any)
	if e["code"] != code {
		t.Fatalf("%s: userError %v, want %s", payload, e, code)
	}
	if len(field) > 0 {
		var got []string
		for _, f := range e["field"].([]any) {
			got = append(got, f.(string))
		}
		if !slices.Equal(got, append([]string{"input"}, field...)) {
			t.Fatalf("%s: field %v, want input.%v", payload, got, field)
		}
	}
}

// decodeID returns the number inside a global ID.
func decodeID(t testing.TB, id string) int64 {
	t.Helper()
	typeName, _, err := globalid.Decode(id)
	if err != nil {
		t.Fatal(err)
	}
	n, err := globalid.DecodeInt(id, typeName)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// statementTries bounds how often fewestStatements repeats a query.
const statementTries = 20

// fewestStatements runs query a few times and returns the fewest SQL
// statements one run took (and that run's response). The loaders gather
// keys for a couple of milliseconds; on a busy machine a slow goroutine can
// miss the window and split a batch, which adds statements without any N+1.
// An N+1 costs a statement per row on every run, so no retry hides it. The
// runs stop early once they reach floor (the count at a smaller size).
func (s *server) fewestStatements(t testing.TB, c *client, query string, v vars, floor int64) (int64, *response) {
	t.Helper()
	var best int64 = -1
	var bestResp *response
	for range statementTries {
		s.statements.Store(0)
		r := c.do(query, v)
		r.noErrors(t)
		if n := s.statements.Load(); best < 0 || n < best {
			best, bestResp = n, r
		}
		if best <= floor {
			break
		}
	}
	return best, bestResp
}

// batchSlack is how many statements a larger data set may add without
// meaning N+1: two resolver paths that hit one loader at different moments
// can make two batches where a small data set made one. An N+1 adds a
// statement per added row, and every statement-count test adds ten or more.
const batchSlack = 2

// grows reports whether the statements of a query grew with the data.
func grows(small, large int64) bool { return large > small+batchSlack }
