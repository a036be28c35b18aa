package httpserver

import (
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// spa serves the embedded app. Files are served as they are; an unknown
// path that looks like an app route (no file extension, not under an API
// prefix) gets index.html so deep links and reloads work. Missing assets and
// API paths stay 404s: a typo in /graphqll must not answer with HTML.
func spa(app fs.FS) http.Handler {
	files := http.FileServerFS(app)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name == "" || name == "index.html" {
			serveIndex(w, r, app)
			return
		}
		if name == "favicon.ico" {
			// Tools and browsers on pages without a <link rel=icon> (a JSON
			// answer, /healthz) still ask for /favicon.ico: give them the
			// app's icon instead of a 404 in every console.
			name = "favicon.svg"
			r = r.Clone(r.Context())
			r.URL.Path = "/favicon.svg"
		}
		if info, err := fs.Stat(app, name); err == nil && !info.IsDir() {
			if strings.HasPrefix(name, "assets/") {
				// Vite puts a content hash in every asset name.
				w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			}
			files.ServeHTTP(w, r)
			return
		}
		if isAppRoute(name) {
			serveIndex(w, r, app)
			return
		}
		http.NotFound(w, r)
	})
}

// Paths under these prefixes are never app routes.
var apiPrefixes = []string{"graphql", "graphiql", "healthz", "readyz", "assets", "api"}

func isAppRoute(name string) bool {
	for _, prefix := range apiPrefixes {
		if strings.HasPrefix(name, prefix) {
			return false
		}
	}
	return path.Ext(name) == ""
}

func serveIndex(w http.ResponseWriter, r *http.Request, app fs.FS) {
	body, err := fs.ReadFile(app, "index.html")
	if err != nil {
		http.Error(w, "the app is not built: run make build", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	// index.html names the hashed assets of the current build: never cache it.
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(body)
}
