package graph

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"carejourney/server/domain"
)

// TestUserErrorCodeEnumMatchesDomain keeps the schema's UserErrorCode enum
// and the domain's codes the same set, so no code can fail to marshal.
func TestUserErrorCodeEnumMatchesDomain(t *testing.T) {
	schema, err := os.ReadFile("schema/schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile(`(?s)enum UserErrorCode \{(.*?)\n\}`).FindSubmatch(schema)
	if block == nil {
		t.Fatal("no UserErrorCode enum in schema.graphqls")
	}
	var enum []string
	for _, m := range regexp.MustCompile(`(?m)^\s+([A-Z_]+)\s*$`).FindAllSubmatch(block[1], -1) {
		enum = append(enum, string(m[1]))
	}
	var codes []string
	for _, c := range domain.AllCodes {
		codes = append(codes, string(c))
	}
	slices.Sort(enum)
	slices.Sort(codes)
	if !slices.Equal(enum, codes) {
		t.Errorf("schema enum %v\ndomain codes %v", enum, codes)
	}
}

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

func TestToUserErrors(t *testing.T) {
	ues, err := toUserErrors(domain.FieldError(domain.CodeSameCareLevel, "careLevelCode", "Already there."))
	if err != nil || len(ues) != 1 || ues[0].Code != domain.CodeSameCareLevel || !slices.Equal(ues[0].Field, []string{"input", "careLevelCode"}) {
		t.Fatalf("toUserErrors = %+v, %v", ues, err)
	}
	internal := errors.New("connection reset")
	if ues, err := toUserErrors(internal); ues != nil || err != internal {
		t.Fatalf("an internal error must stay an error: %v %v", ues, err)
	}
}
