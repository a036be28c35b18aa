package audit_test

import (
	"testing"

	"carejourney/server/audit"
)

// BenchmarkLogWrite is what committing a members page's events adds to a
// request: 51 events (50 READs and a SEARCH), written and committed before
// Write returns; one request at a time, and 8 at once sharing INSERTs.
func BenchmarkLogWrite(b *testing.B) {
	db, _ := auditDB(b)
	logger, _ := newAuditLogger()
	l := audit.New(db, logger, audit.Options{})
	b.Cleanup(func() { _ = l.Close(ctx) })
	page := make([]audit.Event, 51)
	for i := range page {
		page[i] = auditEvent(int64(i + 1))
	}
	b.Run("serial", func(b *testing.B) {
		for b.Loop() {
			if err := l.Write(ctx, page...); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parallel-8", func(b *testing.B) {
		b.SetParallelism(4) // × GOMAXPROCS (2 here)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if err := l.Write(ctx, page...); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
}
