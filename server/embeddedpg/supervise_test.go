package embeddedpg_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestRestartKeepsURL: after Restart the same URL connects again, and
// whileDown ran while nothing answered.
func TestRestartKeepsURL(t *testing.T) {
	c := start(t, dataDir(t), &bytes.Buffer{})
	db := open(t, c.URL())
	if _, err := db.Exec("CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)"); err != nil {
		t.Fatal(err)
	}
	var downErr error
	if err := c.Restart(context.Background(), func() { downErr = open(t, c.URL()).Ping() }); err != nil {
		t.Fatal(err)
	}
	if downErr == nil {
		t.Error("the cluster answered while Restart held it down")
	}
	var n int
	if err := open(t, c.URL()).QueryRow("SELECT n FROM kept").Scan(&n); err != nil || n != 7 {
		t.Errorf("after Restart: %d, %v", n, err)
	}
}

// TestSuperviseRestartsKilled: a supervised cluster whose postmaster is
// killed with SIGKILL is started again on its port and says so in its log;
// once stopped it stays stopped.
func TestSuperviseRestartsKilled(t *testing.T) {
	dir := dataDir(t)
	var logs syncBuffer
	c := start(t, dir, &logs)
	c.Supervise()
	pid := postmasterPID(t, dir)
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if p := postmasterPID(t, dir); p != 0 && p != pid && open(t, c.URL()).Ping() == nil &&
			strings.Contains(logs.String(), "started again") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not back 30s after SIGKILL; log:\n%s", logs.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	if log := logs.String(); !strings.Contains(log, "not running; starting it again") {
		t.Errorf("the log does not say so:\n%s", log)
	}
	if err := c.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond) // three looks of the supervisor
	if p := postmasterPID(t, dir); p != 0 {
		t.Errorf("postmaster %d runs after Stop: the supervisor started it again", p)
	}
}

// postmasterPID is the pid in dir's postmaster.pid, 0 without one.
func postmasterPID(t *testing.T, dir string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
	if err != nil {
		return 0
	}
	var pid int
	if _, err := fmt.Sscan(string(b), &pid); err != nil {
		t.Fatal(err)
	}
	return pid
}

// syncBuffer is a log that the supervisor's goroutine and the test share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
