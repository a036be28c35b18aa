package audit_test

import (
	"testing"
	"time"

	"carejourney/server/audit"
	"carejourney/server/store"
)

// TestLogStats: while a COPY waits on a lock, Stats shows the request
// queued behind it and the age of the oldest event not yet committed; once
// both commit, the writes, events and lags are counted and nothing waits.
func TestLogStats(t *testing.T) {
	db, u := auditDB(t)
	logger, _ := newAuditLogger()
	l := audit.New(db, logger, audit.Options{Writers: 1})
	defer auditClose(t, l)
	if s := l.Stats(); s.Waiting != 0 || s.OldestWait != 0 || s.Writes != 0 || !s.Writable {
		t.Fatalf("a new log's stats: %+v", s)
	}
	other, err := store.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.ExecContext(ctx, "LOCK TABLE audit_events IN ACCESS EXCLUSIVE MODE"); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 2)
	go func() { done <- l.Write(ctx, auditEvent(1)) }()
	time.Sleep(20 * time.Millisecond) // the first is the writer's before the second queues
	go func() { done <- l.Write(ctx, auditEvent(2), auditEvent(3)) }()
	const held = 200 * time.Millisecond
	deadline := time.Now().Add(3 * time.Second)
	var during audit.Stats
	for {
		during = l.Stats()
		if during.Waiting == 1 && during.OldestWait >= held {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("stats while the table is locked: %+v", during)
		}
		time.Sleep(10 * time.Millisecond)
	}
	// Both are queued now: each waits held more at least.
	time.Sleep(held)
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	s := l.Stats()
	if s.Waiting != 0 || s.OldestWait != 0 || s.Writes != 2 || s.EventsWritten != 3 || s.Failures != 0 || !s.Writable {
		t.Errorf("stats after the commits: %+v", s)
	}
	// The first waited 2×held at least, the second held.
	if s.LagSum < 3*held || s.LastLag < held || s.LastLag > s.LagSum {
		t.Errorf("lags: sum %v, last %v; the lock was held %v and more", s.LagSum, s.LastLag, held)
	}
}
