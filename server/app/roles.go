package app

import (
	"context"
	"errors"
	"log/slog"

	"carejourney/server/config"
	"carejourney/server/store"
)

// openServing migrates the database as its owner, grants the serving role
// its rights (store.GrantServing) and connects as the serving role: the
// server's pool can read and write rows but cannot alter or drop the
// tables, triggers and constraints that hold the rules, nor change the
// audit log. The serving role is DATABASE_URL's when MIGRATION_DATABASE_URL
// names the owner, and the private cluster's own when DATABASE_URL is
// unset. With DATABASE_URL alone, one role does both (as before roles
// were split), which the log says.
//
// The owner's pool, which migrates, has no statement timeout (a migration
// may rewrite a table); the serving pool has the server's (servingPool).
// hooks see the migration's statements too.
func openServing(ctx context.Context, cfg *config.Config, logger *slog.Logger, hooks []QueryHook) (*database, error) {
	owner, err := openDatabase(ctx, cfg, logger, store.PoolOptions{})
	if err != nil {
		return nil, err
	}
	for _, h := range hooks {
		owner.DB.AddQueryHook(h)
	}
	if err := store.Migrate(ctx, owner.DB, nil); err != nil {
		owner.Close(ctx)
		return nil, err
	}
	servingURL := cfg.DatabaseURL
	switch {
	case owner.cluster != nil:
		servingURL = owner.cluster.ServingURL()
	case cfg.MigrationDatabaseURL == "":
		logger.Warn("DATABASE_URL's role owns the tables: the server could alter the rules it serves under; " +
			"set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to a serving role (docs/operations.md, Database roles)")
		if err := owner.DB.Close(); err != nil {
			return nil, err
		}
		return openDatabase(ctx, cfg, logger, servingPool(cfg))
	}
	role, err := store.RoleOf(servingURL)
	if err == nil {
		err = store.GrantServing(ctx, owner.DB, role)
	}
	if errors.Is(err, store.ErrQuietErrorsNotSet) {
		logger.Warn(err.Error(), "role", role)
		err = nil
	}
	closeErr := owner.DB.Close()
	if err = errors.Join(err, closeErr); err != nil {
		owner.DB = nil
		owner.Close(ctx)
		return nil, err
	}
	// Connected after the grants and ALTER ROLE, so every session has them.
	servingCfg := *cfg
	servingCfg.DatabaseURL, servingCfg.MigrationDatabaseURL = servingURL, ""
	serving, err := openDatabase(ctx, &servingCfg, logger, servingPool(cfg))
	if err != nil {
		owner.DB = nil
		owner.Close(ctx)
		return nil, err
	}
	serving.cluster = owner.cluster
	if serving.cluster != nil {
		// Only serve's: a command's cluster lives as long as its work.
		serving.cluster.Supervise()
	}
	return serving, nil
}
