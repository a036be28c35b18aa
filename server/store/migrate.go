package store

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"sort"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"

	"carejourney/migrations"
)

var migrationFileRE = regexp.MustCompile(`^(\d{4,14})_([0-9a-z_]+)\.(up|down)\.sql$`)

// newMigrator reads the embedded NNNN_name.up.sql / .down.sql files. Each
// file runs in one transaction, so a failed migration leaves nothing behind
// and, with WithMarkAppliedOnSuccess, is not marked applied.
func newMigrator(db *bun.DB) (*migrate.Migrator, error) {
	entries, err := fs.ReadDir(migrations.FS, ".")
	if err != nil {
		return nil, fmt.Errorf("store: unable to read migrations: %w", err)
	}
	byName := map[string]*migrate.Migration{}
	var names []string
	for _, entry := range entries {
		match := migrationFileRE.FindStringSubmatch(entry.Name())
		if match == nil {
			continue
		}
		body, err := fs.ReadFile(migrations.FS, entry.Name())
		if err != nil {
			return nil, fmt.Errorf("store: unable to read migration %s: %w", entry.Name(), err)
		}
		mig, ok := byName[match[1]]
		if !ok {
			mig = &migrate.Migration{Name: match[1], Comment: match[2]}
			byName[match[1]] = mig
			names = append(names, match[1])
		} else if mig.Comment != match[2] {
			return nil, fmt.Errorf("store: migrations %s_%s and %s_%s share a number", match[1], mig.Comment, match[1], match[2])
		}
		run := func(ctx context.Context, _ *migrate.Migrator, _ *migrate.Migration) error {
			return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
				_, err := tx.ExecContext(ctx, string(body))
				return err
			})
		}
		if match[3] == "up" {
			mig.Up = run
		} else {
			mig.Down = run
		}
	}
	sort.Strings(names)
	ms := migrate.NewMigrations()
	for _, name := range names {
		mig := byName[name]
		if mig.Up == nil || mig.Down == nil {
			return nil, fmt.Errorf("store: migration %s_%s needs both an .up.sql and a .down.sql file", mig.Name, mig.Comment)
		}
		ms.Add(*mig)
	}
	return migrate.NewMigrator(db, ms, migrate.WithMarkAppliedOnSuccess(true)), nil
}

// withLock runs fn with a migrator holding bun's migration lock, so two
// servers starting at once do not both migrate.
func withLock(ctx context.Context, db *bun.DB, fn func(m *migrate.Migrator) error) error {
	m, err := newMigrator(db)
	if err != nil {
		return err
	}
	if err := m.Init(ctx); err != nil {
		return fmt.Errorf("store: unable to prepare migration tables: %w", err)
	}
	if err := m.Lock(ctx); err != nil {
		return fmt.Errorf("store: unable to take the migration lock: %w", err)
	}
	defer m.Unlock(ctx) //nolint:errcheck // a failed unlock leaves a row the next Lock reports clearly
	return fn(m)
}

// Migrate applies every pending migration.
func Migrate(ctx context.Context, db *bun.DB, log io.Writer) error {
	return withLock(ctx, db, func(m *migrate.Migrator) error {
		group, err := m.Migrate(ctx)
		if err != nil {
			return fmt.Errorf("store: migration failed: %w", err)
		}
		if !group.IsZero() && log != nil {
			fmt.Fprintf(log, "migrated to %s\n", group)
		}
		return nil
	})
}

// MigrateDown rolls back the last applied migration group.
func MigrateDown(ctx context.Context, db *bun.DB, log io.Writer) error {
	return withLock(ctx, db, func(m *migrate.Migrator) error {
		group, err := m.Rollback(ctx)
		if err != nil {
			return fmt.Errorf("store: rollback failed: %w", err)
		}
		if log != nil {
			if group.IsZero() {
				fmt.Fprintln(log, "nothing to roll back")
			} else {
				fmt.Fprintf(log, "rolled back %s\n", group)
			}
		}
		return nil
	})
}

// MigrationStatus writes which migrations are applied and which are pending.
func MigrationStatus(ctx context.Context, db *bun.DB, out io.Writer) error {
	m, err := newMigrator(db)
	if err != nil {
		return err
	}
	if err := m.Init(ctx); err != nil {
		return fmt.Errorf("store: unable to prepare migration tables: %w", err)
	}
	ms, err := m.MigrationsWithStatus(ctx)
	if err != nil {
		return fmt.Errorf("store: unable to read migration status: %w", err)
	}
	for _, mig := range ms {
		state := "pending"
		if mig.IsApplied() {
			state = fmt.Sprintf("applied (group %d)", mig.GroupID)
		}
		fmt.Fprintf(out, "%s_%s\t%s\n", mig.Name, mig.Comment, state)
	}
	return nil
}

// Pending reports how many migrations are not applied yet (for /readyz).
func Pending(ctx context.Context, db *bun.DB) (int, error) {
	m, err := newMigrator(db)
	if err != nil {
		return 0, err
	}
	ms, err := m.MigrationsWithStatus(ctx)
	if err != nil {
		return 0, err
	}
	return len(ms.Unapplied()), nil
}
