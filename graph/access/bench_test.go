package access_test

import (
	"context"
	"testing"
	"time"

	"carejourney/graph/access"
	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/seed"
	"carejourney/server/store"
	"carejourney/server/testdb"
)

// BenchmarkGuard is the row check a list pays per element (CanSee over 300
// episodes and residencies) and once per list (RowScope), for a case manager and for the
// demo's research partner key, on the demo data. The guard is warm: its
// reach is loaded once per request, before the first row.
func BenchmarkGuard(b *testing.B) {
	ctx := context.Background()
	db, _ := testdb.NewMigrated(b)
	st := store.New(db, time.UTC)
	if _, err := seed.Demo(ctx, st); err != nil {
		b.Fatal(err)
	}
	key, err := st.ActiveAPIKeyBySecretHash(ctx, auth.HashToken(seed.DemoKeys[1].Secret))
	if err != nil {
		b.Fatal(err)
	}
	// Half the records belong to members the key's consents name, the
	// other half to members it does not reach; episodes and residencies.
	reach, err := access.NewGuard(auth.Actor{Key: key}, st, time.Now()).Reach(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var reached []int64
	for id := range reach.Members {
		reached = append(reached, id)
	}
	if len(reached) == 0 {
		b.Fatal("the demo key reaches no member")
	}
	records := make([]any, 300)
	for i := range records {
		member := int64(1_000_000 + i)
		if i%2 == 0 {
			member = reached[i%len(reached)]
		}
		if i%4 < 2 {
			records[i] = &domain.CareEpisode{ID: int64(i + 1), MemberID: member, CareLevelCode: "IOP"}
		} else {
			records[i] = &domain.Residency{ID: int64(i + 1), MemberID: member}
		}
	}
	for _, actor := range []struct {
		name  string
		actor auth.Actor
		all   bool
	}{
		{"staff", auth.Actor{Viewer: &auth.Viewer{User: &domain.User{ID: 1, Role: domain.RoleCaseManager}}}, true},
		{"key", auth.Actor{Key: key}, false},
	} {
		g := access.NewGuard(actor.actor, st, time.Now())
		seen := 0
		for _, r := range records {
			ok, err := g.CanSee(ctx, r)
			if err != nil {
				b.Fatal(err)
			}
			if ok {
				seen++
			}
		}
		if actor.all != (seen == len(records)) || (!actor.all && seen == 0) {
			b.Fatalf("%s sees %d of %d records", actor.name, seen, len(records))
		}
		b.Logf("%s sees %d of %d records", actor.name, seen, len(records))
		b.Run(actor.name+"/CanSee-300", func(b *testing.B) {
			for b.Loop() {
				for _, r := range records {
					if _, err := g.CanSee(ctx, r); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run(actor.name+"/RowScope", func(b *testing.B) {
			for b.Loop() {
				if _, err := g.RowScope(ctx); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
