package auth_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/requestinfo"
)

type throttleClock struct{ t time.Time }

func (c *throttleClock) now() time.Time          { return c.t }
func (c *throttleClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newThrottle() (*auth.SignInThrottle, *throttleClock) {
	c := &throttleClock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	th := auth.NewSignInThrottle()
	th.Now = c.now
	return th, c
}

func TestThrottleLocksAnAccountAfterFiveFailures(t *testing.T) {
	th, c := newThrottle()
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

func TestThrottleFailuresOutsideTheWindowDoNotCount(t *testing.T) {
	th, c := newThrottle()
	for range 4 {
		th.Failed("pat@example.org", "")
	}
	c.advance(15 * time.Minute)
	th.Failed("pat@example.org", "")
	if !th.LockedUntil("pat@example.org", "").IsZero() {
		t.Error("failures older than 15 minutes counted")
	}
}

func TestThrottleSuccessResetsTheAccount(t *testing.T) {
	th, _ := newThrottle()
	for range 4 {
		th.Failed("pat@example.org", "192.0.2.1")
	}
	th.Succeeded("PAT@example.org")
	th.Failed("pat@example.org", "192.0.2.1")
	if !th.LockedUntil("pat@example.org", "").IsZero() {
		t.Error("failures before a success still count")
	}
}

func TestThrottleLocksAnAddressAfterTwentyFailures(t *testing.T) {
	th, c := newThrottle()
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

func TestThrottleMemoryIsBounded(t *testing.T) {
	th, c := newThrottle()
	th.MaxRecords = 1000
	for i := range 5000 {
		th.Failed(fmt.Sprintf("a%d@example.org", i), fmt.Sprintf("10.0.%d.%d", i/256, i%256))
	}
	if n := th.Len(); n > 1000 {
		t.Fatalf("%d records, cap 1000", n)
	}
	c.advance(16 * time.Minute)
	th.Failed("last@example.org", "")
	if n := th.Len(); n != 1 {
		t.Fatalf("%d records after the window, want 1", n)
	}
}

// TestLockedOutSignInChecksNothing checks that a locked-out sign-in is
// refused before any lookup or password check: the sessions here have no
// store, and touching it would panic.
func TestLockedOutSignInChecksNothing(t *testing.T) {
	th, c := newThrottle()
	for range 5 {
		th.Failed("pat@example.org", "192.0.2.1")
	}
	s := &auth.Sessions{Throttle: th, Now: c.now}
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
func TestThrottleGroupsIPv6By64(t *testing.T) {
	th, _ := newThrottle()
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
