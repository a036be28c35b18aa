package loaders

import (
	"context"

	"github.com/vikstrous/dataloadgen"

	"carejourney/server/store"
)

// ChildKey asks for one page of a parent's children (a nested connection),
// narrowed by a filter F, and for their total when WithCount is set.
// Parents asking for the same page and filter are loaded together.
type ChildKey[F comparable] struct {
	Parent    int64
	Page      store.PageKey
	Filter    F
	WithCount bool
}

// NoFilter is the filter of children that are not narrowed.
type NoFilter struct{}

// childPageLoader batches nested connections: fetch gets every parent that
// asked for the same page and filter at once, and count (when the page's
// totalCount is wanted) counts their children in the same batch, so the
// count never trails behind in a batch of its own.
func childPageLoader[F comparable, T any](
	fetch func(ctx context.Context, parents []int64, filter F, page store.PageRequest) (map[int64]store.Page[T], error),
	count func(ctx context.Context, parents []int64, filter F) (map[int64]int, error),
	opts ...dataloadgen.Option,
) *dataloadgen.Loader[ChildKey[F], store.Page[T]] {
	type batch struct {
		page      store.PageKey
		filter    F
		withCount bool
	}
	return dataloadgen.NewLoader(func(ctx context.Context, keys []ChildKey[F]) ([]store.Page[T], []error) {
		parents := map[batch][]int64{}
		for _, k := range keys {
			b := batch{k.Page, k.Filter, k.WithCount}
			parents[b] = append(parents[b], k.Parent)
		}
		pages := map[batch]map[int64]store.Page[T]{}
		failed := map[batch]error{}
		for b, ids := range parents {
			pages[b], failed[b] = fetchPages(ctx, fetch, count, ids, b.filter, b.page.Request(), b.withCount)
		}
		out := make([]store.Page[T], len(keys))
		errs := make([]error, len(keys))
		for i, k := range keys {
			b := batch{k.Page, k.Filter, k.WithCount}
			out[i], errs[i] = pages[b][k.Parent], failed[b]
		}
		return out, errs
	}, opts...)
}

func fetchPages[F comparable, T any](ctx context.Context,
	fetch func(ctx context.Context, parents []int64, filter F, page store.PageRequest) (map[int64]store.Page[T], error),
	count func(ctx context.Context, parents []int64, filter F) (map[int64]int, error),
	parents []int64, filter F, page store.PageRequest, withCount bool,
) (map[int64]store.Page[T], error) {
	pages, err := fetch(ctx, parents, filter, page)
	if err != nil || !withCount || count == nil {
		return pages, err
	}
	totals, err := count(ctx, parents, filter)
	if err != nil {
		return nil, err
	}
	for id, p := range pages {
		p.Total = totals[id]
		pages[id] = p
	}
	return pages, nil
}

// unfiltered adapts a store page lookup of children that are not narrowed
// to childPageLoader's fetch.
func unfiltered[T any](fetch func(context.Context, []int64, store.PageRequest) (map[int64]store.Page[T], error)) func(context.Context, []int64, NoFilter, store.PageRequest) (map[int64]store.Page[T], error) {
	return func(ctx context.Context, parents []int64, _ NoFilter, page store.PageRequest) (map[int64]store.Page[T], error) {
		return fetch(ctx, parents, page)
	}
}

// unfilteredCount adapts a store count of children that are not narrowed
// to childPageLoader's count.
func unfilteredCount(fetch func(context.Context, []int64) (map[int64]int, error)) func(context.Context, []int64, NoFilter) (map[int64]int, error) {
	return func(ctx context.Context, parents []int64, _ NoFilter) (map[int64]int, error) {
		return fetch(ctx, parents)
	}
}

// FilterKey asks for a value of one parent under a filter.
type FilterKey[F comparable] struct {
	Parent int64
	Filter F
}

// filteredLoader batches a per-parent lookup narrowed by a filter: parents
// asking with the same filter are loaded in one statement.
func filteredLoader[F comparable, V any](
	fetch func(ctx context.Context, parents []int64, filter F) (map[int64]V, error),
	opts ...dataloadgen.Option,
) *dataloadgen.Loader[FilterKey[F], V] {
	return dataloadgen.NewLoader(func(ctx context.Context, keys []FilterKey[F]) ([]V, []error) {
		parents := map[F][]int64{}
		for _, k := range keys {
			parents[k.Filter] = append(parents[k.Filter], k.Parent)
		}
		values := map[F]map[int64]V{}
		failed := map[F]error{}
		for f, ids := range parents {
			values[f], failed[f] = fetch(ctx, ids, f)
		}
		out := make([]V, len(keys))
		errs := make([]error, len(keys))
		for i, k := range keys {
			out[i], errs[i] = values[k.Filter][k.Parent], failed[k.Filter]
		}
		return out, errs
	}, opts...)
}
