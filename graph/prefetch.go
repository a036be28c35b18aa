package graph

import (
	"context"
	"encoding/json"

	"github.com/99designs/gqlgen/graphql"

	"carejourney/graph/loaders"
	"carejourney/server/store"
)

// Prefetching. A list resolver knows every element of its list, so it
// starts the loads its elements' fields will ask for with all their keys
// at once, level by level, before gqlgen resolves the elements. Without
// it, each element's field joins its loader's batch whenever its goroutine
// happens to run; under load many run after the batch's wait and each
// straggler costs a statement (the house board took 71 statements a
// request under load against 26 alone). With it, each level of the query
// costs one statement however busy the server is. The fields still load
// through the same loaders and the same access checks: prefetching only
// fills the request's loader caches earlier.

// selection is the tree of fields a query asks for below a field, by
// field name (aliases and fragments merged).
type selection map[string]selection

// selectionOf returns what the query asks for below the field being
// resolved.
func selectionOf(ctx context.Context) selection {
	if !graphql.HasOperationContext(ctx) || graphql.GetFieldContext(ctx) == nil {
		return nil
	}
	op := graphql.GetOperationContext(ctx)
	return collect(op, graphql.CollectFieldsCtx(ctx, nil))
}

func collect(op *graphql.OperationContext, fields []graphql.CollectedField) selection {
	if len(fields) == 0 {
		return nil
	}
	out := make(selection, len(fields))
	for _, f := range fields {
		out[f.Name] = out[f.Name].merge(collect(op, graphql.CollectFields(op, f.Selections, nil)))
	}
	return out
}

// merge adds other's fields to s.
func (s selection) merge(other selection) selection {
	if s == nil {
		return other
	}
	for name, sub := range other {
		s[name] = s[name].merge(sub)
	}
	return s
}

// has reports whether the query asks for the field at path.
func (s selection) has(path ...string) bool {
	for _, name := range path {
		sub, ok := s[name]
		if !ok {
			return false
		}
		s = sub
	}
	return true
}

// nodes is what a connection's query asks of each node, through nodes
// and through edges.node.
func (s selection) nodes() selection {
	out := selection{}.merge(s["nodes"])
	return out.merge(s["edges"]["node"])
}

// nodesPage is the page the query asks of the nested connection name on
// the nodes below the field being resolved (through nodes or edges.node),
// as the connection's own resolver will ask its loader for it: the page of
// its arguments and whether it selects totalCount. ok is false when the
// query does not ask for it or its arguments are not a valid page (its
// resolver then says why).
func nodesPage(ctx context.Context, name string) (key store.PageKey, withCount, ok bool) {
	if !graphql.HasOperationContext(ctx) || graphql.GetFieldContext(ctx) == nil {
		return key, false, false
	}
	op := graphql.GetOperationContext(ctx)
	fields := graphql.CollectFieldsCtx(ctx, nil)
	field := fieldAt(op, fields, "nodes", name)
	if field == nil {
		field = fieldAt(op, fields, "edges", "node", name)
	}
	if field == nil {
		return key, false, false
	}
	args := field.ArgumentMap(op.Variables)
	page, err := pageRequest(intArg(args["first"]), stringArg(args["after"]), intArg(args["last"]), stringArg(args["before"]))
	if err != nil {
		return key, false, false
	}
	sub := collect(op, graphql.CollectFields(op, field.Selections, nil))
	return page.Key(), sub.has("totalCount"), true
}

// fieldAt is the first field at path among fields (aliases aside).
func fieldAt(op *graphql.OperationContext, fields []graphql.CollectedField, path ...string) *graphql.CollectedField {
	for i, name := range path {
		var found *graphql.CollectedField
		for j := range fields {
			if fields[j].Name == name {
				found = &fields[j]
				break
			}
		}
		if found == nil || i == len(path)-1 {
			return found
		}
		fields = graphql.CollectFields(op, found.Selections, nil)
	}
	return nil
}

func intArg(v any) *int {
	var n int
	switch x := v.(type) {
	case int:
		n = x
	case int64:
		n = int(x)
	case float64:
		n = int(x)
	case json.Number:
		i, err := x.Int64()
		if err != nil {
			return nil
		}
		n = int(i)
	default:
		return nil
	}
	return &n
}

func stringArg(v any) *string {
	if s, ok := v.(string); ok {
		return &s
	}
	return nil
}

// prime puts the records a list resolver read into their loader, so the
// fields that look one up again by key (a meeting's group, for its time
// zone; a residency's house) find it there.
func prime[T any](l loaders.Loader[*T], items []*T, key func(*T) int64) {
	for _, item := range items {
		l.Prime(key(item), item)
	}
}
