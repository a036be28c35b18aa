package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// checkPage compares ours with the floor once, by the values each page's
// extractors take from them (the page's `compared` says which).
func checkPage(pg *cluster, q request, floorFile string) string {
	who := q.label
	if who == "" {
		who = "ours"
	}
	responses, err := fetchAll(q)
	if err != nil {
		return who + " failed: " + err.Error()
	}
	// A page of one operation is compared by its data; a page of several
	// gives its extractor every response's data, in order, as "operations".
	data := responses[len(responses)-1]
	if len(responses) > 1 {
		list := make([]any, len(responses))
		for i, r := range responses {
			list[i] = r
		}
		data = map[string]any{"operations": list}
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
	a, b := q.extractOurs(data), q.extractFloor(floor)
	if strings.Join(a, ",") != strings.Join(b, ",") {
		return mismatch(who, a, b)
	}
	ops := fmt.Sprintf("%d operations per page load", len(responses))
	if len(responses) == 1 {
		ops = "1 operation per page load"
	}
	return fmt.Sprintf("equal (%s; %d values compared: %s)", ops, len(a), q.compared)
}

func nodes(v any) []map[string]any {
	var out []map[string]any
	list, _ := v.([]any)
	for _, n := range list {
		if m, ok := n.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// membersOurs and membersFloor list the total, then each row's level and house.
func membersOurs(data map[string]any) []string {
	members, _ := data["members"].(map[string]any)
	a := []string{fmt.Sprint(members["totalCount"])}
	for _, m := range nodes(members["nodes"]) {
		a = append(a, name(m["currentCareLevel"])+"/"+house(m["currentResidency"]))
	}
	return a
}

func membersFloor(floor map[string]any) []string {
	b := []string{fmt.Sprint(floor["totalCount"])}
	for _, m := range nodes(floor["nodes"]) {
		h := ""
		if r, ok := m["residency"].(map[string]any); ok {
			h = fmt.Sprint(r["house"])
		}
		b = append(b, name(m["level"])+"/"+h)
	}
	return b
}

// houseboardOurs and houseboardFloor list the total, then each house's
// name and its residents' beds and levels in order.
func houseboardOurs(data map[string]any) []string {
	houses, _ := data["houses"].(map[string]any)
	a := []string{fmt.Sprint(houses["totalCount"])}
	for _, h := range nodes(houses["nodes"]) {
		a = append(a, fmt.Sprint(h["name"]))
		for _, r := range nodes(h["residents"]) {
			m, _ := r["member"].(map[string]any)
			a = append(a, fmt.Sprint(r["bed"])+"/"+name(m["currentCareLevel"]))
		}
	}
	return a
}

func houseboardFloor(floor map[string]any) []string {
	b := []string{fmt.Sprint(floor["totalCount"])}
	for _, h := range nodes(floor["nodes"]) {
		b = append(b, fmt.Sprint(h["name"]))
		for _, r := range nodes(h["residents"]) {
			b = append(b, fmt.Sprint(r["bed"])+"/"+name(r["level"]))
		}
	}
	return b
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

// mismatch shows where two value lists part, with a few values around.
func mismatch(who string, a, b []string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-2)
	window := func(s []string) []string { return s[min(from, len(s)):min(i+3, len(s))] }
	return fmt.Sprintf("MISMATCH at value %d (%s %d values, floor %d): %s %q, floor %q", i, who, len(a), len(b), who, window(a), window(b))
}
