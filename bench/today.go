package main

import (
	"fmt"
	"time"

	"carejourney/graph/globalid"
)

// Page 5: the Today page (frontend/src/today) as one page load, in the
// order it asks: the in-care count (useMemberDigest, then the census),
// the care levels, house occupancy, this week's meetings from the start of
// today to Monday, the plans due; then, once the levels are in, one count
// per level; and once the count is in, the member digest page after page
// (sized to what is left, 100 at most, 1,000 members in all). The viewer
// query is answered from the app's cache. The browser's zone is taken as
// the provider's (UTC in the bench).

const digestCap, digestPageMax = 1000, 100

func todaySetup(e *env, call caller) ([]op, map[string]string, error) {
	day := time.Date(e.now.Year(), e.now.Month(), e.now.Day(), 0, 0, 0, 0, time.UTC)
	sinceMonday := (int(day.Weekday()) + 6) % 7
	from, to := isoInstant(day), isoInstant(day.AddDate(0, 0, 7-sinceMonday))
	inCare := op{file: "today1_incare.graphql", variables: map[string]any{}}
	levels := op{file: "today2_levels.graphql", variables: map[string]any{}}
	ops := []op{inCare, levels,
		{file: "today3_occupancy.graphql", variables: map[string]any{}},
		{file: "today4_meetings.graphql", variables: map[string]any{"from": from, "to": to}},
		{file: "today5_plansdue.graphql", variables: map[string]any{}}}
	lv, err := call(levels)
	if err != nil {
		return nil, nil, err
	}
	for _, l := range nodes(lv["careLevels"]) {
		ops = append(ops, op{file: "today6_census.graphql", variables: map[string]any{"code": l["code"]}})
	}
	ic, err := call(inCare)
	if err != nil {
		return nil, nil, err
	}
	total, _ := obj(ic["members"])["totalCount"].(float64)
	fetched := 0
	var after any
	for {
		first := min(digestPageMax, min(int(total), digestCap)-fetched)
		if first <= 0 {
			break
		}
		o := op{file: "today7_digest.graphql", variables: map[string]any{"first": first, "after": after}}
		data, err := call(o)
		if err != nil {
			return nil, nil, err
		}
		ops = append(ops, o)
		conn := obj(data["members"])
		fetched += len(nodes(conn["nodes"]))
		info := obj(conn["pageInfo"])
		if info["hasNextPage"] != true || info["endCursor"] == nil {
			break
		}
		after = info["endCursor"]
	}
	fmt.Printf("  week from %s to %s, %d members in care\n", from, to, int(total))
	return ops, map[string]string{"from": from, "to": to}, nil
}

func todayOurs(data map[string]any) []string {
	ops := operations(data)
	if len(ops) < 5 {
		return []string{fmt.Sprintf("%d operations", len(ops))}
	}
	levels := nodes(ops[1]["careLevels"])
	if len(ops) < 5+len(levels) {
		return []string{fmt.Sprintf("%d operations for %d levels", len(ops), len(levels))}
	}
	a := []string{val(obj(ops[0]["members"])["totalCount"])}
	for i, l := range levels {
		a = append(a, fields(l, "code", "name", "shortName")...)
		a = append(a, val(obj(ops[5+i]["members"])["totalCount"]))
	}
	houses := obj(ops[2]["houses"])
	a = append(a, val(houses["totalCount"]))
	for _, h := range nodes(houses["nodes"]) {
		occ := obj(h["occupancy"])
		a = append(a, val(h["id"]), val(h["name"]), val(occ["capacity"]), val(occ["occupied"]), val(occ["available"]))
	}
	meetings := obj(ops[3]["meetings"])
	a = append(a, val(meetings["totalCount"]), val(obj(meetings["pageInfo"])["hasNextPage"]))
	for _, m := range nodes(meetings["nodes"]) {
		g := obj(m["group"])
		a = append(a, val(m["id"]), val(m["startsAt"]), val(m["topic"]), val(g["id"]), val(g["name"]))
	}
	a = append(a, "plans")
	for _, p := range nodes(obj(ops[4]["aftercarePlansDueForReview"])["nodes"]) {
		mb := obj(p["member"])
		a = append(a, val(p["id"]), val(p["reviewOn"]), val(mb["id"]), val(mb["displayName"]))
	}
	digest := ops[5+len(levels):]
	a = append(a, "digest")
	if len(digest) > 0 {
		a = append(a, val(obj(digest[0]["members"])["totalCount"]))
	} else {
		a = append(a, a[0]) // nobody in care: the app asks for no page
	}
	for _, d := range digest {
		for _, m := range nodes(obj(d["members"])["nodes"]) {
			ep := obj(m["currentEpisode"])
			a = append(a, val(m["id"]), val(m["displayName"]), val(m["recoveryStartDate"]), val(ep["startedAt"]), val(ep["transition"]))
		}
	}
	return a
}

func todayFloor(floor map[string]any) []string { return todayFloorOf(floor, true) }

// todayFloorForPeer is the floor without the week's meetings (stock
// PostGraphile has no range condition) and the open episode's transition
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
	b = append(b, "digest", val(floor["inCare"]))
	for _, m := range nodes(floor["digest"]) {
		ep := obj(m["currentEpisode"])
		b = append(b, gid(globalid.TypeMember, m["id"]), val(m["displayName"]), val(m["recoveryStartDate"]), val(ep["startedAt"]))
		if full {
			b = append(b, val(ep["transition"]))
		}
	}
	return b
}
