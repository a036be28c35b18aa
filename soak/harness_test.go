//go:build soak

package soak

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/app"
	"carejourney/server/auth"
	"carejourney/server/config"
	"carejourney/server/domain"
	"carejourney/server/embeddedpg"
	"carejourney/server/store"
)

// password of every soak user.
const password = "correct horse battery"

// startCluster starts a private PostgreSQL of the test's own: the fault
// tests restart and kill it, which the shared server must never suffer.
func startCluster(t *testing.T) *embeddedpg.Cluster {
	t.Helper()
	dir, err := os.MkdirTemp("", "soak-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) }) // after Stop: cleanups run last first
	// PostgreSQL runs as another user when we are root; it must reach
	// the data directory inside this one.
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := embeddedpg.Start(ctx, embeddedpg.Options{Dir: filepath.Join(dir, "postgres")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Stop(context.Background()); err != nil {
			t.Errorf("stop cluster: %v", err)
		}
	})
	return c
}

// serverEnv is the configuration of a soak server on cluster: the
// production roles (owner migrates, serving role serves), limits out of
// the way of the load, no background sweeps.
func serverEnv(c *embeddedpg.Cluster, listen string) map[string]string {
	return map[string]string{
		"LISTEN_ADDR": listen, "DATABASE_URL": c.ServingURL(), "MIGRATION_DATABASE_URL": c.URL(),
		"MILESTONE_SWEEP_INTERVAL": "0", "TOTP_REQUIRED_ROLES": "none", "REQUEST_TIMEOUT": requestTimeout.String(),
		"MAX_QUERY_COST": "100000000", "RATE_LIMIT_POINTS": "100000000", "RATE_LIMIT_RESTORE_RATE": "100000000",
	}
}

// requestTimeout is each request's deadline in the soak servers: a request
// that fails must fail within it.
const requestTimeout = 3 * time.Second

// lockedBuffer is a log destination safe for concurrent writers.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startInProcess starts the server as `serve` does, in this process,
// logging into log.
func startInProcess(t *testing.T, c *embeddedpg.Cluster, log io.Writer) *app.Server {
	t.Helper()
	env := serverEnv(c, "127.0.0.1:0")
	cfg, _, err := config.Parse("serve", nil, func(k string) string { return env[k] }, nil)
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(log, &slog.HandlerOptions{Level: slog.LevelInfo}))
	srv, err := app.Start(context.Background(), cfg, logger, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	return srv
}

// openOwner connects to the application database as its owner, for
// creating users and checking the ledger afterwards.
func openOwner(t *testing.T, c *embeddedpg.Cluster) *bun.DB {
	t.Helper()
	db, err := store.Open(context.Background(), c.URL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// signedInClients creates n case managers and signs each in on a client
// of its own (a cookie jar each, as n browsers).
func signedInClients(t *testing.T, st *store.Store, base string, n int) []*client {
	t.Helper()
	clients := make([]*client, n)
	for i := range clients {
		email := fmt.Sprintf("soak%d@test.example", i)
		if _, err := st.CreateUser(context.Background(), store.NewUser{Email: email, Name: fmt.Sprintf("Soak %d", i),
			Role: domain.RoleCaseManager, Password: password}, auth.Passwords); err != nil {
			t.Fatal(err)
		}
		c := newClient(base)
		r := c.do(context.Background(), `mutation($in: SignInInput!) { signIn(input: $in) { viewer { user { email } } } }`,
			map[string]any{"in": map[string]any{"email": email, "password": password}})
		if r.err != nil || len(r.Errors) > 0 {
			t.Fatalf("sign in %s: %v %s", email, r.err, r.raw)
		}
		clients[i] = c
	}
	return clients
}

// client is a browser-like GraphQL client.
type client struct {
	base string
	http *http.Client
}

func newClient(base string) *client {
	jar, _ := cookiejar.New(nil)
	return &client{base: base, http: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
}

// result is one request's outcome: err is a transport failure (no
// response), else status and the decoded body.
type result struct {
	err       error
	status    int
	raw       []byte
	requestID string
	started   time.Time
	took      time.Duration
	Data      map[string]any `json:"data"`
	Errors    []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// ok says the request was acknowledged: a 200 with data and no error.
func (r *result) ok() bool {
	return r.err == nil && r.status == http.StatusOK && len(r.Errors) == 0 && r.Data != nil
}

// codes are the errors' extensions.code values.
func (r *result) codes() []string {
	var out []string
	for _, e := range r.Errors {
		code, _ := e.Extensions["code"].(string)
		out = append(out, code)
	}
	return out
}

// str is the string at a dotted path of data, "" when absent.
func (r *result) str(path string) string {
	var v any = r.Data
	for _, k := range strings.Split(path, ".") {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	s, _ := v.(string)
	return s
}

func (c *client) do(ctx context.Context, query string, vars map[string]any) *result {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	r := &result{started: time.Now()}
	defer func() { r.took = time.Since(r.started) }()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/graphql", bytes.NewReader(body))
	if err != nil {
		r.err = err
		return r
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := c.http.Do(req)
	if err != nil {
		r.err = err
		return r
	}
	defer res.Body.Close()
	r.status, r.requestID = res.StatusCode, res.Header.Get("X-Request-Id")
	if r.raw, err = io.ReadAll(res.Body); err != nil {
		r.err = err
		return r
	}
	if err := json.Unmarshal(r.raw, r); err != nil {
		r.err = fmt.Errorf("not JSON (%d): %.200s", r.status, r.raw)
	}
	return r
}

// ready asks /readyz: its status, or 0 when nothing answered.
func ready(base string) (int, string) {
	cl := &http.Client{Timeout: 5 * time.Second}
	res, err := cl.Get(base + "/readyz")
	if err != nil {
		return 0, err.Error()
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, strings.TrimSpace(string(b))
}
