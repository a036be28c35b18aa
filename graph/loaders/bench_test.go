package loaders_test

import (
	"context"
	"testing"
	"time"

	"carejourney/graph/loaders"
	"carejourney/server/seed"
	"carejourney/server/store"
	"carejourney/server/testdb"
)

// BenchmarkEpisodesBatch is one batch of the loader a members page's
// current care levels come from: the episodes of 100 members, on `seed
// scale --members 1000`. "loader" is the request's path (fresh loaders per
// request, so it includes the 2 ms batch wait); "store" is its one
// statement alone.
func BenchmarkEpisodesBatch(b *testing.B) {
	ctx := context.Background()
	db, _ := testdb.NewMigrated(b)
	st := store.New(db, time.UTC)
	if _, err := seed.Scale(ctx, st, seed.ScaleOptions{Members: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	var ids []int64
	if err := db.NewSelect().Table("members").Column("id").Order("id").Limit(100).Scan(ctx, &ids); err != nil {
		b.Fatal(err)
	}
	got, err := loaders.New(ctx, st).EpisodesByMember.LoadAll(ctx, ids)
	if err != nil || len(got) != 100 || len(got[0]) == 0 {
		b.Fatalf("%d members' episodes, the first has %d: %v", len(got), len(got[0]), err)
	}
	b.Run("loader", func(b *testing.B) {
		for b.Loop() {
			if _, err := loaders.New(ctx, st).EpisodesByMember.LoadAll(ctx, ids); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("store", func(b *testing.B) {
		for b.Loop() {
			if _, err := st.EpisodesByMemberID(ctx, ids); err != nil {
				b.Fatal(err)
			}
		}
	})
}
