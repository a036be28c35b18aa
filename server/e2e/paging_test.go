package e2e

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"carejourney/graph/generated"
	"carejourney/graph/globalid"
	"carejourney/server/domain"
	"carejourney/server/seed"
)

// The paging property, derived from the schema so a connection added later
// is covered without editing this file: every connection field, on Query or
// on a Node type the demo's admin (or family viewer) reaches, on Viewer, or
// on ViewerApiKey (as the demo's members:read key sees itself), walked forward
// with first:2 to its end and backward with last:2 from its end, gives the
// same items in reverse order with pageInfo right on every page, and
// first:101 / last:101 are BAD_USER_INPUT naming the limit (as are negative
// sizes and first with last).

// connectionField is a field whose type is a connection.
type connectionField struct {
	parent string
	field  *ast.FieldDefinition
}

func (f connectionField) String() string { return f.parent + "." + f.field.Name }

// connectionFields lists every field of the schema returning a connection
// (an object type with edges and pageInfo).
func connectionFields(schema *ast.Schema) []connectionField {
	var out []connectionField
	for _, def := range schema.Types {
		if def.Kind != ast.Object || strings.HasPrefix(def.Name, "__") {
			continue
		}
		for _, f := range def.Fields {
			if isConnection(schema, f.Type.Name()) {
				out = append(out, connectionField{def.Name, f})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

func isConnection(schema *ast.Schema, name string) bool {
	t := schema.Types[name]
	return t != nil && t.Kind == ast.Object && t.Fields.ForName("edges") != nil && t.Fields.ForName("pageInfo") != nil
}

func codegenSchema() *ast.Schema { return generated.NewExecutableSchema(generated.Config{}).Schema() }

// The schema rule: every connection pages both ways.
func TestEveryConnectionPagesBothWays(t *testing.T) {
	fields := connectionFields(codegenSchema())
	if len(fields) < 17 {
		t.Fatalf("found only %d connection fields", len(fields))
	}
	for _, f := range fields {
		for _, arg := range []struct{ name, typ string }{{"first", "Int"}, {"after", "String"}, {"last", "Int"}, {"before", "String"}} {
			a := f.field.Arguments.ForName(arg.name)
			if a == nil || a.Type.String() != arg.typ {
				t.Errorf("%s has no %s: %s argument", f, arg.name, arg.typ)
			}
		}
	}
}

func TestConnectionPagingProperty(t *testing.T) {
	s := startServer(t, map[string]string{"SEED_DEMO_ON_EMPTY": "true"})
	schema := codegenSchema()
	admin := s.signedIn(t, domain.RoleAdmin)
	family := s.signInAs(t, "family@demo.carejourney.test", "demo-family-2026!")
	key := s.keyClient(t, seed.DemoKeys[1].Secret) // members:read, with consents naming it
	// The audit log grows with every request of the walks (each read of a
	// member is an event, written after its request), more than a walk of
	// 2 a page can follow: it is walked up to this moment.
	time.Sleep(time.Second)
	auditUntil := time.Now().UTC().Format(time.RFC3339Nano)

	// IDs to reach the nested connections through node(id:): the demo's
	// records of every kind, the nodes of every root connection, the
	// members' family contacts, and the family viewer's shared members.
	ids := crawlIDs(t, admin)
	for _, f := range connectionFields(schema) {
		if f.parent == "Query" {
			w := &pageWalk{t: t, c: admin, schema: schema, f: f}
			if r := w.page(vars{"first": 100}); len(r.Errors) == 0 {
				ids = append(ids, w.ids(r)...)
			}
		}
	}
	// Family contacts, for the consents naming them, through the members.
	for _, m := range admin.do(`{ members(first: 100) { nodes { familyContacts(first: 100) { nodes { id } } } } }`, nil).list(t, "members.nodes") {
		for _, c := range m.(map[string]any)["familyContacts"].(map[string]any)["nodes"].([]any) {
			ids = append(ids, c.(map[string]any)["id"].(string))
		}
	}
	// Partners, for their keys, through the keys admins list.
	for _, k := range admin.do(`{ apiKeys(first: 100, includeRevoked: true) { nodes { partner { id } } } }`, nil).list(t, "apiKeys.nodes") {
		ids = append(ids, k.(map[string]any)["partner"].(map[string]any)["id"].(string))
	}
	for _, id := range ids {
		if typeName, _, _ := globalid.Decode(id); typeName == globalid.TypeMember {
			ids = append(ids, globalid.EncodeInt(globalid.TypeSharedMember, decodeID(t, id)))
		}
	}
	sort.Strings(ids)
	ids = slices.Compact(ids)

	walked := 0
	for _, f := range connectionFields(schema) {
		t.Run(f.String(), func(t *testing.T) {
			actors := []*client{admin, family}
			if f.parent == "ViewerApiKey" {
				actors = []*client{key}
			}
			w := bestWalk(t, schema, f, ids, auditUntil, actors...)
			if w == nil {
				t.Fatalf("no actor reaches a %s through node(id:) or Query: give the test a way to it", f.parent)
			}
			forward, backward := w.walk(false), w.walk(true)
			slices.Reverse(backward)
			if !slices.Equal(forward, backward) {
				t.Errorf("forward %v, backward reversed %v", forward, backward)
			}
			if len(forward) > 0 {
				walked++
			}
			t.Logf("%d items", len(forward))
			for _, size := range []string{"first", "last"} {
				r := w.page(vars{size: 101})
				if !slices.Equal(r.errorCodes(), []string{"BAD_USER_INPUT"}) || !strings.Contains(r.Errors[0].Message, "100") {
					t.Errorf("%s: 101 gave %v %+v", size, r.errorCodes(), r.Errors)
				}
			}
			for _, bad := range []vars{{"first": -1}, {"last": -1}, {"first": 1, "last": 1}} {
				if r := w.page(bad); !slices.Equal(r.errorCodes(), []string{"BAD_USER_INPUT"}) {
					t.Errorf("%v gave %v", bad, r.errorCodes())
				}
			}
		})
	}
	// Most connections must have seen data, or the walks prove little.
	if all := len(connectionFields(schema)); walked*2 < all {
		t.Errorf("only %d of %d connections had items in the demo", walked, all)
	}
}

// bestWalk picks, for a nested connection, the actor and parent with the
// most items (up to 100), so the walks cross several pages.
func bestWalk(t *testing.T, schema *ast.Schema, f connectionField, ids []string, auditUntil string, actors ...*client) *pageWalk {
	var best *pageWalk
	bestN := -1
	for _, c := range actors {
		if f.parent == "Query" || f.parent == "Viewer" || f.parent == "ViewerApiKey" {
			w := &pageWalk{t: t, c: c, schema: schema, f: f, until: auditUntil}
			if r := w.page(vars{"first": 100}); len(r.Errors) == 0 && len(w.edges(r)) > bestN {
				best, bestN = w, len(w.edges(r))
			}
			continue
		}
		for _, id := range ids {
			if typeName, _, _ := globalid.Decode(id); typeName != f.parent {
				continue
			}
			w := &pageWalk{t: t, c: c, schema: schema, f: f, id: id}
			r := w.page(vars{"first": 100})
			if len(r.Errors) > 0 || w.conn(r) == nil {
				continue
			}
			if n := len(w.edges(r)); n > bestN {
				best, bestN = w, n
			}
		}
	}
	return best
}

// pageWalk pages one connection field, on Query or on the node id.
type pageWalk struct {
	t      *testing.T
	c      *client
	schema *ast.Schema
	f      connectionField
	id     string
	// until, when set, ends the audit log's window (the filter's `occurredWithin.endAt`).
	until string
}

// query is the field with its required arguments filled in and the paging
// arguments as variables.
func (w *pageWalk) query() string {
	args := []string{"first: $first", "after: $after", "last: $last", "before: $before"}
	for _, a := range w.f.field.Arguments {
		if a.Type.NonNull && a.DefaultValue == nil {
			args = append(args, a.Name+": "+requiredArg(w.t, a))
		}
		if a.Name == "filter" && a.Type.Name() == "AuditEventFilter" && w.until != "" {
			args = append(args, `filter: {occurredWithin: {endAt: "`+w.until+`"}}`)
		}
	}
	nodeType := w.schema.Types[w.schema.Types[w.f.field.Type.Name()].Fields.ForName("edges").Type.Name()].Fields.ForName("node").Type.Name()
	node := "__typename"
	if w.schema.Types[nodeType].Fields.ForName("id") != nil {
		node = "id"
	}
	sel := fmt.Sprintf("%s(%s) { edges { cursor node { %s } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }",
		w.f.field.Name, strings.Join(args, ", "), node)
	params := "$first: Int, $after: String, $last: Int, $before: String"
	if w.f.parent == "Query" {
		return fmt.Sprintf("query(%s) { conn: %s }", params, sel)
	}
	if w.f.parent == "Viewer" {
		return fmt.Sprintf("query(%s) { node: viewer { conn: %s } }", params, sel)
	}
	if w.f.parent == "ViewerApiKey" {
		return fmt.Sprintf("query(%s) { viewer { node: apiKey { conn: %s } } }", params, sel)
	}
	return fmt.Sprintf("query($id: ID!, %s) { node(id: $id) { ... on %s { conn: %s } } }", params, w.f.parent, sel)
}

// requiredArg is a value for a required argument: a filter whose range
// (the one thing a filter may require, as meetings' does) is a wide window.
func requiredArg(t *testing.T, a *ast.ArgumentDefinition) string {
	now := time.Now().UTC()
	if a.Name == "filter" && a.Type.Name() == "MeetingFilter" {
		return fmt.Sprintf(`{startsWithin: {startAt: "%s", endAt: "%s"}}`,
			now.AddDate(0, 0, -14).Format(time.RFC3339), now.AddDate(0, 0, 14).Format(time.RFC3339))
	}
	t.Fatalf("no value for the required argument %s: %s", a.Name, a.Type)
	return ""
}

func (w *pageWalk) page(v vars) *response {
	if w.id != "" {
		v["id"] = w.id
	}
	return w.c.do(w.query(), v)
}

func (w *pageWalk) conn(r *response) map[string]any {
	if w.f.parent == "Query" {
		c, _ := r.Data["conn"].(map[string]any)
		return c
	}
	data := r.Data
	if w.f.parent == "ViewerApiKey" {
		data, _ = data["viewer"].(map[string]any)
	}
	node, _ := data["node"].(map[string]any)
	c, _ := node["conn"].(map[string]any)
	return c
}

func (w *pageWalk) edges(r *response) []any {
	edges, _ := w.conn(r)["edges"].([]any)
	return edges
}

// ids are the nodes' ids, else their cursors.
func (w *pageWalk) ids(r *response) []string {
	var out []string
	for _, e := range w.edges(r) {
		e := e.(map[string]any)
		if id, ok := e["node"].(map[string]any)["id"].(string); ok {
			out = append(out, id)
		} else {
			out = append(out, e["cursor"].(string))
		}
	}
	return out
}

// walk pages the whole connection two at a time, forward from the start
// or backward from the end, checking pageInfo on every page; it returns
// the items in the order read.
func (w *pageWalk) walk(backward bool) []string {
	t := w.t
	t.Helper()
	var out []string
	var cursor any
	for pages := 0; ; pages++ {
		if pages > 1000 {
			t.Fatal("more than 1000 pages of 2")
		}
		v := vars{"first": 2, "after": cursor}
		if backward {
			v = vars{"last": 2, "before": cursor}
		}
		r := w.page(v)
		r.noErrors(t)
		conn := w.conn(r)
		if conn == nil {
			t.Fatalf("no connection in %s", r.Raw)
		}
		info := conn["pageInfo"].(map[string]any)
		edges := w.edges(r)
		ids := w.ids(r)
		more, started := info["hasNextPage"], info["hasPreviousPage"]
		if backward {
			more, started = info["hasPreviousPage"], info["hasNextPage"]
		}
		if started != (cursor != nil) {
			t.Errorf("page %d (backward %v): the flag toward the side already read is %v", pages, backward, started)
		}
		if more == true && len(edges) != 2 || len(edges) > 2 {
			t.Errorf("page %d (backward %v): %d items with more to come", pages, backward, len(edges))
		}
		if len(edges) == 0 {
			if info["startCursor"] != nil || info["endCursor"] != nil {
				t.Errorf("empty page with cursors %v", info)
			}
		} else if info["startCursor"] != edges[0].(map[string]any)["cursor"] || info["endCursor"] != edges[len(edges)-1].(map[string]any)["cursor"] {
			t.Errorf("page %d: startCursor/endCursor %v are not the first and last edges' cursors", pages, info)
		}
		if backward {
			slices.Reverse(ids)
		}
		out = append(out, ids...)
		if more != true {
			return out
		}
		cursor = info["endCursor"]
		if backward {
			cursor = info["startCursor"]
		}
	}
}
