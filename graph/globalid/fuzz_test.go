package globalid

import (
	"strings"
	"testing"

	"carejourney/server/domain"
)

// FuzzDecode: any string is an ID or an INVALID_INPUT/NOT_FOUND error,
// never a panic; what decodes encodes back to an ID that decodes the same.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{EncodeInt(TypeMember, 42), Encode(TypeCareLevel, "IOP"), "", "!!!", "TWVtYmVy",
		Encode(TypeMember, "-3"), Encode(TypeMember, "9223372036854775808"), Encode("", "1"), Encode(TypeMember, "1\x00")} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, id string) {
		typeName, key, err := Decode(id)
		if err != nil {
			if domain.ErrorCode(err) != domain.CodeInvalidInput {
				t.Fatalf("Decode(%q): %v, want INVALID_INPUT", id, err)
			}
		} else {
			if typeName == "" || key == "" || strings.Contains(typeName, ":") {
				t.Fatalf("Decode(%q) = %q, %q", id, typeName, key)
			}
			if t2, k2, err := Decode(Encode(typeName, key)); err != nil || t2 != typeName || k2 != key {
				t.Fatalf("round trip of %q: %q %q %v", id, t2, k2, err)
			}
		}
		for _, want := range []string{TypeMember, typeName} {
			n, err := DecodeInt(id, want)
			switch {
			case err == nil:
				if n <= 0 {
					t.Fatalf("DecodeInt(%q, %q) = %d", id, want, n)
				}
				if back, err := DecodeInt(EncodeInt(want, n), want); err != nil || back != n {
					t.Fatalf("round trip of %d: %d %v", n, back, err)
				}
			case domain.AsError(err) == nil:
				t.Fatalf("DecodeInt(%q, %q): %v is not a domain error", id, want, err)
			}
			if _, err := DecodeField(id, want, "memberId"); err != nil && len(domain.AsError(err).Field) != 2 {
				t.Fatalf("DecodeField(%q): %v does not point at the field", id, err)
			}
		}
	})
}
