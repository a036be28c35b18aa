package graph

import (
	"testing"

	"carejourney/server/store"
)

// BenchmarkCursors is the cursor coding of a page: one encode per node
// returned, one decode per after/before argument.
func BenchmarkCursors(b *testing.B) {
	c := store.Cursor{Value: "2026-03-14T09:26:53.589793Z", ID: 123456}
	s := encodeCursor(c)
	if got, err := decodeCursor(&s); err != nil || *got != c {
		b.Fatalf("round trip: %v, %v", got, err)
	}
	b.Run("encode", func(b *testing.B) {
		for b.Loop() {
			_ = encodeCursor(c)
		}
	})
	b.Run("decode", func(b *testing.B) {
		for b.Loop() {
			if _, err := decodeCursor(&s); err != nil {
				b.Fatal(err)
			}
		}
	})
}
