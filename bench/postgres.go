package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
)

// cluster is the run's private PostgreSQL, so that pg_stat_statements and
// session counts see only the benchmark's traffic.
type cluster struct {
	bin, dir string
	port     int
	cred     *syscall.Credential
}

func pgBinDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return dirs[i] > dirs[j] })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", fmt.Errorf("no PostgreSQL server binaries found")
}

func startCluster(port int) (*cluster, error) {
	bin, err := pgBinDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "carejourney-bench-pg-")
	if err != nil {
		return nil, err
	}
	c := &cluster{bin: bin, dir: dir, port: port}
	// PostgreSQL refuses to run as root.
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("running as root without a postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		c.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
	}
	if err := c.run("initdb", "-D", dir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"); err != nil {
		return nil, err
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements "+
		"-c max_connections=200 -c fsync=on", port, dir)
	if err := c.run("pg_ctl", "start", "-w", "-D", dir, "-l", filepath.Join(dir, "log"), "-o", opts); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *cluster) run(name string, args ...string) error {
	cmd := exec.Command(filepath.Join(c.bin, name), args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
	cmd.Dir = "/"
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w\n%s", name, err, out)
	}
	return nil
}

func (c *cluster) url(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.port, db)
}

func (c *cluster) stop() {
	_ = c.run("pg_ctl", "stop", "-D", c.dir, "-m", "fast", "-w")
	os.RemoveAll(c.dir)
}

// psql runs one statement and returns its unaligned output.
func (c *cluster) psql(db, sql string) (string, error) {
	out, err := exec.Command(filepath.Join(c.bin, "psql"), "-X", "-At", "-v", "ON_ERROR_STOP=1", c.url(db), "-c", sql).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("psql %q: %w\n%s", sql, err, out)
	}
	return string(trimNL(out)), nil
}

func trimNL(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

// postgresPIDs lists the cluster's processes (postmaster and its children).
func (c *cluster) postgresPIDs() []int {
	data, err := os.ReadFile(filepath.Join(c.dir, "postmaster.pid"))
	if err != nil {
		return nil
	}
	var master int
	fmt.Sscan(string(data), &master)
	pids := []int{master}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if ppid(pid) == master {
			pids = append(pids, pid)
		}
	}
	return pids
}
