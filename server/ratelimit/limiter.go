package ratelimit

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
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
//
// The statements are prepared (database/sql prepares each once per
// connection of the pool), not sent with their values inlined as bun
// sends them: planning the take costs several times what running it does,
// and every request sends one.
type Limiter struct {
	rule Rule
	// now is the clock; nil means the database's (clock_timestamp()), one
	// clock for every instance whatever their own say.
	now                       func() time.Time
	take, peek, refund, sweep *sql.Stmt
}

// New returns a limiter on db whose buckets hold capacity points and
// refill at restoreRate points a second, with its statements prepared.
// now is the clock (the database's when nil; tests pass one they move).
func New(ctx context.Context, db *sql.DB, capacity, restoreRate float64, now func() time.Time) (*Limiter, error) {
	l := &Limiter{rule: Rule{Capacity: capacity, RestoreRate: restoreRate}, now: now}
	for _, s := range []struct {
		stmt **sql.Stmt
		sql  string
	}{{&l.take, takeSQL}, {&l.peek, peekSQL}, {&l.refund, refundSQL}, {&l.sweep, sweepSQL}} {
		stmt, err := db.PrepareContext(ctx, s.sql)
		if err != nil {
			return nil, fmt.Errorf("ratelimit: unable to prepare the statements of the buckets: %w", err)
		}
		*s.stmt = stmt
	}
	return l, nil
}

// Capacity is what a full bucket holds.
func (l *Limiter) Capacity() float64 { return l.rule.Capacity }

// args are the parameters of the statements below: $1 the capacity, $2
// the restore rate, $3 the time (NULL for the database's clock), $4 the
// key, $5 the cost (or the points refunded). A statement that needs fewer
// takes the first ones.
func (l *Limiter) args(key string, cost float64) []any {
	var now any
	if l.now != nil {
		now = l.now()
	}
	return []any{l.rule.Capacity, l.rule.RestoreRate, now, key, cost}
}

// clockCTE is the statement's one time: the one passed in, or the
// database's.
const clockCTE = `clock AS (SELECT coalesce($3::timestamptz, clock_timestamp()) AS t)`

// level is what bucket b holds at time t: its stored level plus what flowed
// back since, never past the capacity (a clock that went back gives
// nothing).
func level(b, t string) string {
	return fmt.Sprintf(`least($1::float8, %[1]s.available + $2::float8 * greatest(0, extract(epoch FROM %[2]s - %[1]s.at))::float8)`, b, t)
}

// takeSQL spends the cost from the bucket when it holds that much: a new row
// for a full bucket, else the row updated under its lock. When it does not,
// the update does nothing and the second half reports the level (as of
// the statement's start: a report, not a decision). The time stored never
// goes back, so two takes whose clocks cross cannot refill twice.
var takeSQL = `WITH ` + clockCTE + `,
taken AS (
	INSERT INTO rate_buckets AS b (key, available, at)
	SELECT $4::text, $1::float8 - $5::float8, clock.t FROM clock
	ON CONFLICT (key) DO UPDATE
	SET available = ` + level("b", "excluded.at") + ` - $5::float8, at = greatest(b.at, excluded.at)
	WHERE ` + level("b", "excluded.at") + ` >= $5::float8
	RETURNING b.available
)
SELECT available, true AS taken FROM taken
UNION ALL
SELECT ` + level("b", "clock.t") + `, false FROM rate_buckets b, clock
WHERE b.key = $4::text AND NOT EXISTS (SELECT FROM taken)`

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
	err = l.take.QueryRowContext(ctx, l.args(key, cost)...).Scan(&available, &taken)
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
SELECT ` + level("b", "clock.t") + ` FROM rate_buckets b, clock WHERE b.key = $4::text`

// Peek returns key's bucket without taking anything.
func (l *Limiter) Peek(ctx context.Context, key string) (Status, error) {
	var available float64
	err := l.peek.QueryRowContext(ctx, l.args(key, 0)[:4]...).Scan(&available)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return l.rule.Status(l.rule.Capacity), nil
	case err != nil:
		return Status{}, fmt.Errorf("ratelimit: unable to read a bucket: %w", err)
	}
	return l.rule.Status(available), nil
}

var refundSQL = `WITH ` + clockCTE + `
UPDATE rate_buckets b SET available = least($1::float8, ` + level("b", "clock.t") + ` + $5::float8), at = greatest(b.at, clock.t)
FROM clock WHERE b.key = $4::text
RETURNING b.available`

// Refund gives points back to key's bucket (never past its capacity): the
// part of an operation's cost that it did not use. It returns the bucket
// as it is afterwards. A bucket with no row is full already.
func (l *Limiter) Refund(ctx context.Context, key string, points float64) (Status, error) {
	if points <= 0 {
		return l.Peek(ctx, key)
	}
	var available float64
	err := l.refund.QueryRowContext(ctx, l.args(key, points)...).Scan(&available)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return l.rule.Status(l.rule.Capacity), nil
	case err != nil:
		return Status{}, fmt.Errorf("ratelimit: unable to refund a bucket: %w", err)
	}
	return l.rule.Status(available), nil
}

var sweepSQL = `WITH ` + clockCTE + `
DELETE FROM rate_buckets b USING clock WHERE ` + level("b", "clock.t") + ` >= $1::float8`

// Sweep deletes the rows of full buckets (the same as no row) and returns
// how many. The server runs it once a minute, so the table holds about the
// actors of the last Capacity/RestoreRate seconds (20 with the defaults)
// and one minute.
func (l *Limiter) Sweep(ctx context.Context) (int, error) {
	res, err := l.sweep.ExecContext(ctx, l.args("", 0)[:3]...)
	if err != nil {
		return 0, fmt.Errorf("ratelimit: unable to sweep full buckets: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// Close releases the prepared statements.
func (l *Limiter) Close() error {
	return errors.Join(l.take.Close(), l.peek.Close(), l.refund.Close(), l.sweep.Close())
}
