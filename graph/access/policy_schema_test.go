package access_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"carejourney/graph/access"
	"carejourney/graph/generated"
)

// TestAccessPolicyCoversSchema fails when a root field, mutation or object
// type has no access rule (it would be closed to everyone), or a rule names
// something the schema does not have (a stale rule hides a typo).
func TestAccessPolicyCoversSchema(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	for _, f := range schema.Query.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		if _, ok := access.Queries[f.Name]; !ok {
			t.Errorf("query %s has no access rule", f.Name)
		}
	}
	for _, f := range schema.Mutation.Fields {
		if _, ok := access.Mutations[f.Name]; !ok {
			t.Errorf("mutation %s has no access rule", f.Name)
		}
	}
	for name := range access.Queries {
		if schema.Query.Fields.ForName(name) == nil {
			t.Errorf("access rule for unknown query %s", name)
		}
	}
	for name, rule := range access.Mutations {
		def := schema.Mutation.Fields.ForName(name)
		if def == nil {
			t.Errorf("access rule for unknown mutation %s", name)
			continue
		}
		input := schema.Types[def.Arguments.ForName("input").Type.Name()]
		for _, path := range rule.Targets {
			if !inputHasPath(schema, input, strings.Split(path, ".")) {
				t.Errorf("mutation %s: target %s is not an input field", name, path)
			}
		}
	}
	for name, def := range schema.Types {
		if def.Kind != ast.Object || def.BuiltIn || strings.HasPrefix(name, "__") || name == "Query" || name == "Mutation" {
			continue
		}
		if _, known := access.FieldAudience(name, "id"); !known {
			t.Errorf("type %s has no access rule", name)
		}
	}
	for name, rule := range access.Types {
		def := schema.Types[name]
		if def == nil {
			t.Errorf("access rule for unknown type %s", name)
			continue
		}
		for field := range rule.Fields {
			if def.Fields.ForName(field) == nil {
				t.Errorf("access rule for unknown field %s.%s", name, field)
			}
		}
		for field := range rule.Kinds {
			if _, ok := rule.Fields[field]; !ok {
				t.Errorf("%s.%s is consent-bound but its audience is not listed", name, field)
			}
		}
	}
}

func inputHasPath(schema *ast.Schema, def *ast.Definition, path []string) bool {
	if def == nil || len(path) == 0 {
		return false
	}
	f := def.Fields.ForName(path[0])
	if f == nil {
		return false
	}
	if len(path) == 1 {
		return slices.Contains([]string{"ID"}, f.Type.Name())
	}
	return inputHasPath(schema, schema.Types[f.Type.Name()], path[1:])
}
