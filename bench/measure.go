package main

import (
	"strconv"
	"strings"
)

// measurement is one timed run with what the database and processes did.
type measurement struct {
	res              result
	stmtsPerReq      float64
	auditPerReq      float64
	newConnsPerSec   float64
	rss              float64
	serverCPU, pgCPU float64 // seconds
}

// measure resets pg_stat_statements, runs fn, and reads statement counts,
// new sessions and CPU of the given processes and of PostgreSQL.
func measure(pg *cluster, procs []int, fn func() (result, error)) (measurement, error) {
	var m measurement
	if _, err := pg.psql("bench", "SELECT pg_stat_statements_reset()"); err != nil {
		return m, err
	}
	sessions0 := sessions(pg)
	cpu0 := ticks(procs)
	pg0 := pgTicks(pg)
	r, err := fn()
	if err != nil {
		return m, err
	}
	m.res = r
	m.serverCPU = float64(ticks(procs)-cpu0) / 100
	m.pgCPU = float64(pgTicks(pg)-pg0) / 100
	m.newConnsPerSec = float64(sessions(pg)-sessions0) / r.seconds
	out, _ := pg.psql("bench", `SELECT coalesce(sum(calls),0), coalesce(sum(calls) FILTER (WHERE query ILIKE '%audit%' AND query ILIKE 'insert%' OR query ILIKE 'copy%audit%'),0)
		FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'`)
	f := strings.Split(out, "|")
	if len(f) == 2 && r.reqs > 0 {
		total, _ := strconv.ParseFloat(f[0], 64)
		audit, _ := strconv.ParseFloat(f[1], 64)
		m.stmtsPerReq = total / float64(r.reqs)
		m.auditPerReq = audit / float64(r.reqs)
	}
	return m, nil
}

// sessions counts sessions the bench database has seen; psql's own adds one a call.
func sessions(pg *cluster) int64 {
	out, _ := pg.psql("bench", "SELECT sessions FROM pg_stat_database WHERE datname = 'bench'")
	n, _ := strconv.ParseInt(out, 10, 64)
	return n
}

// ticks sums the CPU ticks of live processes.
func ticks(pids []int) int64 {
	var t int64
	for _, p := range pids {
		t += cpuTicks(p)
	}
	return t
}

// pgTicks is the CPU PostgreSQL has used: its live processes, plus what
// the backends that have ended used (the postmaster reaps them, so the
// kernel adds their time to its children's time). Live processes alone
// lost every backend that ended during a run (all of pgbench's) and went
// negative when one alive at the start had ended by the end.
func pgTicks(pg *cluster) int64 {
	pids := pg.postgresPIDs()
	if len(pids) == 0 {
		return 0
	}
	return ticks(pids) + childTicks(pids[0])
}
