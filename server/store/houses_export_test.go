package store

import (
	"context"

	"github.com/uptrace/bun"
)

// HousesExecInTx runs one raw statement the way a store write runs, so tests
// can check how its constraint violation is translated.
func (s *Store) HousesExecInTx(ctx context.Context, query string, args ...any) error {
	return s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		_, err := tx.ExecContext(ctx, query, args...)
		return err
	})
}
