package graph

import (
	"carejourney/graph/model"
	"carejourney/server/store"
)

func userFilter(f *model.UserFilter) store.UserFilter {
	if f == nil {
		return store.UserFilter{}
	}
	return store.UserFilter{Role: f.Role, Active: f.Active, Search: deref(f.Search)}
}
