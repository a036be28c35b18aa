package graph

import (
	"context"
	"strings"

	"carejourney/graph/model"
	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/store"
)

func userFilter(f *model.UserFilter) store.UserFilter {
	if f == nil {
		return store.UserFilter{}
	}
	return store.UserFilter{Role: f.Role, Active: f.IsActive, Search: deref(f.Search)}
}

// passwordResetURL is the link a password reset hands out. The token is in
// the fragment, which browsers never send to a server (nor put in logs or
// Referer headers).
func passwordResetURL(publicURL, token string) string {
	return strings.TrimSuffix(publicURL, "/") + "/reset-password#token=" + token
}

// currentViewer is the request's signed-in user, for mutations on one's
// own account.
func currentViewer(ctx context.Context) (*auth.Viewer, error) {
	v := auth.ViewerFrom(ctx)
	if v == nil {
		return nil, domain.Errorf(domain.CodeUnauthenticated, "Sign in first.")
	}
	return v, nil
}
