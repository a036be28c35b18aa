package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
	"carejourney/server/seed"
)

// TestDeadlineStopsTheStatement holds a lock on members from outside, so
// that a page of members waits on it past REQUEST_TIMEOUT (1s here). The
// request answers TIMEOUT about when its deadline passes; its backend
// statement is gone from pg_stat_activity while the lock is still held (so
// nothing runs on after the request); and a flood of such requests, more
// than the pool holds, leaves the pool free for the next request.
func TestDeadlineStopsTheStatement(t *testing.T) {
	const timeout = time.Second
	s := startServer(t, map[string]string{"REQUEST_TIMEOUT": timeout.String()})
	c := s.signedIn(t, domain.RoleCaseManager)
	c.do(`mutation { createMember(input: {firstName: "Eli", lastName: "Park"}) { member { id } } }`, nil).noErrors(t)
	ctx := context.Background()
	db := s.Store.DB()

	var timeoutSetting string
	if err := db.NewRaw(`SHOW statement_timeout`).Scan(ctx, &timeoutSetting); err != nil || timeoutSetting != "2s" {
		t.Errorf("statement_timeout on the serving pool = %q (%v), want 2s", timeoutSetting, err)
	}

	lock, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	locked := true
	release := func() {
		if locked {
			locked = false
			_ = lock.Rollback()
		}
	}
	defer release()
	if _, err := lock.ExecContext(ctx, `LOCK TABLE members IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	const page = `{ members(first: 5) { nodes { id displayName } } }`
	// Outside the lock's transaction: inside one, pg_stat_activity is a
	// snapshot taken at its first read.
	waiting := func() int {
		var n int
		if err := db.NewRaw(`SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND wait_event_type = 'Lock'`).Scan(ctx, &n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	// The request's statement is seen waiting on the lock, then gone.
	seen := make(chan int, 1)
	go func() {
		most := 0
		for deadline := time.Now().Add(timeout * 3 / 4); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			most = max(most, waiting())
		}
		seen <- most
	}()
	start := time.Now()
	r := c.do(page, nil)
	elapsed := time.Since(start)
	if n := <-seen; n != 1 {
		t.Errorf("the page's statement was seen waiting %d times at once, want 1", n)
	}
	if !slices.Equal(r.errorCodes(), []string{"TIMEOUT"}) || r.Status != 200 {
		t.Fatalf("over the deadline: status %d, errors %+v", r.Status, r.Errors)
	}
	if msg := r.Errors[0].Message; !strings.Contains(msg, "REQUEST_TIMEOUT") {
		t.Errorf("message %q", msg)
	}
	if elapsed < timeout || elapsed > timeout+time.Second {
		t.Errorf("answered after %v, want about %v", elapsed, timeout)
	}
	gone := waitFor(t, 5*time.Second, func() bool { return waiting() == 0 })
	t.Logf("TIMEOUT after %v; its statement gone from pg_stat_activity %v later, the lock still held", elapsed.Round(time.Millisecond), gone.Round(time.Millisecond))
	fmt.Printf("deadline: TIMEOUT after %v, statement gone %v after the response\n", elapsed.Round(time.Millisecond), gone.Round(time.Millisecond))

	// More requests than the pool has connections (40), all stuck on the
	// lock: each answers TIMEOUT (or, when its deadline passes while the
	// session lookup waits for a connection, the session middleware's 503),
	// and none is left running.
	const flood = 60
	var wg sync.WaitGroup
	var timedOut atomic.Int64
	var other sync.Map
	floodStart := time.Now()
	for i := range flood {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, body := c.raw(page)
			if status == 200 && strings.Contains(body, `"code":"TIMEOUT"`) && !strings.Contains(body, `"nodes"`) || status == 503 {
				timedOut.Add(1)
			} else {
				other.Store(i, fmt.Sprintf("%d %s", status, body))
			}
		}()
	}
	wg.Wait()
	floodTook := time.Since(floodStart)
	other.Range(func(k, v any) bool { t.Errorf("flood request %v: %v", k, v); return true })
	if timedOut.Load() != flood || floodTook > timeout+2*time.Second {
		t.Errorf("%d of %d requests answered TIMEOUT, in %v", timedOut.Load(), flood, floodTook)
	}
	waitFor(t, 5*time.Second, func() bool { return waiting() == 0 })
	release()

	// The pool is free: the page answers at once, and the pool holds no
	// connection in use.
	start = time.Now()
	r = c.do(page, nil)
	r.noErrors(t)
	if n := len(r.list(t, "members.nodes")); n != 1 || time.Since(start) > timeout/2 {
		t.Errorf("after the flood: %d members in %v", n, time.Since(start))
	}
	if inUse := waitFor(t, 2*time.Second, func() bool { return db.Stats().InUse == 0 }); inUse < 0 {
		t.Errorf("pool: %+v", db.Stats())
	}
	t.Logf("flood of %d: all TIMEOUT in %v; pool after: %+v", flood, floodTook.Round(time.Millisecond), db.Stats())
}

// raw posts query and returns the status and body as they are.
func (c *client) raw(query string) (int, string) {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	res, err := c.http.Do(c.post(body))
	if err != nil {
		c.t.Error(err)
		return 0, ""
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(raw)
}

// waitFor polls cond until it holds or limit passes (failing the test)
// and returns how long it took.
func waitFor(t *testing.T, limit time.Duration, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > limit {
			t.Fatalf("still not so after %v", limit)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return time.Since(start)
}

// concurrency counts the statements a pattern matches that run at once,
// and the most that ever did.
type concurrency struct {
	match      string
	now, most  atomic.Int64
	statements atomic.Int64
}

func (c *concurrency) BeforeQuery(ctx context.Context, e *bun.QueryEvent) context.Context {
	if strings.Contains(e.Query, c.match) {
		c.statements.Add(1)
		n := c.now.Add(1)
		for m := c.most.Load(); n > m && !c.most.CompareAndSwap(m, n); m = c.most.Load() {
		}
	}
	return ctx
}

func (c *concurrency) AfterQuery(_ context.Context, e *bun.QueryEvent) {
	if strings.Contains(e.Query, c.match) {
		c.now.Add(-1)
	}
}

// TestExpensiveFieldsTakeTurns sends outcomes under 20 aliases: each runs
// its aggregate (20 statements), but never more than 2 at once. Under the
// production MAX_QUERY_COST (1000) one runs, and two are refused before
// either runs.
func TestExpensiveFieldsTakeTurns(t *testing.T) {
	outcomes := &concurrency{match: "stay_people"}
	s := startServerWith(t, nil, outcomes)
	if _, err := seed.Scale(context.Background(), s.Store, seed.ScaleOptions{Members: 100, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	admin := s.signedIn(t, domain.RoleAdmin)
	aliases := func(n int) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			fmt.Fprintf(&b, ` o%d: outcomes(period: {startOn: "%d-01-01", endOn: "%d-01-01"}) { admissions { value } discharges { value } }`, i, 2000+i, 2001+i)
		}
		b.WriteString(" }")
		return b.String()
	}
	r := admin.do(aliases(20), nil)
	r.noErrors(t)
	if len(r.Data) != 20 || outcomes.statements.Load() != 20 || outcomes.most.Load() > 2 {
		t.Errorf("20 aliases: %d answers, %d statements, at most %d at once", len(r.Data), outcomes.statements.Load(), outcomes.most.Load())
	}
	t.Logf("20 aliases of outcomes: %d statements, at most %d at once", outcomes.statements.Load(), outcomes.most.Load())

	prod := startServerWith(t, limitsProduction, outcomes)
	partner := prod.signedIn(t, domain.RoleAdmin)
	partner.do(aliases(1), nil).noErrors(t)
	before := outcomes.statements.Load()
	r = partner.do(aliases(2), nil)
	if !slices.Equal(r.errorCodes(), []string{"MAX_COST_EXCEEDED"}) {
		t.Errorf("2 aliases under production limits: %v", r.errorCodes())
	}
	if outcomes.statements.Load() != before {
		t.Error("a refused operation ran")
	}
}

// TestTimedOutOperationKeepsItsAudit: an operation whose first mutation
// committed and whose second ran out of time still leaves the first one's
// WRITE event, and answers TIMEOUT, not AUDIT_UNAVAILABLE: the events are
// committed whatever became of the request's deadline.
func TestTimedOutOperationKeepsItsAudit(t *testing.T) {
	s := startServer(t, map[string]string{"REQUEST_TIMEOUT": "1s"})
	c := s.signedIn(t, domain.RoleCaseManager)
	ctx := context.Background()
	db := s.Store.DB()
	lock, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lock.ExecContext(ctx, `LOCK TABLE members IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	r := c.do(`mutation {
		house: createHouse(input: {name: "Timeout House", capacity: 4, genderDesignation: CO_ED, narrLevel: II}) { house { id } userErrors { code } }
		member: createMember(input: {firstName: "Late", lastName: "Member"}) { member { id } } }`, nil)
	_ = lock.Rollback()
	if !slices.Contains(r.errorCodes(), "TIMEOUT") || slices.Contains(r.errorCodes(), "AUDIT_UNAVAILABLE") {
		t.Fatalf("errors %+v, want TIMEOUT", r.Errors)
	}
	// The house was made (the member's non-null payload nulls the data).
	var houses, writes int
	if err := db.NewRaw(`SELECT count(*) FROM houses WHERE name = 'Timeout House'`).Scan(ctx, &houses); err != nil || houses != 1 {
		t.Fatalf("%d houses made (%v), want 1", houses, err)
	}
	if err := db.NewRaw(`SELECT count(*) FROM audit_events WHERE action = 'WRITE' AND object_type = 'House'`).Scan(ctx, &writes); err != nil {
		t.Fatal(err)
	}
	if writes != 1 {
		t.Errorf("%d WRITE events for the house made before the deadline, want 1", writes)
	}
	if codes := c.do(`{ viewer { user { id } } }`, nil).errorCodes(); len(codes) > 0 {
		t.Errorf("the next request: %v", codes)
	}
}
