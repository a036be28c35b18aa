package loaders

import (
	"context"

	"github.com/vikstrous/dataloadgen"

	"carejourney/server/store"
)

// ChildKey asks for one page of a parent's children (a nested connection),
// narrowed by a filter F. Parents asking for the same page and filter are
// loaded together in one statement.
type ChildKey[F comparable] struct {
	Parent int64
	Page   store.PageKey
	Filter F
}

// CountKey asks for the number of a parent's children matching a filter.
type CountKey[F comparable] struct {
	Parent int64
	Filter F
}

// NoFilter is the filter of children that are not narrowed.
type NoFilter struct{}

// childPageLoader batches nested connections: fetch gets every parent that
// asked for the same page and filter at once.
func childPageLoader[F comparable, T any](
	fetch func(ctx context.Context, parents []int64, filter F, page store.PageRequest) (map[int64]store.Page[T], error),
	opts ...dataloadgen.Option,
) *dataloadgen.Loader[ChildKey[F], store.Page[T]] {
	type batch struct {
		page   store.PageKey
		filter F
	}
	return dataloadgen.NewLoader(func(ctx context.Context, keys []ChildKey[F]) ([]store.Page[T], []error) {
		parents := map[batch][]int64{}
		for _, k := range keys {
			b := batch{k.Page, k.Filter}
			parents[b] = append(parents[b], k.Parent)
		}
		pages := map[batch]map[int64]store.Page[T]{}
		failed := map[batch]error{}
		for b, ids := range parents {
			pages[b], failed[b] = fetch(ctx, ids, b.filter, b.page.Request())
		}
		out := make([]store.Page[T], len(keys))
		errs := make([]error, len(keys))
		for i, k := range keys {
			b := batch{k.Page, k.Filter}
			out[i], errs[i] = pages[b][k.Parent], failed[b]
		}
		return out, errs
	}, opts...)
}

// childCountLoader batches the totalCount of nested connections.
func childCountLoader[F comparable](
	fetch func(ctx context.Context, parents []int64, filter F) (map[int64]int, error),
	opts ...dataloadgen.Option,
) *dataloadgen.Loader[CountKey[F], int] {
	return dataloadgen.NewLoader(func(ctx context.Context, keys []CountKey[F]) ([]int, []error) {
		parents := map[F][]int64{}
		for _, k := range keys {
			parents[k.Filter] = append(parents[k.Filter], k.Parent)
		}
		counts := map[F]map[int64]int{}
		failed := map[F]error{}
		for f, ids := range parents {
			counts[f], failed[f] = fetch(ctx, ids, f)
		}
		out := make([]int, len(keys))
		errs := make([]error, len(keys))
		for i, k := range keys {
			out[i], errs[i] = counts[k.Filter][k.Parent], failed[k.Filter]
		}
		return out, errs
	}, opts...)
}
