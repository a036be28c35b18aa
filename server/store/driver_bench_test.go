package store_test

import (
	"database/sql"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"carejourney/server/domain"
	"carejourney/server/seed"
	"carejourney/server/store"
	"carejourney/server/testdb"
)

// BenchmarkDriver weighs the two drivers bun runs on (issue 11): bun's
// pgdriver, which the server uses, and pgx's database/sql driver in its
// query modes, each under bun with the same dialect, on the statements the
// member lists send most (20 members by id, then their open episodes),
// for a different page of ids each time. bun writes the values into the
// SQL text ("inlined"), so every batch is a new text and pgx's statement
// cache (its default mode) prepares each one first; "bound" sends one
// text with the ids as an array parameter.
//
//	go test -run '^$' -bench Driver -benchmem ./server/store
func BenchmarkDriver(b *testing.B) {
	url := testdb.NewDatabase(b)
	db, err := store.Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if err := store.Migrate(ctx, db, io.Discard); err != nil {
		b.Fatal(err)
	}
	if _, err := seed.Scale(ctx, store.New(db, time.UTC), seed.ScaleOptions{Members: 200, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	var all []int64
	if err := db.NewSelect().Table("members").Column("id").Order("id").Scan(ctx, &all); err != nil {
		b.Fatal(err)
	}
	// page returns 20 ids drawn at random: consecutive batches (almost)
	// never ask for the same set, as requests for different pages and
	// filters do not.
	rng := rand.New(rand.NewPCG(1, 2))
	page := func(int) []int64 {
		out := make([]int64, 20)
		for j := range out {
			out[j] = all[rng.IntN(len(all))]
		}
		return out
	}
	pgxDB := func(mode pgx.QueryExecMode) *bun.DB {
		cfg, err := pgx.ParseConfig(url)
		if err != nil {
			b.Fatal(err)
		}
		cfg.DefaultQueryExecMode = mode
		sqldb := stdlib.OpenDB(*cfg)
		b.Cleanup(func() { sqldb.Close() })
		return bun.NewDB(sqldb, pgdialect.New(), bun.WithDiscardUnknownColumns())
	}
	// inlined is how bun writes a batch: the ids in the text.
	inlined := func(db *bun.DB, ids []int64) error {
		var members []*domain.Member
		if err := db.NewSelect().Model(&members).Where("id IN (?)", bun.List(ids)).Scan(ctx); err != nil {
			return err
		}
		var episodes []*domain.CareEpisode
		return db.NewSelect().Model(&episodes).
			Where("member_id IN (?) AND ended_at IS NULL AND superseded_at IS NULL", bun.List(ids)).Scan(ctx)
	}
	// bound sends one text for every batch, the ids as an array parameter,
	// and scans the rows with bun.
	bound := func(db *bun.DB, ids []int64) error {
		rows, err := db.DB.QueryContext(ctx, "SELECT * FROM members WHERE id = ANY($1::bigint[])", arrayLiteral(ids))
		if err != nil {
			return err
		}
		var members []*domain.Member
		if err := db.ScanRows(ctx, rows, &members); err != nil {
			return err
		}
		rows, err = db.DB.QueryContext(ctx, "SELECT * FROM care_episodes WHERE member_id = ANY($1::bigint[]) AND ended_at IS NULL AND superseded_at IS NULL", arrayLiteral(ids))
		if err != nil {
			return err
		}
		var episodes []*domain.CareEpisode
		return db.ScanRows(ctx, rows, &episodes)
	}
	for _, d := range []struct {
		name string
		db   *bun.DB
		run  func(*bun.DB, []int64) error
	}{
		{"pgdriver/inlined", db, inlined},
		{"pgdriver/bound", db, bound},
		{"pgx-simple-protocol/inlined", pgxDB(pgx.QueryExecModeSimpleProtocol), inlined},
		{"pgx-cache-statement/inlined", pgxDB(pgx.QueryExecModeCacheStatement), inlined},
		{"pgx-cache-statement/bound", pgxDB(pgx.QueryExecModeCacheStatement), bound},
	} {
		b.Run(d.name, func(b *testing.B) {
			setIdle(d.db.DB)
			i := 0
			for b.Loop() {
				i++
				if err := d.run(d.db, page(i)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// arrayLiteral writes ids as a PostgreSQL array literal, a parameter
// every driver passes as text.
func arrayLiteral(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func setIdle(db *sql.DB) {
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
}
