package app

import (
	"cmp"
	"context"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/config"
	"carejourney/server/embeddedpg"
	"carejourney/server/store"
)

// database is an open connection pool and, with DATABASE_URL unset, the
// private PostgreSQL behind it.
type database struct {
	// DB is the pool; the server's stops its statements at
	// statement_timeout (servingPool), the commands' does not.
	DB      *bun.DB
	url     string
	cluster *embeddedpg.Cluster
}

// servingPool bounds the statements of the server's pool: PostgreSQL's
// statement_timeout slightly above the request deadline, so that the
// deadline stops a request first (TIMEOUT) and the server stops whatever
// statement outlives it.
func servingPool(cfg *config.Config) store.PoolOptions {
	return store.PoolOptions{StatementTimeout: cfg.RequestTimeout + time.Second}
}

// openDatabase connects as the owner (MIGRATION_DATABASE_URL, else
// DATABASE_URL), or starts the private PostgreSQL under DATA_DIR/postgres
// and connects to it as its owner, with pool (the server's statement
// timeout; none for the commands: a migration or a seed may rewrite whole
// tables). The command-line tools use it; serve connects as the serving
// role (openServing).
func openDatabase(ctx context.Context, cfg *config.Config, logger *slog.Logger, pool store.PoolOptions) (*database, error) {
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
	d.url = url
	db, err := store.OpenPool(ctx, url, pool)
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
