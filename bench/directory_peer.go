package main

import (
	"carejourney/graph/globalid"
)

// Page 4 on the peer: one query (bench/peer/queries/directory.graphql),
// every house and every active group at once. The client keeps the houses
// with an open bed; next week's meetings and the schedule's time of day
// are not compared (see the page's peerCompared).
func directoryPeer(data map[string]any) []string {
	var houses []string
	open := 0
	for _, h := range conn(data["allHouses"]) {
		capacity, _ := h["capacity"].(float64)
		occupied, _ := obj(h["residenciesByHouseId"])["totalCount"].(float64)
		if occupied >= capacity {
			continue
		}
		open++
		houses = append(houses, rowGID(globalid.TypeHouse, h))
		houses = append(houses, fields(h, "name", "address", "phone", "genderDesignation", "narrLevel", "capacity")...)
		houses = append(houses, val(capacity-occupied))
	}
	groups := conn(data["allGroups"])
	a := append([]string{val(float64(open)), val(float64(len(groups)))}, houses...)
	for _, g := range groups {
		h := obj(g["houseByHouseId"])
		a = append(a, rowGID(globalid.TypeGroup, g))
		a = append(a, fields(g, "name", "kind", "description", "modality", "location", "timeZone")...)
		a = append(a, rowGID(globalid.TypeHouse, h), val(h["name"]))
		for _, s := range conn(g["groupScheduleSlotsByGroupId"]) {
			day := "?"
			if n, ok := s["dayOfWeek"].(float64); ok && n >= 1 && n <= 7 {
				day = weekdays[int(n)-1]
			}
			// PostgreSQL's time is HH:MM:SS; ours and the floor give HH:MM.
			start, _ := s["startTime"].(string)
			a = append(a, day, start[:min(5, len(start))], val(s["durationMinutes"]))
		}
	}
	return a
}
