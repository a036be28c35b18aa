package testdb_test

import (
	"database/sql"
	"net/url"
	"strings"
	"testing"

	_ "github.com/uptrace/bun/driver/pgdriver"

	"carejourney/server/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }

func open(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pg", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestNewDatabaseIsReachableAndEmpty(t *testing.T) {
	db := open(t, testdb.NewDatabase(t))
	var tables int
	err := db.QueryRowContext(t.Context(),
		`SELECT count(*) FROM information_schema.tables
		 WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`).Scan(&tables)
	if err != nil {
		t.Fatal(err)
	}
	if tables != 0 {
		t.Errorf("new database has %d tables, want none", tables)
	}
	// Migrations create extensions, which needs a superuser.
	var super bool
	if err := db.QueryRowContext(t.Context(), "SELECT rolsuper FROM pg_roles WHERE rolname = current_user").Scan(&super); err != nil {
		t.Fatal(err)
	}
	if !super {
		t.Error("test databases are not owned by a superuser; extensions could not be created")
	}
}

func TestNewDatabaseGivesDistinctDatabases(t *testing.T) {
	u1, u2 := testdb.NewDatabase(t), testdb.NewDatabase(t)
	if dbName(t, u1) == dbName(t, u2) {
		t.Fatalf("both calls returned database %s", dbName(t, u1))
	}
	// Each URL must really lead to its own database, not just name it.
	db1, db2 := open(t, u1), open(t, u2)
	if _, err := db1.ExecContext(t.Context(), "CREATE TABLE only_in_first (id int)"); err != nil {
		t.Fatal(err)
	}
	var found bool
	if err := db2.QueryRowContext(t.Context(), "SELECT to_regclass('only_in_first') IS NOT NULL").Scan(&found); err != nil {
		t.Fatal(err)
	}
	if found {
		t.Error("a table created through the first URL is visible through the second")
	}
}

func dbName(t *testing.T, dsn string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return u.Path
}

// TestNewServingRole: the role logs in to its database with no rights of
// its own, is named after the database (roles are cluster-wide), and is
// gone after the test, with its database.
func TestNewServingRole(t *testing.T) {
	owner := testdb.NewDatabase(t)
	var role string
	t.Run("use", func(t *testing.T) {
		u := testdb.NewServingRole(t, owner)
		db := open(t, u)
		var super bool
		if err := db.QueryRowContext(t.Context(), "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user").Scan(&role, &super); err != nil {
			t.Fatal(err)
		}
		want := strings.TrimPrefix(dbName(t, owner), "/") + "_app"
		if super || role != want {
			t.Errorf("role %s (superuser %v), want %s without superuser", role, super, want)
		}
		db.Close()
	})
	// The role's cleanup dropped its database too; ask another.
	admin := open(t, testdb.NewDatabase(t))
	var left int
	if err := admin.QueryRowContext(t.Context(), "SELECT count(*) FROM pg_roles WHERE rolname = $1", role).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if left != 0 {
		t.Errorf("role %s left after its test", role)
	}
}
