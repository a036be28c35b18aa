package access

import (
	"context"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
	"carejourney/server/testdb"
)

// TestRecordsHaveOwners keeps the table of record kinds and the store's
// owner queries in step: every kind a write may name has a query that
// runs (an unknown kind would deny every write that names it).
func TestRecordsHaveOwners(t *testing.T) {
	ctx := context.Background()
	db, _ := testdb.NewMigrated(t)
	st := store.New(db, time.UTC)
	for typeName, kind := range records {
		_, found, err := st.OwnerOf(ctx, kind, -1)
		if err != nil {
			t.Errorf("%s (%s): %v", typeName, kind, err)
		}
		owns := kind == domain.RecordMember || kind == domain.RecordGroup || kind == domain.RecordHouse
		if found != owns {
			t.Errorf("%s (%s) with no such id: found %v", typeName, kind, found)
		}
	}
	if _, found, err := st.OwnerOf(ctx, domain.Record("nothing"), 1); found || err != nil {
		t.Errorf("an unknown kind: found %v, %v", found, err)
	}
}
