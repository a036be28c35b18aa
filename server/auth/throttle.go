package auth

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/requestinfo"
)

// SignInThrottle slows down password guessing. It counts failed sign-ins
// per account (the normalized email, whether or not such an account
// exists, so a lockout reveals nothing) and per client address (an IPv6
// address by its /64, as the rate limits count it). After
// AccountLimit failures of one account, or AddressLimit from one address,
// within Window, that account or address is locked out for BaseDelay; each
// further failure after a lockout (until a Window passes without one)
// locks it again for twice as long, up to MaxDelay. While locked out a
// sign-in is refused before the password is even checked. A successful
// sign-in clears its account's record (not its address's: one valid
// account must not buy an address more guesses at others).
//
// The records live in PostgreSQL (the sign_in_failures table, migration
// 0010), so every server process on one database counts the same
// failures: failures on one lock out sign-in on all. The rules are plain
// Go (fail, forgotten); throttle_store.go reads and writes the records.
// Sweep keeps the table bounded: records with no failure within Window
// and no lockout running are deleted, and at most MaxRecords are kept.
type SignInThrottle struct {
	// DB holds the records.
	DB           bun.IDB
	AccountLimit int
	AddressLimit int
	Window       time.Duration
	BaseDelay    time.Duration
	MaxDelay     time.Duration
	MaxRecords   int
	Now          func() time.Time
}

// attempts is the record of one account or address.
type attempts struct {
	failures    []time.Time // within Window, oldest first
	lockouts    int
	lockedUntil time.Time
	last        time.Time
}

// NewSignInThrottle returns a throttle on db with the defaults: 5 failures
// per account and 20 per address in 15 minutes; lockouts of 1 minute
// doubling up to 1 hour.
func NewSignInThrottle(db bun.IDB) *SignInThrottle {
	return &SignInThrottle{
		DB: db, AccountLimit: 5, AddressLimit: 20, Window: 15 * time.Minute,
		BaseDelay: time.Minute, MaxDelay: time.Hour, MaxRecords: 100_000,
	}
}

func (t *SignInThrottle) now() time.Time {
	if t.Now != nil {
		return t.Now()
	}
	return time.Now()
}

func accountKey(email string) string { return "account:" + strings.ToLower(strings.TrimSpace(email)) }

// addressKey groups addresses as the rate limits do: an IPv6 client by its
// /64, which it can pick any address of.
func addressKey(addr string) string { return "address:" + requestinfo.AddressGroup(addr) }

// keys are the records a sign-in to email from address counts against,
// each with its limit.
func (t *SignInThrottle) keys(email, address string) map[string]int {
	keys := map[string]int{accountKey(email): t.AccountLimit}
	if address != "" {
		keys[addressKey(address)] = t.AddressLimit
	}
	return keys
}

// LockedUntil says until when a sign-in to email from address is refused;
// the zero time when it is not.
func (t *SignInThrottle) LockedUntil(ctx context.Context, email, address string) (time.Time, error) {
	until, err := t.lockedUntil(ctx, slices.Collect(maps.Keys(t.keys(email, address))), t.now())
	if err != nil {
		return time.Time{}, fmt.Errorf("auth: unable to read the sign-in throttle: %w", err)
	}
	return until, nil
}

// Failed records a failed sign-in to email from address.
func (t *SignInThrottle) Failed(ctx context.Context, email, address string) error {
	now := t.now()
	limits := t.keys(email, address)
	err := t.update(ctx, slices.Sorted(maps.Keys(limits)), func(key string, r *attempts) {
		t.fail(r, now, limits[key])
	})
	if err != nil {
		return fmt.Errorf("auth: unable to record a failed sign-in: %w", err)
	}
	return nil
}

// Succeeded clears the record of email after a successful sign-in.
func (t *SignInThrottle) Succeeded(ctx context.Context, email string) error {
	if err := t.forget(ctx, accountKey(email)); err != nil {
		return fmt.Errorf("auth: unable to clear the sign-in throttle: %w", err)
	}
	return nil
}

func (t *SignInThrottle) fail(r *attempts, now time.Time, limit int) {
	if t.forgotten(r, now) {
		r.lockouts = 0 // a quiet window after the last lockout forgives it
	}
	r.last = now
	kept := r.failures[:0]
	for _, f := range r.failures {
		if now.Sub(f) < t.Window {
			kept = append(kept, f)
		}
	}
	r.failures = append(kept, now)
	if r.lockouts > 0 || len(r.failures) >= limit {
		r.lockouts++
		delay := t.MaxDelay
		if r.lockouts <= 30 {
			delay = min(t.BaseDelay<<(r.lockouts-1), t.MaxDelay)
		}
		r.lockedUntil = now.Add(delay)
		r.failures = r.failures[:0]
	}
}

// forgottenAt is when r stops counting: a Window after its last failure
// and the end of its last lockout.
func (t *SignInThrottle) forgottenAt(r *attempts) time.Time {
	quiet := r.last
	if r.lockedUntil.After(quiet) {
		quiet = r.lockedUntil
	}
	return quiet.Add(t.Window)
}

// forgotten reports whether r counts for nothing at now.
func (t *SignInThrottle) forgotten(r *attempts, now time.Time) bool {
	return !now.Before(t.forgottenAt(r))
}
