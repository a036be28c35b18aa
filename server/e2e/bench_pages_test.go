package e2e

import (
	"context"
	"os"
	"testing"

	"carejourney/server/domain"
	"carejourney/server/seed"
)

// BenchmarkHarnessPages runs pages (1) and (3) of the side-by-side harness
// (bench/queries) over HTTP through the whole request path, on `seed
// scale --members 1000`, one request at a time: allocations and CPU per
// request, the figures a change to the request path moves. `make bench`
// measures the same pages under load beside the floor and the peer.
//
//	go test -run '^$' -bench HarnessPages -benchtime 200x -benchmem ./server/e2e
func BenchmarkHarnessPages(b *testing.B) {
	s := startServer(b, nil)
	c := s.signedIn(b, domain.RoleCaseManager)
	if _, err := seed.Scale(context.Background(), s.Store, seed.ScaleOptions{Members: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	for _, p := range []struct {
		name, file string
		vars       vars
	}{
		{"members", "members.graphql", vars{"first": 20}},
		{"houseboard", "houseboard.graphql", vars{}},
	} {
		query, err := os.ReadFile("../../bench/queries/" + p.file)
		if err != nil {
			b.Fatal(err)
		}
		c.do(string(query), p.vars).noErrors(b)
		b.Run(p.name, func(b *testing.B) {
			for b.Loop() {
				c.do(string(query), p.vars).noErrors(b)
			}
		})
	}
}
