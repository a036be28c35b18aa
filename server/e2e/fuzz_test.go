package e2e

import (
	"encoding/json"
	"io"
	"strings"
	"testing"

	"carejourney/server/seed"
)

// FuzzGraphQL sends anything to the real /graphql endpoint of the real
// server, on the demo data, with the access model in place, as one of
// several actors (nobody, the demo's admin, peer supporter, house manager
// and family viewer, its two partner keys): a document with variables, or
// a raw body. Whatever arrives, the answer is never a 5xx, never an
// INTERNAL error (a panic in a resolver is presented as one), and a body
// that is not JSON comes only with a 4xx.
func FuzzGraphQL(f *testing.F) {
	// The production cost limit: it is part of what keeps a request sound.
	s := startServer(f, map[string]string{"SEED_DEMO_ON_EMPTY": "true", "MAX_QUERY_COST": "1000"})
	signIn := func(email, password string) func(testing.TB) *client {
		return func(t testing.TB) *client { return s.signInAs(t, email, password) }
	}
	actors := []func(testing.TB) *client{
		func(t testing.TB) *client { return s.client(t) },
		signIn("admin@demo.carejourney.test", "demo-admin-2026!"),
		signIn("peer@demo.carejourney.test", "demo-peer-2026!"),
		signIn("housemanager@demo.carejourney.test", "demo-house-2026!"),
		signIn("family@demo.carejourney.test", "demo-family-2026!"),
		func(t testing.TB) *client { return s.keyClient(t, seed.DemoKeys[0].Secret) },
		func(t testing.TB) *client { return s.keyClient(t, seed.DemoKeys[1].Secret) },
	}
	clients := make([]*client, len(actors))
	for i, a := range actors {
		clients[i] = a(f)
	}
	for _, seedDoc := range []string{
		`{ viewer { user { id name role } } }`,
		`{ members(first: 5) { totalCount nodes { id displayName currentEpisode { careLevel { code } } currentResidency { house { name } } } } }`,
		`query($id: ID!) { node(id: $id) { id ... on Member { activeAftercarePlan { goals { nodes { id } } } updates(first: 3) { nodes { id body } } } } }`,
		`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`,
		`{ houses(first: 3) { nodes { name occupancy { available } residents(first: 2) { nodes { member { displayName } } } } } }`,
		`{ groups(first: 3, after: "eyJ2IjoiYSIsImkiOjF9") { pageInfo { endCursor } nodes { name nextMeeting { startsAt } } } }`,
		`{ outcomes(period: {startOn: "2026-01-01", endOn: "2026-04-01"}) { admissions { value isSuppressed } } }`,
		`mutation { createMember(input: {firstName: "Fuzz", lastName: "Case"}) { member { id } userErrors { code field } } }`,
		`mutation($in: SignInInput!) { signIn(input: $in) { viewer { user { id } } userErrors { code } } }`,
		`{ __schema { types { name } } }`,
		`{ a: members(first: 1) { nodes { id } } b: members(last: 1) { nodes { id } } }`,
		`query Q { viewer { user { id } } } mutation M { signOut { userErrors { code } } }`,
		`{ members(first: 1, search: "a\u0000b") { totalCount } }`,
		`{`, ``, `{ node(id: "!!!") { id } }`, `fragment F on Query { ...F } { ...F }`,
	} {
		f.Add(seedDoc, []byte(`{"id":"TWVtYmVyOjE","ids":["TWVtYmVyOjE","SG91c2U6MQ"],"in":{"email":"x@y.z","password":"p"}}`), uint8(1))
	}
	f.Add("", []byte(`{"query": "{ viewer { user { id } } }"}`), uint8(0x81))
	f.Add("", []byte(`[{"query": "{ __typename }"}]`), uint8(0x80))
	f.Add("", []byte("\x00\xff{"), uint8(0x83))

	f.Fuzz(func(t *testing.T, query string, variables []byte, actor uint8) {
		i := int(actor&0x7f) % len(clients)
		c := clients[i]
		body := variables // the high bit sends the bytes as the whole body
		if actor&0x80 == 0 {
			payload := map[string]any{"query": query}
			if json.Valid(variables) {
				payload["variables"] = json.RawMessage(variables)
			}
			body, _ = json.Marshal(payload)
		}
		res, err := c.http.Do(c.post(body))
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode >= 500 {
			t.Fatalf("status %d for %q: %s", res.StatusCode, body, raw)
		}
		var r response
		if err := json.Unmarshal(raw, &r); err != nil {
			if res.StatusCode < 400 {
				t.Fatalf("status %d with a body that is not JSON for %q: %s", res.StatusCode, body, raw)
			}
		}
		for _, e := range r.Errors {
			if code, _ := e.Extensions["code"].(string); code == "INTERNAL" || code == "" {
				t.Fatalf("error %q (code %q) at %v for %q", e.Message, code, e.Path, body)
			}
		}
		// A document that signed someone in or out changed the actor: the
		// next input starts from a fresh one.
		if strings.Contains(string(body), "signIn") || strings.Contains(string(body), "signOut") || strings.Contains(string(body), "acceptInvitation") {
			clients[i] = actors[i](t)
		}
	})
}
