package main

import (
	"fmt"
	"time"

	"carejourney/graph/globalid"
	"carejourney/server/domain"
)

// Page 5: the Today page (frontend/src/today) as one page load, in the
// order it asks: the census (the in-care count and the care levels with
// each one's count), house occupancy, this week's meetings from the start
// of today to Monday, the plans due, the milestones of the next days and
// the recent step-ups (both computed by the API). The viewer query is answered from the app's cache. The browser's
// zone is taken as the provider's (UTC in the bench).

// milestoneDays is the window the app's milestones section asks for
// (MilestonesSection.tsx): today and the six days after it (a window
// includes its start and excludes its end).
const milestoneDays = 7

func todaySetup(e *env, call caller) ([]op, map[string]string, error) {
	day := time.Date(e.now.Year(), e.now.Month(), e.now.Day(), 0, 0, 0, 0, time.UTC)
	sinceMonday := (int(day.Weekday()) + 6) % 7
	from, to := isoInstant(day), isoInstant(day.AddDate(0, 0, 7-sinceMonday))
	ops := []op{
		{file: "today1_census.graphql", variables: map[string]any{}},
		{file: "today2_occupancy.graphql", variables: map[string]any{}},
		{file: "today3_meetings.graphql", variables: map[string]any{"from": from, "to": to}},
		{file: "today4_plansdue.graphql", variables: map[string]any{}},
		{file: "today5_milestones.graphql", variables: map[string]any{"withinDays": milestoneDays}},
		{file: "today6_stepups.graphql", variables: map[string]any{}}}
	fmt.Printf("  week from %s to %s\n", from, to)
	return ops, map[string]string{"from": from, "to": to}, nil
}

func todayOurs(data map[string]any) []string {
	ops := operations(data)
	if len(ops) != 6 {
		return []string{fmt.Sprintf("%d operations", len(ops))}
	}
	a := []string{val(obj(ops[0]["members"])["totalCount"])}
	for _, l := range nodes(ops[0]["careLevels"]) {
		a = append(a, fields(l, "code", "name", "shortName", "membersInCareCount")...)
	}
	houses := obj(ops[1]["houses"])
	a = append(a, val(houses["totalCount"]))
	for _, h := range nodes(houses["nodes"]) {
		occ := obj(h["occupancy"])
		a = append(a, val(h["id"]), val(h["name"]), val(occ["capacity"]), val(occ["occupied"]), val(occ["available"]))
	}
	meetings := obj(ops[2]["meetings"])
	a = append(a, val(meetings["totalCount"]), val(obj(meetings["pageInfo"])["hasNextPage"]))
	for _, m := range nodes(meetings["nodes"]) {
		g := obj(m["group"])
		a = append(a, val(m["id"]), val(m["startsAt"]), val(m["topic"]), val(g["id"]), val(g["name"]))
	}
	a = append(a, "plans")
	for _, p := range nodes(obj(ops[3]["aftercarePlansDueForReview"])["nodes"]) {
		mb := obj(p["member"])
		a = append(a, val(p["id"]), val(p["reviewOn"]), val(mb["id"]), val(mb["displayName"]))
	}
	return append(a, todayListsOurs(ops[4], ops[5])...)
}

// todayListsOurs are the milestones and step-ups as the API answers them.
func todayListsOurs(milestones, stepUps map[string]any) []string {
	a := []string{"milestones"}
	ms := obj(milestones["upcomingMilestones"])
	a = append(a, val(ms["totalCount"]))
	for _, n := range nodes(ms["nodes"]) {
		mb, m := obj(n["member"]), obj(n["milestone"])
		a = append(a, val(mb["id"]), val(mb["displayName"]), val(m["key"]), val(m["label"]), val(m["reachedOn"]))
	}
	a = append(a, "step-ups")
	su := obj(stepUps["recentCareLevelChanges"])
	a = append(a, val(su["totalCount"]))
	for _, n := range nodes(su["nodes"]) {
		mb := obj(n["member"])
		a = append(a, val(n["changedAt"]), val(mb["id"]), val(mb["displayName"]))
	}
	return a
}

func todayFloor(floor map[string]any) []string { return todayFloorOf(floor, true) }

// todayFloorForPeer is the floor without the week's meetings (stock
// PostGraphile has no range condition) and the milestones and step-ups
// (computed by our API).
func todayFloorForPeer(floor map[string]any) []string { return todayFloorOf(floor, false) }

func todayFloorOf(floor map[string]any, full bool) []string {
	b := []string{val(floor["inCare"])}
	for _, l := range nodes(floor["levels"]) {
		b = append(b, fields(l, "code", "name", "shortName", "count")...)
	}
	houses := obj(floor["houses"])
	b = append(b, val(houses["totalCount"]))
	for _, h := range nodes(houses["nodes"]) {
		b = append(b, gid(globalid.TypeHouse, h["id"]), val(h["name"]), val(h["capacity"]), val(h["occupied"]), val(h["available"]))
	}
	if full {
		meetings := obj(floor["meetings"])
		list := nodes(meetings["nodes"])
		total, _ := meetings["totalCount"].(float64)
		b = append(b, val(total), val(total > float64(len(list))))
		for _, m := range list {
			g := obj(m["group"])
			b = append(b, gid(globalid.TypeMeeting, m["id"]), val(m["startsAt"]), val(m["topic"]), gid(globalid.TypeGroup, g["id"]), val(g["name"]))
		}
	}
	b = append(b, "plans")
	for _, p := range nodes(floor["plansDue"]) {
		mb := obj(p["member"])
		b = append(b, gid(globalid.TypeAftercarePlan, p["id"]), val(p["reviewOn"]), gid(globalid.TypeMember, mb["id"]), val(mb["displayName"]))
	}
	if full {
		b = append(b, todayListsFloor(floor)...)
	}
	return b
}

// todayListsFloor are the milestones and step-ups from the floor's rows.
// The step-ups are computed in SQL; the milestones are not, because
// PostgreSQL's date arithmetic clamps (31 Aug + 6 months is 28 Feb) where
// the rule overflows like Go's AddDate (3 Mar): the floor reads the members
// in care with a recovery start date in its one statement, and the harness
// applies server/domain's rule to them, first 20 as the app asks.
func todayListsFloor(floor map[string]any) []string {
	var members []*domain.Member
	for _, m := range nodes(floor["recoveryStarts"]) {
		start, err := time.Parse(time.DateOnly, val(m["recoveryStartedOn"]))
		if err != nil {
			return []string{"recovery start date " + val(m["recoveryStartedOn"])}
		}
		id, _ := m["id"].(float64)
		members = append(members, &domain.Member{ID: int64(id), FirstName: val(m["firstName"]), LastName: val(m["lastName"]),
			PreferredName: optional(m["preferredName"]), RecoveryStartDate: &start})
	}
	list := domain.UpcomingMilestones(members, time.Now().UTC(), milestoneDays)
	b := []string{"milestones", val(len(list))}
	for _, u := range list[:min(len(list), 20)] {
		b = append(b, globalid.EncodeInt(globalid.TypeMember, u.Member.ID), u.Member.DisplayName(), u.Milestone.Key, u.Milestone.Label, u.Milestone.Date.Format(time.DateOnly))
	}
	b = append(b, "step-ups")
	su := obj(floor["stepUps"])
	b = append(b, val(su["totalCount"]))
	for _, n := range nodes(su["nodes"]) {
		b = append(b, val(n["changedAt"]), gid(globalid.TypeMember, n["memberId"]), val(n["displayName"]))
	}
	return b
}

func optional(v any) *string {
	if s, ok := v.(string); ok {
		return &s
	}
	return nil
}
