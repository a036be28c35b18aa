package middleware

import (
	"github.com/vektah/gqlparser/v2/ast"

	"carejourney/graph/generated"
)

// executableSchema is the schema the server runs, without resolvers: what
// the limits and rules are checked against.
func executableSchema() *ast.Schema {
	return generated.NewExecutableSchema(generated.Config{}).Schema()
}
