package main

import (
	"fmt"
	"strings"
	"time"

	"carejourney/graph/globalid"
)

// Page 5 on the peer: PeerToday (bench/peer/queries/today.graphql), then,
// once the levels are in, one query counting each level's open episodes
// (a member has an open episode exactly while in care, so that is the
// count in care at the level; our API filters members by status too).
func todayPeerSetup(e *env, values map[string]string, call caller) ([]op, error) {
	today := op{file: "today.graphql", variables: map[string]any{}}
	data, err := call(today)
	if err != nil {
		return nil, err
	}
	var params, counts []string
	vars := map[string]any{}
	for i, l := range conn(data["allCareLevels"]) {
		params = append(params, fmt.Sprintf("$c%d: String!", i))
		counts = append(counts, fmt.Sprintf("  l%d: allCareEpisodes(condition: { careLevelCode: $c%d, endedAt: null, supersededAt: null }) { totalCount }", i, i))
		vars[fmt.Sprintf("c%d", i)] = l["code"]
	}
	if len(counts) == 0 {
		return []op{today}, nil
	}
	census := op{file: "today_census (built by todayPeerSetup)", variables: vars,
		query: "query PeerTodayCensus(" + strings.Join(params, ", ") + ") {\n" + strings.Join(counts, "\n") + "\n}\n"}
	return []op{today, census}, nil
}

func todayPeer(data map[string]any) []string {
	ops := operations(data)
	if len(ops) != 2 {
		return []string{fmt.Sprintf("%d operations", len(ops))}
	}
	t, census := ops[0], ops[1]
	members := obj(t["allMembers"])
	a := []string{val(members["totalCount"])}
	for i, l := range conn(t["allCareLevels"]) {
		a = append(a, fields(l, "code", "name", "shortName")...)
		a = append(a, val(obj(census[fmt.Sprintf("l%d", i)])["totalCount"]))
	}
	houses := obj(t["allHouses"])
	a = append(a, val(houses["totalCount"]))
	for _, h := range conn(houses) {
		capacity, _ := h["capacity"].(float64)
		occupied, _ := obj(h["residenciesByHouseId"])["totalCount"].(float64)
		a = append(a, rowGID(globalid.TypeHouse, h), val(h["name"]), val(capacity), val(occupied), val(max(capacity-occupied, 0)))
	}
	// The plans due are the active ones reviewed by today (the floor's
	// provider day, UTC); ISO dates compare as strings.
	day := time.Now().UTC().Format("2006-01-02")
	a = append(a, "plans")
	for _, p := range conn(t["allAftercarePlans"]) {
		if on, _ := p["reviewOn"].(string); on > day {
			continue
		}
		mb := obj(p["memberByMemberId"])
		a = append(a, rowGID(globalid.TypeAftercarePlan, p), val(p["reviewOn"]), rowGID(globalid.TypeMember, mb), displayName(mb))
	}
	// The milestones and step-ups are rules our API applies (server/domain);
	// the peer has no such field, so they are not compared.
	return a
}
