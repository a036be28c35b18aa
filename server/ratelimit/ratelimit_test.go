package ratelimit_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/ratelimit"
	"carejourney/server/store"
	"carejourney/server/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }

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

// twoPools are two connection pools on one new migrated database, as two
// server processes would have.
func twoPools(t *testing.T) (*bun.DB, *bun.DB) {
	t.Helper()
	a, url := testdb.NewMigrated(t)
	b, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return a, b
}

// limiter wraps a Limiter for tests: any database error fails the test.
type limiter struct {
	t  *testing.T
	db *bun.DB
	*ratelimit.Limiter
}

func newLimiter(t *testing.T, db *bun.DB, now func() time.Time) limiter {
	t.Helper()
	l, err := ratelimit.New(context.Background(), db.DB, 1000, 50, now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return limiter{t, db, l}
}

func (l limiter) take(key string, cost float64) (bool, ratelimit.Status, time.Duration) {
	l.t.Helper()
	ok, st, wait, err := l.Take(context.Background(), key, cost)
	if err != nil {
		l.t.Fatal(err)
	}
	return ok, st, wait
}

func (l limiter) peek(key string) ratelimit.Status {
	l.t.Helper()
	st, err := l.Peek(context.Background(), key)
	if err != nil {
		l.t.Fatal(err)
	}
	return st
}

func (l limiter) refund(key string, points float64) ratelimit.Status {
	l.t.Helper()
	st, err := l.Refund(context.Background(), key, points)
	if err != nil {
		l.t.Fatal(err)
	}
	return st
}

func (l limiter) len() int {
	l.t.Helper()
	n, err := l.db.NewSelect().Table("rate_buckets").Count(context.Background())
	if err != nil {
		l.t.Fatal(err)
	}
	return int(n)
}

// TestLimiter runs the tests of the buckets on one database (each with
// keys of its own), reached through two pools as two server processes
// would.
func TestLimiter(t *testing.T) {
	dbA, dbB := twoPools(t)
	for name, test := range map[string]func(*testing.T, *bun.DB, *bun.DB){
		"TakeAndRestore":                testTakeAndRestore,
		"TheDatabaseClock":              testTheDatabaseClock,
		"ZeroCostWritesNothing":         testZeroCostWritesNothing,
		"FullBucketsAreSwept":           testFullBucketsAreSwept,
		"Refund":                        testRefund,
		"TwoInstancesShareOneBucket":    testTwoInstancesShareOneBucket,
		"ConcurrentTakesNeverOverspend": testConcurrentTakesNeverOverspend,
	} {
		if _, err := dbA.ExecContext(context.Background(), "TRUNCATE rate_buckets"); err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) { test(t, dbA, dbB) })
	}
}

// TestWait is the arithmetic of a refusal, without a database.
func TestWait(t *testing.T) {
	r := ratelimit.Rule{Capacity: 1000, RestoreRate: 50}
	for _, c := range []struct {
		cost, available float64
		want            time.Duration
	}{
		{100, 0, 2 * time.Second},
		{100, 50, time.Second},
		{1, 0, 20 * time.Millisecond}, // a fraction rounds up, never down to zero
		{100, 100, 0},
		{1001, 1000, 24 * time.Hour}, // over the capacity: never
	} {
		if got := r.Wait(c.cost, c.available); got != c.want {
			t.Errorf("Wait(%v, %v) = %v, want %v", c.cost, c.available, got, c.want)
		}
	}
	if got := (ratelimit.Rule{Capacity: 10}).Wait(5, 0); got != 24*time.Hour {
		t.Errorf("nothing flows back: %v", got)
	}
}

func testTakeAndRestore(t *testing.T, dbA, dbB *bun.DB) {
	c := newClock()
	l := newLimiter(t, dbA, c.now)

	ok, st, _ := l.take("user:1", 400)
	if !ok || st.CurrentlyAvailable != 600 || st.MaximumAvailable != 1000 || st.RestoreRate != 50 {
		t.Fatalf("first take: %v %+v", ok, st)
	}
	ok, st, _ = l.take("user:1", 600)
	if !ok || st.CurrentlyAvailable != 0 {
		t.Fatalf("second take: %v %+v", ok, st)
	}
	// Empty: a query of 100 must wait 2 s (100 / 50), and nothing is taken.
	ok, st, wait := l.take("user:1", 100)
	if ok || st.CurrentlyAvailable != 0 || wait != 2*time.Second {
		t.Fatalf("empty bucket: %v %+v wait %v", ok, st, wait)
	}
	// Another actor has their own bucket.
	if ok, st, _ := l.take("user:2", 1000); !ok || st.CurrentlyAvailable != 0 {
		t.Fatalf("other actor: %v %+v", ok, st)
	}

	c.advance(time.Second)
	if st := l.peek("user:1"); st.CurrentlyAvailable != 50 {
		t.Fatalf("after 1 s: %+v", st)
	}
	ok, _, wait = l.take("user:1", 100)
	if ok || wait != time.Second {
		t.Fatalf("after 1 s: %v wait %v", ok, wait)
	}
	c.advance(time.Second)
	if ok, st, _ := l.take("user:1", 100); !ok || st.CurrentlyAvailable != 0 {
		t.Fatalf("after 2 s: %v %+v", ok, st)
	}
	// It never fills past its capacity.
	c.advance(time.Hour)
	if st := l.peek("user:1"); st.CurrentlyAvailable != 1000 {
		t.Fatalf("after an hour: %+v", st)
	}
	// A fractional wait rounds up to whole nanoseconds, never down to zero.
	l.take("user:3", 1000)
	if _, _, wait := l.take("user:3", 1); wait != 20*time.Millisecond {
		t.Fatalf("1 point: wait %v", wait)
	}
	// A cost over the capacity can never be paid.
	if ok, _, wait := l.take("user:4", 1001); ok || wait != 24*time.Hour {
		t.Fatalf("over capacity: %v %v", ok, wait)
	}
	// A clock that goes back gives nothing.
	l.take("user:5", 1000)
	c.advance(-time.Minute)
	if st := l.peek("user:5"); st.CurrentlyAvailable != 0 {
		t.Fatalf("clock went back: %+v", st)
	}
}

// TestTheDatabaseClock: without a clock of its own, the limiter reads the
// database's, as every instance does in production.
func testTheDatabaseClock(t *testing.T, dbA, dbB *bun.DB) {
	l := newLimiter(t, dbA, nil)
	if ok, st, _ := l.take("user:1", 1000); !ok || st.CurrentlyAvailable != 0 {
		t.Fatalf("take: %v %+v", ok, st)
	}
	time.Sleep(100 * time.Millisecond)
	// 50 a second: about 5 points back, never more than the time allows.
	if got := l.peek("user:1").CurrentlyAvailable; got < 4.9 || got > 10 {
		t.Fatalf("after 100 ms: %v", got)
	}
}

func testZeroCostWritesNothing(t *testing.T, dbA, dbB *bun.DB) {
	l := newLimiter(t, dbA, newClock().now)
	if ok, st, _ := l.take("user:1", 0); !ok || st.CurrentlyAvailable != 1000 || l.len() != 0 {
		t.Fatalf("%v %+v %d buckets", ok, st, l.len())
	}
}

func testFullBucketsAreSwept(t *testing.T, dbA, dbB *bun.DB) {
	c := newClock()
	l := newLimiter(t, dbA, c.now)
	for i := range 50 {
		l.take("addr:"+string(rune('a'+i)), 100)
	}
	l.take("user:1", 1000)
	if l.len() != 51 {
		t.Fatalf("buckets = %d", l.len())
	}
	// 100 points refill in 2 s; 1000 in 20 s.
	c.advance(3 * time.Second)
	if n, err := l.Sweep(context.Background()); err != nil || n != 50 || l.len() != 1 {
		t.Fatalf("swept %d (%v), %d buckets left, want the 1 not full", n, err, l.len())
	}
	if st := l.peek("user:1"); st.CurrentlyAvailable != 150 {
		t.Fatalf("the bucket left: %+v", st)
	}
}

// TestRefund gives back what an operation did not use, never past the
// capacity, and nothing to a bucket that was never charged.
func testRefund(t *testing.T, dbA, dbB *bun.DB) {
	l := newLimiter(t, dbA, newClock().now)
	l.take("user:1", 400)
	if st := l.refund("user:1", 300); st.CurrentlyAvailable != 900 {
		t.Errorf("after a refund of 300: %v", st.CurrentlyAvailable)
	}
	if st := l.refund("user:1", 500); st.CurrentlyAvailable != 1000 {
		t.Errorf("past the capacity: %v", st.CurrentlyAvailable)
	}
	if st := l.refund("user:2", 10); st.CurrentlyAvailable != 1000 || l.len() != 1 {
		t.Errorf("an untouched bucket: %v, %d buckets", st.CurrentlyAvailable, l.len())
	}
}

// TestTwoInstancesShareOneBucket: limiters on two pools (two server
// processes) spend one bucket between them.
func testTwoInstancesShareOneBucket(t *testing.T, dbA, dbB *bun.DB) {
	c := newClock()
	a, b := newLimiter(t, dbA, c.now), newLimiter(t, dbB, c.now)
	if ok, _, _ := a.take("user:1", 600); !ok {
		t.Fatal("A refused a full bucket")
	}
	if st := b.peek("user:1"); st.CurrentlyAvailable != 400 {
		t.Fatalf("B sees %v after A took 600", st.CurrentlyAvailable)
	}
	if ok, st, wait := b.take("user:1", 500); ok || st.CurrentlyAvailable != 400 || wait != 2*time.Second {
		t.Fatalf("B took 500 of 400: %v %+v %v", ok, st, wait)
	}
	if ok, _, _ := b.take("user:1", 400); !ok {
		t.Fatal("B refused the 400 left")
	}
	if ok, _, _ := a.take("user:1", 1); ok {
		t.Fatal("A took from an empty bucket")
	}
	b.refund("user:1", 100)
	if st := a.peek("user:1"); st.CurrentlyAvailable != 100 {
		t.Fatalf("A sees %v after B's refund of 100", st.CurrentlyAvailable)
	}
}

// TestConcurrentTakesNeverOverspend races goroutines on two pools for one
// bucket with random costs, the clock standing still: together they spend
// exactly its capacity, never a point more, and the bucket ends empty.
// Each goroutine goes on until even 1 point is refused.
func testConcurrentTakesNeverOverspend(t *testing.T, dbA, dbB *bun.DB) {
	c := newClock()
	limiters := []limiter{newLimiter(t, dbA, c.now), newLimiter(t, dbB, c.now)}
	for round := range 3 {
		key := "key:" + string(rune('a'+round))
		var spent, takes atomic.Int64
		var wg sync.WaitGroup
		for g := range 16 {
			l := limiters[g%2]
			wg.Go(func() {
				for {
					cost := float64(rand.IntN(20) + 1)
					ok, st, wait, err := l.Take(context.Background(), key, cost)
					if err != nil {
						t.Error(err)
						return
					}
					if !ok && (wait <= 0 || st.CurrentlyAvailable >= cost) {
						t.Errorf("refused %v with %v available, wait %v", cost, st.CurrentlyAvailable, wait)
					}
					if !ok {
						if ok, _, _, _ = l.Take(context.Background(), key, 1); !ok {
							return
						}
						cost = 1
					}
					spent.Add(int64(cost))
					takes.Add(1)
				}
			})
		}
		wg.Wait()
		left := limiters[0].peek(key).CurrentlyAvailable
		if spent.Load() != 1000 || left != 0 {
			t.Fatalf("round %d: %d takes spent %d of 1000, %v left", round, takes.Load(), spent.Load(), left)
		}
		t.Logf("round %d: %d takes from 16 goroutines on 2 pools spent exactly 1000", round, takes.Load())
	}
}

// BenchmarkTakeAndRefund is what the limits add to a request: a take and a
// refund, one actor's bucket (serial), and many actors' at once (parallel,
// each goroutine its own bucket), and one bucket from every goroutine (its
// row's lock serializes them).
func BenchmarkTakeAndRefund(b *testing.B) {
	db, _ := testdb.NewMigrated(b)
	l, err := ratelimit.New(context.Background(), db.DB, 1e12, 1e12, nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	pair := func(key string) {
		if _, _, _, err := l.Take(ctx, key, 52); err != nil {
			b.Fatal(err)
		}
		if _, err := l.Refund(ctx, key, 50); err != nil {
			b.Fatal(err)
		}
	}
	// The yardstick: two statements that do nothing.
	b.Run("serial-two-SELECT-1", func(b *testing.B) {
		for b.Loop() {
			for range 2 {
				if _, err := db.ExecContext(ctx, "SELECT 1"); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("serial", func(b *testing.B) {
		for b.Loop() {
			pair("user:1")
		}
	})
	var next atomic.Int64
	b.Run("parallel-actors", func(b *testing.B) {
		b.SetParallelism(4)
		b.RunParallel(func(pb *testing.PB) {
			key := fmt.Sprintf("user:%d", next.Add(1))
			for pb.Next() {
				pair(key)
			}
		})
	})
	b.Run("parallel-one-actor", func(b *testing.B) {
		b.SetParallelism(4)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				pair("user:shared")
			}
		})
	})
}
