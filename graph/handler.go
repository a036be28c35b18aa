package graph

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"carejourney/graph/generated"
	"carejourney/graph/loaders"
	"carejourney/server/audit"
	"carejourney/server/auth"
	"carejourney/server/store"
)

// NewHandler returns the /graphql endpoint: JSON POST (any operation) and
// GET (queries only). Form and multipart bodies are not accepted, which
// together with the cross-origin check in front keeps CSRF out.
func NewHandler(st *store.Store, sessions *auth.Sessions, logger *slog.Logger, events *audit.Log) http.Handler {
	schema := generated.NewExecutableSchema(generated.Config{Resolvers: &Resolver{Store: st, Sessions: sessions}})
	srv := handler.New(schema)
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.SetErrorPresenter(presentError(logger))
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		logger.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return fmt.Errorf("panic: %v", p) // presented as INTERNAL; details stay in the log
	})
	srv.AroundOperations(requireSession)
	if events != nil {
		srv.AroundResponses(auditOperations(events, logger))
		srv.AroundFields(auditFields)
	}
	return loaders.Middleware(st)(srv)
}

// requireSession refuses every operation but signIn without a session, and
// everything but their own session to non-staff users until the family
// portal defines what they may see.
func requireSession(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	op := graphql.GetOperationContext(ctx)
	allowed := func(fields ...string) bool {
		return op.Operation != nil && selectsOnly(op.Doc, op.Operation.SelectionSet, append(fields, "__typename")...)
	}
	viewer := auth.ViewerFrom(ctx)
	switch {
	case viewer == nil && !allowed("signIn"):
		return refuse(codeUnauthenticated, "Sign in first.")
	case viewer != nil && !viewer.User.Role.IsStaff() && !allowed("viewer", "signIn", "signOut"):
		return refuse(codeForbidden, "Your account cannot see this.")
	}
	return next(ctx)
}

func refuse(code, message string) graphql.ResponseHandler {
	return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
		Message: message, Extensions: map[string]any{"code": code},
	}}})
}

// selectsOnly reports whether a selection set, fragments included, selects
// nothing but the allowed root fields.
func selectsOnly(doc *ast.QueryDocument, set ast.SelectionSet, allowed ...string) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			ok := false
			for _, name := range allowed {
				ok = ok || s.Name == name
			}
			if !ok {
				return false
			}
		case *ast.InlineFragment:
			if !selectsOnly(doc, s.SelectionSet, allowed...) {
				return false
			}
		case *ast.FragmentSpread:
			def := doc.Fragments.ForName(s.Name)
			if def == nil || !selectsOnly(doc, def.SelectionSet, allowed...) {
				return false
			}
		}
	}
	return true
}
