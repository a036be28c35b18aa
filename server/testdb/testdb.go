// Package testdb gives tests their own fresh, empty databases on a real
// PostgreSQL, so that test packages can run in parallel without seeing each
// other's rows.
//
// The server is, in order of preference: TEST_DATABASE_URL (its database is
// used only to create and drop test databases), the machine's server at
// 127.0.0.1:5432 as user postgres when it answers within two seconds, or a
// throwaway embeddedpg cluster started for the test process. Test packages
// must run their tests through Main so that such a cluster is stopped:
//
//	func TestMain(m *testing.M) { testdb.Main(m) }
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	_ "github.com/uptrace/bun/driver/pgdriver" // registers "pg" for database/sql

	"carejourney/server/embeddedpg"
)

// probeAddr is where a local server is looked for; TESTDB_PROBE_ADDR
// overrides it so that the fallback to a throwaway cluster can be exercised
// on a machine where 5432 answers.
var probeAddr = "127.0.0.1:5432"

var (
	once     sync.Once
	adminURL string
	admin    *sql.DB
	setupErr error
	source   string // how the server was chosen, for the log

	clusterMu  sync.Mutex
	cluster    *embeddedpg.Cluster
	clusterDir string

	inMain    atomic.Bool
	announced atomic.Bool
)

// Main runs the package's tests and then stops any PostgreSQL this process
// started, since a cluster would otherwise outlive the test binary.
func Main(m *testing.M) {
	inMain.Store(true)
	// An interrupted `go test` kills the test binary before m.Run returns;
	// stop the cluster first so that no server is left running.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		shutdown()
		os.Exit(1)
	}()
	code := m.Run()
	signal.Stop(sig)
	shutdown()
	os.Exit(code)
}

// NewDatabase creates a fresh empty database for the calling test package and returns its URL; the database is dropped in tb.Cleanup.
func NewDatabase(tb testing.TB) string {
	tb.Helper()
	if !inMain.Load() {
		// Required even when no cluster is needed here, so that a package
		// missing it fails on every machine, not only on those without a
		// server (where it would leak one).
		tb.Fatal("testdb: the package's tests must run through testdb.Main: add func TestMain(m *testing.M) { testdb.Main(m) }")
	}
	once.Do(setup)
	if setupErr != nil {
		tb.Fatalf("testdb: %v", setupErr)
	}
	if !announced.Swap(true) {
		tb.Logf("testdb: using %s", source)
	}

	name := "cj_test_" + randomHex(8)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("testdb: create database %s: %v", name, err)
	}
	tb.Cleanup(func() { dropDatabase(tb, name) })

	u, _ := url.Parse(adminURL) // parsed successfully in setup
	u.Path = "/" + name
	return u.String()
}

func dropDatabase(tb testing.TB, name string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// FORCE, because a test may not have closed every connection.
	if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
		tb.Errorf("testdb: drop database %s: %v", name, err)
	}
}

// NewServingRole creates a login role for the database of databaseURL (one
// from NewDatabase) and returns the database's URL as that role. The role
// has no rights: the server's owner grants them (store.GrantServing), as
// in production. Roles belong to the whole cluster, so each is named
// after its database, and dropped in tb.Cleanup, after the database (whose
// grants go with it).
func NewServingRole(tb testing.TB, databaseURL string) string {
	tb.Helper()
	u, err := url.Parse(databaseURL)
	if err != nil {
		tb.Fatalf("testdb: %v", err)
	}
	dbName := strings.TrimPrefix(u.Path, "/")
	role, password := dbName+"_app", randomHex(16)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE ROLE "+role+" LOGIN PASSWORD '"+password+"'"); err != nil {
		tb.Fatalf("testdb: create role %s: %v", role, err)
	}
	tb.Cleanup(func() {
		dropDatabase(tb, dbName)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(ctx, "DROP ROLE IF EXISTS "+role); err != nil {
			tb.Errorf("testdb: drop role %s: %v", role, err)
		}
	})
	u.User = url.UserPassword(role, password)
	return u.String()
}

// setup picks the server once per process, as every choice costs a probe
// and the last one a cluster start.
func setup() {
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		source = "TEST_DATABASE_URL"
		setupErr = connectAdmin(u)
		return
	}
	addr := probeAddr
	if a := os.Getenv("TESTDB_PROBE_ADDR"); a != "" {
		addr = a
	}
	local := "postgres://postgres@" + addr + "/postgres?sslmode=disable"
	if ping(local, 2*time.Second) == nil {
		source = "the PostgreSQL at " + addr
		setupErr = connectAdmin(local)
		return
	}
	u, err := startCluster()
	if err != nil {
		setupErr = fmt.Errorf("no TEST_DATABASE_URL, no server answering at %s, and no throwaway cluster: %w", addr, err)
		return
	}
	source = "a throwaway PostgreSQL in " + clusterDir
	setupErr = connectAdmin(u)
}

func connectAdmin(u string) error {
	if _, err := url.Parse(u); err != nil {
		return fmt.Errorf("invalid database URL: %w", err)
	}
	db, err := sql.Open("pg", u)
	if err != nil {
		return err
	}
	adminURL, admin = u, db
	return nil
}

func ping(u string, timeout time.Duration) error {
	db, err := sql.Open("pg", u)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return db.PingContext(ctx)
}

func startCluster() (string, error) {
	clusterMu.Lock()
	defer clusterMu.Unlock()
	dir, err := os.MkdirTemp("", "testdb-")
	if err != nil {
		return "", err
	}
	// Tests may run as root, and then the server runs as another user that
	// must be able to reach the data directory inside this one.
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := embeddedpg.Start(ctx, embeddedpg.Options{
		Dir:       filepath.Join(dir, "postgres"),
		Ephemeral: true,
	})
	if err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	cluster, clusterDir = c, dir
	return c.AdminURL("postgres"), nil
}

// shutdown closes the admin pool and stops the cluster, if this process
// started one, removing its directory.
func shutdown() {
	clusterMu.Lock()
	defer clusterMu.Unlock()
	if admin != nil {
		admin.Close()
	}
	if cluster == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := cluster.Stop(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "testdb: %v\n", err)
		return // keep the directory: the server may still be using it
	}
	if err := os.RemoveAll(clusterDir); err != nil {
		fmt.Fprintf(os.Stderr, "testdb: %v\n", err)
	}
	cluster = nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails since Go 1.24
	return hex.EncodeToString(b)
}
