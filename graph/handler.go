package graph

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"carejourney/graph/generated"
	"carejourney/graph/loaders"
	"carejourney/server/audit"
	"carejourney/server/auth"
	"carejourney/server/store"
)

// NewHandler returns the /graphql endpoint: JSON POST (any operation) and
// GET (queries only), with the status codes and media types of GraphQL
// over HTTP (overhttp.go). Form and multipart bodies are not accepted, which
// together with the cross-origin check in front keeps CSRF out. limits are
// the cost and rate limits (limits.go); events is the audit log (audit.go);
// publicURL is where invitation links point.
func NewHandler(st *store.Store, sessions *auth.Sessions, logger *slog.Logger, limits Limits, events *audit.Log, publicURL string) http.Handler {
	schema := generated.NewExecutableSchema(generated.Config{Schema: Schema(), Resolvers: &Resolver{Store: st, Sessions: sessions, PublicURL: publicURL}})
	srv := handler.New(schema)
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	// Bounded in bytes, and signed-in callers only: see querycache.go.
	srv.SetQueryCache(newQueryCache(queryCacheBytes))
	srv.Use(recordOutcome{})
	limits.use(srv) // before any operation middleware: see Limits.use
	srv.Use(oneActorPerOperation{})
	srv.Use(noNULInText{})
	srv.SetErrorPresenter(presentError(logger))
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		logger.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return fmt.Errorf("panic: %v", p) // presented as INTERNAL; details stay in the log
	})
	if events != nil {
		srv.AroundResponses(auditOperations(events, logger))
	}
	srv.AroundFields(aroundFields(events != nil))
	return overHTTP(guardRequests(st)(loaders.Middleware(st)(throttledStatus(srv))))
}
