package graph

import (
	"encoding/base64"
	"strings"
	"testing"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// FuzzPageRequest: any cursor and page size is a page request or an
// INVALID_INPUT error, never a panic; a cursor accepted is one the server
// could have made, and encodes back to itself.
func FuzzPageRequest(f *testing.F) {
	b64 := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	for _, seed := range []string{encodeCursor(store.Cursor{Value: "2026-01-01 10:00:00+00", ID: 7}), "", "!!!", b64("not json"),
		b64(`{"v":"x","i":0}`), b64(`{"v":"a\u0000b","i":1}`), b64(`{"v":1,"i":1}`), b64(`{"i":9223372036854775807}`), b64(`null`)} {
		f.Add(seed, 20, false)
	}
	f.Add("", -1, true)
	f.Fuzz(func(t *testing.T, cursor string, size int, backward bool) {
		var first, last *int
		if backward {
			last = &size
		} else {
			first = &size
		}
		page, err := pageRequest(first, &cursor, last, &cursor)
		if err != nil {
			if domain.ErrorCode(err) != domain.CodeInvalidInput {
				t.Fatalf("pageRequest(%q, %d): %v, want INVALID_INPUT", cursor, size, err)
			}
			return
		}
		if page.Limit < 0 || page.Limit > maxPageSize || page.Backward != backward {
			t.Fatalf("pageRequest(%q, %d) = %+v", cursor, size, page)
		}
		c := page.After
		if c == nil || c.ID <= 0 || strings.IndexByte(c.Value, 0) >= 0 {
			t.Fatalf("cursor %q accepted as %+v", cursor, c)
		}
		encoded := encodeCursor(*c)
		again, err := decodeCursor(&encoded)
		if err != nil || *again != *c {
			t.Fatalf("cursor %+v does not round-trip: %+v %v", c, again, err)
		}
	})
}
