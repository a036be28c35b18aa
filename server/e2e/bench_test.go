package e2e

import (
	"context"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/seed"
)

// BenchmarkPages measures the staff pages' queries over HTTP against
// `seed scale --members 10000` (the whole recovery graph: about a million
// attendance records). Run with `make bench`.
func BenchmarkPages(b *testing.B) {
	s := startServer(b, nil)
	c := s.signedIn(b, domain.RoleCaseManager)
	ctx := context.Background()
	if _, err := seed.Scale(ctx, s.Store, seed.ScaleOptions{Members: 10000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	if _, err := s.Store.RecordMilestones(ctx); err != nil {
		b.Fatal(err)
	}
	now := time.Now().UTC()
	weekAgo, weekAhead := now.AddDate(0, 0, -7).Format(time.RFC3339), now.AddDate(0, 0, 7).Format(time.RFC3339)
	var memberID string
	{
		r := c.do(`{ members(first: 1, filter: {careLevelCodes: ["IOP"]}) { nodes { id } } }`, nil)
		r.noErrors(b)
		memberID = r.str(b, "members.nodes.0.id")
	}

	const members = `query($filter: MemberFilter) { members(first: 50, filter: $filter) { totalCount nodes {
		id displayName daysInRecovery currentCareLevel { code } careEpisodes { nodes { careLevel { code } transition startedAt endedAt } }
		currentResidency { house { name } } currentPeer { name } } } }`
	for _, bc := range []struct {
		name  string
		query string
		vars  vars
	}{
		{"members/all", members, vars{"filter": nil}},
		{"members/in-IOP", members, vars{"filter": vars{"careLevelCodes": []string{"IOP", "VIRTUAL_IOP"}}}},
		{"members/search", members, vars{"filter": vars{"search": "ma"}}},
		{"houses/residents", `{ houses(first: 50) { totalCount nodes { name occupancy { capacity occupied available }
			residents { bed member { displayName currentCareLevel { code } } } } } }`, nil},
		{"groups/week-with-attendance", `query($from: DateTime!, $to: DateTime!) { groups(first: 50) { nodes { name timesOfDay
			meetings(first: 10, filter: {startsWithin: {startAt: $from, endAt: $to}}) { nodes { startsAt attendance { nodes { status member { displayName } } } } } } } }`,
			vars{"from": weekAgo, "to": weekAhead}},
		{"member/journey", `query($id: ID!) { member(id: $id) { displayName careEpisodes { nodes { careLevel { code } transition startedAt endedAt } }
			residencies { nodes { house { name } moveInAt moveOutAt } } peerAssignments { nodes { peer { name } startedAt endedAt } }
			attendanceSummary { meetingsAttended aftercareMeetingsAttended distinctAftercarePrograms attendanceRate weeks { weekStartsOn attended } }
			activeAftercarePlan { goals { nodes { category status } } commitments { nodes { kind group { name } targetPerWeek } }
				checkIns(first: 10) { nodes { occurredOn craving isAbstinent } } adherence(weeks: 8) { weeks { attended target isMet } } }
			recoveryCapital { nodes { total assessedAt } } updates(first: 20) { nodes { kind body occurredAt } } } }`, vars{"id": memberID}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				c.do(bc.query, bc.vars).noErrors(b)
			}
		})
	}
}
