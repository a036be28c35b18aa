package globalid

import (
	"testing"

	"carejourney/server/domain"
)

func TestRoundTrip(t *testing.T) {
	id := EncodeInt(TypeMember, 42)
	n, err := DecodeInt(id, TypeMember)
	if err != nil || n != 42 {
		t.Fatalf("DecodeInt(%q) = %d, %v", id, n, err)
	}
	if typeName, key, err := Decode(Encode(TypeCareLevel, "VIRTUAL_IOP")); err != nil || typeName != TypeCareLevel || key != "VIRTUAL_IOP" {
		t.Fatalf("Decode = %q %q %v", typeName, key, err)
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		id   string
		want domain.Code
	}{
		{"", domain.CodeInvalidInput},
		{"!!!", domain.CodeInvalidInput},
		{Encode("Member", ""), domain.CodeInvalidInput},
		{"TWVtYmVy", domain.CodeInvalidInput}, // "Member" without a key
		{Encode(TypeMember, "abc"), domain.CodeInvalidInput},
		{Encode(TypeMember, "-3"), domain.CodeInvalidInput},
		{EncodeInt(TypeUser, 7), domain.CodeNotFound}, // a well-formed ID of another type
		{Encode(TypeCareLevel, "IOP"), domain.CodeNotFound},
	} {
		_, err := DecodeInt(tc.id, TypeMember)
		if got := domain.ErrorCode(err); got != tc.want {
			t.Errorf("DecodeInt(%q): code %q, want %q", tc.id, got, tc.want)
		}
	}
}

func TestDecodeFieldPointsAtTheField(t *testing.T) {
	_, err := DecodeField("nope", TypeMember, "memberId")
	e := domain.AsError(err)
	if e == nil || len(e.Field) != 2 || e.Field[0] != "input" || e.Field[1] != "memberId" {
		t.Fatalf("err = %#v", err)
	}
}

func TestDecodeOptionalField(t *testing.T) {
	if n, err := DecodeOptionalField(nil, TypeMember, "memberId"); n != nil || err != nil {
		t.Fatalf("nil ID: %v, %v", n, err)
	}
	id := EncodeInt(TypeMember, 7)
	if n, err := DecodeOptionalField(&id, TypeMember, "memberId"); err != nil || *n != 7 {
		t.Fatalf("ID: %v, %v", n, err)
	}
	bad := "nope"
	_, err := DecodeOptionalField(&bad, TypeMember, "memberId")
	if e := domain.AsError(err); e == nil || e.Field[1] != "memberId" {
		t.Fatalf("bad ID: %v", err)
	}
}
