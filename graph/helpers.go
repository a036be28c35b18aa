package graph

import (
	"context"

	"carejourney/graph/loaders"
	"carejourney/graph/model"
	"carejourney/server/auth"
	"carejourney/server/domain"
)

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func viewerModel(v *auth.Viewer) *model.Viewer {
	return &model.Viewer{User: v.User, SessionExpiresAt: &v.ExpiresAt,
		IsTotpEnabled: v.User.TOTPEnabled(), IsTotpEnrollmentRequired: v.TOTPEnrollmentRequired}
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

// loadAPIKey loads a partner key by id; nil for 0 (no key).
func loadAPIKey(ctx context.Context, id int64) (*domain.APIKey, error) {
	if id == 0 {
		return nil, nil
	}
	return loaders.For(ctx).Partners.APIKey.Load(ctx, id)
}
