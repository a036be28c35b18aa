package graph

import (
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"

	"carejourney/graph/generated"
)

// TestSelectionMergesFragmentsAndAliases checks the tree the prefetches
// read: what a query asks below a list's nodes, through nodes and
// edges.node, named and inline fragments and aliases, without the fields
// an @include leaves out.
func TestSelectionMergesFragmentsAndAliases(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{Resolvers: &Resolver{}}).Schema()
	doc, errs := gqlparser.LoadQuery(schema, `query($full: Boolean!) {
		houses(first: 5) {
			nodes { id residents { bed } }
			edges { node { ...Board } }
		}
	}
	fragment Board on House {
		occupied: occupancy { occupied }
		residents { member { ... on Member { currentCareLevel { name } } currentPeer @include(if: $full) { name } } }
	}`)
	if errs != nil {
		t.Fatal(errs)
	}
	op := &graphql.OperationContext{Doc: doc, Operation: doc.Operations[0], Variables: map[string]any{"full": false}}
	root := collect(op, graphql.CollectFields(op, op.Operation.SelectionSet, nil))
	nodes := root["houses"].nodes()
	for _, path := range [][]string{
		{"id"}, {"occupancy", "occupied"}, {"residents", "bed"},
		{"residents", "member", "currentCareLevel", "name"},
	} {
		if !nodes.has(path...) {
			t.Errorf("the selection lacks %v: %v", path, nodes)
		}
	}
	for _, path := range [][]string{{"occupied"}, {"residents", "member", "currentPeer"}, {"edges"}, {"node"}} {
		if nodes.has(path...) {
			t.Errorf("the selection has %v: %v", path, nodes)
		}
	}
}
