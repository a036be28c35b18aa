package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// checkPage compares ours with the floor once: the total, and in page
// order each member's care level name and house name (ids are opaque
// global ids on our side, so they are not compared).
func checkPage(pg *cluster, q request, floorFile string) string {
	ours, err := q.fetch()
	if err != nil {
		return "ours failed: " + err.Error()
	}
	sql, err := os.ReadFile(floorFile)
	if err != nil {
		return err.Error()
	}
	out, err := pg.psql("bench", string(sql))
	if err != nil {
		return "floor failed: " + err.Error()
	}
	var floor map[string]any
	if err := json.Unmarshal([]byte(out), &floor); err != nil {
		return "floor output: " + err.Error()
	}
	data, _ := ours["data"].(map[string]any)
	members, _ := data["members"].(map[string]any)
	a := []string{fmt.Sprint(members["totalCount"])}
	nodes, _ := members["nodes"].([]any)
	for _, n := range nodes {
		m := n.(map[string]any)
		a = append(a, name(m["currentCareLevel"])+"/"+house(m["currentResidency"]))
	}
	b := []string{fmt.Sprint(floor["totalCount"])}
	fnodes, _ := floor["nodes"].([]any)
	for _, n := range fnodes {
		m := n.(map[string]any)
		h := ""
		if r, ok := m["residency"].(map[string]any); ok {
			h = fmt.Sprint(r["house"])
		}
		b = append(b, name(m["level"])+"/"+h)
	}
	if strings.Join(a, ",") != strings.Join(b, ",") {
		return fmt.Sprintf("MISMATCH: ours %v, floor %v", a, b)
	}
	return fmt.Sprintf("equal (%d members: total, level and house per row)", len(nodes))
}

func name(v any) string {
	if m, ok := v.(map[string]any); ok {
		return fmt.Sprint(m["name"])
	}
	return ""
}

func house(v any) string {
	if m, ok := v.(map[string]any); ok {
		return name(m["house"])
	}
	return ""
}
