package middleware

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"carejourney/server/domain"
)

func TestPresentError(t *testing.T) {
	present := presentError(slog.New(slog.NewTextHandler(io.Discard, nil)))
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		err     error
		code    string
		message string
	}{
		{"not found", domain.Errorf(domain.CodeNotFound, "Member not found."), "NOT_FOUND", "Member not found."},
		{"unauthenticated", domain.Errorf(domain.CodeUnauthenticated, "Sign in first."), "UNAUTHENTICATED", "Sign in first."},
		{"forbidden", domain.Errorf(domain.CodeForbidden, "No."), "FORBIDDEN", "No."},
		{"bad input", domain.Errorf(domain.CodeInvalidInput, "Bad cursor."), "BAD_USER_INPUT", "Bad cursor."},
		{"wrapped domain error", errors.Join(errors.New("ctx"), domain.Errorf(domain.CodeNotFound, "Gone.")), "NOT_FOUND", "Gone."},
		{"validation", &gqlerror.Error{Message: "Cannot query field", Extensions: map[string]any{"code": "GRAPHQL_VALIDATION_FAILED"}}, "BAD_USER_INPUT", "Cannot query field"},
		{"internal", errors.New("pq: password authentication failed for user secret"), "INTERNAL", "internal error"},
	} {
		got := present(ctx, tc.err)
		if got.Extensions["code"] != tc.code || got.Message != tc.message {
			t.Errorf("%s: got %q %v, want %q %q", tc.name, got.Message, got.Extensions, tc.message, tc.code)
		}
	}
}
