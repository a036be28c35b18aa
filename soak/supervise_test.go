//go:build soak

package soak

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"carejourney/server/store"
)

// TestEmbeddedPostgresSupervised: the server's binary with DATABASE_URL
// unset runs its private cluster (as `make run` does); the cluster's
// postmaster is killed with SIGKILL under load. /readyz says not ready,
// the log says the cluster is gone, the server starts it again by itself,
// service returns, and nothing acknowledged is lost (the cluster is crash
// safe: it recovers from its write-ahead log).
func TestEmbeddedPostgresSupervised(t *testing.T) {
	const (
		clientCount = 8
		warmUp      = 2 * time.Second
		afterwards  = 2 * time.Second
		returnMax   = 15 * time.Second
	)
	bin := buildServer(t)
	dataDir, err := os.MkdirTemp("", "soak-data-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dataDir) })
	if err := os.Chmod(dataDir, 0o755); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	base := "http://" + addr
	var log lockedBuffer
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(), "DATABASE_URL=", "MIGRATION_DATABASE_URL=", "DATA_DIR="+dataDir, "LISTEN_ADDR="+addr,
		"MILESTONE_SWEEP_INTERVAL=0", "TOTP_REQUIRED_ROLES=none", "REQUEST_TIMEOUT="+requestTimeout.String(),
		"MAX_QUERY_COST=100000000", "RATE_LIMIT_POINTS=100000000", "RATE_LIMIT_RESTORE_RATE=100000000")
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// A failed test still stops the server, and so its cluster; Kill
	// (which leaves the cluster behind) only if it does not exit.
	var stopped bool
	t.Cleanup(func() {
		if !stopped {
			_ = cmd.Process.Signal(syscall.SIGTERM)
			select {
			case <-exited:
			case <-time.After(30 * time.Second):
				_ = cmd.Process.Kill()
			}
		}
	})
	for deadline := time.Now().Add(2 * time.Minute); ; time.Sleep(100 * time.Millisecond) {
		if code, _ := ready(base); code == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server is not ready after two minutes; log:\n%s", log.String())
		}
	}
	pgDir := filepath.Join(dataDir, "postgres")
	pid, port := postmaster(t, pgDir)
	pw, err := os.ReadFile(pgDir + ".password")
	if err != nil {
		t.Fatal(err)
	}
	ownerURL := (&url.URL{Scheme: "postgres", User: url.UserPassword("carejourney", strings.TrimSpace(string(pw))),
		Host: "127.0.0.1:" + port, Path: "/carejourney", RawQuery: "sslmode=disable"}).String()
	owner, err := store.Open(context.Background(), ownerURL)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	clients := signedInClients(t, store.New(owner, time.UTC), base, clientCount)
	probe := clients[0]
	created := probe.do(context.Background(), createMember, map[string]any{"in": map[string]any{"firstName": "Probe", "lastName": "Member"}})
	if !created.ok() {
		t.Fatalf("createMember: %v %s", created.err, created.raw)
	}
	probeID := created.str("createMember.member.id")

	var l ledger
	stop, end := context.WithCancel(context.Background())
	defer end()
	wait := runLoad(stop, clients, &l)
	time.Sleep(warmUp)

	killed := time.Now()
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	var sawUnready bool
	var unready string
	var returned time.Time
	for returned.IsZero() {
		if time.Since(killed) > returnMax {
			t.Fatalf("service has not returned %s after the SIGKILL; log:\n%s", time.Since(killed), tail(log.String(), 30))
		}
		code, body := ready(base)
		if code == http.StatusServiceUnavailable {
			sawUnready, unready = true, body
		}
		// Backends outlive their postmaster for a moment: service has
		// returned only once it was seen gone.
		if r := probe.do(context.Background(), readMember, map[string]any{"id": probeID}); sawUnready && code == http.StatusOK && r.ok() {
			returned = time.Now()
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(afterwards)
	end()
	wait()
	newPID, newPort := postmaster(t, pgDir)

	before, outage, after := l.phases(killed, returned)
	if !sawUnready {
		t.Error("/readyz never said not ready while the cluster was gone")
	}
	serverLog := log.String()
	if !strings.Contains(serverLog, "embedded PostgreSQL is not running; starting it again") ||
		!strings.Contains(serverLog, "embedded PostgreSQL started again") {
		t.Errorf("the log does not say the cluster was gone and started again:\n%s", tail(serverLog, 30))
	}
	if newPID == pid || newPort != port {
		t.Errorf("postmaster %d on port %s after, %d on %s before: want a new process on the same port", newPID, newPort, pid, port)
	}
	for _, r := range append(before.failed, after.failed...) {
		t.Errorf("failed outside the outage: %v %d %.300s", r.err, r.status, r.raw)
	}
	codes := map[string]int{}
	for _, r := range outage.failed {
		if r.err != nil {
			t.Errorf("no GraphQL answer while the cluster was gone: %v", r.err)
		}
		for _, c := range r.codes() {
			codes[fmt.Sprintf("%d %s", r.status, c)]++
		}
	}
	// A fresh pool: the first one's connections died with the postmaster.
	after2, err := store.Open(context.Background(), ownerURL)
	if err != nil {
		t.Fatal(err)
	}
	defer after2.Close()
	lost := l.verify(t, after2)
	if lost > 0 {
		t.Errorf("%d acknowledged writes or audit events lost", lost)
	}
	if strings.Contains(serverLog, "panic") {
		t.Errorf("a panic in the server log:\n%s", serverLog)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		stopped = true
		if err != nil {
			t.Errorf("exit after SIGTERM: %v; log:\n%s", err, tail(serverLog, 20))
		}
	case <-time.After(30 * time.Second):
		t.Fatal("still running 30s after SIGTERM")
	}
	if _, err := os.Stat(filepath.Join(pgDir, "postmaster.pid")); err == nil {
		t.Error("the restarted cluster is still running after the server exited")
	}
	t.Logf("figures: %d clients; postmaster %d killed (SIGKILL); /readyz said %q; service returned %s after the kill (bound %s), no server restart",
		clientCount, pid, unready, returned.Sub(killed).Round(time.Millisecond), returnMax)
	t.Logf("figures: requests before: %d ok, %d failed; during the outage: %d ok, %d failed (%v); after: %d ok, %d failed",
		len(before.ok), len(before.failed), len(outage.ok), len(outage.failed), codes, len(after.ok), len(after.failed))
	t.Logf("figures: ledger %d acknowledged requests (%d members, %d updates written), lost %d",
		l.size(), len(l.members), len(l.updates), lost)
}

// postmaster reads the pid and port of the cluster in dir from its
// postmaster.pid (lines 1 and 4).
func postmaster(t *testing.T, dir string) (int, string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	var pid int
	if len(lines) < 4 {
		t.Fatalf("postmaster.pid: %q", b)
	}
	if _, err := fmt.Sscan(lines[0], &pid); err != nil {
		t.Fatal(err)
	}
	return pid, strings.TrimSpace(lines[3])
}
