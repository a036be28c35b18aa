package audit_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/audit"
	"carejourney/server/domain"
	"carejourney/server/store"
	"carejourney/server/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }

var ctx = context.Background()

// auditDB gives the test a migrated database and its URL.
func auditDB(t *testing.T) (*bun.DB, string) {
	t.Helper()
	u := testdb.NewDatabase(t)
	db, err := store.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := store.Migrate(ctx, db, io.Discard); err != nil {
		t.Fatal(err)
	}
	return db, u
}

// auditLogger discards the log but counts its ERROR records.
type auditLogger struct {
	slog.Handler
	errors atomic.Int64
}

func (h *auditLogger) Handle(ctx context.Context, r slog.Record) error {
	if r.Level >= slog.LevelError {
		h.errors.Add(1)
	}
	return nil
}

func newAuditLogger() (*slog.Logger, *auditLogger) {
	h := &auditLogger{Handler: slog.NewTextHandler(io.Discard, nil)}
	return slog.New(h), h
}

// auditInserts counts the INSERT statements of a connection.
type auditInserts struct{ n atomic.Int64 }

func (c *auditInserts) BeforeQuery(ctx context.Context, e *bun.QueryEvent) context.Context {
	if e.Operation() == "INSERT" {
		c.n.Add(1)
	}
	return ctx
}
func (c *auditInserts) AfterQuery(context.Context, *bun.QueryEvent) {}

func auditEvent(member int64) audit.Event {
	return audit.Event{OccurredAt: time.Now(), ActorKind: audit.ActorUser, ActorUserID: 1, ActorRole: domain.RoleAdmin,
		Action: audit.ActionRead, OperationName: "Journey", Field: "member", MemberID: member,
		ObjectType: "Member", ObjectID: member, RequestID: "req", ClientAddress: "127.0.0.1"}
}

func auditRows(t *testing.T, db bun.IDB) int {
	t.Helper()
	n, err := db.NewSelect().Table("audit_events").Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// auditEventually waits up to 5 s for cond.
func auditEventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func auditClose(t *testing.T, l *audit.Log) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := l.Close(c); err != nil {
		t.Fatal(err)
	}
}

func TestLogWritesInBatches(t *testing.T) {
	db, _ := auditDB(t)
	inserts := &auditInserts{}
	db.AddQueryHook(inserts)
	logger, _ := newAuditLogger()
	// A long interval: only the batch size and Flush make it write.
	l := audit.New(db, logger, audit.Options{BatchSize: 10, Interval: time.Hour})
	defer auditClose(t, l)
	for i := range 25 {
		if err := l.Append(auditEvent(int64(i + 1))); err != nil {
			t.Fatal(err)
		}
	}
	auditEventually(t, "two full batches", func() bool { return auditRows(t, db) == 20 })
	if n := inserts.n.Load(); n != 2 {
		t.Errorf("%d INSERTs for two batches of 10", n)
	}
	if err := l.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if n, rows := inserts.n.Load(), auditRows(t, db); n != 3 || rows != 25 {
		t.Errorf("after Flush: %d INSERTs, %d rows; want 3 and 25", n, rows)
	}
	// One request's events are written together.
	if err := l.Append(auditEvent(1), auditEvent(2), auditEvent(3)); err != nil {
		t.Fatal(err)
	}
	if err := l.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if n := inserts.n.Load(); n != 4 {
		t.Errorf("%d INSERTs after one more request", n)
	}
}

func TestLogWritesWithinInterval(t *testing.T) {
	db, _ := auditDB(t)
	logger, _ := newAuditLogger()
	l := audit.New(db, logger, audit.Options{Interval: 50 * time.Millisecond})
	defer auditClose(t, l)
	start := time.Now()
	for i := range 3 {
		if err := l.Append(auditEvent(int64(i + 1))); err != nil {
			t.Fatal(err)
		}
	}
	auditEventually(t, "the interval's write", func() bool { return auditRows(t, db) == 3 })
	t.Logf("3 events written %v after Append", time.Since(start).Round(time.Millisecond))
	var got audit.Event
	if err := db.NewSelect().Model(&got).Where("member_id = 2").Scan(ctx); err != nil {
		t.Fatal(err)
	}
	want := auditEvent(2)
	if got.ActorKind != want.ActorKind || got.ActorUserID != 1 || got.ActorRole != domain.RoleAdmin || got.ActorKeyID != 0 ||
		got.Action != audit.ActionRead || got.OperationName != "Journey" || got.Field != "member" ||
		got.ObjectType != "Member" || got.ObjectID != 2 || got.RequestID != "req" || got.ClientAddress != "127.0.0.1" {
		t.Errorf("stored %+v", got)
	}
	var nulls int
	if err := db.NewRaw("SELECT count(*) FROM audit_events WHERE actor_key_id IS NULL").Scan(ctx, &nulls); err != nil || nulls != 3 {
		t.Errorf("actor_key_id NULL in %d rows (%v): zero values must be stored as NULL", nulls, err)
	}
}

func TestLogFlushesOnClose(t *testing.T) {
	db, _ := auditDB(t)
	logger, _ := newAuditLogger()
	l := audit.New(db, logger, audit.Options{Interval: time.Hour, BatchSize: 1000})
	for i := range 300 {
		if err := l.Append(auditEvent(int64(i + 1))); err != nil {
			t.Fatal(err)
		}
	}
	if n := auditRows(t, db); n != 0 {
		t.Fatalf("%d rows before Close", n)
	}
	auditClose(t, l)
	if n := auditRows(t, db); n != 300 {
		t.Errorf("%d rows after Close, want 300", n)
	}
	if err := l.Append(auditEvent(1)); err != audit.ErrClosed {
		t.Errorf("Append after Close: %v", err)
	}
	if err := l.Close(ctx); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestLogRefusesMalformedEvents(t *testing.T) {
	db, _ := auditDB(t)
	logger, _ := newAuditLogger()
	l := audit.New(db, logger, audit.Options{})
	bad := auditEvent(1)
	bad.Action = "PEEK"
	if err := l.Append(bad, auditEvent(2)); err == nil {
		t.Error("a malformed event was taken")
	}
	auditClose(t, l)
	if n := auditRows(t, db); n != 1 || !l.Healthy() {
		t.Errorf("%d rows, healthy %v: the good event must be written and the bad one must not block it", n, l.Healthy())
	}
}

// auditRole is a login role that may write the audit log until revoked.
type auditRole struct {
	name  string
	owner *bun.DB // the test database as postgres
	db    *bun.DB // the same database as the role
}

func newAuditRole(t *testing.T) *auditRole {
	t.Helper()
	owner, u := auditDB(t)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	r := &auditRole{name: "cj_audit_" + hex.EncodeToString(b), owner: owner}
	for _, stmt := range []string{
		"CREATE ROLE " + r.name + " LOGIN",
		"GRANT SELECT, INSERT ON audit_events TO " + r.name,
	} {
		if _, err := owner.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		// Before the database goes (cleanups run last first): the role must
		// own nothing and hold no grant to be dropped.
		for _, stmt := range []string{"DROP OWNED BY " + r.name, "DROP ROLE " + r.name} {
			if _, err := owner.ExecContext(context.Background(), stmt); err != nil {
				t.Errorf("%s: %v", stmt, err)
			}
		}
	})
	parsed, _ := url.Parse(u)
	parsed.User = url.User(r.name)
	db, err := store.Open(ctx, parsed.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	r.db = db
	return r
}

func (r *auditRole) exec(t *testing.T, stmt string) {
	t.Helper()
	if _, err := r.owner.ExecContext(ctx, stmt+" "+r.name); err != nil {
		t.Fatal(err)
	}
}

func TestLogHoldsEventsWhileDatabaseRefuses(t *testing.T) {
	r := newAuditRole(t)
	logger, errs := newAuditLogger()
	l := audit.New(r.db, logger, audit.Options{Interval: 20 * time.Millisecond, MaxBackoff: 100 * time.Millisecond})
	defer auditClose(t, l)

	r.exec(t, "REVOKE INSERT ON audit_events FROM")
	for i := range 10 {
		if err := l.Append(auditEvent(int64(i + 1))); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Flush(ctx); err == nil {
		t.Fatal("Flush succeeded without the INSERT privilege")
	}
	if l.Healthy() {
		t.Error("healthy while the database refuses events")
	}
	if errs.errors.Load() == 0 {
		t.Error("a refused write was not logged at ERROR")
	}
	// More events while failing are held too, and retries go on.
	if err := l.Append(auditEvent(11)); err != nil {
		t.Fatal(err)
	}
	failures := errs.errors.Load()
	auditEventually(t, "a retry", func() bool { return errs.errors.Load() > failures })
	if n := auditRows(t, r.owner); n != 0 {
		t.Fatalf("%d rows written without the privilege", n)
	}

	r.exec(t, "GRANT INSERT ON audit_events TO")
	auditEventually(t, "recovery", l.Healthy)
	if n := auditRows(t, r.owner); n != 11 {
		t.Errorf("%d rows after recovery, want all 11 held events", n)
	}
}

func TestLogBlocksWhenFull(t *testing.T) {
	r := newAuditRole(t)
	logger, _ := newAuditLogger()
	l := audit.New(r.db, logger, audit.Options{Interval: 20 * time.Millisecond, MaxBackoff: 50 * time.Millisecond,
		Buffer: 1, MaxHeld: 5})
	defer auditClose(t, l)
	r.exec(t, "REVOKE INSERT ON audit_events FROM")

	var appended atomic.Int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 20 {
			if err := l.Append(auditEvent(int64(i + 1))); err != nil {
				t.Error(err)
				return
			}
			appended.Add(1)
		}
	}()
	time.Sleep(300 * time.Millisecond)
	if n := appended.Load(); n >= 20 {
		t.Fatalf("all %d Appends returned while the database refused and the log was full", n)
	} else {
		t.Logf("%d of 20 Appends returned before the log was full; the rest wait", n)
	}
	r.exec(t, "GRANT INSERT ON audit_events TO")
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Appends still blocked after the database recovered")
	}
	if err := l.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if n := auditRows(t, r.owner); n != 20 {
		t.Errorf("%d rows, want 20", n)
	}
}

func TestLogCloseGivesUpAtDeadline(t *testing.T) {
	r := newAuditRole(t)
	logger, errs := newAuditLogger()
	l := audit.New(r.db, logger, audit.Options{Interval: 20 * time.Millisecond})
	r.exec(t, "REVOKE INSERT ON audit_events FROM")
	if err := l.Append(auditEvent(1), auditEvent(2)); err != nil {
		t.Fatal(err)
	}
	c, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if err := l.Close(c); err == nil {
		t.Error("Close reported success with events unwritten")
	}
	if l.Healthy() || errs.errors.Load() == 0 {
		t.Errorf("healthy %v, %d errors logged: the loss must be loud", l.Healthy(), errs.errors.Load())
	}
}

func TestLogConcurrentAppends(t *testing.T) {
	db, _ := auditDB(t)
	logger, _ := newAuditLogger()
	// A small buffer, so writers also block on one another.
	l := audit.New(db, logger, audit.Options{Buffer: 4, BatchSize: 100, Interval: 10 * time.Millisecond})
	const writers, perWriter = 50, 200
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perWriter; {
				// Requests append a few events at once.
				n := min(1+(w+i)%4, perWriter-i)
				batch := make([]audit.Event, n)
				for j := range batch {
					batch[j] = auditEvent(int64(w*perWriter + i + j + 1))
				}
				if err := l.Append(batch...); err != nil {
					t.Error(err)
					return
				}
				i += n
			}
		}()
	}
	wg.Wait()
	auditClose(t, l)
	var total, distinct int
	if err := db.NewRaw("SELECT count(*), count(DISTINCT member_id) FROM audit_events").Scan(ctx, &total, &distinct); err != nil {
		t.Fatal(err)
	}
	if total != writers*perWriter || distinct != writers*perWriter {
		t.Errorf("%d rows (%d distinct), want %d", total, distinct, writers*perWriter)
	}
}
