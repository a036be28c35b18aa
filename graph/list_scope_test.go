package graph

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"carejourney/graph/access"
	"carejourney/graph/generated"
)

// TestListConditionsMatchTheSchema reads access.ListConditions against the
// schema, so that a renamed or added filter cannot slip past the consent
// cut of a partner's list: every condition names an argument path that
// exists (and a value its enum has), and every field of a listed list's
// filter has a condition (the kind its matching tells).
func TestListConditionsMatchTheSchema(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{Resolvers: &Resolver{}}).Schema()
	for list, conditions := range access.ListConditions {
		typeName, fieldName, _ := strings.Cut(list, ".")
		def := schema.Types[typeName]
		if def == nil || def.Fields.ForName(fieldName) == nil {
			t.Errorf("%s: no such field", list)
			continue
		}
		field := def.Fields.ForName(fieldName)
		for cond := range conditions {
			path, value, hasValue := strings.Cut(cond, "=")
			typ := argumentPathType(schema, field, strings.Split(path, "."))
			if typ == nil {
				t.Errorf("%s: condition %q names no argument path of the field", list, cond)
				continue
			}
			if hasValue {
				enum := schema.Types[typ.Name()]
				if enum == nil || enum.Kind != ast.Enum || enum.EnumValues.ForName(value) == nil {
					t.Errorf("%s: condition %q: %s has no value %s", list, cond, typ.Name(), value)
				}
			}
		}
		if arg := field.Arguments.ForName("filter"); arg != nil {
			for _, f := range schema.Types[arg.Type.Name()].Fields {
				if _, ok := conditions["filter."+f.Name]; !ok {
					t.Errorf("%s: filter.%s has no condition: say which kind of information its matching tells", list, f.Name)
				}
			}
		}
	}
}

// argumentPathType is the type at path (an argument, then input fields)
// of field's arguments, or nil.
func argumentPathType(schema *ast.Schema, field *ast.FieldDefinition, path []string) *ast.Type {
	arg := field.Arguments.ForName(path[0])
	if arg == nil {
		return nil
	}
	typ := arg.Type
	for _, name := range path[1:] {
		input := schema.Types[typ.Name()]
		if input == nil || input.Kind != ast.InputObject || input.Fields.ForName(name) == nil {
			return nil
		}
		typ = input.Fields.ForName(name).Type
	}
	return typ
}
