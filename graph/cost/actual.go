package cost

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// Price is what one resolution of a field adds to the actual cost of an
// operation: Own each time it resolves, and PerElement for each element of
// the list it returns. Summed over every field that resolved, it is the
// formula of Analyze with each page and list counted at the length it had,
// not the length asked for: a connection that returned 3 of first: 50
// costs 2 + 3 × one item. The rows are counted from what the resolvers
// return, so counting sends no SQL.
//
// A connection whose items cost nothing (only totalCount or pageInfo, or
// edges { cursor }) is charged its requested page, as Analyze does: the
// page is read but its length is not seen.
type Price struct {
	Own, PerElement int
}

// Prices gives the Price of every field of op (fragments included), for
// counting the actual cost as the fields resolve. Introspection below
// __schema and __type is not listed: it costs 1 in all, as in Analyze.
func Prices(schema *ast.Schema, doc *ast.QueryDocument, op *ast.OperationDefinition, vars map[string]any, opts Options) map[*ast.Field]Price {
	a := &analyzer{
		schema: schema, doc: doc, vars: vars, opts: opts,
		fieldCost: map[*ast.Field]int{}, fragments: map[fragKey]int{},
		fieldDepth: map[*ast.Field]int{}, fragDepth: map[string]int{},
		onStack: map[string]bool{},
	}
	prices := map[*ast.Field]Price{}
	seen := map[string]bool{}
	var walk func(set ast.SelectionSet, root bool)
	walk = func(set ast.SelectionSet, root bool) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				if _, done := prices[s]; done {
					continue
				}
				p := a.price(s)
				if root && op.Operation == ast.Mutation {
					p.Own = add(p.Own, opts.MutationCost)
				}
				prices[s] = p
				if s.Name != "__schema" && s.Name != "__type" {
					walk(s.SelectionSet, false)
				}
			case *ast.InlineFragment:
				walk(s.SelectionSet, root)
			case *ast.FragmentSpread:
				if def := a.fragment(s); def != nil && !seen[def.Name] {
					seen[def.Name] = true
					walk(def.SelectionSet, root)
				}
			}
		}
	}
	walk(op.SelectionSet, true)
	return prices
}

// price mirrors priceField, split into what the field costs itself and
// what each element of its list costs; the selections are priced by their
// own fields as they resolve.
func (a *analyzer) price(f *ast.Field) Price {
	switch f.Name {
	case "__typename":
		return Price{}
	case "__schema", "__type":
		return Price{Own: 1}
	}
	if f.Definition == nil || f.Definition.Type == nil {
		return Price{}
	}
	own, priced := a.ownCost(f)
	named := a.schema.Types[f.Definition.Type.Name()]
	if named == nil || named.IsLeafType() {
		if priced {
			return Price{Own: own}
		}
		return Price{}
	}
	// Items of a connection: a node costs 1 (plus its selection), an edge
	// nothing (its node is an ordinary object field).
	if f.ObjectDefinition != nil && strings.HasSuffix(f.ObjectDefinition.Name, "Connection") {
		switch f.Name {
		case "nodes":
			return Price{PerElement: 1}
		case "edges":
			return Price{}
		}
	}
	if strings.HasSuffix(named.Name, "Connection") {
		if !priced {
			own = 2
		}
		if a.fold(f.SelectionSet, named, kindItem) == 0 {
			own = add(own, a.pageSize(f))
		}
		return Price{Own: own}
	}
	if !priced {
		own = 1
	}
	if f.Definition.Type.Elem == nil {
		return Price{Own: own}
	}
	if _, ok := a.listSize(f); ok {
		return Price{PerElement: own}
	}
	return Price{Own: 2, PerElement: own}
}
