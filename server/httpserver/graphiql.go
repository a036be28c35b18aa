package httpserver

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql/playground"
)

// graphiql serves gqlgen's GraphiQL page under a Content-Security-Policy of
// its own. The page loads React, GraphiQL and its stylesheet from a CDN
// (pinned versions with Subresource Integrity) and starts with an inline
// script. Its policy allows exactly those files, by full URL, and that
// inline script, by its SHA-256; nothing else runs. Styles may also be
// inline: the GraphiQL editor injects them at run time. Requests go only
// to this origin (/graphql). The policy is derived from the page gqlgen
// renders, so it follows the CDN URLs when gqlgen is upgraded.
//
// The page itself holds no data and cannot do anything the API does not
// allow: introspection and every operation are refused without a session
// or key, so it stays on in production.
func graphiql(title, endpoint string) http.Handler {
	page := playground.Handler(title, endpoint)
	rec := &pageRecorder{header: http.Header{}}
	page(rec, new(http.Request))
	csp := graphiqlPolicy(rec.body.Bytes())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("Cache-Control", "no-cache")
		page(w, r)
	})
}

var (
	scriptSrc    = regexp.MustCompile(`(?s)<script\s[^>]*src="([^"]+)"`)
	styleHref    = regexp.MustCompile(`(?s)<link\s[^>]*rel="stylesheet"[^>]*href="([^"]+)"|<link\s[^>]*href="([^"]+)"[^>]*rel="stylesheet"`)
	inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)
)

// graphiqlPolicy builds the page's policy from its HTML.
func graphiqlPolicy(html []byte) string {
	scripts := []string{"'self'"}
	for _, m := range scriptSrc.FindAllSubmatch(html, -1) {
		scripts = append(scripts, string(m[1]))
	}
	for _, m := range inlineScript.FindAllSubmatch(html, -1) {
		sum := sha256.Sum256(m[1])
		scripts = append(scripts, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	styles := []string{"'self'", "'unsafe-inline'"}
	for _, m := range styleHref.FindAllSubmatch(html, -1) {
		styles = append(styles, string(slices.Concat(m[1], m[2])))
	}
	return strings.Join([]string{
		"default-src 'none'",
		"script-src " + strings.Join(scripts, " "),
		"style-src " + strings.Join(styles, " "),
		"img-src 'self' data:",
		"font-src 'self' data:",
		"connect-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'none'",
		"frame-ancestors 'none'",
	}, "; ")
}

// pageRecorder captures the page once, at start-up.
type pageRecorder struct {
	header http.Header
	body   bytes.Buffer
}

func (p *pageRecorder) Header() http.Header         { return p.header }
func (p *pageRecorder) Write(b []byte) (int, error) { return p.body.Write(b) }
func (p *pageRecorder) WriteHeader(int)             {}
