package main

import (
	"fmt"
	"time"

	"carejourney/graph/globalid"
)

// Page 2 on the peer: one query (bench/peer/queries/journey.graphql) for
// the member ours' setup picked. The attendance weeks are counted here from
// the member's attendance records, as the peer's client would: stock
// PostGraphile has no period argument.

// journeyPeerFrom is where the run's attendance weeks start (ours' setup
// computed it from the journey's start); journeyPeer counts from it.
var journeyPeerFrom time.Time

func journeyPeerSetup(e *env, values map[string]string, call caller) ([]op, error) {
	from, err := time.Parse(time.RFC3339Nano, values["from"])
	if err != nil {
		return nil, fmt.Errorf("attendance start %q: %w", values["from"], err)
	}
	journeyPeerFrom = from
	return []op{{file: "journey.graphql", variables: map[string]any{"id": values["member_id"]}}}, nil
}

func journeyPeer(data map[string]any) []string {
	var a []string
	for _, l := range conn(data["allCareLevels"]) {
		a = append(a, fields(l, "code", "name", "shortName", "intensity")...)
	}
	m := obj(data["memberByRowId"])
	episodes, residencies := conn(m["careEpisodesByMemberId"]), conn(m["residenciesByMemberId"])
	var level, res map[string]any
	for _, ep := range episodes {
		if ep["endedAt"] == nil {
			level = obj(ep["careLevelByCareLevelCode"])
		}
	}
	for _, r := range residencies {
		if r["moveOutAt"] == nil {
			res = r
		}
	}
	peer := obj(first(m["peerAssignmentsByMemberId"])["peerByPeerId"])
	plan := first(m["aftercarePlansByMemberId"])
	house := obj(res["houseByHouseId"])
	a = append(a, rowGID(globalid.TypeMember, m), displayName(m), val(m["status"]))
	a = append(a, val(level["code"]), val(level["name"]), rowGID(globalid.TypeResidency, res), val(res["bed"]),
		rowGID(globalid.TypeHouse, house), val(house["name"]), rowGID(globalid.TypePeer, peer), val(peer["name"]),
		rowGID(globalid.TypeAftercarePlan, plan))
	for _, ep := range episodes {
		cl := obj(ep["careLevelByCareLevelCode"])
		a = append(a, rowGID(globalid.TypeCareEpisode, ep), val(cl["code"]), val(cl["name"]))
		a = append(a, fields(ep, "startedAt", "endedAt", "reason", "dischargeReason")...)
	}
	for _, r := range residencies {
		h := obj(r["houseByHouseId"])
		a = append(a, rowGID(globalid.TypeResidency, r), rowGID(globalid.TypeHouse, h), val(h["name"]), val(r["moveInAt"]), val(r["moveOutAt"]))
	}
	a = append(a, "notes")
	for _, u := range conn(m["updatesByMemberId"]) {
		a = append(a, rowGID(globalid.TypeUpdate, u), val(u["kind"]), val(u["body"]), val(u["occurredAt"]))
	}
	a = append(a, "weeks")
	return append(a, attendanceWeeks(conn(m["attendanceRecordsByMemberId"]), journeyPeerFrom, time.Now().UTC())...)
}

// attendanceWeeks counts the records present or late per UTC week (from
// Monday), from the week of from to the week of today, for meetings that
// started from from to the end of today: what ours' attendanceSummary and
// the floor give.
func attendanceWeeks(records []map[string]any, from, now time.Time) []string {
	monday := func(t time.Time) time.Time {
		d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
	}
	stop := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1)
	count := map[time.Time]int{}
	for _, r := range records {
		if r["status"] != "PRESENT" && r["status"] != "LATE" {
			continue
		}
		s, _ := obj(r["meetingByMeetingId"])["startsAt"].(string)
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil || t.Before(from) || !t.Before(stop) {
			continue
		}
		count[monday(t.UTC())]++
	}
	var out []string
	for w := monday(from.UTC()); !w.After(monday(stop.Add(-time.Microsecond))); w = w.AddDate(0, 0, 7) {
		out = append(out, w.Format("2006-01-02"), fmt.Sprint(count[w]))
	}
	return out
}
