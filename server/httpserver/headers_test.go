package httpserver

import (
	"crypto/sha256"
	"encoding/base64"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"carejourney/frontend"
)

// TestAppKeepsToItsPolicy checks that the embedded app needs nothing the
// strict policy forbids: no inline script or style, no inline handlers,
// nothing from another origin.
func TestAppKeepsToItsPolicy(t *testing.T) {
	forbidden := regexp.MustCompile(`(?i)<script(\s[^>]*)?>\s*[^<\s]|<style|\sstyle=|\son[a-z]+=|(src|href)="(https?:)?//`)
	err := fs.WalkDir(frontend.Dist(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		body, err := fs.ReadFile(frontend.Dist(), path)
		if err != nil {
			return err
		}
		if m := forbidden.Find(body); m != nil {
			t.Errorf("%s: %q breaks the Content-Security-Policy", path, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSecurityHeaders(t *testing.T) {
	rec := httptest.NewRecorder()
	securityHeaders(http.NotFoundHandler()).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	want := map[string]string{
		"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
			"font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
		"X-Content-Type-Options":     "nosniff",
		"Referrer-Policy":            "no-referrer",
		"Cross-Origin-Opener-Policy": "same-origin",
		"X-Frame-Options":            "DENY",
	}
	for name, value := range want {
		if got := rec.Header().Get(name); got != value {
			t.Errorf("%s = %q, want %q", name, got, value)
		}
	}
	if p := rec.Header().Get("Permissions-Policy"); !strings.Contains(p, "camera=()") || !strings.Contains(p, "geolocation=()") {
		t.Errorf("Permissions-Policy = %q", p)
	}
}

// TestGraphiQLPolicy checks that the GraphiQL page's own policy allows
// exactly the CDN files and the inline script the page uses.
func TestGraphiQLPolicy(t *testing.T) {
	rec := httptest.NewRecorder()
	securityHeaders(graphiql("Care Journey API", "/graphql")).ServeHTTP(rec, httptest.NewRequest("GET", "/graphiql", nil))
	csp := rec.Header().Get("Content-Security-Policy")
	page := rec.Body.String()
	directives := map[string][]string{}
	for _, d := range strings.Split(csp, "; ") {
		parts := strings.Fields(d)
		directives[parts[0]] = parts[1:]
	}
	has := func(directive, source string) bool {
		for _, s := range directives[directive] {
			if s == source {
				return true
			}
		}
		return false
	}
	srcs := regexp.MustCompile(`<script\s[^>]*src="([^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(srcs) < 3 {
		t.Fatalf("page scripts: %v", srcs)
	}
	for _, m := range srcs {
		if !strings.HasPrefix(m[1], "https://cdn.jsdelivr.net/npm/") || !has("script-src", m[1]) {
			t.Errorf("script %s not allowed by %q", m[1], csp)
		}
	}
	inline := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(page, -1)
	if len(inline) != 1 {
		t.Fatalf("%d inline scripts", len(inline))
	}
	sum := sha256.Sum256([]byte(inline[0][1]))
	if !has("script-src", "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
		t.Errorf("inline script not allowed by %q", csp)
	}
	sheets := regexp.MustCompile(`(?s)<link\s[^>]*href="([^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(sheets) == 0 {
		t.Fatal("no stylesheet on the page")
	}
	for _, m := range sheets {
		if !has("style-src", m[1]) {
			t.Errorf("stylesheet %s not allowed by %q", m[1], csp)
		}
	}
	for _, d := range []string{"default-src 'none'", "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"} {
		if !strings.Contains(csp, d) {
			t.Errorf("missing %q in %q", d, csp)
		}
	}
	if has("script-src", "'unsafe-inline'") || has("script-src", "https://cdn.jsdelivr.net") || has("script-src", "'unsafe-eval'") {
		t.Errorf("script-src too wide: %q", csp)
	}
	if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Error("the other security headers are lost")
	}
}
