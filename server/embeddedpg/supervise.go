package embeddedpg

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	// superviseInterval is how often a supervised cluster is looked at.
	superviseInterval = 500 * time.Millisecond
	// restartAttempts bounds the starts in a row that may fail before the
	// supervisor gives up (and says so in the log): a cluster that cannot
	// start needs a person, not a loop.
	restartAttempts = 5
)

// Supervise watches the server until Stop: when its postmaster is gone
// (killed, crashed, taken by the out-of-memory killer) it logs so and starts
// it again on the same port, so that the pools connected to it reconnect by
// themselves; meanwhile the server's /readyz says the database is
// unreachable. Failed starts are retried with a growing pause, up to
// restartAttempts in a row. Calling it again does nothing.
func (c *Cluster) Supervise() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped || c.supervised != nil {
		return
	}
	c.supervised = make(chan struct{})
	go c.supervise(c.supervised)
}

func (c *Cluster) supervise(done <-chan struct{}) {
	failures := 0
	pause := superviseInterval
	for {
		select {
		case <-done:
			return
		case <-time.After(pause):
		}
		pause = superviseInterval
		restarted, err := c.restartIfGone()
		switch {
		case err != nil:
			failures++
			if failures >= restartAttempts {
				c.logger.Error("embedded PostgreSQL could not be started again; giving up: restart the server",
					"attempts", failures, "dir", c.dir, "err", err)
				return
			}
			c.logger.Error("embedded PostgreSQL could not be started again; retrying",
				"attempt", failures, "max_attempts", restartAttempts, "dir", c.dir, "err", err)
			pause = time.Duration(failures) * time.Second
		case restarted:
			failures = 0
		}
	}
}

// restartIfGone starts the server again when its postmaster is gone.
func (c *Cluster) restartIfGone() (restarted bool, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped || c.postmasterRunning() {
		return false, nil
	}
	c.logger.Error("embedded PostgreSQL is not running; starting it again", "port", c.port, "dir", c.dir)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	if err := c.clearLeftover(ctx); err != nil {
		return false, err
	}
	if _, err := c.startOn(ctx, c.port); err != nil {
		return false, err
	}
	c.logger.Info("embedded PostgreSQL started again", "port", c.port, "dir", c.dir)
	return true, nil
}

// postmasterRunning reports whether the process of postmaster.pid lives.
func (c *Cluster) postmasterRunning() bool {
	b, err := os.ReadFile(filepath.Join(c.dir, "postmaster.pid"))
	if err != nil {
		return false
	}
	line, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil || pid <= 0 {
		return false
	}
	// Signal 0 checks the process exists; EPERM means it does, as
	// another user's.
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	return !zombie(line)
}
