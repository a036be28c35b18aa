package middleware

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"carejourney/server/auth"
)

// introspectionForStaffAndKeys opens introspection (__schema, __type) to
// signed-in staff and to API keys, and refuses it up front, with a clear
// error, to everyone else: anonymous callers and family accounts. The
// schema is no secret (it is in the repository), but it is a map of every
// record the API holds; those who cannot use it need not read it.
// __typename stays open to all: clients add it to every selection.
type introspectionForStaffAndKeys struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = introspectionForStaffAndKeys{}

func (introspectionForStaffAndKeys) ExtensionName() string { return "IntrospectionForStaffAndKeys" }

func (introspectionForStaffAndKeys) Validate(graphql.ExecutableSchema) error { return nil }

func (introspectionForStaffAndKeys) MutateOperationContext(ctx context.Context, op *graphql.OperationContext) *gqlerror.Error {
	actor := auth.ActorFrom(ctx)
	allowed := actor.Key != nil || (actor.Viewer != nil && actor.Viewer.User.Role.IsStaff())
	op.DisableIntrospection = !allowed
	if allowed || op.Operation == nil || !introspects(op.Doc, op.Operation.SelectionSet, map[string]bool{}) {
		return nil
	}
	if actor.Anonymous() {
		return &gqlerror.Error{Message: "Sign in first: introspection is for signed-in staff and API keys.",
			Extensions: map[string]any{"code": codeUnauthenticated}}
	}
	return &gqlerror.Error{Message: "Introspection is for staff and API keys.",
		Extensions: map[string]any{"code": codeForbidden}}
}

// introspects reports whether a root selection set asks for __schema or
// __type, fragments included.
func introspects(doc *ast.QueryDocument, set ast.SelectionSet, seen map[string]bool) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				return true
			}
		case *ast.InlineFragment:
			if introspects(doc, s.SelectionSet, seen) {
				return true
			}
		case *ast.FragmentSpread:
			if seen[s.Name] {
				continue
			}
			seen[s.Name] = true
			if def := doc.Fragments.ForName(s.Name); def != nil && introspects(doc, def.SelectionSet, seen) {
				return true
			}
		}
	}
	return false
}
