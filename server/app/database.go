package app

import (
	"cmp"
	"context"
	"log/slog"
	"path/filepath"

	"github.com/uptrace/bun"

	"carejourney/server/config"
	"carejourney/server/embeddedpg"
	"carejourney/server/store"
)

// database is an open connection pool and, with DATABASE_URL unset, the
// private PostgreSQL behind it.
type database struct {
	DB      *bun.DB
	cluster *embeddedpg.Cluster
}

// openDatabase connects as the owner (MIGRATION_DATABASE_URL, else
// DATABASE_URL), or starts the private PostgreSQL under DATA_DIR/postgres
// and connects to it as its owner. The command-line tools use it; serve
// connects as the serving role (openServing).
func openDatabase(ctx context.Context, cfg *config.Config, logger *slog.Logger) (*database, error) {
	d := &database{}
	url := cmp.Or(cfg.MigrationDatabaseURL, cfg.DatabaseURL)
	if url == "" {
		cluster, err := embeddedpg.Start(ctx, embeddedpg.Options{Dir: filepath.Join(cfg.DataDir, "postgres"), Logger: logger})
		if err != nil {
			return nil, err
		}
		d.cluster = cluster
		url = cluster.URL()
	}
	db, err := store.Open(ctx, url)
	if err != nil {
		d.Close(ctx)
		return nil, err
	}
	d.DB = db
	return d, nil
}

// Close closes the pool, then stops the private PostgreSQL if one runs.
func (d *database) Close(ctx context.Context) error {
	var err error
	if d.DB != nil {
		err = d.DB.Close()
	}
	if d.cluster != nil {
		if stopErr := d.cluster.Stop(context.WithoutCancel(ctx)); err == nil {
			err = stopErr
		}
	}
	return err
}
