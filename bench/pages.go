package main

import (
	"encoding/json"
	"os"
)

// page is one page of the app: the GraphQL operations the SPA sends for
// it (bench/queries) and its floor statement (bench/floor).
type page struct {
	num   int
	name  string
	ops   []op
	floor string
	// extractors for checkPage, and a line saying what they compare
	ours, floorData func(map[string]any) []string
	compared        string
	// maxCost raises MAX_QUERY_COST for the run when a page needs it
	maxCost int
	// The peer's operations (bench/peer/queries) and what checkPage takes
	// from its answer; a page without peerOps is not measured on the peer.
	peerOps  []op
	peerData func(map[string]any) []string
}

type op struct {
	file      string
	variables map[string]any
}

var pages = []page{
	{num: 1, name: "members list (first 20, level, residency, peer)",
		ops:   []op{{file: "members.graphql", variables: map[string]any{"first": 20}}},
		floor: "members.sql", ours: membersOurs, floorData: membersFloor,
		compared: "total, then each row's level and house name in page order",
		peerOps:  []op{{file: "members.graphql", variables: map[string]any{"first": 20}}},
		peerData: membersPeer},
	{num: 3, name: "house board (first 100 houses, current residents with level)",
		ops:   []op{{file: "houseboard.graphql", variables: map[string]any{}}},
		floor: "houseboard.sql", ours: houseboardOurs, floorData: houseboardFloor,
		compared: "total, then each house's name and its residents' bed and level in order",
		peerOps:  []op{{file: "houseboard.graphql", variables: map[string]any{}}},
		peerData: houseboardPeer},
}

func (p page) bodies(dir string) ([][]byte, error) {
	var out [][]byte
	for _, o := range p.ops {
		q, err := os.ReadFile(dir + "/queries/" + o.file)
		if err != nil {
			return nil, err
		}
		b, _ := json.Marshal(map[string]any{"query": string(q), "variables": o.variables})
		out = append(out, b)
	}
	return out, nil
}
