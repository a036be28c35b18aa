package e2e

import (
	"os"
	"sync"
	"sync/atomic"
	"testing"

	"carejourney/server/domain"
)

// TestStatementsUnderLoad checks that a page costs as many statements per
// request under 16 concurrent requests as alone. The list resolvers
// prefetch what their elements ask for (graph/prefetch.go), so a busy
// server cannot split a batch: without it the house board took 26
// statements alone and 71 under load. The pages are the harness's own
// documents (bench/queries), so what `make bench` measures is what this
// test holds.
func TestStatementsUnderLoad(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	housesSeed(t, s, 0, 30)
	const workers, each = 16, 4
	for _, p := range []struct {
		file string
		vars vars
	}{
		{"members.graphql", vars{"first": 20}},
		{"houseboard.graphql", vars{}},
	} {
		raw, err := os.ReadFile("../../bench/queries/" + p.file)
		if err != nil {
			t.Fatal(err)
		}
		query := string(raw)
		c.do(query, p.vars).noErrors(t) // warm: the catalogue, the query cache
		s.statements.Store(0)
		c.do(query, p.vars).noErrors(t)
		alone := s.statements.Load()

		s.statements.Store(0)
		var failed atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range each {
					if r := c.do(query, p.vars); r.Status != 200 || len(r.Errors) > 0 {
						failed.Add(1)
					}
				}
			}()
		}
		wg.Wait()
		loaded := s.statements.Load()
		t.Logf("%s: %d statements alone, %.2f a request under %d concurrent requests", p.file, alone, float64(loaded)/(workers*each), workers)
		if failed.Load() > 0 {
			t.Errorf("%s: %d of %d requests failed under load", p.file, failed.Load(), workers*each)
		}
		if loaded != alone*workers*each {
			t.Errorf("%s: %d statements for %d requests under load, want %d (%d each, as alone)", p.file, loaded, workers*each, alone*workers*each, alone)
		}
	}
}
