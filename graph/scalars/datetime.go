package scalars

import (
	"time"

	"github.com/99designs/gqlgen/graphql"

	"carejourney/server/domain"
)

// MarshalDateTime writes an instant as RFC 3339 with its offset.
func MarshalDateTime(t time.Time) graphql.Marshaler {
	return graphql.MarshalTime(t)
}

// UnmarshalDateTime reads RFC 3339; the offset is required, so a time is
// never silently taken in the server's zone.
func UnmarshalDateTime(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, domain.Errorf(domain.CodeInvalidInput, "A DateTime must be an RFC 3339 string with an offset.")
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, domain.Errorf(domain.CodeInvalidInput, "%q is not an RFC 3339 date-time with an offset, such as 2026-03-01T09:30:00-05:00.", s)
	}
	return t, nil
}
