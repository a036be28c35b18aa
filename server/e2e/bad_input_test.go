package e2e

import (
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
	"testing"

	"carejourney/graph/globalid"
	"carejourney/server/domain"
)

// Bad input is the caller's error: a NUL character in any string a root
// field takes, at any depth of its input, and a cursor that is not one of
// ours are BAD_USER_INPUT, never INTERNAL. Both sweeps are driven by
// introspection, so an argument added later is covered.

const introspectInputs = `{ __schema { types { name kind
	fields { name args { name type { ...T } } type { ...T } }
	inputFields { name type { ...T } } } } }
	fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`

type inputSchema struct {
	types map[string]inputType
	enums map[string]string // an enum's first value
}

type inputType struct {
	Name, Kind string
	Fields     []struct {
		Name string
		Args []inputValue
		Type typeRef
	}
	InputFields []inputValue
}

type inputValue struct {
	Name string
	Type typeRef
}

func loadInputSchema(t *testing.T, staff *client) inputSchema {
	r := staff.do(introspectInputs, nil)
	r.noErrors(t)
	var out struct {
		Schema struct{ Types []inputType } `json:"__schema"`
	}
	decodeInto(t, r.Data, &out)
	s := inputSchema{types: map[string]inputType{}, enums: map[string]string{}}
	for _, ty := range out.Schema.Types {
		s.types[ty.Name] = ty
	}
	for name, ty := range s.types {
		if ty.Kind == "ENUM" {
			for _, v := range (&crawler{staff: staff}).enumValues(name) {
				s.enums[name] = v
				break
			}
		}
	}
	return s
}

// literal renders a value of ref: poison where path (a list of names
// below this value) is empty and the type is String or ID, made-up values
// for everything required. ok is false when path names nothing here.
func (s inputSchema) literal(ref typeRef, path []string, poison string, depth int) (string, bool) {
	if ref.Kind == "NON_NULL" {
		return s.literal(*ref.OfType, path, poison, depth)
	}
	if ref.Kind == "LIST" {
		v, ok := s.literal(*ref.OfType, path, poison, depth)
		return "[" + v + "]", ok
	}
	switch ref.Kind {
	case "SCALAR":
		if len(path) == 0 && (ref.Name == "String" || ref.Name == "ID") {
			return poison, true
		}
		switch ref.Name {
		case "Int":
			return "1", len(path) == 0
		case "Float":
			return "1.5", len(path) == 0
		case "Boolean":
			return "true", len(path) == 0
		case "Date":
			return `"2026-01-01"`, len(path) == 0
		case "DateTime":
			return `"2026-01-01T10:00:00Z"`, len(path) == 0
		}
		return `"a"`, len(path) == 0
	case "ENUM":
		return s.enums[ref.Name], len(path) == 0
	case "INPUT_OBJECT":
		var parts []string
		found := len(path) == 0
		for _, f := range s.types[ref.Name].InputFields {
			switch {
			case len(path) > 0 && f.Name == path[0]:
				v, ok := s.literal(f.Type, path[1:], poison, depth+1)
				found = ok
				parts = append(parts, f.Name+": "+v)
			case f.Type.nonNull() && depth < 6:
				v, _ := s.literal(f.Type, nil, `"a"`, depth+1)
				parts = append(parts, f.Name+": "+v)
			}
		}
		return "{" + strings.Join(parts, ", ") + "}", found
	}
	return `"a"`, false
}

// textPaths lists the paths to every String and ID below ref, three input
// objects deep.
func (s inputSchema) textPaths(ref typeRef, depth int) [][]string {
	named := ref.named()
	switch {
	case named.Kind == "SCALAR" && (named.Name == "String" || named.Name == "ID"):
		return [][]string{nil}
	case named.Kind == "INPUT_OBJECT" && depth < 3:
		var out [][]string
		for _, f := range s.types[named.Name].InputFields {
			for _, p := range s.textPaths(f.Type, depth+1) {
				out = append(out, append([]string{f.Name}, p...))
			}
		}
		return out
	}
	return nil
}

func TestNULInEveryStringArgument(t *testing.T) {
	s := startServer(t, nil)
	admin := s.signedIn(t, domain.RoleAdmin)
	schema := loadInputSchema(t, admin)
	const nul = `"a\u0000b"`
	requests := 0
	for _, root := range []string{"Query", "Mutation"} {
		op := map[string]string{"Query": "query", "Mutation": "mutation"}[root]
		for _, f := range schema.types[root].Fields {
			sel := ""
			if k := f.Type.named().Kind; k == "OBJECT" || k == "INTERFACE" || k == "UNION" {
				sel = " { __typename }"
			}
			for i, a := range f.Args {
				for _, path := range schema.textPaths(a.Type, 0) {
					var args []string
					for j, other := range f.Args {
						switch {
						case j == i:
							v, _ := schema.literal(other.Type, path, nul, 0)
							args = append(args, other.Name+": "+v)
						case other.Type.nonNull():
							v, _ := schema.literal(other.Type, nil, `"a"`, 0)
							args = append(args, other.Name+": "+v)
						}
					}
					doc := fmt.Sprintf("%s { %s(%s)%s }", op, f.Name, strings.Join(args, ", "), sel)
					r := admin.do(doc, nil)
					requests++
					where := strings.Join(append([]string{root, f.Name, a.Name}, path...), ".")
					if len(r.Errors) == 0 || r.Errors[0].Message != "Text may not contain the NUL character (U+0000)." ||
						!slices.Equal(r.errorCodes(), []string{"BAD_USER_INPUT"}) || len(r.Data) != 0 {
						t.Errorf("NUL in %s: data %v, errors %+v\n%s", where, r.Data, r.Errors, doc)
					}
				}
			}
		}
	}
	// The same through variables, at the top and deep in an input.
	for _, c := range []struct {
		doc string
		v   vars
	}{
		{`query($q: String) { members(first: 1, search: $q) { totalCount } }`, vars{"q": "Ro\x00sa"}},
		{`mutation($in: CreateMemberInput!) { createMember(input: $in) { member { id } } }`, vars{"in": vars{"firstName": "Ro\x00sa", "lastName": "Vega"}}},
	} {
		r := admin.do(c.doc, c.v)
		requests++
		if !slices.Equal(r.errorCodes(), []string{"BAD_USER_INPUT"}) || len(r.Data) != 0 {
			t.Errorf("%s with a NUL variable: data %v, errors %+v", c.doc, r.Data, r.Errors)
		}
	}
	if n := admin.do(`{ members(first: 1) { totalCount } }`, nil).get(t, "members.totalCount"); n != float64(0) {
		t.Errorf("%v members: a mutation with a NUL ran", n)
	}
	t.Logf("NUL sweep: %d requests", requests)
	if requests < 100 {
		t.Errorf("only %d String arguments and input fields found", requests)
	}
}

// TestMalformedCursors gives every field that takes after or before (at
// the root, and on every record reached through node) cursors that are not
// ours: undecodable ones are BAD_USER_INPUT; ones that decode but hold a
// value of the wrong type are BAD_USER_INPUT or a position; none is
// INTERNAL.
func TestMalformedCursors(t *testing.T) {
	s := startServer(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"})
	admin := s.signedIn(t, domain.RoleAdmin)
	schema := loadInputSchema(t, admin)
	b64 := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	undecodable := []string{"!!!", b64("not json"), b64(`{"v":"x","i":0}`), b64(`{"v":"a\u0000b","i":1}`), "", strings.Repeat("A", 5000)}
	wrongValue := []string{b64(`{"v":"not a time","i":1}`), b64(`{"v":"99999-99-99","i":9223372036854775807}`), b64(`{"v":"\ud800","i":1}`),
		b64(`{"v":"` + strings.Repeat("z", 3000) + `","i":1}`)}

	// The record of every type with a paged field, from the demo.
	idOf := map[string]string{}
	for _, id := range crawlIDs(t, admin) {
		typeName, _, _ := globalid.Decode(id)
		idOf[typeName] = id
	}
	type target struct{ where, doc string }
	var targets []target
	for typeName, ty := range schema.types {
		if ty.Kind != "OBJECT" || (typeName != "Query" && idOf[typeName] == "") {
			continue
		}
		for _, f := range ty.Fields {
			for _, a := range f.Args {
				if a.Name != "after" && a.Name != "before" {
					continue
				}
				var args []string
				for _, other := range f.Args {
					if other.Type.nonNull() {
						v, _ := schema.literal(other.Type, nil, `"a"`, 0)
						args = append(args, other.Name+": "+v)
					}
				}
				args = append(args, a.Name+": $c")
				call := fmt.Sprintf("%s(%s) { __typename }", f.Name, strings.Join(args, ", "))
				doc := "query($c: String) { " + call + " }"
				if typeName != "Query" {
					doc = fmt.Sprintf(`query($c: String) { node(id: %q) { ... on %s { %s } } }`, idOf[typeName], typeName, call)
				}
				targets = append(targets, target{typeName + "." + f.Name + "(" + a.Name + ")", doc})
			}
		}
	}
	slices.SortFunc(targets, func(a, b target) int { return strings.Compare(a.where, b.where) })
	requests := 0
	for _, tg := range targets {
		for _, c := range append(append([]string{}, undecodable...), wrongValue...) {
			r := admin.do(tg.doc, vars{"c": c})
			requests++
			codes := r.errorCodes()
			if slices.ContainsFunc(codes, func(code string) bool { return code != "BAD_USER_INPUT" }) || r.Status != 200 {
				t.Errorf("%s with cursor %.40q: status %d, errors %+v", tg.where, c, r.Status, r.Errors)
			}
			if slices.Contains(undecodable, c) && len(codes) == 0 {
				t.Errorf("%s took the cursor %.40q", tg.where, c)
			}
		}
	}
	t.Logf("cursor sweep: %d paged fields, %d requests", len(targets), requests)
	if len(targets) < 10 {
		t.Errorf("only %d paged fields found", len(targets))
	}
}
