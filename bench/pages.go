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
	// setup, when set, computes this run's operations and the values the
	// floor file's :'name' placeholders take (see setup.go); ops is unused.
	setup func(*env, caller) ([]op, map[string]string, error)
	// apiKey, when set, sends the page with this key as a bearer token
	// instead of the signed-in session (ours only: the peer has no auth).
	apiKey string
	// The peer's operations (bench/peer/queries), or peerSetup to compute
	// them from this run's values (the ones ours' setup gave the floor) and
	// the peer's own answers; a page with neither is not measured on the
	// peer. peerData takes from its answer what checkPage compares;
	// peerFloor and peerCompared, when set, are the floor's side and the
	// line for the peer (the subset stock PostGraphile can give).
	peerOps      []op
	peerSetup    func(e *env, values map[string]string, call caller) ([]op, error)
	peerData     func(map[string]any) []string
	peerFloor    func(map[string]any) []string
	peerCompared string
}

type op struct {
	file      string
	variables map[string]any
	// operation names the operation to run when the file holds several.
	operation string
	// query, when set, is the document itself (built by a setup) and file
	// is only its name.
	query string
}

// The pages in numeric order: the report follows it.
var pages = []page{
	{num: 1, name: "members list (first 20, level, residency, peer)",
		ops:   []op{{file: "members.graphql", variables: map[string]any{"first": 20}}},
		floor: "members.sql", ours: membersOurs, floorData: membersFloor,
		compared: "total, then each row's level and house name in page order",
		peerOps:  []op{{file: "members.graphql", variables: map[string]any{"first": 20}}},
		peerData: membersPeer},
	{num: 2, name: "one member's journey (MemberJourney, then TimelineAttendance)",
		setup: journeySetup, floor: "journey.sql", ours: journeyOurs, floorData: journeyFloor,
		compared: "the care-level catalogue; the member's id, name, status, days in recovery, current level, house, bed, peer and active plan; " +
			"each episode's id, level, start, end, transition and reasons; each residency's id, house, move-in and move-out; " +
			"the milestones reached; the 30 newest notes' id, kind, body and time; attendance per week",
		peerSetup: journeyPeerSetup, peerData: journeyPeer, peerFloor: journeyFloorForPeer,
		peerCompared: "as ours but without days in recovery, each episode's transition and the milestones reached " +
			"(computed by our API, not columns); name, current level, house, bed and attendance per week derived from the rows fetched"},
	{num: 3, name: "house board (first 100 houses, current residents with level)",
		ops:   []op{{file: "houseboard.graphql", variables: map[string]any{}}},
		floor: "houseboard.sql", ours: houseboardOurs, floorData: houseboardFloor,
		compared: "total, then each house's name and its residents' bed and level in order",
		peerOps:  []op{{file: "houseboard.graphql", variables: map[string]any{}}},
		peerData: houseboardPeer},
	{num: 4, name: "a partner's directory (houses with open beds, every group with next week's meetings)",
		setup: directorySetup, floor: "directory.sql", ours: directoryOurs, floorData: directoryFloor,
		apiKey: demoDirectoryKey,
		compared: "totals; each house's id, name, address, phone, designation, NARR level, capacity and open beds; " +
			"each group's id, name, kind, description, modality, location, time zone, house, schedule and meetings (id, start, end, time of day, topic)",
		peerOps:  []op{{file: "directory.graphql", variables: map[string]any{}}},
		peerData: directoryPeer, peerFloor: directoryFloorForPeer,
		peerCompared: "as ours but without the meetings (stock PostGraphile has no range condition on starts_at) " +
			"and the schedule's time of day (computed by our API); houses with open beds and open beds derived from capacity and current residents"},
	{num: 5, name: "Today (its queries as one page load)",
		setup: todaySetup, floor: "today.sql", ours: todayOurs, floorData: todayFloor,
		compared: "members in care; each level's code, name and count in care; the houses' total and each one's id, name, capacity, occupied, open beds; " +
			"the week's meetings' total, more-to-come flag and each one's id, start, topic and group; the plans due (id, review date, member); " +
			"the milestones of this week, today and the next 6 days (total; each one's member id and name, key, label, date: the floor reads the members' recovery start dates " +
			"and the harness applies server/domain's rule, PostgreSQL's date arithmetic being not Go's AddDate) and the step-ups of the last 14 days " +
			"(total; each one's time, member id and name)",
		peerSetup: todayPeerSetup, peerData: todayPeer, peerFloor: todayFloorForPeer,
		peerCompared: "as ours but without the week's meetings (stock PostGraphile has no range condition on starts_at) " +
			"and the milestones and step-ups (rules our API computes); a level's count in care is its open episodes' count, " +
			"plans due are the 20 active plans with the earliest review date kept when due, names derived from the columns"},
}

func (p page) bodies(dir string) ([][]byte, error) {
	var out [][]byte
	for _, o := range p.ops {
		q := []byte(o.query)
		if o.query == "" {
			var err error
			if q, err = os.ReadFile(dir + "/queries/" + o.file); err != nil {
				return nil, err
			}
		}
		body := map[string]any{"query": string(q), "variables": o.variables}
		if o.operation != "" {
			body["operationName"] = o.operation
		}
		b, _ := json.Marshal(body)
		out = append(out, b)
	}
	return out, nil
}
