package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/driver/pgdriver"
)

// The server connects as a serving role that may read and write rows but
// owns nothing: it cannot alter or drop the tables, triggers and
// constraints that hold the rules, nor change or delete audit events.
// The owner (the role migrations run as) grants it this, after every
// migration, so that tables added later are covered too.

// servingGrants are the owner's statements granting role ? its rights.
var servingGrants = []string{
	"GRANT USAGE ON SCHEMA public TO ?",
	"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ?",
	"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ?",
	// The audit log is append-only for the server: it adds and reads events.
	"REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ?",
	// The server checks that the schema is current, and nothing more.
	"REVOKE INSERT, UPDATE, DELETE ON bun_migrations, bun_migration_locks FROM ?",
	// Tables the owner creates later, before the next grant.
	"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ?",
	"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ?",
}

// quietErrors keep the rows out of PostgreSQL's own log when a statement
// of the serving role fails: bun inlines values into the SQL, which
// PostgreSQL logs as STATEMENT, and a constraint's DETAIL names the values
// ("Key (email)=(...)"). Only a superuser may set them.
var quietErrors = []string{
	"ALTER ROLE ? SET log_min_error_statement = 'panic'",
	"ALTER ROLE ? SET log_error_verbosity = 'terse'",
}

// ErrQuietErrorsNotSet is returned by GrantServing when the owner may not
// keep failing statements out of the server log; the grants are made.
var ErrQuietErrorsNotSet = errors.New("store: the owner role may not set log_min_error_statement and log_error_verbosity " +
	"for the serving role; set them as a superuser (see docs/operations.md, Database roles)")

// RoleOf returns the user name of a postgres:// URL.
func RoleOf(databaseURL string) (string, error) {
	u, err := url.Parse(databaseURL)
	if err != nil || u.User == nil || u.User.Username() == "" {
		return "", fmt.Errorf("store: no user name in the database URL")
	}
	return u.User.Username(), nil
}

// GrantServing gives role the rights of the serving role on owner's
// database: rows of every table, only INSERT and SELECT on audit_events,
// only SELECT on the migration tables; and, when owner is a superuser,
// quiet errors. Run it as the owner after migrating; it is idempotent.
func GrantServing(ctx context.Context, owner bun.IDB, role string) error {
	for _, stmt := range servingGrants {
		if _, err := owner.ExecContext(ctx, stmt, bun.Ident(role)); err != nil {
			return fmt.Errorf("store: granting the serving role %s: %w", role, err)
		}
	}
	for _, stmt := range quietErrors {
		if _, err := owner.ExecContext(ctx, stmt, bun.Ident(role)); err != nil {
			var pgErr pgdriver.Error
			if errors.As(err, &pgErr) && pgErr.Field('C') == "42501" { // insufficient_privilege
				return ErrQuietErrorsNotSet
			}
			return fmt.Errorf("store: quieting the serving role's errors: %w", err)
		}
	}
	return nil
}
