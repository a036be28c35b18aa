package httpserver

import (
	"net"
	"net/http"

	"carejourney/graph"
)

// auditRequest hands the request's id and client address to the audit log
// of the GraphQL API (graph cannot import this package).
func auditRequest(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := graph.WithAuditRequest(r.Context(), RequestID(r.Context()), clientAddress(r))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// clientAddress is the address a request came from: the peer's IP. No
// proxy is trusted, so forwarded headers are ignored.
// TODO(lead): take the client address the rate limits put in the context
// once they land, so both agree.
func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
