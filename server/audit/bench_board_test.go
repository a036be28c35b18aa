package audit_test

import (
	"testing"

	"carejourney/server/audit"
)

// BenchmarkLogWriteBoard is the house board's share of the audit: 600 READ
// events per request (100 houses' current residents), where the issue saw
// the writer fall behind; BenchmarkLogWrite is the members page's 51.
func BenchmarkLogWriteBoard(b *testing.B) {
	db, _ := auditDB(b)
	logger, _ := newAuditLogger()
	l := audit.New(db, logger, audit.Options{})
	b.Cleanup(func() { _ = l.Close(ctx) })
	page := make([]audit.Event, 600)
	for i := range page {
		page[i] = auditEvent(int64(i + 1))
	}
	var before int
	if err := db.NewSelect().Table("audit_events").ColumnExpr("count(*)").Scan(ctx, &before); err != nil {
		b.Fatal(err)
	}
	if err := l.Write(ctx, page...); err != nil {
		b.Fatal(err)
	}
	var after int
	if err := db.NewSelect().Table("audit_events").ColumnExpr("count(*)").Scan(ctx, &after); err != nil {
		b.Fatal(err)
	}
	if after-before != len(page) {
		b.Fatalf("one write added %d rows, want %d", after-before, len(page))
	}
	b.Run("serial", func(b *testing.B) {
		for b.Loop() {
			if err := l.Write(ctx, page...); err != nil {
				b.Fatal(err)
			}
		}
	})
}
