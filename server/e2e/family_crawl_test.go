package e2e

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"carejourney/server/domain"
)

// The family crawl: signed in as a family viewer, visit everything the
// schema says is reachable, one field at a time, and fail if any field
// outside the family's allowed set returns data. The schema comes from
// introspection (read as staff: family viewers may not introspect), so a
// field added tomorrow is crawled without editing this test.

// familyAllowed is the family viewer's whole world, as "Type.field"; a
// "Type.*" entry allows every field of a type.
var familyAllowed = map[string]bool{
	"Query.viewer": true, "Query.careLevels": true, "Query.node": true, "Query.nodes": true,
	"Viewer.*":    true,
	"User.id":     true, "User.name": true, "User.email": true, "User.role": true,
	"CareLevel.*": true,
	"SharedMember.*": true, "SharedUpdate.*": true, "SharedUpdateConnection.*": true, "SharedUpdateEdge.*": true,
	"PageInfo.*": true, "Milestone.*": true, "Milestones.*": true, "AttendanceWeek.*": true,
	"Group.id": true, "Group.name": true, "Group.kind": true, "Group.description": true, "Group.modality": true,
	"Group.location": true, "Group.timeZone": true, "Group.schedule": true, "Group.timesOfDay": true,
	"Group.active": true, "Group.nextMeeting": true, "Group.meetings": true,
	"MeetingConnection.*": true, "MeetingEdge.*": true,
	"Meeting.id": true, "Meeting.group": true, "Meeting.startsAt": true, "Meeting.endsAt": true,
	"Meeting.timeOfDay": true, "Meeting.topic": true,
	"ScheduleSlot.*": true,
}

func familyMayRead(typeName, field string) bool {
	return familyAllowed[typeName+"."+field] || familyAllowed[typeName+".*"]
}

// schemaType is the part of an introspected type the crawl needs.
type schemaType struct {
	Name   string
	Kind   string
	Fields []schemaField
}

type schemaField struct {
	Name string
	Args []struct {
		Name string
		Type typeRef
	}
	Type typeRef
}

type typeRef struct {
	Kind   string
	Name   string
	OfType *typeRef
}

func (r typeRef) named() typeRef {
	for r.OfType != nil {
		r = *r.OfType
	}
	return r
}

func (r typeRef) nonNull() bool { return r.Kind == "NON_NULL" }

const introspectTypes = `{ __schema { types { name kind fields { name
	args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
	type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`

// crawler walks the schema as one client.
type crawler struct {
	t       *testing.T
	c       *client
	staff   *client
	types   map[string]schemaType
	ids     []string // real IDs of every kind, for node and ID arguments
	visited map[string]bool
	fields  int
	leaks   []string
	reached map[string]bool
}

func decodeInto(t *testing.T, from any, to any) {
	t.Helper()
	b, err := json.Marshal(from)
	if err == nil {
		err = json.Unmarshal(b, to)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func loadSchemaTypes(t *testing.T, staff *client) map[string]schemaType {
	r := staff.do(introspectTypes, nil)
	r.noErrors(t)
	var out struct {
		Schema struct{ Types []schemaType } `json:"__schema"`
	}
	decodeInto(t, r.Data, &out)
	types := map[string]schemaType{}
	for _, ty := range out.Schema.Types {
		types[ty.Name] = ty
	}
	return types
}

// argument returns a literal for a required argument, or "" when the crawl
// cannot make one up (an input object) and the field is skipped.
func (cr *crawler) argument(ref typeRef, id string) string {
	named := ref.named()
	switch named.Kind {
	case "SCALAR":
		switch named.Name {
		case "ID":
			if ref.Kind == "LIST" || (ref.OfType != nil && ref.OfType.Kind == "LIST") {
				return fmt.Sprintf("[%q]", id)
			}
			return fmt.Sprintf("%q", id)
		case "Int":
			return "5"
		case "String":
			return `"a"`
		case "Boolean":
			return "true"
		case "DateTime":
			return fmt.Sprintf("%q", time.Now().UTC().Format(time.RFC3339))
		case "Date":
			return fmt.Sprintf("%q", time.Now().Format(time.DateOnly))
		}
	case "ENUM":
		for _, e := range cr.enumValues(named.Name) {
			return e
		}
	}
	return ""
}

func (cr *crawler) enumValues(name string) []string {
	r := cr.staff.do(`query($n: String!) { __type(name: $n) { enumValues { name } } }`, vars{"n": name})
	var out []string
	if list, ok := lookupPath(r.Data, "__type.enumValues").([]any); ok {
		for _, v := range list {
			out = append(out, v.(map[string]any)["name"].(string))
		}
	}
	return out
}

// call renders a field with arguments: required ones made up, `first`
// always asked for so connections return rows. ok is false when a required
// argument cannot be made up.
func (cr *crawler) call(f schemaField, id string) (string, bool) {
	var args []string
	for _, a := range f.Args {
		switch {
		case a.Name == "first":
			args = append(args, "first: 5")
		case a.Type.nonNull():
			lit := cr.argument(*a.Type.OfType, id)
			if lit == "" {
				return "", false
			}
			args = append(args, a.Name+": "+lit)
		}
	}
	if len(args) == 0 {
		return f.Name, true
	}
	return f.Name + "(" + strings.Join(args, ", ") + ")", true
}

// visit crawls every field of typeName, reached by the selection path
// prefix (an opening of nested selections, e.g. "viewer {"), one query per
// field, and recurses into what returns data.
func (cr *crawler) visit(typeName string, prefix []string, id string) {
	if cr.visited[typeName] || len(prefix) > 8 {
		return
	}
	cr.visited[typeName] = true
	cr.visitFields(typeName, cr.types[typeName].Fields, prefix, id)
}

func (cr *crawler) visitFields(typeName string, fields []schemaField, prefix []string, id string) {
	for _, f := range fields {
		call, ok := cr.call(f, id)
		if !ok {
			continue
		}
		named := f.Type.named()
		sel := call
		switch named.Kind {
		case "OBJECT", "INTERFACE", "UNION":
			sel += " { __typename }"
		}
		open := strings.Join(prefix, " ")
		doc := "{ " + open + " " + sel + strings.Repeat(" }", strings.Count(open, "{")) + " }"
		r := cr.c.do(doc, nil)
		cr.fields++
		for _, code := range r.errorCodes() {
			if code == "INTERNAL" {
				cr.t.Errorf("%s.%s: internal error %+v", typeName, f.Name, r.Errors)
			}
		}
		if !hasData(r.Data) {
			continue
		}
		cr.reached[typeName+"."+f.Name] = true
		if !familyMayRead(typeName, f.Name) {
			cr.leaks = append(cr.leaks, fmt.Sprintf("%s.%s via %s", typeName, f.Name, doc))
			continue
		}
		if named.Kind == "OBJECT" || named.Kind == "INTERFACE" {
			next, opening := named.Name, call+" {"
			if named.Kind == "INTERFACE" {
				next = firstTypename(lookupPath(r.Data, strings.Join(append(fieldNames(prefix), f.Name), ".")))
				opening = call + " { ... on " + next + " {"
			}
			cr.visit(next, append(append([]string{}, prefix...), opening), id)
		}
	}
}

// fieldNames turns selection openings into a response path (lists are
// walked by lookupPath's caller through firstTypename).
func fieldNames(prefix []string) []string {
	var names []string
	for _, p := range prefix {
		name := p
		if i := strings.IndexAny(name, "( {"); i >= 0 {
			name = name[:i]
		}
		names = append(names, name)
	}
	return names
}

// hasData reports whether a response holds any value besides nulls, empty
// lists and __typename.
func hasData(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case map[string]any:
		for k, val := range x {
			if k != "__typename" && hasData(val) {
				return true
			}
			if k == "__typename" && len(x) == 1 {
				return true
			}
		}
		return false
	case []any:
		for _, item := range x {
			if hasData(item) {
				return true
			}
		}
		return false
	}
	return true
}

func firstTypename(v any) string {
	switch x := v.(type) {
	case map[string]any:
		if n, ok := x["__typename"].(string); ok {
			return n
		}
		for _, val := range x {
			if n := firstTypename(val); n != "" {
				return n
			}
		}
	case []any:
		for _, item := range x {
			if n := firstTypename(item); n != "" {
				return n
			}
		}
	}
	return ""
}

// crawlAsFamily crawls from every root field with each of ids as the ID
// argument (node, member, house, …), and reports what it reached.
func crawlAsFamily(t *testing.T, staff, family *client, ids []string) *crawler {
	cr := &crawler{t: t, c: family, staff: staff, types: loadSchemaTypes(t, staff), ids: ids, reached: map[string]bool{}}
	for _, id := range ids {
		// Each root field starts afresh, so a type reached from two roots
		// is crawled from both.
		for _, root := range cr.types["Query"].Fields {
			cr.visited = map[string]bool{"Query": true}
			cr.visitFields("Query", []schemaField{root}, nil, id)
		}
	}
	sort.Strings(cr.leaks)
	return cr
}

// crawlIDs collects, as staff, real IDs of every kind of record in the
// demo: what a family viewer must not reach by guessing.
func crawlIDs(t *testing.T, staff *client) []string {
	r := staff.do(`{
		members(first: 2) { nodes { id careEpisodes { id } currentResidency { id } activeAftercarePlan { id goals { id } checkIns(first: 1) { nodes { id } } }
			updates(first: 2) { nodes { id } } peerAssignments { id } } }
		houses(first: 1) { nodes { id } }
		groups(first: 30) { nodes { id kind meetings(first: 1) { nodes { id } } } }
		peers(first: 1) { nodes { id } } }`, nil)
	r.noErrors(t)
	var ids []string
	var collect func(v any)
	collect = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, val := range x {
				if k == "id" {
					ids = append(ids, val.(string))
				}
				collect(val)
			}
		case []any:
			for _, item := range x {
				collect(item)
			}
		}
	}
	collect(r.Data)
	sort.Strings(ids)
	return ids
}

func TestFamilyCrawl(t *testing.T) {
	s := startServer(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"})
	staff := s.signedIn(t, domain.RoleAdmin)
	family := s.signedIn(t, domain.RoleFamily)
	ids := crawlIDs(t, staff)
	cr := crawlAsFamily(t, staff, family, ids)
	for _, leak := range cr.leaks {
		t.Errorf("a family viewer read %s", leak)
	}
	var reached []string
	for f := range cr.reached {
		reached = append(reached, f)
	}
	sort.Strings(reached)
	t.Logf("family crawl: %d field queries over %d IDs; fields with data: %v", cr.fields, len(ids), reached)
	if !cr.reached["Viewer.user"] {
		t.Error("the crawl never reached viewer.user: it is not crawling")
	}
}
