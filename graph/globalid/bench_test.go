package globalid_test

import (
	"testing"

	"carejourney/graph/globalid"
)

// BenchmarkIDs is the global ID coding every node costs on the way out
// (Encode) and every ID argument on the way in (Decode).
func BenchmarkIDs(b *testing.B) {
	id := globalid.EncodeInt(globalid.TypeMember, 123456)
	if got, err := globalid.DecodeInt(id, globalid.TypeMember); err != nil || got != 123456 {
		b.Fatalf("round trip: %d, %v", got, err)
	}
	b.Run("encode", func(b *testing.B) {
		for b.Loop() {
			_ = globalid.EncodeInt(globalid.TypeMember, 123456)
		}
	})
	b.Run("decode", func(b *testing.B) {
		for b.Loop() {
			if _, err := globalid.DecodeInt(id, globalid.TypeMember); err != nil {
				b.Fatal(err)
			}
		}
	})
}
