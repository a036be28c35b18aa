package middleware

import (
	"testing"

	"github.com/vektah/gqlparser/v2"

	"carejourney/graph/cost"
	"carejourney/server/testgql"
)

// BenchmarkCost is the cost analysis every operation pays before it runs,
// over the app's members and journey pages parsed against the real schema
// with the server's options.
func BenchmarkCost(b *testing.B) {
	schema := executableSchema()
	for _, bc := range []struct {
		operation string
		vars      map[string]any
	}{
		{"MembersList", map[string]any{"first": 20}},
		{"MemberJourney", map[string]any{"id": "TWVtYmVyOjE", "clinical": true}},
	} {
		doc, errs := gqlparser.LoadQuery(schema, testgql.AppOperation(b, bc.operation))
		if errs != nil {
			b.Fatal(errs)
		}
		op := doc.Operations[0]
		if res := cost.Analyze(schema, doc, op, bc.vars, costOptions); res.Cost <= 0 || res.Depth <= 0 {
			b.Fatalf("%s: %+v", bc.operation, res)
		} else {
			b.Logf("%s: cost %d, depth %d", bc.operation, res.Cost, res.Depth)
		}
		b.Run(bc.operation, func(b *testing.B) {
			for b.Loop() {
				_ = cost.Analyze(schema, doc, op, bc.vars, costOptions)
			}
		})
	}
}
