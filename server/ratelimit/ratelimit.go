// Package ratelimit is a leaky bucket per actor, after Shopify's GraphQL
// API: each actor has a bucket of Capacity points that refills at
// RestoreRate points a second; a query takes its cost out of the bucket
// before it runs, and is refused when the bucket holds too little.
//
// Buckets live in memory. A bucket that has refilled to the brim is the
// same as no bucket, so full buckets are dropped: only actors active in the
// last Capacity/RestoreRate seconds take memory. A hard cap on the number
// of buckets bounds it even under a flood of new actors.
package ratelimit

import (
	"math"
	"sync"
	"time"
)

// Status is a bucket's state, as `extensions.cost.throttleStatus` shows it.
type Status struct {
	// MaximumAvailable is the bucket's capacity.
	MaximumAvailable float64
	// CurrentlyAvailable is what the bucket holds now.
	CurrentlyAvailable float64
	// RestoreRate is how many points flow back each second.
	RestoreRate float64
}

// Limiter holds the buckets of every actor.
type Limiter struct {
	capacity float64
	rate     float64
	now      func() time.Time
	// MaxBuckets caps how many buckets are kept; past it, a sweep drops full
	// buckets and then, if still needed, arbitrary ones (their actors get a
	// full bucket again: the cap protects memory, not fairness).
	maxBuckets int

	mu        sync.Mutex
	buckets   map[string]*bucket
	lastSweep time.Time
}

type bucket struct {
	available float64
	at        time.Time
}

// sweepEvery is how often full buckets are dropped.
const sweepEvery = 10 * time.Second

// DefaultMaxBuckets is the cap New uses.
const DefaultMaxBuckets = 100_000

// New returns a limiter whose buckets hold capacity points and refill at
// restoreRate points a second. now is the clock (time.Now when nil).
func New(capacity, restoreRate float64, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{
		capacity: capacity, rate: restoreRate, now: now, maxBuckets: DefaultMaxBuckets,
		buckets: map[string]*bucket{}, lastSweep: now(),
	}
}

// SetMaxBuckets changes the cap on the number of buckets kept.
func (l *Limiter) SetMaxBuckets(n int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.maxBuckets = n
}

// Capacity is what a full bucket holds.
func (l *Limiter) Capacity() float64 { return l.capacity }

// level is what b holds at now.
func (l *Limiter) level(b *bucket, now time.Time) float64 {
	if b == nil {
		return l.capacity
	}
	elapsed := now.Sub(b.at).Seconds()
	if elapsed < 0 {
		elapsed = 0 // a clock that went back gives nothing
	}
	return math.Min(l.capacity, b.available+elapsed*l.rate)
}

// Take takes cost points from key's bucket when it holds them. When it does
// not, nothing is taken and retryAfter says when it will.
func (l *Limiter) Take(key string, cost float64) (ok bool, st Status, retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.maybeSweep(now)
	b := l.buckets[key]
	available := l.level(b, now)
	if cost > available {
		if cost > l.capacity {
			return false, l.status(available), l.wait(math.Inf(1))
		}
		return false, l.status(available), l.wait(cost - available)
	}
	if cost > 0 {
		if b == nil {
			b = &bucket{}
			l.buckets[key] = b
		}
		b.available, b.at = available-cost, now
		available -= cost
	}
	return true, l.status(available), 0
}

// Peek returns key's bucket without taking anything.
func (l *Limiter) Peek(key string) Status {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.status(l.level(l.buckets[key], l.now()))
}

func (l *Limiter) status(available float64) Status {
	return Status{MaximumAvailable: l.capacity, CurrentlyAvailable: available, RestoreRate: l.rate}
}

// wait is how long the bucket takes to gain missing points; forever (a
// day, as a hint) when it never can, because the cost exceeds the capacity
// or nothing flows back.
func (l *Limiter) wait(missing float64) time.Duration {
	if l.rate <= 0 || math.IsInf(missing, 1) {
		return 24 * time.Hour
	}
	return time.Duration(math.Ceil(missing / l.rate * float64(time.Second)))
}

// Len is how many buckets are kept (tests check eviction with it).
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}

func (l *Limiter) maybeSweep(now time.Time) {
	if len(l.buckets) < l.maxBuckets && now.Sub(l.lastSweep) < sweepEvery {
		return
	}
	l.lastSweep = now
	for key, b := range l.buckets {
		if l.level(b, now) >= l.capacity {
			delete(l.buckets, key)
		}
	}
	for key := range l.buckets {
		if len(l.buckets) < l.maxBuckets {
			break
		}
		delete(l.buckets, key)
	}
}

// Refund gives points back to key's bucket (never past its capacity): the
// part of an operation's cost that it did not use. It returns the bucket
// as it is afterwards.
func (l *Limiter) Refund(key string, points float64) Status {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.buckets[key]
	available := l.level(b, now)
	if points > 0 && b != nil {
		available = math.Min(l.capacity, available+points)
		b.available, b.at = available, now
	}
	return l.status(available)
}
