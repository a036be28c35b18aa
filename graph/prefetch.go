package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"carejourney/graph/loaders"
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

// prime puts the records a list resolver read into their loader, so the
// fields that look one up again by key (a meeting's group, for its time
// zone; a residency's house) find it there.
func prime[T any](l loaders.Loader[*T], items []*T, key func(*T) int64) {
	for _, item := range items {
		l.Prime(key(item), item)
	}
}
