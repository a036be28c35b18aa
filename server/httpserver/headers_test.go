package httpserver

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

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

// TestGraphiQLPolicy checks the GraphiQL route's own policy: this origin
// only, no inline or evaluated script, and the page and its files all carry
// it while the other security headers stay.
func TestGraphiQLPolicy(t *testing.T) {
	app := fstest.MapFS{
		"graphiql/index.html":         {Data: []byte(`<script type="module" src="/graphiql/assets/index-1.js"></script>`)},
		"graphiql/assets/index-1.js":  {Data: []byte("console.log(1)")},
		"graphiql/assets/worker-1.js": {Data: []byte("self.onmessage = null")},
	}
	handler := securityHeaders(graphiql(app))
	for path, want := range map[string]int{
		"/graphiql": 200, "/graphiql/": 200, "/graphiql/assets/index-1.js": 200, "/graphiql/assets/worker-1.js": 200,
		"/graphiql/assets/missing.js": 404, "/graphiql/assets/": 404, "/graphiql/../index.html": 404,
	} {
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != want {
			t.Errorf("GET %s = %d, want %d", path, rec.Code, want)
		}
		if got := rec.Header().Get("Content-Security-Policy"); got != graphiqlPolicy {
			t.Errorf("GET %s: policy %q", path, got)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: the other security headers are lost", path)
		}
	}
	directives := map[string][]string{}
	for _, d := range strings.Split(graphiqlPolicy, "; ") {
		parts := strings.Fields(d)
		directives[parts[0]] = parts[1:]
	}
	for _, d := range []string{"script-src", "worker-src", "connect-src"} {
		if !slices.Equal(directives[d], []string{"'self'"}) {
			t.Errorf("%s is %q, want 'self' only", d, directives[d])
		}
	}
	if !slices.Equal(directives["default-src"], []string{"'none'"}) {
		t.Errorf("default-src is %q", directives["default-src"])
	}
	if strings.Contains(graphiqlPolicy, "http") || strings.Contains(graphiqlPolicy, "blob:") {
		t.Errorf("the policy allows another origin: %q", graphiqlPolicy)
	}
}

// TestGraphiQLIsBuilt checks the embedded GraphiQL page: every script and
// stylesheet it names is one of its own embedded files (so it works without
// internet access), with no inline script or style. Skipped before the
// first build.
func TestGraphiQLIsBuilt(t *testing.T) {
	page, err := fs.ReadFile(frontend.Dist(), "graphiql/index.html")
	if err != nil {
		t.Skip("GraphiQL is not built (make build)")
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(string(page), -1)
	scripts := 0
	for _, m := range refs {
		if m[1] == "/favicon.svg" {
			continue // the app's
		}
		if !strings.HasPrefix(m[1], "/graphiql/assets/") {
			t.Errorf("the page loads %s, not one of its own files", m[1])
			continue
		}
		if _, err := fs.Stat(frontend.Dist(), strings.TrimPrefix(m[1], "/")); err != nil {
			t.Errorf("the page loads %s, which is not embedded", m[1])
		}
		if strings.HasSuffix(m[1], ".js") {
			scripts++
		}
	}
	if scripts == 0 {
		t.Errorf("no script on the page: %s", page)
	}
	if m := regexp.MustCompile(`(?i)<script(\s[^>]*)?>\s*[^<\s]|<style|\sstyle=|\son[a-z]+=`).Find(page); m != nil {
		t.Errorf("%q breaks the policy", m)
	}
}
