package e2e

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"carejourney/graph/middleware"
	"carejourney/server/domain"
)

// costActual returns extensions.cost's requested and actual cost and the
// bucket's currentlyAvailable.
func costActual(t *testing.T, r *response) (requested, actual, available float64) {
	t.Helper()
	c, ok := r.Extensions["cost"].(map[string]any)
	if !ok {
		t.Fatalf("no extensions.cost: %s", r.Raw)
	}
	throttle, _ := c["throttleStatus"].(map[string]any)
	return c["requestedQueryCost"].(float64), c["actualQueryCost"].(float64), throttle["currentlyAvailable"].(float64)
}

// TestCostActual checks actualQueryCost: counted from the rows returned,
// charged to the bucket in place of the requested cost.
func TestCostActual(t *testing.T) {
	s := startServer(t, map[string]string{"MAX_QUERY_COST": "1000", "RATE_LIMIT_POINTS": "1000", "RATE_LIMIT_RESTORE_RATE": "1"})
	c := s.signedIn(t, domain.RoleAdmin)
	for i := range 3 {
		housesMember(t, c, "Cost", fmt.Sprintf("Member%d", i))
	}

	// A hand count: 3 of first: 50 → 2 + 3 × 1 + pageInfo 1 = 6, of 53
	// requested; the bucket is charged 6.
	_, _, before := costActual(t, c.do(`{ __typename }`, nil))
	r := c.do(`{ members(first: 50) { nodes { id displayName } pageInfo { hasNextPage } } }`, nil)
	r.noErrors(t)
	requested, actual, after := costActual(t, r)
	if len(r.list(t, "members.nodes")) != 3 || requested != 53 || actual != 6 {
		t.Errorf("3 members of 50: requested %v, actual %v", requested, actual)
	}
	if after < before-6 || after > before-4 {
		t.Errorf("bucket %v before, %v after an operation that actually cost 6", before, after)
	}

	// Every connection field of Query, from the schema, at a small page:
	// actual = 2 (or the field's fixed price) + the nodes returned +
	// totalCount 1 + pageInfo 1, never more than requested.
	schema := c.do(`{ __schema { queryType { fields { name args { name type { kind } defaultValue }
		type { name kind ofType { name kind ofType { name kind ofType { name } } } } } }
		types { name fields { name } } } }`, nil)
	schema.noErrors(t)
	fieldsOf := map[string][]string{}
	for _, ty := range schema.list(t, "__schema.types") {
		m := ty.(map[string]any)
		fs, _ := m["fields"].([]any)
		for _, f := range fs {
			fieldsOf[m["name"].(string)] = append(fieldsOf[m["name"].(string)], f.(map[string]any)["name"].(string))
		}
	}
	covered := 0
	for _, f := range schema.list(t, "__schema.queryType.fields") {
		field := f.(map[string]any)
		typ := costNamedType(field["type"].(map[string]any))
		if !strings.HasSuffix(typ, "Connection") {
			continue
		}
		required := false
		for _, a := range field["args"].([]any) {
			arg := a.(map[string]any)
			required = required || (arg["type"].(map[string]any)["kind"] == "NON_NULL" && arg["defaultValue"] == nil)
		}
		name := field["name"].(string)
		if required {
			t.Logf("%s: required arguments, not generated", name)
			continue
		}
		selection, want := "nodes { __typename }", 2.0
		if price, ok := middleware.FieldCost("Query", name); ok {
			want = float64(price)
		}
		if slices.Contains(fieldsOf[typ], "totalCount") {
			selection, want = selection+" totalCount", want+1
		}
		if slices.Contains(fieldsOf[typ], "pageInfo") {
			selection, want = selection+" pageInfo { hasNextPage }", want+1
		}
		for _, page := range []string{"first: 2", "last: 2", "first: 0"} {
			r := c.do(fmt.Sprintf(`{ %s(%s) { %s } }`, name, page, selection), nil)
			requested, actual, _ := costActual(t, r)
			if actual > requested {
				t.Errorf("%s(%s): actual %v > requested %v", name, page, actual, requested)
			}
			if len(r.Errors) == 0 {
				if n := len(r.list(t, name+".nodes")); actual != want+float64(n) {
					t.Errorf("%s(%s): actual %v for %d nodes, want %v", name, page, actual, n, want+float64(n))
				}
			}
			covered++
		}
	}
	if covered < 6 {
		t.Errorf("only %d connection operations generated", covered)
	}

	// MAX_COST_EXCEEDED carries the same cost shape as every response.
	refused := c.do(`{ members(first: 100) { nodes { updates(first: 100) { nodes { kind } } } } }`, nil)
	if !slices.Equal(refused.errorCodes(), []string{"MAX_COST_EXCEEDED"}) {
		t.Fatalf("codes %v", refused.errorCodes())
	}
	errorShape := costShape(refused.Errors[0].Extensions["cost"])
	for _, resp := range []*response{r, refused} {
		if got := costShape(resp.Extensions["cost"]); !slices.Equal(got, errorShape) || len(got) < 5 {
			t.Errorf("cost shapes differ: %v and the error's %v", got, errorShape)
		}
	}
	if refused.Errors[0].Extensions["maximumQueryCost"] != float64(1000) {
		t.Errorf("error extensions %v", refused.Errors[0].Extensions)
	}
}

func costNamedType(t map[string]any) string {
	for t["name"] == nil {
		next, ok := t["ofType"].(map[string]any)
		if !ok {
			return ""
		}
		t = next
	}
	return t["name"].(string)
}

// costShape lists the paths of every key of a JSON object, sorted.
func costShape(v any) []string {
	var paths []string
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		for k, child := range m {
			paths = append(paths, prefix+k)
			walk(prefix+k+".", child)
		}
	}
	walk("", v)
	sort.Strings(paths)
	return paths
}
