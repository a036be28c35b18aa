package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"carejourney/graph/access"
	"carejourney/graph/model"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// memberListScope is the set of members a member list may show: the
// actor's reach and, for a partner key, only the members whose consent
// covers every kind of information the list's arguments filter, search or
// sort by (access.ListConditions), and the kinds always given (what a list
// reveals by its very choice of members). nil means everyone.
func memberListScope(ctx context.Context, always ...domain.InformationKind) ([]int64, error) {
	fc := graphql.GetFieldContext(ctx)
	args := fc.Field.ArgumentMap(graphql.GetOperationContext(ctx).Variables)
	kinds := append(always, conditionKinds(access.ListConditions[fc.Object+"."+fc.Field.Name], args)...)
	ids, _, err := access.From(ctx).MemberScopeCovering(ctx, kinds)
	return ids, err
}

// conditionKinds returns the kinds of the conditions that args use: an
// argument path that is set to something (not null, not an empty list or
// string), and for "path=VALUE" set to that value.
func conditionKinds(conditions map[string]domain.InformationKind, args map[string]any) []domain.InformationKind {
	var kinds []domain.InformationKind
	for cond, kind := range conditions {
		path, want, hasValue := strings.Cut(cond, "=")
		v := valueAt(args, strings.Split(path, "."))
		if isUnset(v) || (hasValue && fmt.Sprint(v) != want) {
			continue
		}
		kinds = append(kinds, kind)
	}
	return kinds
}

func valueAt(v any, path []string) any {
	for _, name := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[name]
	}
	return v
}

func isUnset(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return strings.TrimSpace(x) == ""
	case []any:
		return len(x) == 0
	}
	return false
}

// memberOrder is the sort of a member list. A partner key's list is in id
// order unless it sorts by name (which its consents must cover, see
// memberListScope): other sorts and their cursors would tell it dates its
// consents may not cover.
func memberOrder(ctx context.Context, orderBy *model.MemberOrder) (store.MemberOrder, bool) {
	order, desc := store.MemberOrderName, false
	if orderBy != nil {
		order, desc = store.MemberOrder(orderBy.Field), orderBy.Direction == model.OrderDirectionDesc
	}
	if access.From(ctx).KindBound() && (orderBy == nil || order != store.MemberOrderName) {
		order = store.MemberOrderID
	}
	return order, desc
}
