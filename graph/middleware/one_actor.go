package middleware

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"carejourney/graph/access"
	"carejourney/graph/model"
	"carejourney/server/auth"
)

// One operation acts as one actor, from its first field to its last. The
// mutations that change who the caller is (signIn, acceptInvitation,
// signOut) therefore run alone: an operation holding one of them beside any
// other root field is refused before anything runs, so no field runs as an
// actor that the audit, recordedBy and the access checks do not agree on.
// The payload of a sign-in is still read as the account signed in: its
// viewer carries that account's guard (readAs), while the request's own
// guard and actor stay the caller's.

// actorChanging are the mutations after which the caller is someone else.
var actorChanging = map[string]bool{"signIn": true, "acceptInvitation": true, "signOut": true}

// oneActorPerOperation refuses an operation that changes its actor beside
// other work.
type oneActorPerOperation struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = oneActorPerOperation{}

func (oneActorPerOperation) ExtensionName() string { return "OneActorPerOperation" }

func (oneActorPerOperation) Validate(graphql.ExecutableSchema) error { return nil }

func (oneActorPerOperation) MutateOperationContext(_ context.Context, op *graphql.OperationContext) *gqlerror.Error {
	if op.Operation == nil || op.Operation.Operation != ast.Mutation {
		return nil
	}
	// Collected as they would run: fragments spread, @skip and @include
	// applied, aliases kept apart.
	var changing string
	fields := 0
	for _, f := range graphql.CollectFields(op, op.Operation.SelectionSet, []string{"Mutation"}) {
		if f.Name == "__typename" {
			continue // reads nothing
		}
		fields++
		if actorChanging[f.Name] && changing == "" {
			changing = f.Name
		}
	}
	if changing == "" || fields == 1 {
		return nil
	}
	return &gqlerror.Error{
		Message:    fmt.Sprintf("%s must be the only field of its operation: one operation acts as one person. Send the other fields in a request of their own.", changing),
		Extensions: map[string]any{"code": codeBadUserInput},
	}
}

// readAs returns the guard a field is checked with, and the context its
// resolver runs in: the request's, except below the viewer of a sign-in's
// payload, which is read as the account signed in.
func readAs(ctx context.Context, fc *graphql.FieldContext) (context.Context, *access.Guard) {
	for p := fc.Parent; p != nil; p = p.Parent {
		if v, ok := p.Result.(*model.Viewer); ok && v != nil && v.Guard != nil {
			return auth.WithViewer(access.WithGuard(ctx, v.Guard), v.Guard.Actor().Viewer), v.Guard
		}
	}
	return ctx, access.From(ctx)
}
