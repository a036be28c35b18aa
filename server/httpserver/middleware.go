package httpserver

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"carejourney/server/metrics"
	"carejourney/server/requestinfo"
)

// RequestID returns the id of the request ctx belongs to, "" outside one.
// It is requestinfo.RequestID, kept here for callers of this package.
func RequestID(ctx context.Context) string { return requestinfo.RequestID(ctx) }

// withRequestID gives every request a random id, returned in X-Request-Id
// and attached to every log line of the request.
func withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		id := hex.EncodeToString(b)
		w.Header().Set("X-Request-Id", id)
		next.ServeHTTP(w, r.WithContext(requestinfo.WithRequestID(r.Context(), id)))
	})
}

// withClientAddress puts the client's address in the request's context
// (requestinfo.ClientAddress), for sign-in throttling, rate limits and the
// audit log. X-Forwarded-For is believed only when trustProxy is set.
func withClientAddress(trustProxy bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		addr := requestinfo.ClientAddressOf(r, trustProxy)
		next.ServeHTTP(w, r.WithContext(requestinfo.WithClientAddress(r.Context(), addr)))
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// logRequests writes one line per request: method, path, status, size and
// time. Never the query string, body, cookies or headers: they can carry
// personal data and secrets.
func logRequests(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		logger.InfoContext(r.Context(), "request",
			"method", r.Method, "path", r.URL.Path, "status", rec.status,
			"bytes", rec.bytes, "duration_ms", time.Since(start).Milliseconds())
	})
}

// countRequests tells m of every request once answered, by the pattern
// of mux that routes it (so the route label holds only the patterns
// above, whatever the path) and its status.
func countRequests(m *metrics.Metrics, mux *http.ServeMux, next http.Handler) http.Handler {
	if m == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		_, route := mux.Handler(r)
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		m.ObserveRequest(route, rec.status, time.Since(start))
	})
}

// recoverPanics turns a panic outside GraphQL into a plain 500 and logs it.
func recoverPanics(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				logger.ErrorContext(r.Context(), "panic", "panic", p, "stack", string(debug.Stack()))
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// contentSecurityPolicy is the policy of the app and of every other
// response: only the app's own files, no inline script or style, no
// plugins, no framing, forms and requests only to this origin.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// permissionsPolicy turns off browser features the app never uses.
const permissionsPolicy = "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), " +
	"magnetometer=(), microphone=(), payment=(), usb=()"

// securityHeaders sets the headers every response carries. A route may
// replace the Content-Security-Policy with a stricter or its own one
// (GraphiQL does).
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Permissions-Policy", permissionsPolicy)
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// noStore keeps API responses out of every cache: they hold personal data.
func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// limitBody caps the request body: a declared oversize body is refused at
// once with 413, and an undeclared one is cut off at the limit.
func limitBody(limit int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > limit {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		next.ServeHTTP(w, r)
	})
}

// withDeadline gives a request timeout to finish: its context ends then,
// and with it every SQL statement still running for it (the driver closes
// the connection and the backend stops the statement; the pool's
// statement_timeout stops whatever outlives that). GraphQL presents the
// fields it stopped as TIMEOUT errors.
func withDeadline(timeout time.Duration, next http.Handler) http.Handler {
	if timeout <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// refuseCrossOrigin rejects cross-origin browser requests that change state
// (CSRF), using the browser's Sec-Fetch-Site and Origin headers. Origins
// allowed for CORS are trusted.
func refuseCrossOrigin(trusted []string, next http.Handler) http.Handler {
	protection := http.NewCrossOriginProtection()
	for _, origin := range trusted {
		// The origins were validated by config; an error cannot happen.
		_ = protection.AddTrustedOrigin(origin)
	}
	return protection.Handler(next)
}

// refuseCrossSiteReads refuses GET and HEAD requests that carry the
// session cookie and that the browser marks as coming from another site
// (Sec-Fetch-Site cross-site or same-site): a link or a form on another
// page, followed with the member's session, would otherwise run a query
// and leave an audit READ in the staff member's name. The cross-origin
// check (refuseCrossOrigin) lets such safe methods through, as they change
// nothing; here they would disclose. same-site is refused too: a sibling
// subdomain is another application, and SameSite=Lax sends it the cookie.
// Requests with a key (Authorization) or without the cookie, and requests
// from our own pages or typed by the user (same-origin, none, or no header
// from an older browser or a tool), pass.
func refuseCrossSiteReads(cookieName string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			switch r.Header.Get("Sec-Fetch-Site") {
			case "cross-site", "same-site":
				if c, err := r.Cookie(cookieName); err == nil && c.Value != "" && r.Header.Get("Authorization") == "" {
					w.Header().Set("Content-Type", "application/json")
					w.WriteHeader(http.StatusForbidden)
					_, _ = w.Write([]byte(`{"errors":[{"message":"a request from another site may not use the session: ` +
						`open the app and query from there, or call with an API key","extensions":{"code":"CROSS_SITE_REFUSED"}}]}` + "\n"))
					return
				}
			}
		}
		next.ServeHTTP(w, r)
	})
}

// LogHandler adds the request id from the context to every log record.
type LogHandler struct{ slog.Handler }

// Handle implements slog.Handler.
func (h LogHandler) Handle(ctx context.Context, r slog.Record) error {
	if id := RequestID(ctx); id != "" {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

// WithAttrs implements slog.Handler.
func (h LogHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return LogHandler{h.Handler.WithAttrs(attrs)}
}

// WithGroup implements slog.Handler.
func (h LogHandler) WithGroup(name string) slog.Handler { return LogHandler{h.Handler.WithGroup(name)} }
