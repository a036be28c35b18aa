package graph

import (
	"context"

	"carejourney/graph/model"
	"carejourney/server/auth"
)

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func viewerModel(v *auth.Viewer) *model.Viewer {
	return &model.Viewer{User: v.User, SessionExpiresAt: v.ExpiresAt}
}

// nonNil turns a missing list into an empty one, for non-null list fields.
func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// loadOptional loads an optional reference; nil stays nil.
func loadOptional[T any](ctx context.Context, id *int64, load func(context.Context, int64) (*T, error)) (*T, error) {
	if id == nil {
		return nil, nil
	}
	return load(ctx, *id)
}
