package httpserver

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func TestSPA(t *testing.T) {
	app := fstest.MapFS{
		"index.html":         {Data: []byte("<html>app</html>")},
		"assets/app-1a2b.js": {Data: []byte("console.log(1)")},
		"robots.txt":         {Data: []byte("User-agent: *")},
		"favicon.svg":        {Data: []byte("<svg/>")},
	}
	h := spa(app)
	for _, tc := range []struct {
		method, path string
		status       int
		body         string
		cache        string
	}{
		{"GET", "/", 200, "<html>app</html>", "no-cache"},
		{"GET", "/index.html", 200, "<html>app</html>", "no-cache"},
		{"GET", "/members/abc/journey", 200, "<html>app</html>", "no-cache"},
		{"GET", "/assets/app-1a2b.js", 200, "console.log(1)", "public, max-age=31536000, immutable"},
		{"GET", "/robots.txt", 200, "User-agent: *", ""},
		{"GET", "/favicon.ico", 200, "<svg/>", ""},
		{"GET", "/assets/gone.js", 404, "", ""},
		{"GET", "/assets/", 404, "", ""},
		{"GET", "/missing.png", 404, "", ""},
		{"GET", "/graphql/extra", 404, "", ""},
		{"GET", "/../index.html", 200, "<html>app</html>", "no-cache"},
		{"POST", "/members", 405, "", ""},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
		if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.body) || rec.Header().Get("Cache-Control") != tc.cache {
			t.Errorf("%s %s: %d %q cache %q", tc.method, tc.path, rec.Code, rec.Body.String(), rec.Header().Get("Cache-Control"))
		}
	}
}

func TestSPAWithoutBuild(t *testing.T) {
	rec := httptest.NewRecorder()
	spa(fstest.MapFS{}).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("status %d", rec.Code)
	}
}
