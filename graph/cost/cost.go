// Package cost computes what a GraphQL operation may cost before it runs,
// after the Shopify and GitHub model, from the parsed and validated document
// and the schema alone: no resolver, no database.
//
// The cost of an operation is the sum of its root fields. A field costs:
//
//   - a scalar or an enum (or a list of them): 0;
//   - an object, interface or union: 1 plus the cost of its selection; for an
//     abstract type, the most expensive of its possible object types (each
//     counting the fields and the fragments whose type condition it meets);
//   - a connection (a field whose type name ends in "Connection"):
//     2 + n × (the cost of one item) + the cost of its other subfields, where
//     n is its `first` argument, else its `last`, else the default page size,
//     capped at the maximum page size (variables resolved). One item is the
//     sum of every `nodes` selection (1 plus its selection each) and every
//     `edges` selection (the edge itself free, its node 1 plus its
//     selection), and at least 1: the page is read whether or not its nodes
//     are asked for, and each alias of `nodes` or `edges` resolves and
//     writes every item again. `totalCount` and `pageInfo` are ordinary
//     fields (0 and 1, unless Options.FieldCosts prices them);
//   - a plain list of objects: n × (the cost of one element), where n is the
//     number of `ids` passed when the field takes them (`nodes(ids)`), else
//     its `first` argument (capped like a page), else the size
//     Options.ListSizes gives for "Type.field" or "*.field"; a list of
//     unknown length counts as a connection of the default page size
//     (2 + default × element);
//   - a root field of a mutation: MutationCost (10) on top of the above;
//   - `__typename` 0; `__schema` and `__type` 1 each (they read the static
//     schema, not the database; the depth limit and the parser's token
//     limit bound them).
//
// A field that Options.FieldCosts names ("Type.field" or "*.field") costs
// that figure in place of its own 0, 1 or 2, plus its selection as above:
// an aggregate that reads whole tables is priced by the work it does, not
// by the size of what it returns.
//
// Fields skipped by @skip(if: true) or @include(if: false) cost nothing.
// A field selected twice (directly, through a fragment or under another
// alias) counts twice: each alias runs its resolver again.
//
// Example: { members(first: 50) { totalCount nodes { id displayName status } } }
// costs 2 + 50 × (1 + 0) + 0 = 52; asking each member's currentCareLevel
// { code } as well makes one member 2 and the query 2 + 50 × 2 = 102.
//
// Depth is the deepest nesting of fields: `{ viewer { user { id } } }` has
// depth 3. Fragments add no depth of their own. An introspection field
// (`__schema`, `__type`) counts as depth 1 whatever it selects: it walks the
// static schema, its `ofType` chains are only as deep as the types are
// wrapped (GraphiQL's query nests them 9 deep), and gqlparser's
// MaxIntrospectionDepth rule bounds its fan-out.
package cost

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// Options say how to price lists.
type Options struct {
	// DefaultPageSize is the page a connection returns without first/last,
	// and the length assumed for plain lists of unknown length.
	DefaultPageSize int
	// MaxPageSize caps first and last, as the server does.
	MaxPageSize int
	// MutationCost is added for each root field of a mutation.
	MutationCost int
	// ListSizes gives the assumed length of bounded plain lists, keyed by
	// "Type.field" (the type the field is selected on) or "*.field" (any
	// type).
	ListSizes map[string]int
	// FieldCosts gives the cost of a field itself, in place of its default
	// (0 for a scalar, 1 for an object, 2 for a connection), keyed like
	// ListSizes; its selection is added as usual.
	FieldCosts map[string]int
}

// Result is what Analyze found.
type Result struct {
	// Cost is the operation's requested cost.
	Cost int
	// Depth is its deepest nesting of fields.
	Depth int
}

// ceiling bounds every sum and product, so a hostile document cannot
// overflow the arithmetic; anything near it is far over any limit anyway.
const ceiling = math.MaxInt32

// Analyze computes the cost and depth of op, one operation of doc. The
// document must have been validated against schema (fields carry their
// definitions). vars are the operation's coerced variables.
func Analyze(schema *ast.Schema, doc *ast.QueryDocument, op *ast.OperationDefinition, vars map[string]any, opts Options) Result {
	a := &analyzer{
		schema: schema, doc: doc, vars: vars, opts: opts,
		fieldCost: map[*ast.Field]int{}, fragments: map[fragKey]int{},
		fieldDepth: map[*ast.Field]int{}, fragDepth: map[string]int{},
		onStack: map[string]bool{},
	}
	kind := kindCost
	if op.Operation == ast.Mutation {
		kind = kindMutationRoot
	}
	total := a.fold(op.SelectionSet, rootType(schema, op.Operation), kind)
	return Result{Cost: total, Depth: a.depth(op.SelectionSet)}
}

func rootType(schema *ast.Schema, op ast.Operation) *ast.Definition {
	switch op {
	case ast.Mutation:
		return schema.Mutation
	case ast.Subscription:
		return schema.Subscription
	}
	return schema.Query
}

type fragKey struct {
	name, typ string
	kind      kind
}

// kind is what a fold over a selection set computes.
type kind int

const (
	// kindCost sums the cost of the fields.
	kindCost kind = iota
	// kindMutationRoot sums the cost of root fields plus MutationCost each.
	kindMutationRoot
	// kindItem is the cost of one item of a connection: the sum of its
	// nodes and edges selections.
	kindItem
	// kindOther sums the other fields of a connection.
	kindOther
)

type analyzer struct {
	schema     *ast.Schema
	doc        *ast.QueryDocument
	vars       map[string]any
	opts       Options
	fieldCost  map[*ast.Field]int
	fragments  map[fragKey]int
	fieldDepth map[*ast.Field]int
	fragDepth  map[string]int
	onStack    map[string]bool
}

func (a *analyzer) fragment(s *ast.FragmentSpread) *ast.FragmentDefinition {
	if s.Definition != nil {
		return s.Definition
	}
	if a.doc != nil {
		return a.doc.Fragments.ForName(s.Name)
	}
	return nil
}

// applies reports whether a fragment on condition applies to typ.
func (a *analyzer) applies(condition string, typ *ast.Definition) bool {
	if condition == "" || typ == nil || condition == typ.Name {
		return true
	}
	if typ.IsAbstractType() {
		// Priced per possible type by set; here typ is only a fallback.
		return true
	}
	for _, iface := range a.schema.GetImplements(typ) {
		if iface.Name == condition {
			return true
		}
	}
	return false
}

// included evaluates @skip and @include.
func (a *analyzer) included(directives ast.DirectiveList) bool {
	if d := directives.ForName("skip"); d != nil && a.boolArg(d) {
		return false
	}
	if d := directives.ForName("include"); d != nil && !a.boolArg(d) {
		return false
	}
	return true
}

func (a *analyzer) boolArg(d *ast.Directive) bool {
	arg := d.Arguments.ForName("if")
	if arg == nil {
		return false
	}
	v, _ := arg.Value.Value(a.vars)
	b, _ := v.(bool)
	return b
}

// set prices one value of typ with the given selection: for an abstract
// type the most expensive possible type.
func (a *analyzer) set(set ast.SelectionSet, typ *ast.Definition) int {
	if typ != nil && typ.IsAbstractType() {
		possible := a.schema.GetPossibleTypes(typ)
		if len(possible) > 0 {
			most := 0
			for _, p := range possible {
				most = max(most, a.fold(set, p, kindCost))
			}
			return most
		}
	}
	return a.fold(set, typ, kindCost)
}

// fold computes k over the fields of set that apply to the object type typ,
// fragments included; a fragment is computed once per type and kind.
func (a *analyzer) fold(set ast.SelectionSet, typ *ast.Definition, k kind) int {
	total := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if a.included(s.Directives) {
				total = add(total, a.fieldOf(s, k))
			}
		case *ast.InlineFragment:
			if a.included(s.Directives) && a.applies(s.TypeCondition, typ) {
				total = add(total, a.fold(s.SelectionSet, typ, k))
			}
		case *ast.FragmentSpread:
			def := a.fragment(s)
			if def == nil || !a.included(s.Directives) || !a.applies(def.TypeCondition, typ) || a.onStack[def.Name] {
				continue
			}
			key := fragKey{def.Name, typeName(typ), k}
			c, ok := a.fragments[key]
			if !ok {
				a.onStack[def.Name] = true
				c = a.fold(def.SelectionSet, typ, k)
				delete(a.onStack, def.Name)
				a.fragments[key] = c
			}
			total = add(total, c)
		}
	}
	return total
}

// fieldOf is what one field contributes to a fold of kind k.
func (a *analyzer) fieldOf(f *ast.Field, k kind) int {
	switch k {
	case kindMutationRoot:
		return add(a.field(f), a.opts.MutationCost)
	case kindItem:
		switch f.Name {
		case "nodes":
			return a.element(f)
		case "edges":
			return a.set(f.SelectionSet, a.schema.Types[f.Definition.Type.Name()])
		}
		return 0
	case kindOther:
		if f.Name == "nodes" || f.Name == "edges" {
			return 0
		}
	}
	return a.field(f)
}

func typeName(d *ast.Definition) string {
	if d == nil {
		return ""
	}
	return d.Name
}

// field prices one field with everything under it.
func (a *analyzer) field(f *ast.Field) int {
	if c, ok := a.fieldCost[f]; ok {
		return c
	}
	c := a.priceField(f)
	a.fieldCost[f] = c
	return c
}

func (a *analyzer) priceField(f *ast.Field) int {
	switch f.Name {
	case "__typename":
		return 0
	case "__schema", "__type":
		return 1
	}
	if f.Definition == nil || f.Definition.Type == nil {
		return 0
	}
	own, priced := a.ownCost(f)
	named := a.schema.Types[f.Definition.Type.Name()]
	if named == nil || named.IsLeafType() {
		if priced {
			return own
		}
		return 0
	}
	if strings.HasSuffix(named.Name, "Connection") {
		if !priced {
			own = 2
		}
		return a.connection(f, named, own)
	}
	if !priced {
		own = 1
	}
	one := add(own, a.set(f.SelectionSet, named))
	if f.Definition.Type.Elem == nil {
		return one
	}
	if n, ok := a.listSize(f); ok {
		return mul(n, one)
	}
	return add(2, mul(a.opts.DefaultPageSize, one))
}

// connection prices a Relay connection whose own cost is base.
func (a *analyzer) connection(f *ast.Field, conn *ast.Definition, base int) int {
	item := max(a.fold(f.SelectionSet, conn, kindItem), 1)
	other := a.fold(f.SelectionSet, conn, kindOther)
	return add(add(base, mul(a.pageSize(f), item)), other)
}

// ownCost is the cost Options.FieldCosts gives f itself, if any.
func (a *analyzer) ownCost(f *ast.Field) (int, bool) {
	return a.lookup(a.opts.FieldCosts, f)
}

// lookup reads a table keyed by "Type.field" or "*.field".
func (a *analyzer) lookup(table map[string]int, f *ast.Field) (int, bool) {
	if f.ObjectDefinition != nil {
		if n, ok := table[f.ObjectDefinition.Name+"."+f.Name]; ok {
			return n, true
		}
	}
	n, ok := table["*."+f.Name]
	return n, ok
}

// element prices one element of a list field: 1 plus its selection for an
// object, 0 for a scalar.
func (a *analyzer) element(f *ast.Field) int {
	if f.Definition == nil || f.Definition.Type == nil {
		return 0
	}
	named := a.schema.Types[f.Definition.Type.Name()]
	if named == nil || named.IsLeafType() {
		return 0
	}
	return add(1, a.set(f.SelectionSet, named))
}

// pageSize is first, else last, else the argument's default, else the
// default page size; capped at the maximum page size.
func (a *analyzer) pageSize(f *ast.Field) int {
	for _, name := range []string{"first", "last"} {
		if n, ok := a.intArg(f, name); ok {
			return min(max(n, 0), a.opts.MaxPageSize)
		}
	}
	return a.opts.DefaultPageSize
}

// listSize is the number of ids passed, else its `first` argument (capped
// as a page), else the configured size for "Type.field" or "*.field".
func (a *analyzer) listSize(f *ast.Field) (int, bool) {
	if arg := f.Arguments.ForName("ids"); arg != nil {
		v, err := arg.Value.Value(a.vars)
		if list, ok := v.([]any); ok && err == nil {
			return len(list), true
		}
	}
	if n, ok := a.intArg(f, "first"); ok {
		return min(max(n, 0), a.opts.MaxPageSize), true
	}
	return a.lookup(a.opts.ListSizes, f)
}

// intArg reads an Int argument, from the document, a variable or the
// argument's default value.
func (a *analyzer) intArg(f *ast.Field, name string) (int, bool) {
	var v any
	if arg := f.Arguments.ForName(name); arg != nil {
		v, _ = arg.Value.Value(a.vars)
	} else if def := f.Definition.Arguments.ForName(name); def != nil && def.DefaultValue != nil {
		v, _ = def.DefaultValue.Value(nil)
	}
	return toInt(v)
}

func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int32:
		return int(n), true
	case int64:
		return int(max(min(n, ceiling), -ceiling)), true
	case float64:
		return int(max(min(n, ceiling), -ceiling)), true
	case json.Number:
		i, err := n.Int64()
		return int(max(min(i, ceiling), -ceiling)), err == nil
	case string:
		i, err := strconv.Atoi(n)
		return i, err == nil
	}
	return 0, false
}

// depth is the deepest nesting of fields under set.
func (a *analyzer) depth(set ast.SelectionSet) int {
	deepest := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			d, ok := a.fieldDepth[s]
			if !ok {
				d = 1
				if s.Name != "__schema" && s.Name != "__type" {
					d += a.depth(s.SelectionSet)
				}
				a.fieldDepth[s] = d
			}
			deepest = max(deepest, d)
		case *ast.InlineFragment:
			deepest = max(deepest, a.depth(s.SelectionSet))
		case *ast.FragmentSpread:
			def := a.fragment(s)
			if def == nil || a.onStack[def.Name] {
				continue
			}
			d, ok := a.fragDepth[def.Name]
			if !ok {
				a.onStack[def.Name] = true
				d = a.depth(def.SelectionSet)
				delete(a.onStack, def.Name)
				a.fragDepth[def.Name] = d
			}
			deepest = max(deepest, d)
		}
	}
	return deepest
}

func add(x, y int) int { return min(x+y, ceiling) }

func mul(x, y int) int {
	if x == 0 || y == 0 {
		return 0
	}
	if x > ceiling/y {
		return ceiling
	}
	return x * y
}
