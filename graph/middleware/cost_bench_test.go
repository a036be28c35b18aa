package middleware

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"

	"carejourney/graph/cost"
)

// appDocument is one of the app's operations as the SPA sends it: its text
// in frontend/src/gql/gql.ts with the fragments it spreads appended.
func appDocument(tb testing.TB, operation string) string {
	tb.Helper()
	raw, err := os.ReadFile("../../frontend/src/gql/gql.ts")
	if err != nil {
		tb.Fatal(err)
	}
	entry := regexp.MustCompile(`(?m)^    ("(?:[^"\\]|\\.)*"): typeof types\.(\w+),`)
	fragmentName := regexp.MustCompile(`fragment (\w+) on`)
	var text string
	fragments := map[string]string{}
	for _, m := range entry.FindAllStringSubmatch(string(raw), -1) {
		var s string
		if err := json.Unmarshal([]byte(m[1]), &s); err != nil {
			tb.Fatal(err)
		}
		if strings.HasSuffix(m[2], "FragmentDoc") {
			fragments[fragmentName.FindStringSubmatch(s)[1]] = s
		} else if m[2] == operation+"Document" {
			text = s
		}
	}
	if text == "" {
		tb.Fatalf("no operation %s in gql.ts", operation)
	}
	spread := regexp.MustCompile(`\.\.\.([A-Za-z_]\w*)`)
	seen := map[string]bool{}
	for added := true; added; {
		added = false
		for _, m := range spread.FindAllStringSubmatch(text, -1) {
			if f, ok := fragments[m[1]]; ok && !seen[m[1]] {
				seen[m[1]], added = true, true
				text += f
			}
		}
	}
	return text
}

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
		doc, errs := gqlparser.LoadQuery(schema, appDocument(b, bc.operation))
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
