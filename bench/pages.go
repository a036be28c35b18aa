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
}

type op struct {
	file      string
	variables map[string]any
}

var pages = []page{
	{num: 1, name: "members list (first 20, level, residency, peer)",
		ops:   []op{{file: "members.graphql", variables: map[string]any{"first": 20}}},
		floor: "members.sql"},
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
