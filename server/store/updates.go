package store

import (
	"context"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// UpdatesByID loads updates by id.
func (s *Store) UpdatesByID(ctx context.Context, ids []int64) (map[int64]*domain.Update, error) {
	return byIDs(ctx, s.db, ids, func(u *domain.Update) int64 { return u.ID })
}

// insertUpdate writes an update inside the transaction of the event it
// reports, so the event and its update commit or fail together.
func insertUpdate(ctx context.Context, tx bun.Tx, u *domain.Update) error {
	_, err := tx.NewInsert().Model(u).ExcludeColumn("id", "recorded_at").Returning("*").Exec(ctx)
	return err
}
