package graph

import (
	"carejourney/graph/globalid"
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"carejourney/graph/loaders"
	"carejourney/graph/model"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// Page sizes of every connection.
const (
	defaultPageSize = model.DefaultPageSize
	maxPageSize     = model.MaxPageSize
)

// pageRequest reads the Relay arguments every connection takes: first/after
// walks forward, last/before backward. first defaults to 20; a size above
// 100, a negative one, or first and last together is refused (never cut
// silently), so a client always learns the limit.
func pageRequest(first *int, after *string, last *int, before *string) (store.PageRequest, error) {
	if first != nil && last != nil {
		return store.PageRequest{}, domain.Errorf(domain.CodeInvalidInput, "Pass either first or last, not both.")
	}
	page := store.PageRequest{Limit: defaultPageSize}
	size, name := first, "first"
	if last != nil {
		size, name, page.Backward = last, "last", true
	}
	if size != nil {
		if err := checkPageSize(name, *size); err != nil {
			return page, err
		}
		page.Limit = *size
	}
	var err error
	if page.After, err = decodeCursor(after); err != nil {
		return page, err
	}
	if page.Before, err = decodeCursor(before); err != nil {
		return page, err
	}
	return page, nil
}

// checkPageSize refuses a page size outside 0..100, naming the argument and
// the limit.
func checkPageSize(name string, size int) error {
	if size < 0 || size > maxPageSize {
		return domain.Errorf(domain.CodeInvalidInput, "%s must be between 0 and %d; got %d.", name, maxPageSize, size)
	}
	return nil
}

// Cursors are opaque to clients: base64url over a small JSON object.
func encodeCursor(c store.Cursor) string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s *string) (*store.Cursor, error) {
	if s == nil {
		return nil, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(*s)
	var c store.Cursor
	// A cursor is ours or it is nothing: its sort value goes to the
	// database, which refuses a NUL, so one is refused here. A value of
	// the wrong type for its list is refused by the database, and mapped
	// to bad input too (store.IsBadValue).
	if err != nil || json.Unmarshal(raw, &c) != nil || c.ID <= 0 || strings.IndexByte(c.Value, 0) >= 0 {
		return nil, domain.Errorf(domain.CodeInvalidInput, "%q is not a valid cursor.", *s)
	}
	return &c, nil
}

func pageInfo(cursors []store.Cursor, hasNext, hasPrevious bool) *model.PageInfo {
	info := &model.PageInfo{HasNextPage: hasNext, HasPreviousPage: hasPrevious}
	if len(cursors) > 0 {
		start, end := encodeCursor(cursors[0]), encodeCursor(cursors[len(cursors)-1])
		info.StartCursor, info.EndCursor = &start, &end
	}
	return info
}

func memberFilter(f *model.MemberFilter) (store.MemberFilter, error) {
	if f == nil {
		return store.MemberFilter{}, nil
	}
	out := store.MemberFilter{CareLevelCodes: f.CareLevelCodes, Statuses: f.Statuses}
	if f.Search != nil {
		out.Search = *f.Search
	}
	house, err := globalid.DecodeOptionalField(f.HouseID, globalid.TypeHouse, "houseId")
	out.HouseID = house
	return out, err
}

// newConnection builds a connection from a store page; count answers
// totalCount when a client asks for it.
func newConnection[T any](p store.Page[T], count func(ctx context.Context) (int, error)) *model.Connection[T] {
	conn := &model.Connection[T]{
		Edges:    make([]*model.Edge[T], len(p.Items)),
		Nodes:    p.Items,
		PageInfo: pageInfo(p.Cursors, p.HasNextPage, p.HasPreviousPage),
		Count:    count,
	}
	if conn.Nodes == nil {
		conn.Nodes = []T{}
	}
	for i, item := range p.Items {
		conn.Edges[i] = &model.Edge[T]{Cursor: encodeCursor(p.Cursors[i]), Node: item}
	}
	return conn
}

// nestedConnection reads one page of a parent's children (a nested
// connection) through a child loader, so the pages of many parents load in
// one statement; the count comes in the same batch when totalCount is asked.
func nestedConnection[F comparable, T any](ctx context.Context, pages *dataloadgen.Loader[loaders.ChildKey[F], store.Page[T]],
	parent int64, filter F, first *int, after *string, last *int, before *string) (*model.Connection[T], error) {
	p, err := nestedPage(ctx, pages, parent, filter, first, after, last, before)
	if err != nil {
		return nil, err
	}
	return pageConnection(p), nil
}

// nestedPage reads the store page behind a nested connection, for a
// resolver that does more with the rows before they become the connection.
func nestedPage[F comparable, T any](ctx context.Context, pages *dataloadgen.Loader[loaders.ChildKey[F], store.Page[T]],
	parent int64, filter F, first *int, after *string, last *int, before *string) (store.Page[T], error) {
	page, err := pageRequest(first, after, last, before)
	if err != nil {
		return store.Page[T]{}, err
	}
	return pages.Load(ctx, loaders.ChildKey[F]{Parent: parent, Page: page.Key(), Filter: filter, WithCount: wantsTotalCount(ctx)})
}

// pageConnection is the connection of a nested page, whose total came
// with it.
func pageConnection[T any](p store.Page[T]) *model.Connection[T] {
	return newConnection(p, func(context.Context) (int, error) { return p.Total, nil })
}

// wantsTotalCount reports whether the connection being resolved selects
// totalCount, so that nested connections count only when asked to.
func wantsTotalCount(ctx context.Context) bool {
	for _, f := range graphql.CollectFieldsCtx(ctx, nil) {
		if f.Name == "totalCount" {
			return true
		}
	}
	return false
}

// listConnection reads one page (forward or backward) of a top-level list;
// count answers totalCount when a client asks for it.
func listConnection[T any](first *int, after *string, last *int, before *string,
	list func(store.PageRequest) (store.Page[T], error), count func(context.Context) (int, error)) (*model.Connection[T], error) {
	page, err := pageRequest(first, after, last, before)
	if err != nil {
		return nil, err
	}
	result, err := list(page)
	if err != nil {
		return nil, err
	}
	return newConnection(result, count), nil
}
