package e2e

import (
	"context"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/seed"
	"carejourney/server/testgql"
)

// journeyPage is page (2) of issue 11 as one request: episodes,
// residencies, peer, the active plan with goals, commitments and 8 weeks
// of adherence, the last 20 attendance records and 20 updates.
const journeyPage = `query($id: ID!) { member(id: $id) { id displayName status daysInRecovery
	currentCareLevel { id name } currentResidency { id bed house { id name } } currentPeer { id name }
	careEpisodes { nodes { id careLevel { id code name } startedAt endedAt transition reason dischargeReason } }
	residencies { nodes { id house { id name } moveInAt moveOutAt } }
	peerAssignments { nodes { peer { id name } startedAt endedAt } }
	activeAftercarePlan { id goals { nodes { id category status } } commitments { nodes { id kind group { id name } targetPerWeek } }
		adherence(weeks: 8) { weeks { attended target isMet } } }
	attendance(first: 20) { nodes { status recordedAt meeting { id startsAt group { id name } } } }
	updates(first: 20) { nodes { id kind body occurredAt } } } }`

// BenchmarkJourneyPage runs one member's journey over HTTP, through the
// whole request path (auth, cost, access, audit), on `seed scale
// --members 1000`: "app" is the two queries the SPA sends for
// /members/:id (MemberJourney and TimelineAttendance, from gql.ts), "page"
// is the page (2) as one query.
//
//	go test -run '^$' -bench JourneyPage -benchtime 200x -benchmem ./server/e2e
func BenchmarkJourneyPage(b *testing.B) {
	s := startServer(b, nil)
	c := s.signedIn(b, domain.RoleCaseManager)
	ctx := context.Background()
	if _, err := seed.Scale(ctx, s.Store, seed.ScaleOptions{Members: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	if _, err := s.Store.RecordMilestones(ctx); err != nil {
		b.Fatal(err)
	}
	var memberID string
	r := c.do(`{ members(first: 100) { nodes { id activeAftercarePlan { id } } } }`, nil)
	r.noErrors(b)
	for _, m := range r.list(b, "members.nodes") {
		m := m.(map[string]any)
		if m["activeAftercarePlan"] != nil {
			memberID = m["id"].(string)
			break
		}
	}
	if memberID == "" {
		b.Fatal("no member with an active plan in the first 100")
	}
	journey := testgql.AppOperation(b, "MemberJourney")
	timeline := testgql.AppOperation(b, "TimelineAttendance")
	from := time.Now().UTC().AddDate(0, -3, 0).Format(time.RFC3339)

	check := c.do(journeyPage, vars{"id": memberID})
	check.noErrors(b)
	if len(check.list(b, "member.attendance.nodes")) == 0 || len(check.list(b, "member.activeAftercarePlan.goals")) == 0 {
		b.Fatal("the member's page has no attendance or no goals: not the page the issue measures")
	}
	b.Run("app", func(b *testing.B) {
		for b.Loop() {
			c.do(journey, vars{"id": memberID, "clinical": true}).noErrors(b)
			c.do(timeline, vars{"id": memberID, "from": from}).noErrors(b)
		}
	})
	b.Run("page", func(b *testing.B) {
		for b.Loop() {
			c.do(journeyPage, vars{"id": memberID}).noErrors(b)
		}
	})
}
