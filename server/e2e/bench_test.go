package e2e

import (
	"context"
	"testing"

	"carejourney/server/domain"
	"carejourney/server/seed"
)

// BenchmarkMembersPage measures a staff member's list page over HTTP with
// 10,000 members in the database: one page of 50 with levels and timelines.
// Run with `make bench`.
func BenchmarkMembersPage(b *testing.B) {
	s := startServer(b, nil)
	c := s.signedIn(b, domain.RoleCaseManager)
	if _, err := seed.Scale(context.Background(), s.Store, seed.ScaleOptions{Members: 10000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	const query = `query($filter: MemberFilter) { members(first: 50, filter: $filter) { totalCount nodes {
		id displayName daysInRecovery currentCareLevel { code } careEpisodes { careLevel { code } transition startedAt endedAt } } } }`
	for _, bc := range []struct {
		name   string
		filter vars
	}{
		{"all", nil},
		{"in-IOP", vars{"careLevelCodes": []string{"IOP", "VIRTUAL_IOP"}}},
		{"search", vars{"search": "ma"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				c.do(query, vars{"filter": bc.filter}).noErrors(b)
			}
		})
	}
}
