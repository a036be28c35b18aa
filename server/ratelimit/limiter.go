package ratelimit

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// Limiter keeps the buckets of every actor in the rate_buckets table
// (migration 0010). A missing row is a full bucket: the first take inserts
// one, and full rows are swept (Sweep), so only actors active in the last
// Capacity/RestoreRate seconds have a row.
//
// Each take is one statement that computes the bucket's level from its
// stored level and time and spends from it only when it holds enough,
// under the row's lock: instances racing for the last points cannot both
// have them.
type Limiter struct {
	db   bun.IDB
	rule Rule
	// now is the clock; nil means the database's (clock_timestamp()), one
	// clock for every instance whatever their own say.
	now func() time.Time
}

// New returns a limiter on db whose buckets hold capacity points and
// refill at restoreRate points a second. now is the clock (the database's
// when nil; tests pass one they move).
func New(db bun.IDB, capacity, restoreRate float64, now func() time.Time) *Limiter {
	return &Limiter{db: db, rule: Rule{Capacity: capacity, RestoreRate: restoreRate}, now: now}
}

// Capacity is what a full bucket holds.
func (l *Limiter) Capacity() float64 { return l.rule.Capacity }

// bucketArgs are the named arguments of the statements below.
type bucketArgs struct {
	Key      string
	Cost     float64
	Capacity float64
	Rate     float64
	// Now is the time of the statement; zero means the database's clock.
	Now time.Time `bun:",nullzero"`
}

func (l *Limiter) args(key string, cost float64) *bucketArgs {
	a := &bucketArgs{Key: key, Cost: cost, Capacity: l.rule.Capacity, Rate: l.rule.RestoreRate}
	if l.now != nil {
		a.Now = l.now()
	}
	return a
}

// clockCTE is the statement's one time: the one passed in, or the
// database's.
const clockCTE = `clock AS (SELECT coalesce(?now::timestamptz, clock_timestamp()) AS t)`

// level is what bucket b holds at time t: its stored level plus what flowed
// back since, never past the capacity (a clock that went back gives
// nothing).
func level(b, t string) string {
	return fmt.Sprintf(`least(?capacity::float8, %[1]s.available + ?rate::float8 * greatest(0, extract(epoch FROM %[2]s - %[1]s.at))::float8)`, b, t)
}

// takeSQL spends ?cost from the bucket when it holds that much: a new row
// for a full bucket, else the row updated under its lock. When it does not,
// the update does nothing and the second half reports the level (as of
// the statement's start: a report, not a decision). The time stored never
// goes back, so two takes whose clocks cross cannot refill twice.
var takeSQL = `WITH ` + clockCTE + `,
taken AS (
	INSERT INTO rate_buckets AS b (key, available, at)
	SELECT ?key, ?capacity::float8 - ?cost, clock.t FROM clock
	ON CONFLICT (key) DO UPDATE
	SET available = ` + level("b", "excluded.at") + ` - ?cost, at = greatest(b.at, excluded.at)
	WHERE ` + level("b", "excluded.at") + ` >= ?cost
	RETURNING b.available
)
SELECT available, true AS taken FROM taken
UNION ALL
SELECT ` + level("b", "clock.t") + `, false FROM rate_buckets b, clock
WHERE b.key = ?key AND NOT EXISTS (SELECT FROM taken)`

// Take takes cost points from key's bucket when it holds them. When it does
// not, nothing is taken and retryAfter says when it will. A cost of 0, or
// one over the capacity (which no bucket can hold), only reads the bucket.
func (l *Limiter) Take(ctx context.Context, key string, cost float64) (ok bool, st Status, retryAfter time.Duration, err error) {
	if cost <= 0 || cost > l.rule.Capacity {
		st, err := l.Peek(ctx, key)
		return err == nil && cost <= 0, st, l.rule.Wait(cost, st.CurrentlyAvailable), err
	}
	var available float64
	var taken bool
	err = l.db.NewRaw(takeSQL, l.args(key, cost)).Scan(ctx, &available, &taken)
	switch {
	case err == nil && taken:
		return true, l.rule.Status(available), 0, nil
	case errors.Is(err, sql.ErrNoRows) || (err == nil && available >= cost):
		// Refused by a take that committed after this statement began, so
		// its report could not see it (no row, or the level before): read
		// the bucket again, now that it has.
		st, err := l.Peek(ctx, key)
		return false, st, l.refusedWait(cost, st.CurrentlyAvailable), err
	case err != nil:
		return false, Status{}, 0, fmt.Errorf("ratelimit: unable to take from a bucket: %w", err)
	}
	return false, l.rule.Status(available), l.refusedWait(cost, available), nil
}

// refusedWait is how long a refused take waits: never nothing, even when
// the points flowed back since, so that a refusal always says when to
// come back.
func (l *Limiter) refusedWait(cost, available float64) time.Duration {
	return max(l.rule.Wait(cost, available), time.Nanosecond)
}

var peekSQL = `WITH ` + clockCTE + `
SELECT ` + level("b", "clock.t") + ` FROM rate_buckets b, clock WHERE b.key = ?key`

// Peek returns key's bucket without taking anything.
func (l *Limiter) Peek(ctx context.Context, key string) (Status, error) {
	var available float64
	err := l.db.NewRaw(peekSQL, l.args(key, 0)).Scan(ctx, &available)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return l.rule.Status(l.rule.Capacity), nil
	case err != nil:
		return Status{}, fmt.Errorf("ratelimit: unable to read a bucket: %w", err)
	}
	return l.rule.Status(available), nil
}

var refundSQL = `WITH ` + clockCTE + `
UPDATE rate_buckets b SET available = least(?capacity::float8, ` + level("b", "clock.t") + ` + ?cost), at = greatest(b.at, clock.t)
FROM clock WHERE b.key = ?key
RETURNING b.available`

// Refund gives points back to key's bucket (never past its capacity): the
// part of an operation's cost that it did not use. It returns the bucket
// as it is afterwards. A bucket with no row is full already.
func (l *Limiter) Refund(ctx context.Context, key string, points float64) (Status, error) {
	if points <= 0 {
		return l.Peek(ctx, key)
	}
	var available float64
	err := l.db.NewRaw(refundSQL, l.args(key, points)).Scan(ctx, &available)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return l.rule.Status(l.rule.Capacity), nil
	case err != nil:
		return Status{}, fmt.Errorf("ratelimit: unable to refund a bucket: %w", err)
	}
	return l.rule.Status(available), nil
}

var sweepSQL = `WITH ` + clockCTE + `
DELETE FROM rate_buckets b USING clock WHERE ` + level("b", "clock.t") + ` >= ?capacity::float8`

// Sweep deletes the rows of full buckets (the same as no row) and returns
// how many. The server runs it once a minute, so the table holds about the
// actors of the last Capacity/RestoreRate seconds (20 with the defaults)
// and one minute.
func (l *Limiter) Sweep(ctx context.Context) (int, error) {
	res, err := l.db.NewRaw(sweepSQL, l.args("", 0)).Exec(ctx)
	if err != nil {
		return 0, fmt.Errorf("ratelimit: unable to sweep full buckets: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// Len is how many buckets have a row (tests check the sweep with it).
func (l *Limiter) Len(ctx context.Context) (int, error) {
	n, err := l.db.NewSelect().Table("rate_buckets").Count(ctx)
	return int(n), err
}
