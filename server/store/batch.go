package store

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"
)

// byIDs loads rows of a table by id, for the loaders' batch lookups; ids
// that match nothing are absent from the map.
func byIDs[T any](ctx context.Context, db bun.IDB, ids []int64, id func(*T) int64) (map[int64]*T, error) {
	var rows []*T
	if err := db.NewSelect().Model(&rows).Where("?TableAlias.id IN (?)", bun.List(ids)).Scan(ctx); err != nil {
		return nil, err
	}
	return indexBy(rows, id), nil
}

// PageKey is a PageRequest as a comparable value, so the loaders can batch
// the nested connections of many parents that ask for the same page.
type PageKey struct {
	Limit               int
	Backward            bool
	After, Before       Cursor
	HasAfter, HasBefore bool
}

// Key returns the request as a comparable value.
func (p PageRequest) Key() PageKey {
	k := PageKey{Limit: p.Limit, Backward: p.Backward}
	if p.After != nil {
		k.After, k.HasAfter = *p.After, true
	}
	if p.Before != nil {
		k.Before, k.HasBefore = *p.Before, true
	}
	return k
}

// Request turns the key back into a request.
func (k PageKey) Request() PageRequest {
	p := PageRequest{Limit: k.Limit, Backward: k.Backward}
	if k.HasAfter {
		after := k.After
		p.After = &after
	}
	if k.HasBefore {
		before := k.Before
		p.Before = &before
	}
	return p
}

// childPages reads one page of children for each of many parents in one
// statement: the rows are ranked per parent in keyset order and the first
// Limit+1 of each are kept. base selects the children's model (with its
// filters); parentColumn is the column holding the parent's id. outer, when
// given, adds to the statement that reads the ranked rows (a relation
// loaded with them).
func childPages[T any](ctx context.Context, base *bun.SelectQuery, parentColumn string, parentIDs []int64,
	k keyset, page PageRequest, parentOf func(T) int64, cursorOf func(T) Cursor,
	outer ...func(*bun.SelectQuery) *bun.SelectQuery) (map[int64]Page[T], error) {
	inner := k.where(base, page).
		ColumnExpr("?TableAlias.*").
		ColumnExpr(fmt.Sprintf("row_number() OVER (PARTITION BY %s ORDER BY %s) AS page_rank", parentColumn, k.order(page))).
		Where(parentColumn+" IN (?)", bun.List(parentIDs))
	var rows []T
	q := base.DB().NewSelect().Model(&rows).
		ModelTableExpr("(?) AS ?TableAlias", inner).
		Where("page_rank <= ?", page.Limit+1).
		OrderExpr("page_rank")
	for _, add := range outer {
		q = add(q)
	}
	err := q.Scan(ctx)
	if err != nil {
		return nil, err
	}
	grouped := map[int64][]T{}
	for _, r := range rows {
		grouped[parentOf(r)] = append(grouped[parentOf(r)], r)
	}
	out := make(map[int64]Page[T], len(parentIDs))
	for _, id := range parentIDs {
		items := grouped[id]
		cursors := make([]Cursor, len(items))
		for i, r := range items {
			cursors[i] = cursorOf(r)
		}
		out[id] = finish(items, cursors, page)
	}
	return out, nil
}

// childCounts counts the children of many parents in one statement. base
// selects the children's table (with its filters).
func childCounts(ctx context.Context, base *bun.SelectQuery, parentColumn string, parentIDs []int64) (map[int64]int, error) {
	var rows []struct {
		Parent int64 `bun:"parent"`
		N      int   `bun:"n"`
	}
	err := base.ColumnExpr(parentColumn+" AS parent").ColumnExpr("count(*) AS n").
		Where(parentColumn+" IN (?)", bun.List(parentIDs)).
		GroupExpr(parentColumn).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]int, len(parentIDs))
	for _, r := range rows {
		out[r.Parent] = r.N
	}
	return out, nil
}

// MapPage converts the items of a page read as rows of a wider type,
// keeping its cursors, flags and total.
func MapPage[A, B any](p Page[A], item func(A) B) Page[B] {
	items := make([]B, len(p.Items))
	for i, r := range p.Items {
		items[i] = item(r)
	}
	return Page[B]{Items: items, Cursors: p.Cursors, HasNextPage: p.HasNextPage, HasPreviousPage: p.HasPreviousPage, Total: p.Total}
}

// mapPages is MapPage over the pages of many parents.
func mapPages[A, B any](pages map[int64]Page[A], item func(A) B) map[int64]Page[B] {
	out := make(map[int64]Page[B], len(pages))
	for id, p := range pages {
		out[id] = MapPage(p, item)
	}
	return out
}
