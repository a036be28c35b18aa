package access

import (
	"testing"

	"carejourney/server/domain"
)

func TestIsNil(t *testing.T) {
	var residency *domain.Residency
	var owned domain.MemberOwned = residency
	var m map[string]int
	for _, c := range []struct {
		name string
		v    any
		want bool
	}{
		{"nil", nil, true},
		{"typed nil pointer", residency, true},
		{"typed nil in an interface", owned, true},
		{"nil map", m, true},
		{"a record", &domain.Residency{}, false},
		{"nil slice: an empty list, not nothing", []*domain.Residency(nil), false},
		{"a value", 3, false},
	} {
		if got := IsNil(c.v); got != c.want {
			t.Errorf("%s: IsNil = %v, want %v", c.name, got, c.want)
		}
	}
}
