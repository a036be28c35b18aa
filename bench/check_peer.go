package main

import "fmt"

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
