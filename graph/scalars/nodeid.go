package scalars

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"carejourney/graph/globalid"
)

// NodeID is the `id` field of an object whose key is a number: the
// record's int64 key, written as the object's global ID (its GraphQL type
// name and the key, see globalid). Binding `id` to the key itself rather
// than to a resolver matters for speed: gqlgen runs every resolver field
// in a goroutine of its own, and `id` is asked of nearly every object of
// every response (600 residents on the house board).

// MarshalNodeID writes the global ID of the object whose id field is
// being written, from the field's context.
func MarshalNodeID(key int64) graphql.ContextMarshaler {
	return graphql.ContextWriterFunc(func(ctx context.Context, w io.Writer) error {
		fc := graphql.GetFieldContext(ctx)
		if fc == nil || fc.Field.Field == nil || fc.Field.Name != "id" {
			// Only an object's own id is typed this way (gqlgen.yml); any
			// other int64 ID field would be written under the wrong type.
			return fmt.Errorf("a numeric key is written as an ID only in an object's id field")
		}
		_, err := io.WriteString(w, strconv.Quote(globalid.EncodeInt(fc.Object, key)))
		return err
	})
}

// UnmarshalNodeID refuses input: arguments and input fields take IDs as
// strings and decode them with globalid, which checks the type.
func UnmarshalNodeID(context.Context, any) (int64, error) {
	return 0, errors.New("an ID is read as a string")
}
