package embeddedpg_test

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/uptrace/bun/driver/pgdriver"

	"carejourney/server/embeddedpg"
)

// dataDir returns a data directory below a temp dir that PostgreSQL's user
// can reach when the tests run as root (t.TempDir is private to us).
func dataDir(t *testing.T) string {
	t.Helper()
	base, err := os.MkdirTemp("", "embeddedpg-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(base, "postgres")
}

func start(t *testing.T, dir string, logs io.Writer) *embeddedpg.Cluster {
	t.Helper()
	c, err := embeddedpg.Start(t.Context(), embeddedpg.Options{
		Dir:       dir,
		Logger:    slog.New(slog.NewTextHandler(logs, nil)),
		Ephemeral: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	// Stop is idempotent, so a failing test still leaves no server behind.
	t.Cleanup(func() { c.Stop(context.Background()) })
	return c
}

func open(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pg", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestStartStopReuse(t *testing.T) {
	dir := dataDir(t)
	var logs bytes.Buffer

	c := start(t, dir, &logs)
	db := open(t, c.URL())
	var one int
	if err := db.QueryRowContext(t.Context(), "SELECT 1").Scan(&one); err != nil || one != 1 {
		t.Fatalf("SELECT 1 = %d, %v", one, err)
	}
	if _, err := db.ExecContext(t.Context(), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := c.Stop(t.Context()); err != nil {
		t.Fatal(err)
	}
	if err := c.Stop(t.Context()); err != nil {
		t.Fatalf("second Stop: %v", err)
	}

	c2 := start(t, dir, &logs)
	if c2.URL() != strings.Replace(c2.AdminURL("postgres"), "/postgres?", "/carejourney?", 1) {
		t.Errorf("URL %q and AdminURL %q disagree", c2.URL(), c2.AdminURL("postgres"))
	}
	var v string
	if err := open(t, c2.URL()).QueryRowContext(t.Context(), "SELECT v FROM kept").Scan(&v); err != nil || v != "still here" {
		t.Fatalf("after restart: %q, %v", v, err)
	}
	if err := c2.Stop(t.Context()); err != nil {
		t.Fatal(err)
	}

	u, err := url.Parse(c2.URL())
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := u.User.Password()
	if pw == "" || strings.Contains(logs.String(), pw) {
		t.Errorf("password empty or logged; logs:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "port=") {
		t.Errorf("start not logged; logs:\n%s", logs.String())
	}
}
