package httpserver

import (
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// graphiqlPolicy is the Content-Security-Policy of /graphiql and of its
// files. Like the app's, it allows this origin's files only: GraphiQL is
// built with the app (frontend/graphiql, into dist/graphiql) and embedded in
// the binary, so the page works without internet access, and requests go
// only to this origin (/graphql, with the session cookie).
//
// It differs from the app's policy in two places, on this route only:
//   - style-src 'unsafe-inline': the Monaco editor and GraphiQL set styles
//     at run time (style elements for themes and syntax colours, style
//     attributes for layout) and cannot do without. Scripts stay 'self'
//     only: no inline script, no eval.
//   - worker-src 'self': Monaco runs its language services in web workers,
//     which Vite builds as files of their own (no blob: workers).
//
// Fonts and images may be data: URLs, as Vite inlines small assets.
const graphiqlPolicy = "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'none'; frame-ancestors 'none'"

// graphiql serves GraphiQL from the built app: /graphiql (and /graphiql/)
// is its page, /graphiql/assets/… its files, all under graphiqlPolicy.
//
// The page itself holds no data and cannot do anything the API does not
// allow: introspection and every operation are refused without a session
// or key, so it stays on in production.
func graphiql(app fs.FS) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", graphiqlPolicy)
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if name == "graphiql" || name == "graphiql/index.html" {
			body, err := fs.ReadFile(app, "graphiql/index.html")
			if err != nil {
				http.Error(w, "GraphiQL is not built: run make build", http.StatusNotFound)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			// The page names the hashed files of the current build: never cache it.
			w.Header().Set("Cache-Control", "no-cache")
			_, _ = w.Write(body)
			return
		}
		info, err := fs.Stat(app, name)
		if err != nil || info.IsDir() || !strings.HasPrefix(name, "graphiql/assets/") {
			http.NotFound(w, r)
			return
		}
		// Vite puts a content hash in every asset name.
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		http.ServeFileFS(w, r, app, name)
	})
}
