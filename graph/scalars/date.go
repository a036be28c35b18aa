// Package scalars holds the custom GraphQL scalars.
package scalars

import (
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"carejourney/server/domain"
)

// DateLayout is the wire form of the Date scalar.
const DateLayout = "2006-01-02"

// MarshalDate writes a calendar date as YYYY-MM-DD. Dates are held as
// midnight UTC, so the date never shifts with the server's time zone.
func MarshalDate(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(t.Format(DateLayout)))
	})
}

// UnmarshalDate reads YYYY-MM-DD into midnight UTC.
func UnmarshalDate(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, domain.Errorf(domain.CodeInvalidInput, "A Date must be a string in the form YYYY-MM-DD.")
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, domain.Errorf(domain.CodeInvalidInput, "%q is not a date in the form YYYY-MM-DD.", s)
	}
	return t, nil
}
