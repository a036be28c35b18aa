package graph

import (
	"context"

	"carejourney/graph/loaders"
	"carejourney/server/domain"
)

// The prefetches of the lists that pages show many of: members (the
// members page, Today's digest, a house's residents), houses (the house
// board, Today's occupancy, the directory), groups (the directory),
// meetings (Today, the group pages), a member's attendance and plans due
// (Today). See prefetch.go for why.

// prefetchMembers loads what sel asks of each member of ids, a level at
// a time, each relation in one statement.
func prefetchMembers(ctx context.Context, sel selection, ids []int64) {
	if len(ids) == 0 || len(sel) == 0 {
		return
	}
	l := loaders.For(ctx)
	if sel.has("currentCareLevel") || sel.has("currentEpisode") {
		l.OpenEpisode.Fill(ctx, ids)
	}
	if sel.has("currentEpisode", "transition") || sel["careEpisodes"].nodes().has("transition") {
		// A transition is reckoned from the member's whole history.
		l.EpisodesByMember.Fill(ctx, ids)
	}
	if sel.has("currentResidency") {
		residencies := l.Houses.CurrentByMember.Fill(ctx, ids)
		if sel.has("currentResidency", "house") {
			l.Houses.House.Fill(ctx, keysOf(values(residencies), func(r *domain.Residency) int64 { return r.HouseID }))
		}
	}
	if sel.has("currentPeer") {
		assignments := l.Peers.CurrentAssignment.Fill(ctx, ids)
		l.Peers.Peer.Fill(ctx, keysOf(values(assignments), func(a *domain.PeerAssignment) int64 { return a.PeerID }))
	}
}

// prefetchHouses does the same for a page of houses: their residents
// (which the occupancy counts too), and what is asked of each resident.
func prefetchHouses(ctx context.Context, sel selection, houses []*domain.House) {
	if len(houses) == 0 || !(sel.has("residents") || sel.has("occupancy")) {
		return
	}
	l := loaders.For(ctx)
	prime(l.Houses.House, houses, func(h *domain.House) int64 { return h.ID })
	lists := l.Houses.CurrentResidents.Fill(ctx, keysOf(houses, func(h *domain.House) int64 { return h.ID }))
	if sub := sel["residents"]; len(sub) > 0 {
		var residents []*domain.Residency
		for _, list := range lists {
			residents = append(residents, list...)
		}
		prefetchResidencies(ctx, sub, residents)
	}
}

// prefetchResidencies loads the members and houses of residencies.
func prefetchResidencies(ctx context.Context, sel selection, residencies []*domain.Residency) {
	if len(residencies) == 0 {
		return
	}
	l := loaders.For(ctx)
	if member, ok := sel["member"]; ok {
		ids := keysOf(residencies, func(r *domain.Residency) int64 { return r.MemberID })
		l.Member.Fill(ctx, ids)
		prefetchMembers(ctx, member, ids)
	}
	if sel.has("house") {
		l.Houses.House.Fill(ctx, keysOf(residencies, func(r *domain.Residency) int64 { return r.HouseID }))
	}
}

// prefetchGroups starts loading the schedules and houses of a page of
// groups. (Their nested meetings connections batch in their loader: a
// page's key holds the field's arguments, which gqlgen parses per field.)
func prefetchGroups(ctx context.Context, sel selection, groups []*domain.Group) {
	if len(groups) == 0 {
		return
	}
	l := loaders.For(ctx)
	if sel.has("schedule") || sel.has("timesOfDay") {
		l.Groups.Schedule.LoadAllThunk(ctx, keysOf(groups, func(g *domain.Group) int64 { return g.ID }))
	}
	if sel.has("house") {
		var houses []int64
		for _, g := range groups {
			if g.HouseID != nil {
				houses = append(houses, *g.HouseID)
			}
		}
		l.Houses.House.Fill(ctx, houses)
	}
}

// prefetchMeetings loads the groups of a page of meetings (a meeting's
// time of day is reckoned in its group's zone).
func prefetchMeetings(ctx context.Context, sel selection, meetings []*domain.Meeting) {
	if len(meetings) == 0 || !(sel.has("group") || sel.has("timeOfDay")) {
		return
	}
	loaders.For(ctx).Groups.Group.Fill(ctx, keysOf(meetings, func(m *domain.Meeting) int64 { return m.GroupID }))
}

// prefetchAttendance starts loading the attendance pages of a page of
// meetings. A page of meetings is also nested under each group of a list,
// so it joins the loader's batch rather than filling it: the pages of all
// groups arrive together and share one statement, where the attendance
// field of every meeting, each on its own goroutine, could straggle past
// the wait. ctx is the meetings connection's: the pages are those its
// nodes' attendance asks for.
func prefetchAttendance(ctx context.Context, meetings []*domain.Meeting) {
	page, withCount, ok := nodesPage(ctx, "attendance")
	if len(meetings) == 0 || !ok {
		return
	}
	keys := make([]loaders.ChildKey[loaders.NoFilter], len(meetings))
	for i, m := range meetings {
		keys[i] = loaders.ChildKey[loaders.NoFilter]{Parent: m.ID, Page: page, WithCount: withCount}
	}
	loaders.For(ctx).Groups.Attendance.LoadAllThunk(ctx, keys)
}

// prefetchAttendedMeetings does the same for the meetings of a page of a
// member's attendance.
func prefetchAttendedMeetings(ctx context.Context, sel selection, records []*domain.AttendanceRecord) {
	if len(records) == 0 || !sel.has("meeting") {
		return
	}
	loaders.For(ctx).Groups.Meeting.LoadAllThunk(ctx, keysOf(records, func(r *domain.AttendanceRecord) int64 { return r.MeetingID }))
}

// prefetchPlans loads the members of a list of plans.
func prefetchPlans(ctx context.Context, sel selection, plans []*domain.AftercarePlan) {
	member, ok := sel["member"]
	if len(plans) == 0 || !ok {
		return
	}
	ids := keysOf(plans, func(p *domain.AftercarePlan) int64 { return p.MemberID })
	loaders.For(ctx).Member.Fill(ctx, ids)
	prefetchMembers(ctx, member, ids)
}

// keysOf returns the distinct keys of the non-nil items, in order.
func keysOf[T any](items []*T, key func(*T) int64) []int64 {
	seen := make(map[int64]bool, len(items))
	out := make([]int64, 0, len(items))
	for _, item := range items {
		if item == nil {
			continue
		}
		if k := key(item); !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// values returns the values of a map, the nil ones left out.
func values[V any](m map[int64]*V) []*V {
	out := make([]*V, 0, len(m))
	for _, v := range m {
		if v != nil {
			out = append(out, v)
		}
	}
	return out
}
