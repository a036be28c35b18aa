package e2e

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"carejourney/server/domain"
)

// TestHTTPGraphQLOverHTTP checks /graphql against the rules of the GraphQL
// over HTTP spec (graphql.github.io/graphql-over-http), one row a rule.
func TestHTTPGraphQLOverHTTP(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleAdmin)
	const (
		gqlResp = "application/graphql-response+json"
		json_   = "application/json"
		urql    = "application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed"
	)
	body := func(query, operation string) string {
		b, _ := json.Marshal(map[string]any{"query": query, "operationName": operation})
		return string(b)
	}
	deep := `{ member(id: "TWVtYmVyOjE") { ` + strings.Repeat("currentEpisode { member { ", 8) + "id" + strings.Repeat(" } }", 8) + " } }"
	ok := body(`{ viewer { user { email } } }`, "")
	for _, tc := range []struct {
		name, method, accept, contentType, body, query string
		status                                         int
		media                                          string // "" when the response must not be GraphQL JSON
		allow                                          string
	}{
		// The media type.
		{name: "no Accept is application/json (legacy)", accept: "", body: ok, status: 200, media: json_},
		{name: "graphql-response+json is honoured", accept: gqlResp, body: ok, status: 200, media: gqlResp},
		{name: "application/json is honoured", accept: json_, body: ok, status: 200, media: json_},
		{name: "the SPA's urql Accept prefers graphql-response+json", accept: urql, body: ok, status: 200, media: gqlResp},
		{name: "*/* is graphql-response+json", accept: "*/*", body: ok, status: 200, media: gqlResp},
		{name: "q prefers application/json", accept: gqlResp + ";q=0.1, " + json_, body: ok, status: 200, media: json_},
		{name: "q prefers graphql-response+json", accept: json_ + ";q=0.5, " + gqlResp + ";q=0.9", body: ok, status: 200, media: gqlResp},
		{name: "an unsupported Accept is 406", accept: "text/html", body: ok, status: 406, media: json_},
		{name: "an unsupported Content-Type is 415", accept: gqlResp, contentType: "text/plain", body: ok, status: 415, media: gqlResp},
		{name: "a form body is 415", accept: json_, contentType: "application/x-www-form-urlencoded", body: "query=%7B__typename%7D", status: 415, media: json_},
		// Not a well-formed request: 4xx with either type.
		{name: "a body that is not JSON is 400 (json)", accept: json_, body: "{", status: 400, media: json_},
		{name: "a body that is not JSON is 400 (graphql-response)", accept: gqlResp, body: "{", status: 400, media: gqlResp},
		// application/json: every well-formed request is 200.
		{name: "json: a parse error is 200", accept: json_, body: body(`{ viewer {`, ""), status: 200, media: json_},
		{name: "json: a validation error is 200", accept: json_, body: body(`{ noSuchField }`, ""), status: 200, media: json_},
		{name: "json: an unknown operation is 200", accept: json_, body: body(`query A { __typename }`, "B"), status: 200, media: json_},
		{name: "json: a field error is 200", accept: json_, body: body(`{ member(id: "nope") { id } }`, ""), status: 200, media: json_},
		// application/graphql-response+json: request errors 400, executed 200.
		{name: "graphql-response: a parse error is 400", accept: gqlResp, body: body(`{ viewer {`, ""), status: 400, media: gqlResp},
		{name: "graphql-response: a validation error is 400", accept: gqlResp, body: body(`{ noSuchField }`, ""), status: 400, media: gqlResp},
		{name: "graphql-response: an unknown operation is 400", accept: gqlResp, body: body(`query A { __typename }`, "B"), status: 400, media: gqlResp},
		{name: "graphql-response: bad variables are 400", accept: gqlResp,
			body: `{"query":"query($id: ID!) { member(id: $id) { id } }","variables":{"id":{"x":1}}}`, status: 400, media: gqlResp},
		{name: "graphql-response: over the depth limit is 400", accept: gqlResp, body: body(deep, ""), status: 400, media: gqlResp},
		{name: "json: over the depth limit is 200", accept: json_, body: body(deep, ""), status: 200, media: json_},
		{name: "graphql-response: a field error with data is 200", accept: gqlResp, body: body(`{ member(id: "nope") { id } }`, ""), status: 200, media: gqlResp},
		// GET.
		{name: "a GET query works", method: "GET", accept: gqlResp, query: `{ viewer { user { email } } }`, status: 200, media: gqlResp},
		{name: "a GET query works without Accept", method: "GET", query: `{ viewer { user { email } } }`, status: 200, media: json_},
		{name: "a GET mutation is 405", method: "GET", accept: gqlResp, query: `mutation { signOut { userErrors { code } } }`, status: 405, media: gqlResp, allow: "POST"},
		{name: "a GET mutation is 405 (json)", method: "GET", query: `mutation { signOut { userErrors { code } } }`, status: 405, media: json_, allow: "POST"},
		{name: "PUT is 405", method: "PUT", accept: gqlResp, body: ok, status: 405, media: json_, allow: "GET, POST"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			method := tc.method
			if method == "" {
				method = http.MethodPost
			}
			target := s.URL + "/graphql"
			if tc.query != "" {
				target += "?query=" + url.QueryEscape(tc.query)
			}
			req, _ := http.NewRequest(method, target, strings.NewReader(tc.body))
			if method != http.MethodGet {
				ct := tc.contentType
				if ct == "" {
					ct = "application/json"
				}
				req.Header.Set("Content-Type", ct)
			}
			if tc.accept != "" {
				req.Header.Set("Accept", tc.accept)
			}
			r := c.send(req)
			if r.Status != tc.status {
				t.Errorf("status %d, want %d: %s", r.Status, tc.status, r.Raw)
			}
			if got := r.Header.Get("Content-Type"); !strings.HasPrefix(got, tc.media) {
				t.Errorf("Content-Type %q, want %s", got, tc.media)
			}
			if got := r.Header.Get("Allow"); got != tc.allow {
				t.Errorf("Allow %q, want %q", got, tc.allow)
			}
			if r.Status >= 400 && len(r.Errors) == 0 {
				t.Errorf("a %d without GraphQL errors: %s", r.Status, r.Raw)
			}
		})
	}
}
