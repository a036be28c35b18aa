package e2e

import (
	"strings"
	"testing"

	"carejourney/graph"
	"carejourney/server/domain"
)

// TestIntrospectionShowsAccess: what a partner reads in GraphiQL is what
// the server's schema says, access sentences included (graph.Schema is the
// one the handler serves; graph's TestAccessSentences checks the sentences
// against the policy).
func TestIntrospectionShowsAccess(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleAdmin)
	r := c.do(`{ __type(name: "Member") { fields { name description } } }`, nil)
	r.noErrors(t)
	want := graph.Schema().Types["Member"]
	fields := r.list(t, "__type.fields")
	if len(fields) != len(want.Fields) {
		t.Fatalf("introspection lists %d Member fields, the schema %d", len(fields), len(want.Fields))
	}
	for _, f := range fields {
		f := f.(map[string]any)
		name, description := f["name"].(string), f["description"].(string)
		if !strings.Contains(description, "\n\nAccess: ") {
			t.Errorf("Member.%s: no access sentence in %q", name, description)
		}
		if def := want.Fields.ForName(name); def == nil || def.Description != description {
			t.Errorf("Member.%s: introspection says %q, the schema %v", name, description, def)
		}
	}
}
