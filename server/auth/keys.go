package auth

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// KeySecretPrefix starts every partner key's secret, so that a leaked one is
// easy to recognise (and to scan for in code).
const KeySecretPrefix = "cjk_"

// keyPrefixLength is how many characters after KeySecretPrefix are kept in
// the clear, to tell keys apart.
const keyPrefixLength = 8

// NewKeySecret returns a new partner key's secret (shown once), the SHA-256
// that is stored in its place, and the few characters kept to tell keys apart.
func NewKeySecret() (secret string, hash []byte, prefix string) {
	token, _ := NewToken()
	secret = KeySecretPrefix + token
	return secret, HashToken(secret), token[:keyPrefixLength]
}

// Keys authenticates partner tools by their API keys.
type Keys struct {
	Store *store.Store
	Now   func() time.Time
	// Expired, when set, is told of each request refused because its key
	// had expired (for the audit log): the key exists, so, unlike an
	// unknown secret, the refusal can name it.
	Expired func(ctx context.Context, key *domain.APIKey)
}

func (k *Keys) now() time.Time {
	if k.Now != nil {
		return k.Now()
	}
	return time.Now()
}

// Authenticate resolves a secret to its key; nil when the secret is unknown,
// the key revoked or past its expiry. The key's last use is written at most
// once a minute.
func (k *Keys) Authenticate(ctx context.Context, secret string) (*domain.APIKey, error) {
	if !strings.HasPrefix(secret, KeySecretPrefix) {
		return nil, nil
	}
	key, err := k.Store.ActiveAPIKeyBySecretHash(ctx, HashToken(secret))
	if err != nil {
		return nil, fmt.Errorf("auth: unable to look up key: %w", err)
	}
	if key == nil {
		return nil, nil
	}
	now := k.now()
	if key.ExpiredAt(now) {
		if k.Expired != nil {
			k.Expired(ctx, key)
		}
		return nil, nil
	}
	if key.NeedsTouch(now) {
		if err := k.Store.TouchAPIKey(ctx, key.ID, now); err != nil {
			return nil, fmt.Errorf("auth: unable to record key use: %w", err)
		}
		key.LastUsedAt = &now
	}
	return key, nil
}

// bearerToken returns the token of an `Authorization: Bearer <token>`
// header; ok is false when the request carries no bearer credentials.
func bearerToken(r *http.Request) (token string, ok bool) {
	scheme, token, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(token), true
}

// Middleware authenticates requests that carry `Authorization: Bearer
// <secret>`: the key goes into the context (WithKey) and the request's
// cookies are dropped, so a key request never has a session (and can never
// set one), whatever else it sends. An unknown or revoked key is refused with
// HTTP 401 and a GraphQL error body, and so is an expired one. Requests without bearer credentials
// pass through untouched, to the session middleware.
func (k *Keys) Middleware(logger *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			secret, ok := bearerToken(r)
			if !ok {
				next.ServeHTTP(w, r)
				return
			}
			key, err := k.Authenticate(r.Context(), secret)
			if err != nil {
				logger.ErrorContext(r.Context(), "key lookup failed", "err", err)
				refuseUnavailable(w)
				return
			}
			if key == nil {
				refuseKey(w)
				return
			}
			r = r.Clone(WithKey(r.Context(), key))
			r.Header.Del("Cookie")
			next.ServeHTTP(w, r)
		})
	}
}

// refuseKey answers a request whose key is unknown, revoked or expired, in the shape
// of a GraphQL error so that clients read it like any other.
func refuseKey(w http.ResponseWriter) {
	body, _ := json.Marshal(map[string]any{"errors": []map[string]any{{
		"message":    "The API key is not valid: it is unknown, was revoked or has expired.",
		"extensions": map[string]any{"code": "UNAUTHENTICATED"},
	}}})
	h := w.Header()
	h.Set("WWW-Authenticate", `Bearer error="invalid_token"`)
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusUnauthorized)
	_, _ = w.Write(body)
}
