// Package frontend embeds the built single-page app (frontend/dist) into
// the server binary. dist is build output (`make build`), ignored by git
// but for dist/.keep, which Vite copies from public/ on every build, so the
// package compiles on a fresh clone; the server then answers "the app is
// not built" until the app is built.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist returns the built app, rooted at its index.html.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the directory is embedded at compile time; this cannot fail
	}
	return sub
}
