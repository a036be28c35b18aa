package auth

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"carejourney/server/domain"
)

func TestNewKeySecret(t *testing.T) {
	secret, hash, prefix := NewKeySecret()
	other, _, _ := NewKeySecret()
	if !strings.HasPrefix(secret, KeySecretPrefix) || len(secret) != len(KeySecretPrefix)+43 || secret == other {
		t.Fatalf("secrets %q %q", secret, other)
	}
	if prefix != secret[4:12] || string(hash) != string(HashToken(secret)) {
		t.Fatalf("prefix %q, hash of %q", prefix, secret)
	}
}

func TestBearerToken(t *testing.T) {
	for _, tt := range []struct {
		header string
		token  string
		ok     bool
	}{
		{"", "", false},
		{"Basic dXNlcjpwYXNz", "", false},
		{"Bearer cjk_abc", "cjk_abc", true},
		{"bearer   cjk_abc  ", "cjk_abc", true},
		{"Bearer", "", true},
		{"Bearerish cjk_abc", "", false},
	} {
		r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
		if tt.header != "" {
			r.Header.Set("Authorization", tt.header)
		}
		token, ok := bearerToken(r)
		if token != tt.token || ok != tt.ok {
			t.Errorf("%q: %q, %v; want %q, %v", tt.header, token, ok, tt.token, tt.ok)
		}
	}
}

// A request without bearer credentials passes through untouched; one with a
// secret that cannot be a key is refused before any lookup, as a GraphQL
// error with a Bearer challenge. (The store is nil: a lookup would panic.)
func TestKeyMiddlewareWithoutStore(t *testing.T) {
	keys := &Keys{}
	var reached *http.Request
	h := keys.Middleware(slog.New(slog.NewTextHandler(io.Discard, nil)))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached = r
	}))

	r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
	r.Header.Set("Cookie", CookieName+"=abc")
	h.ServeHTTP(httptest.NewRecorder(), r)
	if reached == nil || KeyFrom(reached.Context()) != nil || reached.Header.Get("Cookie") == "" {
		t.Fatal("a request without a key did not pass through as it was")
	}

	reached = nil
	for _, header := range []string{"Bearer not-a-key", "Bearer"} {
		w := httptest.NewRecorder()
		r = httptest.NewRequest(http.MethodPost, "/graphql", nil)
		r.Header.Set("Authorization", header)
		h.ServeHTTP(w, r)
		var body struct {
			Errors []struct {
				Message    string         `json:"message"`
				Extensions map[string]any `json:"extensions"`
			} `json:"errors"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil || w.Code != http.StatusUnauthorized || reached != nil ||
			len(body.Errors) != 1 || body.Errors[0].Extensions["code"] != "UNAUTHENTICATED" ||
			!strings.HasPrefix(w.Header().Get("WWW-Authenticate"), "Bearer") || w.Header().Get("Content-Type") != "application/json" {
			t.Fatalf("%q: status %d, headers %v, body %s", header, w.Code, w.Header(), w.Body)
		}
	}
}

// The session middleware leaves a key's request alone: no cookie is read
// and none can be set. (The store is nil: a session lookup would panic.)
func TestSessionMiddlewareSkipsKeys(t *testing.T) {
	s := &Sessions{}
	h := s.Middleware(CookieConfig{}, slog.New(slog.NewTextHandler(io.Discard, nil)))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ViewerFrom(r.Context()) != nil {
			t.Error("a key request has a viewer")
		}
		SetCookie(r.Context(), "token")
	}))
	r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
	r.Header.Set("Cookie", CookieName+"=abc")
	r = r.WithContext(WithKey(r.Context(), &domain.APIKey{ID: 1}))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Header().Get("Set-Cookie") != "" {
		t.Fatal("a key request set a cookie")
	}
}
