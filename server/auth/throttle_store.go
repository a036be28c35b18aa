package auth

import (
	"context"
	"time"

	"github.com/uptrace/bun"
)

// signInRecord is a row of sign_in_failures: the attempts of one key.
type signInRecord struct {
	bun.BaseModel `bun:"table:sign_in_failures"`

	Key         string      `bun:",pk"`
	Failures    []time.Time `bun:",array"`
	Lockouts    int
	LockedUntil time.Time `bun:",nullzero"`
	LastFailure time.Time `bun:",nullzero"`
	ForgottenAt time.Time
}

// update applies change to the records of keys (sorted, so that two
// updates lock shared rows in the same order and never deadlock), in one
// transaction that holds their rows: failures counted on two instances at
// once both count.
func (t *SignInThrottle) update(ctx context.Context, keys []string, change func(key string, r *attempts)) error {
	return t.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		rows := make([]signInRecord, len(keys))
		for i, key := range keys {
			rows[i] = signInRecord{Key: key, Failures: []time.Time{}, ForgottenAt: t.now()}
		}
		// Each row, new or old, locked and returned (the update of key to
		// itself is what locks an existing row).
		if _, err := tx.NewInsert().Model(&rows).On("CONFLICT (key) DO UPDATE").Set("key = EXCLUDED.key").
			Returning("*").Exec(ctx); err != nil {
			return err
		}
		for _, row := range rows {
			r := &attempts{failures: row.Failures, lockouts: row.Lockouts, lockedUntil: row.LockedUntil, last: row.LastFailure}
			change(row.Key, r)
			row.Failures, row.Lockouts, row.LockedUntil, row.LastFailure = r.failures, r.lockouts, r.lockedUntil, r.last
			row.ForgottenAt = t.forgottenAt(r)
			if _, err := tx.NewUpdate().Model(&row).WherePK().Exec(ctx); err != nil {
				return err
			}
		}
		return nil
	})
}

// lockedUntil is the latest lockout of keys still running at now.
func (t *SignInThrottle) lockedUntil(ctx context.Context, keys []string, now time.Time) (time.Time, error) {
	var until bun.NullTime
	err := t.DB.NewSelect().Model((*signInRecord)(nil)).ColumnExpr("max(locked_until)").
		Where("key IN (?)", bun.In(keys)).Where("locked_until > ?", now).Scan(ctx, &until)
	return until.Time, err
}

func (t *SignInThrottle) forget(ctx context.Context, key string) error {
	_, err := t.DB.NewDelete().Model((*signInRecord)(nil)).Where("key = ?", key).Exec(ctx)
	return err
}

// Sweep deletes the records that no longer count, then, past MaxRecords,
// the oldest not locked out, then the oldest locked out (the bound on the
// table wins over a lockout). It returns how many it deleted. The server
// runs it once a minute.
func (t *SignInThrottle) Sweep(ctx context.Context) (int, error) {
	now := t.now()
	res, err := t.DB.NewDelete().Model((*signInRecord)(nil)).Where("forgotten_at <= ?", now).Exec(ctx)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	if t.MaxRecords > 0 {
		res, err = t.DB.NewRaw(`DELETE FROM sign_in_failures WHERE key IN (
			SELECT key FROM sign_in_failures
			ORDER BY coalesce(locked_until > ?0, false), last_failure
			LIMIT greatest(0, (SELECT count(*) FROM sign_in_failures) - ?1))`, now, t.MaxRecords).Exec(ctx)
		if err != nil {
			return int(n), err
		}
		more, _ := res.RowsAffected()
		n += more
	}
	return int(n), nil
}

// Len is how many records are kept (tests check the bound with it).
func (t *SignInThrottle) Len(ctx context.Context) (int, error) {
	n, err := t.DB.NewSelect().Model((*signInRecord)(nil)).Count(ctx)
	return int(n), err
}
