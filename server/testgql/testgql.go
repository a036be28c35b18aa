// Package testgql holds GraphQL documents that tests in more than one
// package send: the app's operations as the SPA sends them, and the
// introspection query GraphiQL sends. It is for tests only.
package testgql

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// AppOperation is one of the app's operations as the SPA sends it: its
// text in frontend/src/gql/gql.ts with the fragments it spreads appended.
func AppOperation(tb testing.TB, operation string) string {
	tb.Helper()
	raw, err := os.ReadFile(gqlTS())
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

// gqlTS is the SPA's generated documents file, found from this source file
// so that a test in any package reads the same one.
func gqlTS() string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "..", "frontend", "src", "gql", "gql.ts")
}
