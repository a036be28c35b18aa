package auth

import (
	"strings"
	"sync"
	"time"

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
// State lives in memory: a restart forgets it, and with several server
// processes each counts on its own (the limits then multiply by their
// number). It is bounded: records with no failure within Window and no
// lockout running are dropped, and at most MaxRecords are kept.
type SignInThrottle struct {
	AccountLimit int
	AddressLimit int
	Window       time.Duration
	BaseDelay    time.Duration
	MaxDelay     time.Duration
	MaxRecords   int
	Now          func() time.Time

	mu        sync.Mutex
	records   map[string]*attempts
	lastSweep time.Time
}

type attempts struct {
	failures    []time.Time // within Window, oldest first
	lockouts    int
	lockedUntil time.Time
	last        time.Time
}

// NewSignInThrottle returns a throttle with the defaults: 5 failures per
// account and 20 per address in 15 minutes; lockouts of 1 minute doubling
// up to 1 hour.
func NewSignInThrottle() *SignInThrottle {
	return &SignInThrottle{
		AccountLimit: 5, AddressLimit: 20, Window: 15 * time.Minute,
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

// LockedUntil says until when a sign-in to email from address is refused;
// the zero time when it is not.
func (t *SignInThrottle) LockedUntil(email, address string) time.Time {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	var until time.Time
	for _, key := range t.keys(email, address) {
		if r := t.records[key]; r != nil && r.lockedUntil.After(now) && r.lockedUntil.After(until) {
			until = r.lockedUntil
		}
	}
	return until
}

// Failed records a failed sign-in to email from address.
func (t *SignInThrottle) Failed(email, address string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	t.sweep(now)
	if t.records == nil {
		t.records = map[string]*attempts{}
	}
	for i, key := range t.keys(email, address) {
		limit := t.AccountLimit
		if i == 1 {
			limit = t.AddressLimit
		}
		r := t.records[key]
		if r == nil {
			r = &attempts{}
			t.records[key] = r
		}
		t.fail(r, now, limit)
	}
}

// Succeeded clears the record of email after a successful sign-in.
func (t *SignInThrottle) Succeeded(email string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.records, accountKey(email))
}

func (t *SignInThrottle) keys(email, address string) []string {
	keys := []string{accountKey(email)}
	if address != "" {
		keys = append(keys, addressKey(address))
	}
	return keys
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

// forgotten reports whether a Window has passed since r's last failure and
// the end of its last lockout: then it counts for nothing.
func (t *SignInThrottle) forgotten(r *attempts, now time.Time) bool {
	quiet := r.last
	if r.lockedUntil.After(quiet) {
		quiet = r.lockedUntil
	}
	return now.Sub(quiet) >= t.Window
}

// sweep drops records that no longer matter, at most once a minute, or
// at once when there is no room for a failure's two records.
func (t *SignInThrottle) sweep(now time.Time) {
	full := t.MaxRecords > 0 && len(t.records)+2 > t.MaxRecords
	if !full && now.Sub(t.lastSweep) < time.Minute {
		return
	}
	t.lastSweep = now
	for key, r := range t.records {
		if t.forgotten(r, now) {
			delete(t.records, key)
		}
	}
	// Still too many: drop records not locked out, then any (the bound on
	// memory wins over a lockout).
	for _, lockedToo := range []bool{false, true} {
		for key, r := range t.records {
			if t.MaxRecords <= 0 || len(t.records)+2 <= t.MaxRecords {
				return
			}
			if lockedToo || !r.lockedUntil.After(now) {
				delete(t.records, key)
			}
		}
	}
}

// Len is how many records are kept (tests check the bound with it).
func (t *SignInThrottle) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.records)
}
