package graph

import (
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"carejourney/graph/access"
	"carejourney/graph/generated"
)

// TestRefusableFieldsAreNullable: a field the policy refuses to some
// audience that can reach its object must be nullable, so a refusal is that
// field's null and FORBIDDEN, never the loss of the object around it (a
// non-null field that errors nulls its parent, up to the whole list).
//
// An audience reaches an object when it may read any of its fields (the
// policy: "an object is visible to the union of its fields' audiences"); a
// field is refused to the audiences of its object outside its own, and to
// members:read keys when it needs a consent kind. The account's owner (Own)
// does not make a field less refusable: others are still refused.
//
// Query and Mutation fields are left out: they are refused to an actor
// whole, never row by row, and a client asks a root field its actor may use.
func TestRefusableFieldsAreNullable(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	var nonNull []string
	checked := 0
	for _, def := range schema.Types {
		if def.Kind != ast.Object || def.BuiltIn || strings.HasPrefix(def.Name, "__") || def.Name == "Query" || def.Name == "Mutation" {
			continue
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") || !refusable(def, f.Name) {
				continue
			}
			checked++
			if f.Type.NonNull {
				nonNull = append(nonNull, def.Name+"."+f.Name+": "+f.Type.String()+" ("+f.Position.Src.Name+":"+strconv.Itoa(f.Position.Line)+")")
			}
		}
	}
	sort.Strings(nonNull)
	for _, v := range nonNull {
		t.Errorf("refusable but non-null: %s", v)
	}
	if checked == 0 {
		t.Fatal("no refusable field at all: is the policy read?")
	}
}

// refusable reports whether the policy refuses typeName.field to an
// audience that reaches the type.
func refusable(def *ast.Definition, field string) bool {
	var reaches access.Audience
	for _, f := range def.Fields {
		aud, _ := access.FieldAudience(def.Name, f.Name)
		reaches |= aud
	}
	aud, _ := access.FieldAudience(def.Name, field)
	if reaches&^aud != 0 {
		return true
	}
	_, gated := access.KindOf(def.Name, field)
	return gated && access.MembersKey.Admits(aud)
}
