package middleware

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"carejourney/graph/loaders"
	"carejourney/server/audit"
	"carejourney/server/metrics"
	"carejourney/server/store"
)

// NewHandler returns the /graphql endpoint serving schema (the resolvers':
// graph.NewSchema): JSON POST (any operation) and
// GET (queries only), with the status codes and media types of GraphQL
// over HTTP (overhttp.go). Form and multipart bodies are not accepted, which
// together with the cross-origin check in front keeps CSRF out. limits are
// the cost and rate limits (limits.go); events is the audit log (audit.go);
// observer, when not nil, counts every operation (metrics.go).
func NewHandler(schema graphql.ExecutableSchema, st *store.Store, logger *slog.Logger, limits Limits, events *audit.Log, observer *metrics.Metrics) http.Handler {
	srv := handler.New(schema)
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	// Bounded in bytes, and signed-in callers only: see querycache.go.
	srv.SetQueryCache(newQueryCache(queryCacheBytes))
	srv.Use(recordOutcome{})
	if observer != nil {
		srv.Use(recordOperation{})
	}
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
	return observeOperations(observer, overHTTP(guardRequests(st)(loaders.Middleware(st)(throttledStatus(srv)))))
}
