package store_test

import (
	"bytes"
	"io"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"carejourney/migrations"
	"carejourney/server/store"
	"carejourney/server/testdb"
)

// upMigrations lists the embedded NNNN names, so the test follows new files.
func upMigrations(t *testing.T) []string {
	t.Helper()
	entries, err := fs.Glob(migrations.FS, "*.up.sql")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, strings.SplitN(e, "_", 2)[0])
	}
	return names
}

// status parses MigrationStatus into name -> "pending" / "applied".
func status(t *testing.T, db *bun.DB) map[string]string {
	t.Helper()
	var out bytes.Buffer
	if err := store.MigrationStatus(ctx, db, &out); err != nil {
		t.Fatal(err)
	}
	st := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		name, state, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("status line %q", line)
		}
		num := strings.SplitN(name, "_", 2)[0]
		if strings.HasPrefix(state, "applied") {
			st[num] = "applied"
		} else {
			st[num] = state
		}
	}
	return st
}

func wantStatus(t *testing.T, db *bun.DB, want map[string]string) {
	t.Helper()
	got := status(t, db)
	if len(got) != len(want) {
		t.Fatalf("status = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Fatalf("status = %v, want %v", got, want)
		}
	}
}

func allStatus(names []string, state string) map[string]string {
	m := map[string]string{}
	for _, n := range names {
		m[n] = state
	}
	return m
}

func tableExists(t *testing.T, db *bun.DB, table string) bool {
	t.Helper()
	var exists bool
	if err := db.NewRaw("SELECT to_regclass(?) IS NOT NULL", table).Scan(ctx, &exists); err != nil {
		t.Fatal(err)
	}
	return exists
}

// Every down migration works: roll back one migration at a time until
// nothing is left, then migrate up again on the emptied database.
func TestMigrationsDownAndUp(t *testing.T) {
	db, err := store.Open(ctx, testdb.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	names := upMigrations(t)
	if len(names) < 2 {
		t.Fatalf("migrations = %v", names)
	}

	// On a database never migrated, bun's tables do not exist yet: Pending
	// (used by /readyz, which answers 503 either way) may fail or count all.
	if n, err := store.Pending(ctx, db); err == nil && n != len(names) {
		t.Errorf("Pending on a fresh database = %d; want %d", n, len(names))
	} else if err != nil {
		t.Logf("Pending on a never-migrated database: %v", err)
	}
	wantStatus(t, db, allStatus(names, "pending"))
	if n, err := store.Pending(ctx, db); err != nil || n != len(names) {
		t.Errorf("Pending before migrating = %d, %v; want %d", n, err, len(names))
	}

	var log bytes.Buffer
	if err := store.Migrate(ctx, db, &log); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "migrated to") {
		t.Errorf("migrate log = %q", log.String())
	}
	wantStatus(t, db, allStatus(names, "applied"))
	if n, err := store.Pending(ctx, db); err != nil || n != 0 {
		t.Errorf("Pending = %d, %v", n, err)
	}
	// Migrating again is a no-op.
	log.Reset()
	if err := store.Migrate(ctx, db, &log); err != nil || log.Len() != 0 {
		t.Fatalf("second Migrate: %v, log %q", err, log.String())
	}

	// Data in every table, so that the down migrations meet real rows,
	// references and triggers.
	st := store.New(db, time.UTC)
	st.Now = func() time.Time { return clock }
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Mig", "Ration")
	mustAdmit(t, st, by, m.ID, "DETOX", days(-10))
	mustChange(t, st, by, m.ID, "RESIDENTIAL", days(-5))
	if _, err := st.ResetRecoveryStartDate(ctx, by, m.ID, days(-10), "admission"); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateSession(ctx, &store.Session{TokenHash: hashOf("t"), UserID: by, CreatedAt: clock, LastSeenAt: clock, ExpiresAt: days(1)}); err != nil {
		t.Fatal(err)
	}

	// Migrate applied everything as one group; give each migration its own
	// group (as if they had been deployed one by one) so that each
	// rollback runs exactly one down migration.
	for i, name := range names {
		if _, err := db.ExecContext(ctx, "UPDATE bun_migrations SET group_id = ? WHERE name = ?", i+1, name); err != nil {
			t.Fatal(err)
		}
	}
	// The first table each migration creates, to see it go and come back.
	tables := map[string]string{"0001": "users", "0002": "care_episodes"}
	for i := len(names) - 1; i >= 0; i-- {
		log.Reset()
		if err := store.MigrateDown(ctx, db, &log); err != nil {
			t.Fatalf("rolling back %s: %v", names[i], err)
		}
		if !strings.Contains(log.String(), "rolled back") {
			t.Fatalf("rolling back %s: log %q", names[i], log.String())
		}
		want := allStatus(names, "pending")
		for _, n := range names[:i] {
			want[n] = "applied"
		}
		wantStatus(t, db, want)
		if tbl, ok := tables[names[i]]; ok && tableExists(t, db, tbl) {
			t.Errorf("table %s still there after rolling back %s", tbl, names[i])
		}
		for _, n := range names[:i] {
			if tbl, ok := tables[n]; ok && !tableExists(t, db, tbl) {
				t.Errorf("table %s of %s gone after rolling back %s", tbl, n, names[i])
			}
		}
	}
	// Nothing left: another rollback says so and changes nothing.
	log.Reset()
	if err := store.MigrateDown(ctx, db, &log); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "nothing to roll back") {
		t.Errorf("empty rollback log = %q", log.String())
	}
	wantStatus(t, db, allStatus(names, "pending"))
	for _, tbl := range []string{"users", "sessions", "members", "care_levels", "care_episodes", "recovery_start_dates"} {
		if tableExists(t, db, tbl) {
			t.Errorf("table %s left after rolling everything back", tbl)
		}
	}
	var functions int
	if err := db.NewRaw(`SELECT count(*) FROM pg_proc WHERE proname IN ('care_episodes_append_only', 'recovery_start_dates_append_only')`).Scan(ctx, &functions); err != nil {
		t.Fatal(err)
	}
	if functions != 0 {
		t.Errorf("%d trigger functions left", functions)
	}

	// Up again on the emptied database (the extensions stayed behind).
	if err := store.Migrate(ctx, db, io.Discard); err != nil {
		t.Fatalf("migrating up again: %v", err)
	}
	wantStatus(t, db, allStatus(names, "applied"))
	levels, err := st.CareLevels(ctx)
	if err != nil || len(levels) != 7 {
		t.Fatalf("care levels after re-migrating = %d, %v", len(levels), err)
	}
	// And the whole group rolls back in one go too.
	if err := store.MigrateDown(ctx, db, io.Discard); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, db, allStatus(names, "pending"))
	if err := store.Migrate(ctx, db, io.Discard); err != nil {
		t.Fatal(err)
	}
	// The schema works after the round trip.
	by = newUser(t, st).ID
	m = newMember(t, st, by, "Round", "Trip")
	mustAdmit(t, st, by, m.ID, "PHP", days(-1))
}
