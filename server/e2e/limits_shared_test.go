package e2e

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// startTwin starts a second server on s's database, with the same
// settings plus env: two server processes behind one load balancer.
func startTwin(t *testing.T, s *server, env map[string]string) *server {
	t.Helper()
	vars := map[string]string{"DATABASE_URL": s.ServingURL, "MIGRATION_DATABASE_URL": s.OwnerURL}
	for k, v := range env {
		vars[k] = v
	}
	return startServer(t, vars)
}

// on is c sending to another server; the cookie jar is shared (cookies do
// not keep to a port), so c's session goes with it, as behind a load
// balancer.
func (c *client) on(s *server) *client {
	return &client{t: c.t, base: s.URL, http: c.http, bearer: c.bearer}
}

// TestLimitsSharedAcrossInstances runs two servers on one database: an
// actor's requests spend one bucket whichever serves them, so both
// together never let through more than one bucket's capacity, and
// failed sign-ins on one lock out sign-in on the other.
func TestLimitsSharedAcrossInstances(t *testing.T) {
	// 530 points, and almost nothing flows back during the test: exactly 10
	// drains (53 points each, all used, so nothing is refunded).
	limits := map[string]string{"MAX_QUERY_COST": "1000", "RATE_LIMIT_POINTS": "530", "RATE_LIMIT_RESTORE_RATE": "0.001"}
	a := startServer(t, limits)
	b := startTwin(t, a, limits)
	onA := a.signedIn(t, domain.RoleAdmin)
	onB := onA.on(b) // signed in there too: the session is in the database

	// 16 clients at once, half on each server, each draining until refused
	// (an error, such as UNAUTHENTICATED on B, fails the test).
	var spent, refused atomic.Int64
	var wg sync.WaitGroup
	for i := range 16 {
		c := []*client{onA, onB}[i%2]
		wg.Go(func() {
			for {
				r := c.do(limitsDrain, nil)
				if r.Status == http.StatusTooManyRequests {
					refused.Add(1)
					return
				}
				if len(r.Errors) > 0 {
					t.Errorf("drain: %d %v", r.Status, r.errorCodes())
					return
				}
				spent.Add(53)
			}
		})
	}
	wg.Wait()
	if spent.Load() != 530 {
		t.Fatalf("two servers let through %d points of one 530-point bucket", spent.Load())
	}
	for name, c := range map[string]*client{"A": onA, "B": onB} {
		r := c.do(limitsDrain, nil)
		if r.Status != http.StatusTooManyRequests || r.Header.Get("Retry-After") == "" {
			t.Errorf("%s after the bucket ran dry: %d %v", name, r.Status, r.errorCodes())
		}
		if _, throttle := limitsCost(t, r); throttle["currentlyAvailable"].(float64) != 0 {
			t.Errorf("%s reports %v", name, throttle)
		}
	}
	t.Logf("16 clients on 2 servers spent %d of 530 points; %d were then refused", spent.Load(), refused.Load())

	// Failed sign-ins on A lock out sign-in on B.
	a.createUser(t, "lee@test.example", "the right password 1", domain.RoleCaseManager)
	anonA := a.client(t)
	anonB := anonA.on(b)
	for i := range 5 {
		c := []*client{anonA, anonB}[i%2]
		if codes, _ := limitsSignIn(t, c, "lee@test.example", fmt.Sprintf("wrong %d", i), ""); !slices.Equal(codes, []string{"INVALID_CREDENTIALS"}) {
			t.Fatalf("failure %d: %v", i+1, codes)
		}
	}
	for name, c := range map[string]*client{"A": anonA, "B": anonB} {
		if codes, _ := limitsSignIn(t, c, "lee@test.example", "the right password 1", ""); !slices.Equal(codes, []string{"TOO_MANY_ATTEMPTS"}) {
			t.Errorf("%s after 5 failures on A and B: %v", name, codes)
		}
	}
}

// TestLimitsBucketUnavailable: when the bucket cannot be read, the
// operation is refused with a clear error and nothing runs (here the
// serving role loses its rights on the table; a database that does not
// answer fails the same way).
func TestLimitsBucketUnavailable(t *testing.T) {
	s := startServer(t, limitsProduction)
	c := s.signedIn(t, domain.RoleAdmin)
	c.do(limitsMembersPage, nil).noErrors(t)

	owner, err := store.Open(context.Background(), s.OwnerURL)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	role, err := store.RoleOf(s.ServingURL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := owner.ExecContext(context.Background(), "REVOKE ALL ON rate_buckets FROM ?", bun.Ident(role)); err != nil {
		t.Fatal(err)
	}
	r := c.do(`mutation { signOut { userErrors { code } } }`, nil)
	if r.Status != http.StatusOK || !slices.Equal(r.errorCodes(), []string{"RATE_LIMIT_UNAVAILABLE"}) || r.Data != nil {
		t.Fatalf("status %d, codes %v, data %v", r.Status, r.errorCodes(), r.Data)
	}
	// Nothing ran: the session is still there.
	if _, err := owner.ExecContext(context.Background(), "GRANT ALL ON rate_buckets TO ?", bun.Ident(role)); err != nil {
		t.Fatal(err)
	}
	if got := c.do(`{ viewer { user { email } } }`, nil).str(t, "viewer.user.email"); got != "admin@test.example" {
		t.Errorf("signed out by a refused operation: %q", got)
	}
}
