package audit_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"net/url"
	"strings"
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
func auditDB(t testing.TB) (*bun.DB, string) {
	t.Helper()
	db, u := testdb.NewMigrated(t)
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

func auditClose(t *testing.T, l *audit.Log) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := l.Close(c); err != nil {
		t.Fatal(err)
	}
}

// TestLogWriteReturnsAfterCommit: when Write returns the events are in
// the table, read from another connection.
func TestLogWriteReturnsAfterCommit(t *testing.T) {
	db, u := auditDB(t)
	logger, _ := newAuditLogger()
	l := audit.New(db, logger, audit.Options{})
	defer auditClose(t, l)
	other, err := store.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for i := range 3 {
		if err := l.Write(ctx, auditEvent(int64(i+1)), auditEvent(int64(i+100))); err != nil {
			t.Fatal(err)
		}
		if n := auditRows(t, other); n != 2*(i+1) {
			t.Fatalf("%d rows after %d Writes returned", n, i+1)
		}
	}
	var got audit.Event
	if err := db.NewSelect().Model(&got).Where("member_id = 2").Scan(ctx); err != nil {
		t.Fatal(err)
	}
	want := auditEvent(2)
	if got.ActorKind != want.ActorKind || got.ActorUserID != 1 || got.ActorRole != domain.RoleAdmin || got.ActorKeyID != 0 ||
		got.Action != audit.ActionRead || got.OperationName != "Journey" || got.Field != "member" ||
		got.ObjectType != "Member" || got.ObjectID != 2 || got.RequestID != "req" || got.ClientAddress != "127.0.0.1" ||
		got.MatchedCount != nil {
		t.Errorf("stored %+v", got)
	}
	var nulls int
	if err := db.NewRaw("SELECT count(*) FROM audit_events WHERE actor_key_id IS NULL AND matched_count IS NULL").Scan(ctx, &nulls); err != nil || nulls != 6 {
		t.Errorf("actor_key_id and matched_count NULL in %d rows (%v): zero values must be stored as NULL", nulls, err)
	}
	// A search keeps its count, zero included.
	zero := 0
	search := audit.Event{OccurredAt: time.Now(), ActorKind: audit.ActorUser, ActorUserID: 1, Action: audit.ActionSearch, MatchedCount: &zero}
	if err := l.Write(ctx, search); err != nil {
		t.Fatal(err)
	}
	var counts []int
	if err := db.NewRaw("SELECT matched_count FROM audit_events WHERE action = 'SEARCH'").Scan(ctx, &counts); err != nil || len(counts) != 1 || counts[0] != 0 {
		t.Errorf("SEARCH counts %v (%v)", counts, err)
	}
	// Text with COPY's own characters is stored as given.
	odd := auditEvent(500)
	odd.OperationName, odd.Field, odd.RequestID = "a\tb\\N", "tab\there\nnew\rline\\", `\.`
	odd.OccurredAt = time.Date(2026, 3, 29, 1, 30, 0, 123456789, time.FixedZone("CEST", 2*3600))
	if err := l.Write(ctx, odd); err != nil {
		t.Fatal(err)
	}
	var back audit.Event
	if err := db.NewSelect().Model(&back).Where("member_id = 500").Scan(ctx); err != nil {
		t.Fatal(err)
	}
	if back.OperationName != odd.OperationName || back.Field != odd.Field || back.RequestID != odd.RequestID ||
		!back.OccurredAt.Equal(odd.OccurredAt.Truncate(time.Microsecond)) {
		t.Errorf("stored %q %q %q %v, want %q %q %q %v", back.OperationName, back.Field, back.RequestID, back.OccurredAt,
			odd.OperationName, odd.Field, odd.RequestID, odd.OccurredAt)
	}
}

// TestLogGroupCommit: concurrent requests share commits, and each Write
// returns only once its own events are committed.
func TestLogGroupCommit(t *testing.T) {
	db, _ := auditDB(t)
	logger, _ := newAuditLogger()
	l := audit.New(db, logger, audit.Options{})
	defer auditClose(t, l)
	const requests = 200
	var wg sync.WaitGroup
	gate := make(chan struct{})
	for i := range requests {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			if err := l.Write(ctx, auditEvent(int64(i+1))); err != nil {
				t.Error(err)
				return
			}
			var n int
			if err := db.NewRaw("SELECT count(*) FROM audit_events WHERE member_id = ?", i+1).Scan(ctx, &n); err != nil || n != 1 {
				t.Errorf("member %d: %d rows after its Write returned (%v)", i+1, n, err)
			}
		}()
	}
	close(gate)
	wg.Wait()
	// A row's xmin is the transaction that wrote it: one per commit.
	var n int
	if err := db.NewRaw("SELECT count(DISTINCT xmin::text) FROM audit_events").Scan(ctx, &n); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d concurrent requests, %d commits", requests, n)
	if n >= requests/2 {
		t.Errorf("%d commits for %d concurrent requests: no group commit", n, requests)
	}
	if rows := auditRows(t, db); rows != requests {
		t.Errorf("%d rows, want %d", rows, requests)
	}
}

func TestLogClose(t *testing.T) {
	db, _ := auditDB(t)
	logger, _ := newAuditLogger()
	l := audit.New(db, logger, audit.Options{})
	if err := l.Write(ctx, auditEvent(1)); err != nil {
		t.Fatal(err)
	}
	auditClose(t, l)
	if err := l.Write(ctx, auditEvent(1)); err != audit.ErrClosed {
		t.Errorf("Write after Close: %v", err)
	}
	if err := l.Close(ctx); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestLogRefusesMalformedEvents(t *testing.T) {
	db, _ := auditDB(t)
	logger, _ := newAuditLogger()
	l := audit.New(db, logger, audit.Options{})
	defer auditClose(t, l)
	bad := auditEvent(1)
	bad.Action = "PEEK"
	noCount := auditEvent(3)
	noCount.Action = audit.ActionSearch
	notUTF8 := auditEvent(4)
	notUTF8.OperationName = "op\xff"
	nul := auditEvent(5)
	nul.ClientAddress = "127.0.0.1\x00"
	for _, events := range [][]audit.Event{{bad, auditEvent(2)}, {noCount}, {notUTF8}, {nul}} {
		if err := l.Write(ctx, events...); err == nil {
			t.Errorf("malformed events taken: %+v", events)
		}
	}
	if n := auditRows(t, db); n != 0 || !l.Healthy() {
		t.Errorf("%d rows, healthy %v: a request with a malformed event writes nothing and does not make the log unhealthy", n, l.Healthy())
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

// TestLogFailsWhileDatabaseRefuses: a refused write fails every request
// of its batch, keeps nothing in memory, and makes the log unhealthy with
// the reason until a probe succeeds.
func TestLogFailsWhileDatabaseRefuses(t *testing.T) {
	r := newAuditRole(t)
	logger, errs := newAuditLogger()
	l := audit.New(r.db, logger, audit.Options{ProbeInterval: time.Millisecond})
	defer auditClose(t, l)

	r.exec(t, "REVOKE INSERT ON audit_events FROM")
	var wg sync.WaitGroup
	var failed atomic.Int64
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := l.Write(ctx, auditEvent(int64(i+1))); err != nil {
				failed.Add(1)
			}
		}()
	}
	wg.Wait()
	if n := failed.Load(); n != 10 {
		t.Errorf("%d of 10 Writes failed without the INSERT privilege", n)
	}
	f := l.Failure()
	if l.Healthy() || f == nil || !strings.Contains(f.Reason, "42501") {
		t.Fatalf("healthy %v, failure %v: want unhealthy with the SQLSTATE", l.Healthy(), f)
	}
	if errs.errors.Load() == 0 {
		t.Error("a refused write was not logged at ERROR")
	}
	if err := l.Check(ctx); err == nil {
		t.Error("Check passed while the table refuses")
	}

	r.exec(t, "GRANT INSERT ON audit_events TO")
	time.Sleep(2 * time.Millisecond)
	if err := l.Check(ctx); err != nil || !l.Healthy() {
		t.Errorf("after the grant: Check %v, healthy %v", err, l.Healthy())
	}
	// Nothing was held to be written later, and the probe left no row.
	if n := auditRows(t, r.owner); n != 0 {
		t.Errorf("%d rows after recovery; refused events must not be written later", n)
	}
	if err := l.Write(ctx, auditEvent(11)); err != nil {
		t.Fatal(err)
	}
	if n := auditRows(t, r.owner); n != 1 {
		t.Errorf("%d rows, want 1", n)
	}
}

func TestLogConcurrentWrites(t *testing.T) {
	db, _ := auditDB(t)
	logger, _ := newAuditLogger()
	l := audit.New(db, logger, audit.Options{BatchSize: 100})
	const writers, perWriter = 50, 100
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perWriter; {
				// Requests write a few events at once.
				n := min(1+(w+i)%4, perWriter-i)
				batch := make([]audit.Event, n)
				for j := range batch {
					batch[j] = auditEvent(int64(w*perWriter + i + j + 1))
				}
				if err := l.Write(ctx, batch...); err != nil {
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
