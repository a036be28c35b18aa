package graph

import (
	"context"

	"carejourney/graph/globalid"
	"carejourney/graph/loaders"
	"carejourney/server/domain"
)

// Between GraphQL's nulls and the zero values the store keeps for "none".

// deref reads an optional text, "" for null.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
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

// optionalID turns a stored id where 0 means none into an optional one.
func optionalID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// optionalString turns a stored text where "" means none into a nullable one.
func optionalString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// optionalGlobalID is the global ID of an object of typeName, nil when id is 0.
func optionalGlobalID(typeName string, id int64) *string {
	if id == 0 {
		return nil
	}
	s := globalid.EncodeInt(typeName, id)
	return &s
}
