package main

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"carejourney/graph/globalid"
)

// Page 2: one member's journey page as the app loads it when a case
// manager opens /members/:id (frontend/src/members/MemberJourneyPage.tsx):
// MemberJourney with $clinical true (a case manager is clinical), then,
// once its episodes are in, the timeline's TimelineAttendance from the
// start of the whole journey. The viewer query the page also reads is
// answered from the app's cache (the layout loaded it), so it is not sent.

// journeyMemberSQL picks the member deterministically: one who lives in a
// house, has a peer, an active plan, notes and attendance, with the most
// episodes, then residencies, notes and attendance records.
const journeyMemberSQL = `SELECT m.id FROM members m
 WHERE EXISTS (SELECT 1 FROM residencies r WHERE r.member_id = m.id AND r.move_out_at IS NULL)
   AND EXISTS (SELECT 1 FROM peer_assignments a WHERE a.member_id = m.id AND a.ended_at IS NULL)
   AND EXISTS (SELECT 1 FROM aftercare_plans p WHERE p.member_id = m.id AND p.status = 'ACTIVE')
   AND EXISTS (SELECT 1 FROM updates u WHERE u.member_id = m.id AND u.kind = 'NOTE')
   AND EXISTS (SELECT 1 FROM attendance_records a WHERE a.member_id = m.id)
 ORDER BY (SELECT count(*) FROM care_episodes e WHERE e.member_id = m.id AND e.superseded_at IS NULL) DESC,
   (SELECT count(*) FROM residencies r WHERE r.member_id = m.id) DESC,
   (SELECT count(*) FROM updates u WHERE u.member_id = m.id AND u.kind = 'NOTE') DESC,
   (SELECT count(*) FROM attendance_records a WHERE a.member_id = m.id) DESC, m.id
 LIMIT 1`

func journeySetup(e *env, call caller) ([]op, map[string]string, error) {
	out, err := e.pg.psql("bench", journeyMemberSQL)
	if err != nil {
		return nil, nil, err
	}
	id, err := strconv.ParseInt(out, 10, 64)
	if err != nil {
		return nil, nil, fmt.Errorf("no member with a full journey in the data (%q)", out)
	}
	memberID := globalid.EncodeInt(globalid.TypeMember, id)
	journey := op{file: "journey1_member.graphql", variables: map[string]any{"id": memberID, "clinical": true}}
	data, err := call(journey)
	if err != nil {
		return nil, nil, err
	}
	from := isoInstant(timelineFrom(obj(data["member"]), e.now))
	attendance := op{file: "journey2_attendance.graphql", variables: map[string]any{"id": memberID, "from": from}}
	fmt.Printf("  member %s (id %d), attendance from %s\n", memberID, id, from)
	return []op{journey, attendance}, map[string]string{"member_id": out, "from": from}, nil
}

// timelineFrom is where the timeline's attendance starts (Timeline.tsx and
// zoomWindow in timeline.ts): the first episode start or move-in before
// now, less 3% of the time since (at least 3 days), at the start of its
// UTC day; 3 months back when there is neither.
func timelineFrom(member map[string]any, now time.Time) time.Time {
	var first time.Time
	consider := func(v any) {
		s, _ := v.(string)
		t, err := time.Parse(time.RFC3339Nano, s)
		if err == nil && t.Before(now) && (first.IsZero() || t.Before(first)) {
			first = t
		}
	}
	for _, ep := range conn(member["careEpisodes"]) {
		consider(ep["startedAt"])
	}
	for _, r := range conn(member["residencies"]) {
		consider(r["moveInAt"])
	}
	var start time.Time
	if first.IsZero() {
		start = now.AddDate(0, -3, 0)
	} else {
		day := 24 * time.Hour
		pad := time.Duration(math.Max(float64(3*day), float64(now.Sub(first))*0.03))
		start = first.Add(-pad)
	}
	return start.UTC().Truncate(24 * time.Hour)
}

func journeyOurs(data map[string]any) []string {
	ops := operations(data)
	if len(ops) != 2 {
		return []string{fmt.Sprintf("%d operations", len(ops))}
	}
	var a []string
	for _, l := range nodes(ops[0]["careLevels"]) {
		a = append(a, fields(l, "code", "name", "shortName", "intensity")...)
	}
	m := obj(ops[0]["member"])
	level, res, peer, plan := obj(m["currentCareLevel"]), obj(m["currentResidency"]), obj(m["currentPeer"]), obj(m["activeAftercarePlan"])
	a = append(a, fields(m, "id", "displayName", "status", "daysInRecovery")...)
	a = append(a, val(level["code"]), val(level["name"]), val(res["id"]), val(res["bed"]),
		val(obj(res["house"])["id"]), val(obj(res["house"])["name"]), val(peer["id"]), val(peer["name"]), val(plan["id"]))
	for _, ep := range conn(m["careEpisodes"]) {
		cl := obj(ep["careLevel"])
		a = append(a, val(ep["id"]), val(cl["code"]), val(cl["name"]))
		a = append(a, fields(ep, "startedAt", "endedAt", "transition", "reason", "dischargeReason")...)
	}
	for _, r := range conn(m["residencies"]) {
		h := obj(r["house"])
		a = append(a, val(r["id"]), val(h["id"]), val(h["name"]), val(r["moveInAt"]), val(r["moveOutAt"]))
	}
	a = append(a, "milestones")
	for _, ms := range nodes(obj(m["milestones"])["reached"]) {
		a = append(a, fields(ms, "key", "label", "reachedOn")...)
	}
	a = append(a, "notes")
	for _, u := range nodes(obj(m["updates"])["nodes"]) {
		a = append(a, fields(u, "id", "kind", "body", "occurredAt")...)
	}
	a = append(a, "weeks")
	for _, w := range nodes(obj(obj(ops[1]["member"])["attendanceSummary"])["weeks"]) {
		a = append(a, fields(w, "weekStartsOn", "attended")...)
	}
	return a
}

func journeyFloor(floor map[string]any) []string { return journeyFloorOf(floor, true) }

// journeyFloorForPeer is the floor without what our API computes (days
// in recovery, transitions, milestones), which the peer cannot give.
func journeyFloorForPeer(floor map[string]any) []string { return journeyFloorOf(floor, false) }

func journeyFloorOf(floor map[string]any, computed bool) []string {
	var b []string
	for _, l := range nodes(floor["careLevels"]) {
		b = append(b, fields(l, "code", "name", "shortName", "intensity")...)
	}
	m := obj(floor["member"])
	level, res, peer, plan := obj(m["currentCareLevel"]), obj(m["currentResidency"]), obj(m["currentPeer"]), obj(m["activeAftercarePlan"])
	b = append(b, gid(globalid.TypeMember, m["id"]), val(m["displayName"]), val(m["status"]))
	if computed {
		b = append(b, val(m["daysInRecovery"]))
	}
	b = append(b, val(level["code"]), val(level["name"]), gid(globalid.TypeResidency, res["id"]), val(res["bed"]),
		gid(globalid.TypeHouse, obj(res["house"])["id"]), val(obj(res["house"])["name"]),
		gid(globalid.TypePeer, peer["id"]), val(peer["name"]), gid(globalid.TypeAftercarePlan, plan["id"]))
	for _, ep := range nodes(m["careEpisodes"]) {
		b = append(b, gid(globalid.TypeCareEpisode, ep["id"]), val(ep["code"]), val(ep["name"]))
		b = append(b, fields(ep, "startedAt", "endedAt")...)
		if computed {
			b = append(b, val(ep["transition"]))
		}
		b = append(b, fields(ep, "reason", "dischargeReason")...)
	}
	for _, r := range nodes(m["residencies"]) {
		h := obj(r["house"])
		b = append(b, gid(globalid.TypeResidency, r["id"]), gid(globalid.TypeHouse, h["id"]), val(h["name"]), val(r["moveInAt"]), val(r["moveOutAt"]))
	}
	if computed {
		b = append(b, "milestones")
		for _, ms := range nodes(obj(m["milestones"])["reached"]) {
			b = append(b, fields(ms, "key", "label", "reachedOn")...)
		}
	}
	b = append(b, "notes")
	for _, u := range nodes(m["updates"]) {
		b = append(b, gid(globalid.TypeUpdate, u["id"]), val(u["kind"]), val(u["body"]), val(u["occurredAt"]))
	}
	b = append(b, "weeks")
	for _, w := range nodes(m["attendanceWeeks"]) {
		b = append(b, fields(w, "weekStartsOn", "attended")...)
	}
	return b
}
