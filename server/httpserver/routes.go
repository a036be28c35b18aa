// Package httpserver is the HTTP face of the server: every route in one
// place (this file), the middleware around them, and the embedded app.
package httpserver

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/rs/cors"

	"carejourney/graph"
	"carejourney/graph/middleware"
	"carejourney/server/audit"
	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/metrics"
	"carejourney/server/requestinfo"
	"carejourney/server/store"
)

// Deps are what the routes need.
type Deps struct {
	Store              *store.Store
	Sessions           *auth.Sessions
	Logger             *slog.Logger
	App                fs.FS
	CORSAllowedOrigins []string
	CookieSecure       bool
	// Limits are the API's cost and rate limits.
	Limits middleware.Limits
	// TrustProxyHeaders takes the client address from X-Forwarded-For.
	TrustProxyHeaders bool
	// PublicURL is the app's address as people reach it, for invitation links.
	PublicURL string
	// Audit is the audit log of the GraphQL API.
	Audit *audit.Log
	// RequestTimeout is the deadline of each GraphQL request; 0 means none.
	RequestTimeout time.Duration
	// Metrics, when not nil, counts requests and operations; they are
	// served on a listener of their own, never here.
	Metrics *metrics.Metrics
}

// auditExpiredKey records a request refused for an expired key as a DENIED
// event of that key, as the GraphQL layer records refused fields.
func auditExpiredKey(events *audit.Log, logger *slog.Logger) func(context.Context, *domain.APIKey) {
	return func(ctx context.Context, key *domain.APIKey) {
		if events == nil {
			return
		}
		err := events.Write(context.WithoutCancel(ctx), audit.Event{OccurredAt: time.Now(), ActorKind: audit.ActorAPIKey, ActorKeyID: key.ID,
			Action: audit.ActionDenied, Field: "expiresAt", ObjectType: "ApiKey", ObjectID: key.ID,
			RequestID: requestinfo.RequestID(ctx), ClientAddress: requestinfo.ClientAddress(ctx)})
		if err != nil {
			logger.ErrorContext(ctx, "audit event not recorded", "err", err)
		}
	}
}

// maxBodyBytes bounds a request body; a GraphQL document is small.
const maxBodyBytes = 1 << 20

// New returns the server's handler.
func New(d Deps) http.Handler {
	mux := http.NewServeMux()

	api := middleware.NewHandler(graph.NewSchema(d.Store, d.Sessions, d.PublicURL), d.Store, d.Logger, d.Limits, d.Audit, d.Metrics)
	api = d.Sessions.Middleware(auth.CookieConfig{Secure: d.CookieSecure}, d.Logger)(api)
	// Partner keys (Authorization: Bearer) are resolved first; a key request
	// skips the session middleware and never sees the cookies.
	keys := &auth.Keys{Store: d.Store, Now: d.Sessions.Now, Expired: auditExpiredKey(d.Audit, d.Logger)}
	api = keys.Middleware(d.Logger)(api)
	api = limitBody(maxBodyBytes, api)
	api = cors.New(cors.Options{
		AllowedOrigins: d.CORSAllowedOrigins,
		AllowedMethods: []string{http.MethodGet, http.MethodPost},
		AllowedHeaders: []string{"Content-Type", "Authorization"},
		// Browser sessions are same-origin only; other origins never get cookies.
		AllowCredentials: false,
		MaxAge:           600,
	}).Handler(api)
	api = refuseCrossOrigin(d.CORSAllowedOrigins, api)
	api = refuseCrossSiteReads(auth.CookieName, api)
	mux.Handle("/graphql", noStore(withDeadline(d.RequestTimeout, api)))

	mux.Handle("GET /graphiql", graphiql(d.App))
	mux.Handle("GET /graphiql/", graphiql(d.App))
	mux.HandleFunc("GET /healthz", healthz)
	mux.Handle("GET /readyz", readyz(d.Store, d.Audit))
	mux.Handle("/", spa(d.App))

	return withRequestID(withClientAddress(d.TrustProxyHeaders, logRequests(d.Logger,
		countRequests(d.Metrics, mux, recoverPanics(d.Logger, securityHeaders(mux))))))
}
