package audit_test

import (
	"testing"

	"carejourney/server/audit"
)

// BenchmarkLogWrite is what committing a page's events adds to a request,
// written and committed before Write returns: a members page (51 events,
// 50 READs and a SEARCH) one request at a time and 8 at once sharing
// COPYs, and a house board (600 READs) one at a time. ns/event and
// events/s count the rows committed.
//
//	go test -run '^$' -bench LogWrite -benchmem ./server/audit/
func BenchmarkLogWrite(b *testing.B) {
	db, _ := auditDB(b)
	logger, _ := newAuditLogger()
	l := audit.New(db, logger, audit.Options{})
	b.Cleanup(func() { _ = l.Close(ctx) })
	page := func(n int) []audit.Event {
		events := make([]audit.Event, n)
		for i := range events {
			events[i] = auditEvent(int64(i + 1))
		}
		return events
	}
	report := func(b *testing.B, perOp int) {
		events := float64(b.N * perOp)
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/events, "ns/event")
		b.ReportMetric(events/b.Elapsed().Seconds(), "events/s")
	}
	members := page(51)
	b.Run("serial", func(b *testing.B) {
		for b.Loop() {
			if err := l.Write(ctx, members...); err != nil {
				b.Fatal(err)
			}
		}
		report(b, len(members))
	})
	b.Run("parallel-8", func(b *testing.B) {
		b.SetParallelism(4) // × GOMAXPROCS (2 here)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if err := l.Write(ctx, members...); err != nil {
					b.Error(err)
					return
				}
			}
		})
		report(b, len(members))
	})
	// The house board is where the issue saw the writer fall behind: one
	// write must commit all its 600 events, not a part of them.
	board := page(600)
	before, err := db.NewSelect().Table("audit_events").Count(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if err := l.Write(ctx, board...); err != nil {
		b.Fatal(err)
	}
	after, err := db.NewSelect().Table("audit_events").Count(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if int(after-before) != len(board) {
		b.Fatalf("one write added %d rows, want %d", after-before, len(board))
	}
	b.Run("house-board-600", func(b *testing.B) {
		for b.Loop() {
			if err := l.Write(ctx, board...); err != nil {
				b.Fatal(err)
			}
		}
		report(b, len(board))
	})
}
