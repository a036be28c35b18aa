package auth

import (
	"context"
	"log/slog"
	"net/http"
)

// CookieName is the session cookie.
const CookieName = "cj_session"

// CookieConfig says how the session cookie is set.
type CookieConfig struct {
	// Secure marks the cookie HTTPS-only; set it whenever TLS is in front.
	Secure bool
}

type responseKey struct{}

type cookieWriter struct {
	w      http.ResponseWriter
	config CookieConfig
}

// Middleware resolves the session cookie into a Viewer in the request's
// context and lets resolvers set or clear the cookie through SetCookie and
// ClearCookie. A bad or stale cookie simply means nobody is signed in.
// Requests authenticated by a partner key (Keys.Middleware, in front) skip
// it entirely.
func (s *Sessions) Middleware(config CookieConfig, logger *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if KeyFrom(r.Context()) != nil {
				// A partner key's request: keys never use cookies, so it
				// neither reads a session nor can set one.
				next.ServeHTTP(w, r)
				return
			}
			ctx := context.WithValue(r.Context(), responseKey{}, &cookieWriter{w: w, config: config})
			if c, err := r.Cookie(CookieName); err == nil && c.Value != "" {
				viewer, err := s.Authenticate(ctx, c.Value)
				if err != nil {
					logger.ErrorContext(ctx, "session lookup failed", "err", err)
					refuseUnavailable(w)
					return
				}
				if viewer != nil {
					ctx = WithViewer(ctx, viewer)
				}
			}
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// SetCookie sets the session cookie on the current response. It is a
// browser-session cookie: the server decides expiry, so activity can extend it.
func SetCookie(ctx context.Context, token string) {
	cw, ok := ctx.Value(responseKey{}).(*cookieWriter)
	if !ok {
		return
	}
	http.SetCookie(cw.w, &http.Cookie{
		Name: CookieName, Value: token, Path: "/",
		HttpOnly: true, Secure: cw.config.Secure, SameSite: http.SameSiteLaxMode,
	})
}

// ClearCookie removes the session cookie.
func ClearCookie(ctx context.Context) {
	cw, ok := ctx.Value(responseKey{}).(*cookieWriter)
	if !ok {
		return
	}
	http.SetCookie(cw.w, &http.Cookie{
		Name: CookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: cw.config.Secure, SameSite: http.SameSiteLaxMode,
	})
}
