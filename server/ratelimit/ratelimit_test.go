package ratelimit_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"carejourney/server/ratelimit"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)} }

func TestTakeAndRestore(t *testing.T) {
	c := newClock()
	l := ratelimit.New(1000, 50, c.now)

	ok, st, _ := l.Take("user:1", 400)
	if !ok || st.CurrentlyAvailable != 600 || st.MaximumAvailable != 1000 || st.RestoreRate != 50 {
		t.Fatalf("first take: %v %+v", ok, st)
	}
	ok, st, _ = l.Take("user:1", 600)
	if !ok || st.CurrentlyAvailable != 0 {
		t.Fatalf("second take: %v %+v", ok, st)
	}
	// Empty: a query of 100 must wait 2 s (100 / 50), and nothing is taken.
	ok, st, wait := l.Take("user:1", 100)
	if ok || st.CurrentlyAvailable != 0 || wait != 2*time.Second {
		t.Fatalf("empty bucket: %v %+v wait %v", ok, st, wait)
	}
	// Another actor has their own bucket.
	if ok, st, _ := l.Take("user:2", 1000); !ok || st.CurrentlyAvailable != 0 {
		t.Fatalf("other actor: %v %+v", ok, st)
	}

	c.advance(time.Second)
	if st := l.Peek("user:1"); st.CurrentlyAvailable != 50 {
		t.Fatalf("after 1 s: %+v", st)
	}
	ok, _, wait = l.Take("user:1", 100)
	if ok || wait != time.Second {
		t.Fatalf("after 1 s: %v wait %v", ok, wait)
	}
	c.advance(time.Second)
	if ok, st, _ := l.Take("user:1", 100); !ok || st.CurrentlyAvailable != 0 {
		t.Fatalf("after 2 s: %v %+v", ok, st)
	}
	// It never fills past its capacity.
	c.advance(time.Hour)
	if st := l.Peek("user:1"); st.CurrentlyAvailable != 1000 {
		t.Fatalf("after an hour: %+v", st)
	}
	// A fractional wait rounds up to whole nanoseconds, never down to zero.
	l.Take("user:3", 1000)
	if _, _, wait := l.Take("user:3", 1); wait != 20*time.Millisecond {
		t.Fatalf("1 point: wait %v", wait)
	}
	// A cost over the capacity can never be paid.
	if ok, _, wait := l.Take("user:4", 1001); ok || wait != 24*time.Hour {
		t.Fatalf("over capacity: %v %v", ok, wait)
	}
	// A clock that goes back gives nothing.
	l.Take("user:5", 1000)
	c.advance(-time.Minute)
	if st := l.Peek("user:5"); st.CurrentlyAvailable != 0 {
		t.Fatalf("clock went back: %+v", st)
	}
}

func TestZeroCostTakesNoMemory(t *testing.T) {
	l := ratelimit.New(1000, 50, newClock().now)
	if ok, st, _ := l.Take("user:1", 0); !ok || st.CurrentlyAvailable != 1000 || l.Len() != 0 {
		t.Fatalf("%v %+v %d buckets", ok, st, l.Len())
	}
}

func TestFullBucketsAreEvicted(t *testing.T) {
	c := newClock()
	l := ratelimit.New(1000, 50, c.now)
	for i := range 500 {
		l.Take(fmt.Sprintf("addr:%d", i), 100)
	}
	if l.Len() != 500 {
		t.Fatalf("buckets = %d", l.Len())
	}
	// 100 points refill in 2 s; the sweep runs every 10 s.
	c.advance(11 * time.Second)
	l.Take("user:1", 1)
	if l.Len() != 1 {
		t.Fatalf("after refilling: %d buckets, want the 1 in use", l.Len())
	}
}

func TestBucketCap(t *testing.T) {
	l := ratelimit.New(1000, 50, newClock().now)
	l.SetMaxBuckets(100)
	for i := range 1000 {
		l.Take(fmt.Sprintf("addr:%d", i), 10)
	}
	if n := l.Len(); n > 100 {
		t.Fatalf("buckets = %d, cap 100", n)
	}
}

func TestConcurrentTakesNeverOverdraw(t *testing.T) {
	l := ratelimit.New(1000, 50, newClock().now) // the clock stands still
	var wg sync.WaitGroup
	var mu sync.Mutex
	taken := 0
	for range 50 {
		wg.Go(func() {
			for range 10 {
				if ok, _, _ := l.Take("key:1", 7); ok {
					mu.Lock()
					taken += 7
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if taken > 1000 || taken < 1000-7 {
		t.Fatalf("taken %d of 1000", taken)
	}
}

// TestRefund gives back what an operation did not use, never past the
// capacity, and nothing to a bucket that was never charged.
func TestRefund(t *testing.T) {
	c := newClock()
	l := ratelimit.New(1000, 50, c.now)
	l.Take("user:1", 400)
	if st := l.Refund("user:1", 300); st.CurrentlyAvailable != 900 {
		t.Errorf("after a refund of 300: %v", st.CurrentlyAvailable)
	}
	if st := l.Refund("user:1", 500); st.CurrentlyAvailable != 1000 {
		t.Errorf("past the capacity: %v", st.CurrentlyAvailable)
	}
	if st := l.Refund("user:2", 10); st.CurrentlyAvailable != 1000 || l.Len() != 1 {
		t.Errorf("an untouched bucket: %v, %d buckets", st.CurrentlyAvailable, l.Len())
	}
}
