package cost_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/validator"

	"carejourney/graph/cost"
)

const testSchema = `
interface Node { id: ID! }
enum Status { ACTIVE ALUMNI }
type PageInfo { hasNextPage: Boolean! endCursor: String }
type CareLevel implements Node { id: ID! code: String! }
type User implements Node { id: ID! email: String! }
type Episode { startedAt: String! level: CareLevel! recordedBy: User }
type Update implements Node { id: ID! body: String! author: User }
type UpdateEdge { cursor: String! node: Update! }
type UpdateConnection { edges: [UpdateEdge!]! nodes: [Update!]! pageInfo: PageInfo! totalCount: Int! }
type Member implements Node {
  id: ID!
  name: String!
  status: Status!
  level: CareLevel
  tags: [String!]!
  episodes: [Episode!]!
  updates(first: Int = 10, after: String): UpdateConnection!
}
type MemberEdge { cursor: String! node: Member! }
type MemberConnection { edges: [MemberEdge!]! nodes: [Member!]! pageInfo: PageInfo! totalCount: Int! }
type Viewer { user: User! }
union Search = Member | CareLevel
type Query {
  node(id: ID!): Node
  nodes(ids: [ID!]!): [Node]!
  members(first: Int, after: String, last: Int, before: String): MemberConnection!
  viewer: Viewer!
  careLevels: [CareLevel!]!
  search(text: String!): [Search!]!
  due(first: Int = 20): [Member!]!
}
type UserError { message: String! code: String! }
input CreateMemberInput { name: String! }
type CreateMemberPayload { member: Member userErrors: [UserError!]! }
type Mutation { createMember(input: CreateMemberInput!): CreateMemberPayload! }
`

var opts = cost.Options{
	DefaultPageSize: 20,
	MaxPageSize:     100,
	MutationCost:    10,
	ListSizes:       map[string]int{"Query.careLevels": 7, "*.userErrors": 1},
	FieldCosts:      map[string]int{"Query.search": 50, "Member.updates": 5, "Viewer.user": 3, "*.totalCount": 1},
}

func analyze(t *testing.T, query string, vars map[string]any) cost.Result {
	t.Helper()
	schema := gqlparser.MustLoadSchema(&ast.Source{Name: "schema.graphqls", Input: testSchema})
	doc, errs := gqlparser.LoadQuery(schema, query)
	if len(errs) > 0 {
		t.Fatalf("%s: %v", query, errs)
	}
	op := doc.Operations[0]
	coerced, err := validator.VariableValues(schema, op, vars)
	if err != nil {
		t.Fatalf("variables: %v", err)
	}
	return cost.Analyze(schema, doc, op, coerced, opts)
}

func TestCost(t *testing.T) {
	for _, tc := range []struct {
		name  string
		query string
		vars  map[string]any
		want  int
	}{
		// Connections: 2 + n × (1 + the node's selection).
		{"connection of 50 with three scalars", `{ members(first: 50) { nodes { id name status } } }`, nil, 2 + 50*1},
		{"totalCount as priced, pageInfo an object", `{ members(first: 50) { totalCount pageInfo { hasNextPage } nodes { id } } }`, nil, 2 + 50 + 1 + 1},
		{"edges: the edge is free, the node costs", `{ members(first: 50) { edges { cursor node { id name } } } }`, nil, 2 + 50*1},
		{"nodes and edges add up: each resolves every item",
			`{ members(first: 50) { nodes { id } edges { node { level { code } } } } }`, nil, 2 + 50*(1+2)},
		{"aliased nodes add up", `{ members(first: 50) { a: nodes { id } b: nodes { id } c: nodes { level { code } } } }`, nil, 2 + 50*(1+1+2)},
		{"aliased edges add up", `{ members(first: 10) { a: edges { node { id } } b: edges { cursor node { id } } } }`, nil, 2 + 10*2},
		{"a page read for its count alone still reads its rows", `{ members(first: 50) { totalCount } }`, nil, 2 + 50*1 + 1},
		{"first: 0 reads no rows", `{ members(first: 0) { totalCount } }`, nil, 2 + 1},
		{"default page size", `{ members { nodes { id } } }`, nil, 2 + 20},
		{"last", `{ members(last: 5) { nodes { id } } }`, nil, 2 + 5},
		{"first is capped as the server caps it", `{ members(first: 1000) { nodes { id } } }`, nil, 2 + 100},
		{"first from a variable", `query($n: Int) { members(first: $n) { nodes { id } } }`, map[string]any{"n": 30}, 2 + 30},
		{"first from a JSON variable", `query($n: Int) { members(first: $n) { nodes { id } } }`, map[string]any{"n": json.Number("40")}, 2 + 40},
		{"a variable's default", `query($n: Int = 7) { members(first: $n) { nodes { id } } }`, nil, 2 + 7},
		{"a null variable falls back to the default size", `query($n: Int) { members(first: $n) { nodes { id } } }`, map[string]any{"n": nil}, 2 + 20},
		{"an argument's schema default", `{ members(first: 1) { nodes { updates { nodes { id } } } } }`, nil, 2 + 1*(1+5+10)},
		{"nested connections multiply",
			`{ members(first: 10) { nodes { name updates(first: 5) { totalCount nodes { body author { email } } } } } }`, nil,
			2 + 10*(1+(5+5*(1+1)+1))},
		{"objects cost 1 plus their selection", `{ viewer { id: __typename } }`, nil, 1},
		// Fields priced by the work they do.
		{"a priced object: its figure plus its selection", `{ viewer { user { id email } } }`, nil, 1 + 3},
		{"a priced list: its figure per element", `{ search(text: "a") { ... on CareLevel { code } } }`, nil, 2 + 20*50},
		{"a priced connection: its figure in place of 2", `{ members(first: 2) { nodes { updates(first: 3) { nodes { id } } } } }`, nil, 2 + 2*(1+5+3)},
		{"aliases of a priced field add up", `{ a: viewer { user { id } } b: viewer { user { id } } c: viewer { user { id } } }`, nil, 3 * (1 + 3)},
		// Plain lists.
		{"list with a known size", `{ careLevels { code } }`, nil, 7 * 1},
		{"list of unknown length: a connection of the default size", `{ members(first: 2) { nodes { episodes { startedAt level { code } } } } }`, nil,
			2 + 2*(1+(2+20*(1+1)))},
		{"list of scalars is free", `{ members(first: 3) { nodes { tags } } }`, nil, 2 + 3},
		{"a plain list's first", `{ due(first: 5) { id } }`, nil, 5},
		{"a plain list's default first", `{ due { id } }`, nil, 20},
		{"nodes(ids) counts the ids", `{ nodes(ids: ["a", "b", "c"]) { id ... on Member { level { code } } } }`, nil, 3 * (1 + 1)},
		{"nodes(ids) from a variable", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": []any{"a", "b", "c", "d"}}, 4},
		// Abstract types: the dearest possible type.
		{"node: the most expensive type condition", `{ node(id: "x") { id ... on Member { level { code } episodes { startedAt } } ... on CareLevel { code } } }`, nil,
			1 + 1 + (2 + 20*1)},
		{"fragment on an interface applies to every type", `{ node(id: "x") { ...N } } fragment N on Node { id }`, nil, 1},
		{"union (search priced at 50 an element)", `{ search(text: "a") { ... on Member { level { code } } ... on CareLevel { code } } }`, nil, 2 + 20*(50+1)},
		// Fragments.
		{"named fragments", `query { ...Q } fragment Q on Query { viewer { ...V } } fragment V on Viewer { user { id } }`, nil, 4},
		{"a fragment spread twice counts twice", `{ a: viewer { ...V } b: viewer { ...V } } fragment V on Viewer { user { id } }`, nil, 8},
		{"inline fragment", `{ viewer { ... on Viewer { user { id } } } }`, nil, 4},
		{"fragment inside a connection", `{ members(first: 4) { ...C } } fragment C on MemberConnection { totalCount nodes { ...M } } fragment M on Member { level { code } }`, nil,
			2 + 4*2 + 1},
		// Mutations: 10 per root field plus the selection.
		{"mutation", `mutation { createMember(input: {name: "A"}) { member { id } userErrors { code } } }`, nil, 10 + 1 + 1 + 1},
		{"two mutations", `mutation { a: createMember(input: {name: "A"}) { member { id } } b: createMember(input: {name: "B"}) { member { id } } }`, nil, 2 * (10 + 1 + 1)},
		// Directives and meta fields.
		{"@skip(if: true) costs nothing", `{ viewer { user @skip(if: true) { id } } }`, nil, 1},
		{"@include from a variable", `query($on: Boolean!) { viewer { user @include(if: $on) { id } } }`, map[string]any{"on": false}, 1},
		{"__typename is free", `{ __typename viewer { __typename } }`, nil, 1},
		{"introspection costs 1", `{ __schema { types { name fields { name type { name } } } } }`, nil, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := analyze(t, tc.query, tc.vars).Cost; got != tc.want {
				t.Errorf("cost = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestDepth(t *testing.T) {
	for query, want := range map[string]int{
		`{ __typename }`:             1,
		`{ viewer { user { id } } }`: 3,
		`{ members { nodes { updates { edges { node { author { email } } } } } } }`:                   7,
		`query { ...Q } fragment Q on Query { viewer { ...V } } fragment V on Viewer { user { id } }`: 3,
		`{ node(id: "x") { ... on Member { level { code } } } }`:                                      3,
		`{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`:        1,
	} {
		if got := analyze(t, query, nil).Depth; got != want {
			t.Errorf("%s: depth %d, want %d", query, got, want)
		}
	}
}

// TestCostOfFragmentBomb checks that fragments spread many times over are
// priced once each: a document whose expansion is exponential is priced in
// linear time, and the sum saturates instead of overflowing.
func TestCostOfFragmentBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{ members(first: 100) { nodes { ...F0 } } }`)
	const levels = 40
	for i := range levels {
		fmt.Fprintf(&b, " fragment F%d on Member { level { code } ", i)
		if i+1 < levels {
			fmt.Fprintf(&b, "a: updates(first: 100) { nodes { id } } ...F%d ...F%d", i+1, i+1)
		}
		b.WriteString(" }")
	}
	start := time.Now()
	r := analyze(t, b.String(), nil)
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("took %v", elapsed)
	}
	if r.Cost < 1_000_000_000 {
		t.Errorf("cost = %d, want a saturated figure", r.Cost)
	}
}
