package store

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
)

// RowScope is what an actor bound by relations may see of member-owned
// rows, applied in SQL where a nested list starts, so that its pages and
// counts tell of visible rows only (a count computed before the row rules
// would say how many hidden rows there are).
type RowScope struct {
	// Members, when not nil, are the members whose rows may be seen; an
	// empty non-nil list matches nobody.
	Members []int64
	// NotesOf, when set, hides internal notes written by anyone but this
	// user: internal notes may be clinical.
	NotesOf *int64
}

type rowScopeKey struct{}

// WithRowScope returns ctx carrying scope, a function that answers the
// request's row scope (loaded at most once, when a list first needs it).
func WithRowScope(ctx context.Context, scope func(context.Context) (RowScope, error)) context.Context {
	return context.WithValue(ctx, rowScopeKey{}, scope)
}

func rowScope(ctx context.Context) (RowScope, error) {
	if f, ok := ctx.Value(rowScopeKey{}).(func(context.Context) (RowScope, error)); ok {
		return f(ctx)
	}
	return RowScope{}, nil
}

// scopeMembers narrows q to the rows of members in the request's scope;
// memberColumn holds the row's member.
func scopeMembers(ctx context.Context, q *bun.SelectQuery, memberColumn string) (*bun.SelectQuery, error) {
	scope, err := rowScope(ctx)
	if err != nil {
		return q, err
	}
	return scope.members(q, memberColumn), nil
}

func (scope RowScope) members(q *bun.SelectQuery, memberColumn string) *bun.SelectQuery {
	if scope.Members == nil {
		return q
	}
	return q.Where(memberColumn+" = ANY(?)", pgdialect.Array(scope.Members))
}

// scopeUpdates narrows a list of updates to what the request may see: the
// members in scope, and no one else's internal notes where that is hidden.
func scopeUpdates(ctx context.Context, q *bun.SelectQuery) (*bun.SelectQuery, error) {
	scope, err := rowScope(ctx)
	if err != nil {
		return q, err
	}
	q = scope.members(q, "?TableAlias.member_id")
	if scope.NotesOf == nil {
		return q, nil
	}
	return q.Where("(?TableAlias.kind <> 'NOTE' OR ?TableAlias.shareable OR ?TableAlias.author_user_id = ?)", *scope.NotesOf), nil
}
