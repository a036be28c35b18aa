package e2e

import (
	"context"
	"testing"

	"carejourney/server/domain"
	"carejourney/server/seed"
)

// BenchmarkMembersPageAudit measures the members page (50 members, each a
// READ event) over HTTP, one request at a time and eight at once: what
// committing the audit events before the response costs. It compiles on
// main too, so that the two can be compared in one session:
//
//	go test -run '^$' -bench MembersPageAudit -benchtime 300x -count 3 ./server/e2e
func BenchmarkMembersPageAudit(b *testing.B) {
	s := startServer(b, nil)
	c := s.signedIn(b, domain.RoleCaseManager)
	if _, err := seed.Scale(context.Background(), s.Store, seed.ScaleOptions{Members: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	const members = `query($filter: MemberFilter) { members(first: 50, filter: $filter) { totalCount nodes {
		id displayName daysInRecovery currentCareLevel { code } careEpisodes { nodes { careLevel { code } transition startedAt endedAt } }
		currentResidency { house { name } } currentPeer { name } } } }`
	b.Run("serial", func(b *testing.B) {
		for b.Loop() {
			c.do(members, vars{"filter": nil}).noErrors(b)
		}
	})
	b.Run("parallel-8", func(b *testing.B) {
		b.SetParallelism(4) // × GOMAXPROCS (2 here): 8 requests at once
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				c.do(members, vars{"filter": nil}).noErrors(b)
			}
		})
	})
}
