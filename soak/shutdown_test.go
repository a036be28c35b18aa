//go:build soak

package soak

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"carejourney/server/store"
)

// TestGracefulShutdown: SIGTERM to the server's binary while 16 clients
// write and read. Inserts into updates are held by a table lock from just
// before the signal to a second after it, so requests are surely in flight
// when it arrives. Every request begun before the signal succeeds (and its
// rows and audit events are in the database), new connections are refused
// at once, and the process exits 0 within its grace period.
func TestGracefulShutdown(t *testing.T) {
	const (
		clientCount = 16
		grace       = 10 * time.Second
		warmUp      = 2 * time.Second
		held        = time.Second
	)
	cluster := startCluster(t)
	bin := buildServer(t)
	addr := freeAddr(t)
	base := "http://" + addr
	env := serverEnv(cluster, addr)
	env["SHUTDOWN_TIMEOUT"] = grace.String()
	var log lockedBuffer
	cmd := exec.Command(bin, "serve")
	cmd.Env = os.Environ()
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(50 * time.Millisecond) {
		if code, _ := ready(base); code == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server is not ready after a minute; log:\n%s", log.String())
		}
	}
	owner := openOwner(t, cluster)
	clients := signedInClients(t, store.New(owner, time.UTC), base, clientCount)

	var l ledger
	stop, end := context.WithCancel(context.Background())
	defer end()
	wait := runLoad(stop, clients, &l)
	time.Sleep(warmUp)

	ctx := context.Background()
	tx, err := owner.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "LOCK TABLE updates IN SHARE MODE"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	signalled := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	var refusedAfter time.Duration
	for refusedAfter == 0 {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			if !errors.Is(err, syscall.ECONNREFUSED) {
				t.Errorf("a new connection after SIGTERM: %v (want refused)", err)
			}
			refusedAfter = time.Since(signalled)
			break
		}
		conn.Close()
		if time.Since(signalled) > held/2 {
			t.Fatal("new connections still accepted half a second after SIGTERM")
		}
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(held - time.Since(signalled))
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	var exitErr error
	select {
	case exitErr = <-exited:
	case <-time.After(grace + 5*time.Second):
		t.Fatalf("still running %s after SIGTERM (grace %s); log:\n%s", time.Since(signalled), grace, tail(log.String(), 30))
	}
	exitedAfter := time.Since(signalled)
	end()
	wait()

	before, inFlight, after := l.phases(signalled, signalled)
	for _, r := range append(before.failed, inFlight.failed...) {
		t.Errorf("a request begun before SIGTERM failed: %v %d %.300s", r.err, r.status, r.raw)
	}
	refused := 0
	for _, r := range after.failed {
		if r.err == nil {
			t.Errorf("a request after SIGTERM got a failed response, not a refused connection: %d %.300s", r.status, r.raw)
		} else if isConnRefused(r.err) {
			refused++
		}
	}
	heldUp := 0
	for _, r := range inFlight.ok {
		if r.started.Add(r.took).After(signalled.Add(held)) {
			heldUp++
		}
	}
	if heldUp == 0 {
		t.Error("no request was held across the signal by the lock: the test proved nothing")
	}
	if exitErr != nil {
		t.Errorf("exit: %v; log:\n%s", exitErr, tail(log.String(), 30))
	}
	if exitedAfter > grace {
		t.Errorf("exited %s after SIGTERM, past its grace period %s", exitedAfter, grace)
	}
	lost := l.verify(t, owner)
	if lost > 0 {
		t.Errorf("%d acknowledged writes or audit events lost", lost)
	}
	if strings.Contains(log.String(), "panic") {
		t.Errorf("a panic in the server log:\n%s", log.String())
	}
	t.Logf("figures: %d clients; SIGTERM with %d requests in flight (%d of them held %s by the lock), all %d completed ok",
		clientCount, len(inFlight.ok)+len(inFlight.failed), heldUp, held, len(inFlight.ok))
	t.Logf("figures: new connections refused %s after SIGTERM; exited (code 0: %t) %s after SIGTERM (grace %s)",
		refusedAfter.Round(time.Millisecond), exitErr == nil, exitedAfter.Round(time.Millisecond), grace)
	t.Logf("figures: requests before SIGTERM: %d ok, %d failed; begun after: %d ok, %d failed (%d refused connections, the rest closed ones)",
		len(before.ok), len(before.failed), len(after.ok), len(after.failed), refused)
	t.Logf("figures: ledger %d acknowledged requests (%d members, %d updates written), lost %d",
		l.size(), len(l.members), len(l.updates), lost)
}

// buildServer builds the server's binary into a temporary directory.
func buildServer(t *testing.T) string {
	t.Helper()
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "carejourney")
	build := exec.Command("go", "build", "-o", bin, "./server")
	build.Dir = filepath.Dir(strings.TrimSpace(string(gomod)))
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// freeAddr is a loopback address with a port free now.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func isConnRefused(err error) bool { return errors.Is(err, syscall.ECONNREFUSED) }
