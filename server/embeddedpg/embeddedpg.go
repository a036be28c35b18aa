// Package embeddedpg runs a private PostgreSQL cluster from the server
// binaries already installed on the machine, so that development (`make run`
// without DATABASE_URL) and tests work without a shared database server and
// without downloading anything.
package embeddedpg

import (
	"bytes"
	"cmp"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/uptrace/bun/driver/pgdriver"
)

const (
	// superuser is the role initdb creates: it owns the tables and runs the
	// migrations, which create extensions.
	superuser = "carejourney"
	// servingRole is the role the server connects as to serve requests: it
	// owns nothing, and the owner grants it only reads and writes of rows
	// (store.GrantServing).
	servingRole = "carejourney_app"
	// database is created on first start so that URL works at once.
	database = "carejourney"
	// logName is kept inside the data directory because only there is it
	// writable by the server's user when we run as root.
	logName = "server.log"
	// startAttempts bounds retries when the probed free port is taken by
	// someone else before the server binds it.
	startAttempts = 3
)

// Options configure a private cluster.
type Options struct {
	// Dir is the data directory, e.g. "./.data/postgres"; it is created and
	// initialised on first start and reused afterwards. It must not be used
	// by two running processes at once: a server left running on it is
	// stopped by Start.
	Dir string
	// Logger receives one line per start and stop; nil discards them.
	Logger *slog.Logger
	// Ephemeral trades crash safety for speed, for throwaway test clusters.
	Ephemeral bool
}

// Cluster is a running private PostgreSQL.
type Cluster struct {
	dir       string
	bin       string
	port      int
	password  string
	servingPW string
	runAs     *syscall.Credential
	ephemeral bool
	logger    *slog.Logger

	mu      sync.Mutex
	stopped bool
	// supervised is closed by Stop to end Supervise's watch.
	supervised chan struct{}
}

// Start initialises opts.Dir if needed and starts a server on a free
// loopback port, returning once it accepts connections.
func Start(ctx context.Context, opts Options) (*Cluster, error) {
	c, err := start(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("embeddedpg: %w", err)
	}
	c.logger.Info("embedded PostgreSQL started", "port", c.port, "dir", c.dir)
	return c, nil
}

func start(ctx context.Context, opts Options) (*Cluster, error) {
	if opts.Dir == "" {
		return nil, errors.New("Options.Dir is empty")
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	bin, err := findBinDir()
	if err != nil {
		return nil, err
	}
	runAs, err := serverCredential()
	if err != nil {
		return nil, err
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	c := &Cluster{dir: dir, bin: bin, runAs: runAs, ephemeral: opts.Ephemeral, logger: logger}

	if err := c.prepareDir(); err != nil {
		return nil, err
	}
	if c.password, err = c.loadOrCreatePassword(); err != nil {
		return nil, err
	}
	if err := c.initdb(ctx); err != nil {
		return nil, err
	}
	if err := c.clearLeftover(ctx); err != nil {
		return nil, err
	}
	if err := c.startServer(ctx); err != nil {
		return nil, err
	}
	if err := c.createDatabase(ctx); err != nil {
		_ = c.stop(context.WithoutCancel(ctx))
		return nil, err
	}
	if err := c.createServingRole(ctx); err != nil {
		_ = c.stop(context.WithoutCancel(ctx))
		return nil, err
	}
	return c, nil
}

// URL returns the owner's (a superuser's) connection URL of the
// application database: for migrations and the command-line tools.
func (c *Cluster) URL() string {
	return c.AdminURL(database)
}

// ServingURL returns the serving role's connection URL of the application
// database. The role has no rights until the owner grants them.
func (c *Cluster) ServingURL() string {
	return c.connURL(servingRole, c.servingPW, database)
}

// AdminURL returns a superuser connection URL for another database, such as
// "postgres" for creating and dropping databases.
func (c *Cluster) AdminURL(database string) string {
	return c.connURL(superuser, c.password, database)
}

// connURL is the URL of database on this cluster as user.
func (c *Cluster) connURL(user, password, database string) string {
	u := url.URL{
		Scheme:   "postgres",
		User:     url.UserPassword(user, password),
		Host:     net.JoinHostPort("127.0.0.1", strconv.Itoa(c.port)),
		Path:     "/" + database,
		RawQuery: "sslmode=disable",
	}
	return u.String()
}

// Stop shuts the server down, disconnecting clients rather than waiting for
// them; calling it again does nothing.
func (c *Cluster) Stop(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped {
		return nil
	}
	if c.supervised != nil {
		close(c.supervised)
		c.supervised = nil
	}
	if err := c.stop(ctx); err != nil {
		return fmt.Errorf("embeddedpg: %w", err)
	}
	c.stopped = true
	c.logger.Info("embedded PostgreSQL stopped", "dir", c.dir)
	return nil
}

// findBinDir looks for installed server binaries, never downloading any,
// because the machine's package manager is the one place that keeps them
// patched.
func findBinDir() (string, error) {
	var candidates []string
	if p, err := exec.LookPath("initdb"); err == nil {
		// Debian links binaries onto PATH; pg_ctl finds postgres next to
		// itself, so prefer the directory the links point into.
		if real, err := filepath.EvalSymlinks(p); err == nil {
			candidates = append(candidates, filepath.Dir(real))
		}
		candidates = append(candidates, filepath.Dir(p))
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		candidates = append(candidates, strings.TrimSpace(string(out)))
	}
	candidates = append(candidates, debianBinDirs()...)
	for _, dir := range candidates {
		if hasServerBinaries(dir) {
			return dir, nil
		}
	}
	return "", errors.New("no PostgreSQL server binaries found (looked on PATH, pg_config --bindir, /usr/lib/postgresql/*/bin): " +
		"install them (Debian/Ubuntu: apt-get install postgresql) or set DATABASE_URL to an existing server")
}

// debianBinDirs lists /usr/lib/postgresql/*/bin, newest major version first.
func debianBinDirs() []string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	version := func(dir string) float64 {
		v, _ := strconv.ParseFloat(filepath.Base(filepath.Dir(dir)), 64)
		return v
	}
	slices.SortFunc(dirs, func(a, b string) int { return cmp.Compare(version(b), version(a)) })
	return dirs
}

func hasServerBinaries(dir string) bool {
	for _, name := range []string{"initdb", "pg_ctl", "postgres"} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || fi.IsDir() || fi.Mode()&0o111 == 0 {
			return false
		}
	}
	return true
}

// serverCredential picks the user to run the server as, because PostgreSQL
// refuses to run as root; nil means the current user.
func serverCredential() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
		gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
		if err1 != nil || err2 != nil {
			continue
		}
		return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
	}
	return nil, errors.New("running as root, but neither user postgres nor nobody exists to run PostgreSQL as")
}

// prepareDir creates the data directory and hands it to the server's user,
// refusing early when that user could not reach it, since initdb's own
// error for that is obscure.
func (c *Cluster) prepareDir() error {
	created, err := mkdirAll(filepath.Dir(c.dir))
	if err != nil {
		return err
	}
	if err := os.Mkdir(c.dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	if c.runAs == nil {
		return nil
	}
	// Directories we created must be traversable by the server's user
	// whatever the umask made of them.
	for _, d := range created {
		if err := os.Chmod(d, 0o755); err != nil {
			return err
		}
	}
	if err := checkTraversable(filepath.Dir(c.dir), c.runAs); err != nil {
		return err
	}
	return chownTree(c.dir, c.runAs)
}

// mkdirAll is os.MkdirAll that reports which directories it created.
func mkdirAll(dir string) ([]string, error) {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return missing, nil
}

// checkTraversable approximates the kernel's permission check (ignoring
// supplementary groups and ACLs) for dir and its ancestors.
func checkTraversable(dir string, cred *syscall.Credential) error {
	for d := dir; ; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil {
			return err
		}
		st, ok := fi.Sys().(*syscall.Stat_t)
		if !ok {
			return nil
		}
		var bit fs.FileMode = 0o001
		switch {
		case st.Uid == cred.Uid:
			bit = 0o100
		case st.Gid == cred.Gid:
			bit = 0o010
		}
		if fi.Mode().Perm()&bit == 0 {
			return fmt.Errorf("directory %s is not traversable by uid %d, which PostgreSQL runs as because we are root: "+
				"run chmod o+x %s, choose another data directory, or set DATABASE_URL", d, cred.Uid, d)
		}
		if filepath.Dir(d) == d {
			return nil
		}
	}
}

// chownTree gives dir and its contents to cred's user; it skips the walk
// when dir already belongs to it, which is every start after the first.
func chownTree(dir string, cred *syscall.Credential) error {
	fi, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && st.Uid == cred.Uid && st.Gid == cred.Gid {
		return nil
	}
	return filepath.WalkDir(dir, func(path string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(path, int(cred.Uid), int(cred.Gid))
	})
}

// loadOrCreatePassword keeps the superuser password beside the data
// directory rather than in it, so that it exists before initdb (which
// demands an empty directory) and survives a failed initdb.
func (c *Cluster) loadOrCreatePassword() (string, error) {
	path := c.dir + ".password"
	b, err := os.ReadFile(path)
	if err == nil {
		if pw := strings.TrimSpace(string(b)); pw != "" {
			return pw, nil
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	if c.initialised() {
		return "", fmt.Errorf("password file %s is missing or empty, so the cluster in %s cannot be used: remove that directory to start afresh", path, c.dir)
	}
	buf := make([]byte, 24)
	rand.Read(buf) // never fails since Go 1.24
	pw := hex.EncodeToString(buf)
	if err := os.WriteFile(path, []byte(pw+"\n"), 0o600); err != nil {
		return "", err
	}
	return pw, nil
}

func (c *Cluster) initialised() bool {
	_, err := os.Stat(filepath.Join(c.dir, "PG_VERSION"))
	return err == nil
}

func (c *Cluster) initdb(ctx context.Context) error {
	if c.initialised() {
		return nil
	}
	// initdb runs as the server's user, which cannot read our 0600
	// password file, so it gets a short-lived copy of its own.
	pwFile, err := os.CreateTemp("", "embeddedpg-pw-*")
	if err != nil {
		return err
	}
	defer os.Remove(pwFile.Name())
	_, err = pwFile.WriteString(c.password + "\n")
	if cerr := pwFile.Close(); err == nil {
		err = cerr
	}
	if err == nil && c.runAs != nil {
		err = os.Chown(pwFile.Name(), int(c.runAs.Uid), int(c.runAs.Gid))
	}
	if err != nil {
		return err
	}
	args := []string{
		"-D", c.dir,
		"-U", superuser,
		"--pwfile", pwFile.Name(),
		"--auth-host=scram-sha-256",
		"--auth-local=scram-sha-256",
		"--encoding=UTF8",
		"--no-locale", // the machine's locale may not be generated
	}
	if c.ephemeral {
		args = append(args, "--no-sync")
	}
	out, err := c.command(ctx, "initdb", args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("initdb %s: %w\n%s", c.dir, err, bytes.TrimSpace(out))
	}
	return nil
}

// clearLeftover deals with a postmaster.pid from an earlier run: a server
// still running on the directory (left by a crashed process) is stopped so
// that ours starts with a fresh port and our settings; a stale file whose
// process is gone is removed so it cannot block the start.
func (c *Cluster) clearLeftover(ctx context.Context) error {
	pidFile := filepath.Join(c.dir, "postmaster.pid")
	b, err := os.ReadFile(pidFile)
	if err != nil {
		return nil
	}
	pid, _, _ := strings.Cut(string(b), "\n")
	if err := c.command(ctx, "pg_ctl", "status", "-D", c.dir).Run(); err == nil && !zombie(pid) {
		c.logger.Warn("stopping PostgreSQL left running on the data directory by an earlier run", "dir", c.dir)
		return c.stop(ctx)
	}
	if err := os.Remove(pidFile); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// zombie reports whether pid has exited but was not yet reaped, which
// pg_ctl status takes for a running server; it happens when a killed
// postmaster's new parent (init, in a container often a slow reaper) has not
// waited for it yet.
func zombie(pid string) bool {
	b, err := os.ReadFile("/proc/" + strings.TrimSpace(pid) + "/stat")
	if err != nil {
		return false
	}
	// The state follows the parenthesised command name, which may contain spaces.
	i := bytes.LastIndexByte(b, ')')
	return i >= 0 && i+2 < len(b) && b[i+2] == 'Z'
}

func (c *Cluster) startServer(ctx context.Context) error {
	var err error
	for range startAttempts {
		port, perr := freePort()
		if perr != nil {
			return perr
		}
		var bindFailed bool
		if bindFailed, err = c.startOn(ctx, port); err == nil {
			c.port = port
			return nil
		}
		if !bindFailed {
			return err
		}
	}
	return err
}

// startOn starts the server on port; bindFailed says the port was taken.
func (c *Cluster) startOn(ctx context.Context, port int) (bindFailed bool, err error) {
	settings := []string{
		"listen_addresses=127.0.0.1",
		"unix_socket_directories=''", // no socket: nothing to collide with, no path length limit
		"max_connections=200",        // parallel tests each hold a pool
		// A refused statement is logged without the statement and its
		// DETAIL, which carry the rows (bun inlines values): no personal
		// data in the server log.
		"log_min_error_statement=panic",
		"log_error_verbosity=terse",
	}
	if c.ephemeral {
		settings = append(settings, "fsync=off", "synchronous_commit=off", "full_page_writes=off")
	}
	logFile := filepath.Join(c.dir, logName)
	serverOpts := "-p " + strconv.Itoa(port)
	for _, s := range settings {
		serverOpts += " -c " + s
	}
	logOffset := fileSize(logFile)
	out, err := c.command(ctx, "pg_ctl", "start", "-w", "-t", "60",
		"-D", c.dir, "-l", logFile, "-o", serverOpts).CombinedOutput()
	if err == nil {
		return false, nil
	}
	serverLog := readFrom(logFile, logOffset)
	err = fmt.Errorf("pg_ctl start: %w\n%s\nserver log (%s):\n%s",
		err, bytes.TrimSpace(out), logFile, tail(serverLog, 20))
	return strings.Contains(serverLog, "could not bind") || strings.Contains(serverLog, "could not create any TCP/IP sockets"), err
}

func (c *Cluster) stop(ctx context.Context) error {
	out, err := c.command(ctx, "pg_ctl", "stop", "-D", c.dir, "-m", "fast", "-w", "-t", "60").CombinedOutput()
	if err != nil && !bytes.Contains(out, []byte("Is server running?")) {
		return fmt.Errorf("pg_ctl stop: %w\n%s", err, bytes.TrimSpace(out))
	}
	return nil
}

// createDatabase runs on every start, not only the first, so that a run
// interrupted between initdb and here heals itself.
func (c *Cluster) createDatabase(ctx context.Context) error {
	db, err := sql.Open("pg", c.AdminURL("postgres"))
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, "CREATE DATABASE "+database)
	var pgErr pgdriver.Error
	if errors.As(err, &pgErr) && pgErr.Field('C') == "42P04" { // duplicate_database
		return nil
	}
	if err != nil {
		return fmt.Errorf("create database %s: %w", database, err)
	}
	return nil
}

// createServingRole creates the serving role, or sets its password, on
// every start: the password lives beside the data directory and a lost
// file is healed by a new one.
func (c *Cluster) createServingRole(ctx context.Context) error {
	path := c.dir + ".serving-password"
	b, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if c.servingPW = strings.TrimSpace(string(b)); c.servingPW == "" {
		buf := make([]byte, 24)
		rand.Read(buf)
		c.servingPW = hex.EncodeToString(buf)
		if err := os.WriteFile(path, []byte(c.servingPW+"\n"), 0o600); err != nil {
			return err
		}
	}
	db, err := sql.Open("pg", c.AdminURL("postgres"))
	if err != nil {
		return err
	}
	defer db.Close()
	// The password is hex, so it needs no escaping.
	_, err = db.ExecContext(ctx, "CREATE ROLE "+servingRole+" LOGIN PASSWORD '"+c.servingPW+"'")
	var pgErr pgdriver.Error
	if errors.As(err, &pgErr) && pgErr.Field('C') == "42710" { // duplicate_object
		_, err = db.ExecContext(ctx, "ALTER ROLE "+servingRole+" LOGIN PASSWORD '"+c.servingPW+"'")
	}
	if err != nil {
		return fmt.Errorf("create role %s: %w", servingRole, err)
	}
	return nil
}

// command prepares a server binary to run as the server's user, in the data
// directory (our own working directory may be unreachable for that user) and
// without PG* variables that would override our flags.
func (c *Cluster) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, filepath.Join(c.bin, name), args...)
	cmd.Dir = c.dir
	cmd.WaitDelay = 5 * time.Second
	cmd.Env = []string{}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PG") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	if c.runAs != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.runAs}
	}
	return cmd
}

// freePort asks the kernel for a free port; another process may take it
// before the server binds it, which start retries.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

func readFrom(path string, offset int64) string {
	b, err := os.ReadFile(path)
	if err != nil || offset > int64(len(b)) {
		return ""
	}
	return string(b[offset:])
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
