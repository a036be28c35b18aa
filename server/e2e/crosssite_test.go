package e2e

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"carejourney/server/domain"
)

// TestCrossSiteNavigationRunsNothing: a link on another site to
// /graphql?query=..., followed by a signed-in staff member's browser (the
// headers of a top-level navigation, the session cookie sent as SameSite=Lax
// allows), is refused with 403 before anything runs: no statement, no
// audit event, no data. The app's own GETs still work.
func TestCrossSiteNavigationRunsNothing(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	c.do(`mutation { createMember(input: {firstName: "Navigatia", lastName: "Crosslink"}) { member { id } } }`, nil).noErrors(t)
	query := url.Values{"query": {`{ members(first: 5) { nodes { displayName } } }`}}.Encode()

	navigate := func(site string) (int, string, string) {
		req, _ := http.NewRequest(http.MethodGet, s.URL+"/graphql?"+query, nil)
		req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
		if site != "" {
			req.Header.Set("Sec-Fetch-Site", site)
			req.Header.Set("Sec-Fetch-Mode", "navigate")
			req.Header.Set("Sec-Fetch-Dest", "document")
			req.Header.Set("Sec-Fetch-User", "?1")
		}
		res, err := c.http.Do(req) // the jar sends the session cookie
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(body), res.Header.Get("X-Request-Id")
	}
	events := func(requestID string) int {
		n, err := s.Store.DB().NewSelect().Table("audit_events").Where("request_id = ?", requestID).Count(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return int(n)
	}
	for _, site := range []string{"cross-site", "same-site"} {
		s.statements.Store(0)
		code, body, id := navigate(site)
		statements := s.statements.Load()
		if code != http.StatusForbidden || !strings.Contains(body, `"code":"CROSS_SITE_REFUSED"`) || strings.Contains(body, "Navigatia") {
			t.Errorf("%s navigation: status %d, body %s", site, code, body)
		}
		if statements != 0 {
			t.Errorf("%s navigation ran %d statements", site, statements)
		}
		if n := events(id); n != 0 {
			t.Errorf("%s navigation left %d audit events", site, n)
		}
	}
	// The app's own pages, and an address typed by the user, run queries.
	for _, site := range []string{"same-origin", "none", ""} {
		code, body, id := navigate(site)
		if code != http.StatusOK || !strings.Contains(body, "Navigatia") {
			t.Errorf("Sec-Fetch-Site %q: status %d, body %s", site, code, body)
		}
		if n := events(id); n != 1 {
			t.Errorf("Sec-Fetch-Site %q: %d audit events, want the READ", site, n)
		}
	}
	// Without the cookie nothing is disclosed anyway: the request runs as
	// nobody and is refused by the access rules, not here.
	anon := s.client(t)
	req, _ := http.NewRequest(http.MethodGet, s.URL+"/graphql?"+query, nil)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	r := anon.send(req)
	for _, code := range r.errorCodes() {
		if code == "CROSS_SITE_REFUSED" {
			t.Errorf("a cross-site GET without the cookie was refused as cross-site: %v", r.errorCodes())
		}
	}
}
