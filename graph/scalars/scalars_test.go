package scalars

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"carejourney/graph/globalid"
	"carejourney/server/domain"
)

func TestDate(t *testing.T) {
	d, err := UnmarshalDate("2024-02-29")
	if err != nil || !d.Equal(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("UnmarshalDate = %v, %v", d, err)
	}
	var buf bytes.Buffer
	MarshalDate(d).MarshalGQL(&buf)
	if buf.String() != `"2024-02-29"` {
		t.Errorf("MarshalDate = %s", buf.String())
	}
	for _, bad := range []any{"2023-02-29", "29/02/2024", "2024-02-29T00:00:00Z", 20240229, nil} {
		if _, err := UnmarshalDate(bad); domain.ErrorCode(err) != domain.CodeInvalidInput {
			t.Errorf("UnmarshalDate(%v): err %v, want INVALID_INPUT", bad, err)
		}
	}
}

func TestDateTimeRequiresAnOffset(t *testing.T) {
	got, err := UnmarshalDateTime("2026-03-01T09:30:00-05:00")
	if err != nil || !got.Equal(time.Date(2026, 3, 1, 14, 30, 0, 0, time.UTC)) {
		t.Fatalf("UnmarshalDateTime = %v, %v", got, err)
	}
	for _, bad := range []any{"2026-03-01T09:30:00", "2026-03-01", "yesterday", 1700000000} {
		if _, err := UnmarshalDateTime(bad); domain.ErrorCode(err) != domain.CodeInvalidInput {
			t.Errorf("UnmarshalDateTime(%v): err %v, want INVALID_INPUT", bad, err)
		}
	}
	var buf bytes.Buffer
	MarshalDateTime(got.In(time.FixedZone("", -5*3600))).MarshalGQL(&buf)
	if buf.String() != `"2026-03-01T09:30:00-05:00"` {
		t.Errorf("MarshalDateTime = %s", buf.String())
	}
}

func TestNodeIDWritesTheFieldsOwnType(t *testing.T) {
	write := func(object, field string, key int64) (string, error) {
		fc := &graphql.FieldContext{Object: object, Field: graphql.CollectedField{Field: &ast.Field{Name: field, Alias: field}}}
		var buf bytes.Buffer
		err := MarshalNodeID(key).MarshalGQLContext(graphql.WithFieldContext(context.Background(), fc), &buf)
		return buf.String(), err
	}
	for _, object := range []string{"Member", "House", "AuditEvent"} {
		for _, key := range []int64{1, 42, 1 << 40} {
			got, err := write(object, "id", key)
			if err != nil {
				t.Fatal(err)
			}
			typeName, n, err := globalid.Decode(strings.Trim(got, `"`))
			if err != nil || typeName != object || n != strconv.FormatInt(key, 10) {
				t.Errorf("%s %d written as %s: %s %s %v", object, key, got, typeName, n, err)
			}
		}
	}
	// Only an object's own id: a key under another name would be written
	// under the wrong type.
	if got, err := write("Consent", "memberId", 7); err == nil {
		t.Errorf("a numeric key outside an id field was written: %s", got)
	}
}
