package main

import (
	"time"

	"carejourney/graph/globalid"
)

// Page 4: a partner's directory, read with the demo directory:read key:
// every house with an open bed, then every active group with its schedule
// and next week's meetings, a page of 100 at a time (the API's most), as a
// partner's sync would page through them.

// demoDirectoryKey is the demo's directory:read key (server/seed/partners.go).
const demoDirectoryKey = "cjk_demo_directory_read_2026"

func directorySetup(e *env, call caller) ([]op, map[string]string, error) {
	from, to := isoInstant(e.now), isoInstant(e.now.Add(7*24*time.Hour))
	houses, err := pagesOf(call, op{file: "directory.graphql", operation: "DirectoryHouses", variables: map[string]any{}}, "houses")
	if err != nil {
		return nil, nil, err
	}
	groups, err := pagesOf(call, op{file: "directory.graphql", operation: "DirectoryGroups",
		variables: map[string]any{"from": from, "to": to}}, "groups")
	if err != nil {
		return nil, nil, err
	}
	return append(houses, groups...), map[string]string{"from": from, "to": to}, nil
}

// pagesOf sends o, then o after each page's end cursor, while the
// connection at key has a next page, and returns the operations sent.
func pagesOf(call caller, o op, key string) ([]op, error) {
	var ops []op
	for {
		data, err := call(o)
		if err != nil {
			return nil, err
		}
		ops = append(ops, o)
		info := obj(obj(data[key])["pageInfo"])
		if info["hasNextPage"] != true {
			return ops, nil
		}
		next := map[string]any{"after": info["endCursor"]}
		for k, v := range o.variables {
			if k != "after" {
				next[k] = v
			}
		}
		o = op{file: o.file, operation: o.operation, variables: next}
	}
}

var weekdays = []string{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}

func directoryOurs(data map[string]any) []string {
	var houses, groups []map[string]any
	houseTotal, groupTotal := "none", "none"
	for _, d := range operations(data) {
		if c := obj(d["houses"]); c != nil {
			houseTotal = val(c["totalCount"])
			houses = append(houses, nodes(c["nodes"])...)
		}
		if c := obj(d["groups"]); c != nil {
			groupTotal = val(c["totalCount"])
			groups = append(groups, nodes(c["nodes"])...)
		}
	}
	a := []string{houseTotal, groupTotal}
	for _, h := range houses {
		occ := obj(h["occupancy"])
		a = append(a, fields(h, "id", "name", "address", "phone", "genderDesignation", "narrLevel")...)
		a = append(a, val(occ["capacity"]), val(occ["available"]))
	}
	for _, g := range groups {
		a = append(a, fields(g, "id", "name", "kind", "description", "modality", "location", "timeZone")...)
		a = append(a, val(obj(g["house"])["id"]), val(obj(g["house"])["name"]))
		for _, s := range nodes(g["schedule"]) {
			a = append(a, fields(s, "dayOfWeek", "startTime", "durationMinutes", "timeOfDay")...)
		}
		a = append(a, "meetings")
		for _, m := range nodes(obj(g["meetings"])["nodes"]) {
			a = append(a, fields(m, "id", "startsAt", "endsAt", "timeOfDay", "topic")...)
		}
	}
	return a
}

func directoryFloor(floor map[string]any) []string { return directoryFloorOf(floor, true) }

// directoryFloorForPeer is the floor without the meetings (stock
// PostGraphile has no range condition to ask for next week's) and the
// schedule's time of day (computed by our API).
func directoryFloorForPeer(floor map[string]any) []string { return directoryFloorOf(floor, false) }

func directoryFloorOf(floor map[string]any, full bool) []string {
	houses, groups := nodes(floor["houses"]), nodes(floor["groups"])
	b := []string{val(float64(len(houses))), val(float64(len(groups)))}
	for _, h := range houses {
		b = append(b, gid(globalid.TypeHouse, h["id"]))
		b = append(b, fields(h, "name", "address", "phone", "genderDesignation", "narrLevel", "capacity", "available")...)
	}
	for _, g := range groups {
		b = append(b, gid(globalid.TypeGroup, g["id"]))
		b = append(b, fields(g, "name", "kind", "description", "modality", "location", "timeZone")...)
		b = append(b, gid(globalid.TypeHouse, obj(g["house"])["id"]), val(obj(g["house"])["name"]))
		for _, s := range nodes(g["schedule"]) {
			day := "?"
			if n, ok := s["dayOfWeek"].(float64); ok && n >= 1 && n <= 7 {
				day = weekdays[int(n)-1]
			}
			b = append(b, day)
			b = append(b, fields(s, "startTime", "durationMinutes")...)
			if full {
				b = append(b, val(s["timeOfDay"]))
			}
		}
		if !full {
			continue
		}
		b = append(b, "meetings")
		for _, m := range nodes(g["meetings"]) {
			b = append(b, gid(globalid.TypeMeeting, m["id"]))
			b = append(b, fields(m, "startsAt", "endsAt", "timeOfDay", "topic")...)
		}
	}
	return b
}
