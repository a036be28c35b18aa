package testdb

import (
	"context"
	"io"
	"testing"

	"github.com/uptrace/bun"

	"carejourney/server/store"
)

// NewMigrated gives the test its own database with the schema migrated, as
// an open bun handle (closed when the test ends) and its URL; the tests of
// several packages start from it.
func NewMigrated(tb testing.TB) (*bun.DB, string) {
	tb.Helper()
	url := NewDatabase(tb)
	db, err := store.Open(context.Background(), url)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if err := store.Migrate(context.Background(), db, io.Discard); err != nil {
		tb.Fatal(err)
	}
	return db, url
}
