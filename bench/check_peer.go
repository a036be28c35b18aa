package main

import (
	"fmt"
	"strconv"

	"carejourney/graph/globalid"
)

// The peer's answers in PostGraphile's derived schema, reduced to what
// checkPage compares for ours: the current rows are one-element lists
// (unique partial indexes allow at most one open row per member).

// membersPeer lists the total, then each row's level and house.
func membersPeer(data map[string]any) []string {
	members, _ := data["allMembers"].(map[string]any)
	a := []string{fmt.Sprint(members["totalCount"])}
	for _, m := range nodes(members["nodes"]) {
		level := name(first(m["careEpisodesByMemberId"])["careLevelByCareLevelCode"])
		house := name(first(m["residenciesByMemberId"])["houseByHouseId"])
		a = append(a, level+"/"+house)
	}
	return a
}

// houseboardPeer lists the total, then each house's name and its
// residents' beds and levels in order.
func houseboardPeer(data map[string]any) []string {
	houses, _ := data["allHouses"].(map[string]any)
	a := []string{fmt.Sprint(houses["totalCount"])}
	for _, h := range nodes(houses["nodes"]) {
		a = append(a, fmt.Sprint(h["name"]))
		residents, _ := h["residenciesByHouseId"].(map[string]any)
		for _, r := range nodes(residents["nodes"]) {
			m, _ := r["memberByMemberId"].(map[string]any)
			level := name(first(m["careEpisodesByMemberId"])["careLevelByCareLevelCode"])
			a = append(a, fmt.Sprint(r["bed"])+"/"+level)
		}
	}
	return a
}

// first is a connection's first node, or nil when it has none.
func first(conn any) map[string]any {
	c, _ := conn.(map[string]any)
	if ns := nodes(c["nodes"]); len(ns) > 0 {
		return ns[0]
	}
	return nil
}

// rowGID is the global ID ours gives the row whose rowId the peer returns
// (PostGraphile writes BigInt as a string); "null" for none.
func rowGID(typeName string, row map[string]any) string {
	s, _ := row["rowId"].(string)
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return "null"
	}
	return globalid.EncodeInt(typeName, n)
}

// displayName is what our API calls a member's display name, derived from
// the columns as a client of the peer would: the preferred name, else the
// first, then the last name.
func displayName(m map[string]any) string {
	given, _ := m["preferredName"].(string)
	if given == "" {
		given, _ = m["firstName"].(string)
	}
	last, _ := m["lastName"].(string)
	return given + " " + last
}

// conn is a connection's nodes.
func conn(v any) []map[string]any { return nodes(obj(v)["nodes"]) }
