package auth_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/requestinfo"
	"carejourney/server/store"
	"carejourney/server/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }

type throttleClock struct{ t time.Time }

func (c *throttleClock) now() time.Time          { return c.t }
func (c *throttleClock) advance(d time.Duration) { c.t = c.t.Add(d) }

// testThrottle is a SignInThrottle whose database errors fail the test.
type testThrottle struct {
	t *testing.T
	*auth.SignInThrottle
}

func (th testThrottle) Failed(email, address string) {
	th.t.Helper()
	if err := th.SignInThrottle.Failed(context.Background(), email, address); err != nil {
		th.t.Fatal(err)
	}
}

func (th testThrottle) Succeeded(email string) {
	th.t.Helper()
	if err := th.SignInThrottle.Succeeded(context.Background(), email); err != nil {
		th.t.Fatal(err)
	}
}

func (th testThrottle) LockedUntil(email, address string) time.Time {
	th.t.Helper()
	until, err := th.SignInThrottle.LockedUntil(context.Background(), email, address)
	if err != nil {
		th.t.Fatal(err)
	}
	return until
}

func (th testThrottle) Len() int {
	th.t.Helper()
	n, err := th.SignInThrottle.Len(context.Background())
	if err != nil {
		th.t.Fatal(err)
	}
	return n
}

func (th testThrottle) Sweep() {
	th.t.Helper()
	if _, err := th.SignInThrottle.Sweep(context.Background()); err != nil {
		th.t.Fatal(err)
	}
}

func newThrottleOn(t *testing.T, db bun.IDB, c *throttleClock) testThrottle {
	th := auth.NewSignInThrottle(db)
	th.Now = c.now
	return testThrottle{t, th}
}

// TestThrottle runs the throttle's tests on one database, emptied before
// each; db2 is a second pool on it, as a second server process has.
func TestThrottle(t *testing.T) {
	db, url := testdb.NewMigrated(t)
	db2, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db2.Close() })
	for name, test := range map[string]func(*testing.T, *throttleEnv){
		"ThrottleLocksAnAccountAfterFiveFailures":    testThrottleLocksAnAccountAfterFiveFailures,
		"ThrottleFailuresOutsideTheWindowDoNotCount": testThrottleFailuresOutsideTheWindowDoNotCount,
		"ThrottleSuccessResetsTheAccount":            testThrottleSuccessResetsTheAccount,
		"ThrottleLocksAnAddressAfterTwentyFailures":  testThrottleLocksAnAddressAfterTwentyFailures,
		"ThrottleTableIsBounded":                     testThrottleTableIsBounded,
		"ThrottleSharedAcrossInstances":              testThrottleSharedAcrossInstances,
		"LockedOutSignInChecksNothing":               testLockedOutSignInChecksNothing,
		"ThrottleGroupsIPv6By64":                     testThrottleGroupsIPv6By64,
	} {
		if _, err := db.ExecContext(context.Background(), "TRUNCATE sign_in_failures"); err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) { test(t, &throttleEnv{db: db, db2: db2}) })
	}
}

type throttleEnv struct{ db, db2 *bun.DB }

// newThrottle is a throttle on the test's database with a clock of its own.
func (e *throttleEnv) newThrottle(t *testing.T) (testThrottle, *throttleClock) {
	c := &throttleClock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	return newThrottleOn(t, e.db, c), c
}

func testThrottleLocksAnAccountAfterFiveFailures(t *testing.T, env *throttleEnv) {
	th, c := env.newThrottle(t)
	for i := range 4 {
		th.Failed("Pat@Example.org", "192.0.2.1")
		if !th.LockedUntil("pat@example.org", "192.0.2.1").IsZero() {
			t.Fatalf("locked after %d failures", i+1)
		}
		c.advance(time.Minute)
	}
	th.Failed(" pat@example.org", "192.0.2.2") // the account counts across addresses and spellings
	until := th.LockedUntil("pat@example.org", "198.51.100.1")
	if want := c.t.Add(time.Minute); !until.Equal(want) {
		t.Fatalf("locked until %v, want %v", until, want)
	}
	if !th.LockedUntil("someone.else@example.org", "192.0.2.1").IsZero() {
		t.Error("another account from the same address is locked after 5 failures")
	}

	// Growing delay: each failure after a lockout doubles it.
	for _, want := range []time.Duration{2 * time.Minute, 4 * time.Minute, 8 * time.Minute} {
		c.t = until
		if !th.LockedUntil("pat@example.org", "").IsZero() {
			t.Fatal("still locked at the end of the lockout")
		}
		th.Failed("pat@example.org", "")
		until = th.LockedUntil("pat@example.org", "")
		if got := until.Sub(c.t); got != want {
			t.Fatalf("lockout %v, want %v", got, want)
		}
	}
	// Capped at an hour.
	for range 10 {
		c.t = until
		th.Failed("pat@example.org", "")
		until = th.LockedUntil("pat@example.org", "")
	}
	if got := until.Sub(c.t); got != time.Hour {
		t.Fatalf("lockout %v, want the 1 h cap", got)
	}

	// A quiet window after the lockout forgives it: the next failure is 1 of 5.
	c.t = until.Add(15 * time.Minute)
	th.Failed("pat@example.org", "")
	if !th.LockedUntil("pat@example.org", "").IsZero() {
		t.Error("locked at once after a quiet window")
	}
}

func testThrottleFailuresOutsideTheWindowDoNotCount(t *testing.T, env *throttleEnv) {
	th, c := env.newThrottle(t)
	for range 4 {
		th.Failed("pat@example.org", "")
	}
	c.advance(15 * time.Minute)
	th.Failed("pat@example.org", "")
	if !th.LockedUntil("pat@example.org", "").IsZero() {
		t.Error("failures older than 15 minutes counted")
	}
}

func testThrottleSuccessResetsTheAccount(t *testing.T, env *throttleEnv) {
	th, _ := env.newThrottle(t)
	for range 4 {
		th.Failed("pat@example.org", "192.0.2.1")
	}
	th.Succeeded("PAT@example.org")
	th.Failed("pat@example.org", "192.0.2.1")
	if !th.LockedUntil("pat@example.org", "").IsZero() {
		t.Error("failures before a success still count")
	}
}

func testThrottleLocksAnAddressAfterTwentyFailures(t *testing.T, env *throttleEnv) {
	th, c := env.newThrottle(t)
	for i := range 19 {
		th.Failed(fmt.Sprintf("guess%d@example.org", i), "192.0.2.1")
	}
	if !th.LockedUntil("new@example.org", "192.0.2.1").IsZero() {
		t.Fatal("address locked after 19 failures")
	}
	// A success on some account does not clear the address.
	th.Succeeded("guess1@example.org")
	th.Failed("guess19@example.org", "192.0.2.1")
	until := th.LockedUntil("new@example.org", "192.0.2.1")
	if !until.Equal(c.t.Add(time.Minute)) {
		t.Fatalf("address locked until %v", until)
	}
	if !th.LockedUntil("new@example.org", "192.0.2.2").IsZero() {
		t.Error("another address is locked")
	}
}

// The table is bounded by the sweep (once a minute in the server): past
// MaxRecords it keeps lockouts over the rest, and after a window nothing
// of the old failures.
func testThrottleTableIsBounded(t *testing.T, env *throttleEnv) {
	th, c := env.newThrottle(t)
	th.MaxRecords = 100
	for range 5 {
		th.Failed("locked@example.org", "")
	}
	for i := range 300 {
		th.Failed(fmt.Sprintf("a%d@example.org", i), fmt.Sprintf("10.0.%d.%d", i/256, i%256))
	}
	th.Sweep()
	if n := th.Len(); n > 100 {
		t.Fatalf("%d records, cap 100", n)
	}
	if th.LockedUntil("locked@example.org", "").IsZero() {
		t.Error("the sweep dropped a lockout before records that count for less")
	}
	c.advance(16 * time.Minute)
	th.Failed("last@example.org", "")
	th.Sweep()
	if n := th.Len(); n != 1 {
		t.Fatalf("%d records after the window, want 1", n)
	}
}

// Two instances (two pools on one database) count the same failures, even
// at the same moment: failures on A lock out sign-in on B.
func testThrottleSharedAcrossInstances(t *testing.T, env *throttleEnv) {
	a, c := env.newThrottle(t)
	b := newThrottleOn(t, env.db2, c)
	for range 4 {
		a.Failed("pat@example.org", "192.0.2.1")
	}
	b.Failed("pat@example.org", "192.0.2.2")
	if until := b.LockedUntil("pat@example.org", ""); !until.Equal(c.t.Add(time.Minute)) {
		t.Fatalf("B: locked until %v after 4 failures on A and 1 on B", until)
	}
	if a.LockedUntil("pat@example.org", "").IsZero() {
		t.Fatal("A does not see the lockout of the 5th failure, on B")
	}
	// 19 failures from one address, at once, half on each: none is lost,
	// and none locks; the 20th does.
	var wg sync.WaitGroup
	for i := range 19 {
		th := []testThrottle{a, b}[i%2]
		wg.Go(func() {
			if err := th.SignInThrottle.Failed(context.Background(), fmt.Sprintf("g%d@example.org", i), "198.51.100.7"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if !a.LockedUntil("new@example.org", "198.51.100.7").IsZero() {
		t.Fatal("locked after 19 failures")
	}
	a.Failed("g19@example.org", "198.51.100.7")
	if b.LockedUntil("new@example.org", "198.51.100.7").IsZero() {
		t.Fatal("B: not locked after 20 failures from one address, on A and B at once")
	}
	// A success on B clears the account on A.
	b.Succeeded("pat@example.org")
	if !a.LockedUntil("pat@example.org", "").IsZero() {
		t.Error("A: still locked after a success on B")
	}
}

// TestLockedOutSignInChecksNothing checks that a locked-out sign-in is
// refused before any lookup or password check: the sessions here have no
// store, and touching it would panic.
func testLockedOutSignInChecksNothing(t *testing.T, env *throttleEnv) {
	th, c := env.newThrottle(t)
	for range 5 {
		th.Failed("pat@example.org", "192.0.2.1")
	}
	s := &auth.Sessions{Throttle: th.SignInThrottle, Now: c.now}
	ctx := requestinfo.WithClientAddress(context.Background(), "192.0.2.9")
	_, _, err := s.SignIn(ctx, auth.Credentials{Email: "PAT@example.org", Password: "the right password, maybe"})
	e := domain.AsError(err)
	if e == nil || e.Code != domain.CodeTooManyAttempts || e.Message != "Too many failed sign-in attempts. Try again in 1 minute (after 2026-03-01T12:01:00Z)." {
		t.Fatalf("err = %v", err)
	}
	// Locked by address: any account from it.
	c.advance(90 * time.Second)
	for i := range 20 {
		th.Failed(fmt.Sprintf("x%d@example.org", i), "192.0.2.9")
	}
	_, _, err = s.SignIn(ctx, auth.Credentials{Email: "new@example.org", Password: "whatever"})
	if domain.ErrorCode(err) != domain.CodeTooManyAttempts || !strings.Contains(err.Error(), "Try again in 1 minute") {
		t.Fatalf("address lockout: %v", err)
	}
}

// Addresses of one IPv6 /64 count as one address, as for the rate limits:
// a client cannot get fresh guesses by moving within its prefix.
func testThrottleGroupsIPv6By64(t *testing.T, env *throttleEnv) {
	th, _ := env.newThrottle(t)
	for i := range 20 {
		th.Failed(fmt.Sprintf("a%d@example.org", i), fmt.Sprintf("2001:db8:1:2::%x", i+1))
	}
	if th.LockedUntil("new@example.org", "2001:db8:1:2:ffff::9").IsZero() {
		t.Fatal("another address of the same /64 is not locked out")
	}
	if !th.LockedUntil("new@example.org", "2001:db8:1:3::1").IsZero() {
		t.Fatal("the next /64 is locked out too")
	}
	if !th.LockedUntil("new@example.org", "192.0.2.1").IsZero() {
		t.Fatal("an IPv4 address is locked out")
	}
}
