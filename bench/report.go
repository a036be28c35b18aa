package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

type pageResult struct {
	page        page
	check       string
	ours, floor []measurement
	// The peer's check and rounds (none when the page has no peer query),
	// and what drove ours and the peer ("wrk" or "Go loop").
	peerCheck, driver string
	peer              []measurement
	// profile is the top of ours' CPU profile under the page's load.
	profile string
}

type report struct {
	cfg                            config
	seedDemo, seedScale, coldStart time.Duration
	pages                          []pageResult
	peerColdStart                  time.Duration
	peerVersions                   string
}

func med(ms []measurement, f func(measurement) float64) float64 {
	var xs []float64
	for _, m := range ms {
		xs = append(xs, f(m))
	}
	return median(xs)
}

func yes(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}

func (r *report) write(path string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Bench results %s\n\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(&b, "Machine: %d CPUs (%s), %s memory. Command: `make bench` with BENCH_MEMBERS=%d BENCH_SECONDS=%d BENCH_ROUNDS=%d; "+
		"%d connections, %s warm-up before each timed run, the median of the rounds.\n\n",
		runtime.NumCPU(), cpuModel(), memTotal(), r.cfg.members, r.cfg.seconds, r.cfg.rounds, r.cfg.conns, r.cfg.warmup)
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Fprintf(&b, "Load average at the end of the run: %s (other work on the machine skews the figures when it is above the CPU count).\n\n", strings.TrimSpace(string(load)))
	fmt.Fprintf(&b, "Server settings: production defaults except RATE_LIMIT_POINTS and RATE_LIMIT_RESTORE_RATE raised to 1e8 "+
		"(never throttles), TOTP_REQUIRED_ROLES=none, MILESTONE_SWEEP_INTERVAL=0, MAX_QUERY_COST=1000000 (the house board exceeds the default 1000).\n\n")
	fmt.Fprintf(&b, "Load: `seed demo` %s, `seed scale --members %d` %s. Cold start to /readyz: %s.\n\n",
		r.seedDemo.Round(time.Millisecond), r.cfg.members, r.seedScale.Round(time.Millisecond), r.coldStart.Round(time.Millisecond))
	fmt.Fprintf(&b, "Peer: %s, amber preset, no authentication, JWT or access checks, a pool of 40 like ours, "+
		"smart tags making `residencies.move_out_at`, `care_episodes.ended_at`/`superseded_at`/`care_level_code`, `peer_assignments.ended_at`, "+
		"`updates.kind`, `aftercare_plans.status`, `members.status` and `groups.active` filterable and `care_levels.intensity` and "+
		"`aftercare_plans.review_on` orderable (stock amber offers `condition:` and `orderBy:` only on columns with a non-partial index; "+
		"bench/peer/graphile.config.mjs). Cold start to its first answer: %s. Where the peer sends fewer operations than ours or "+
		"compares fewer values, each page's check says so.\n\n",
		r.peerVersions, r.peerColdStart.Round(time.Millisecond))
	fmt.Fprintf(&b, "Load tools: %s (`-t2 -c%d --timeout 30s`, a Lua script counting non-200 and `\"errors\"` answers) for ours and the peer "+
		"on pages of one operation, percentiles from wrk's own histogram (p95 read from it too, not interpolated); "+
		"the Go loop of bench/load.go (%d workers, latency per page load) on pages that are a sequence; pgbench for the floor.\n\n",
		wrkVersion(), r.cfg.conns, r.cfg.conns)
	allRSS, allConns, allPeer, peerAll := true, true, true, true
	for _, p := range r.pages {
		fmt.Fprintf(&b, "## Page %d: %s\n\nCheck: ours %s\n\n", p.page.num, p.page.name, p.check)
		if p.peer != nil {
			fmt.Fprintf(&b, "Check: peer %s\n\n", p.peerCheck)
		}
		fmt.Fprintf(&b, "Driven by: %s.\n\n", p.driver)
		b.WriteString("| | req/s | p50 ms | p95 ms | p99 ms | errors | SQL stmts/req (audit) | new conns/s | peak RSS MB | CPU s server / postgres |\n|---|---|---|---|---|---|---|---|---|---|\n")
		row := func(label string, ms []measurement) {
			fmt.Fprintf(&b, "| %s | %.1f | %.1f | %.1f | %.1f | %.0f | %.2f (%.2f) | %.1f | %.0f | %.1f / %.1f |\n", label,
				med(ms, func(m measurement) float64 { return m.res.rps() }),
				med(ms, func(m measurement) float64 { return m.res.p50 }),
				med(ms, func(m measurement) float64 { return m.res.p95 }),
				med(ms, func(m measurement) float64 { return m.res.p99 }),
				med(ms, func(m measurement) float64 { return float64(m.res.errors) }),
				med(ms, func(m measurement) float64 { return m.stmtsPerReq }),
				med(ms, func(m measurement) float64 { return m.auditPerReq }),
				med(ms, func(m measurement) float64 { return m.newConnsPerSec }),
				med(ms, func(m measurement) float64 { return m.rss }),
				med(ms, func(m measurement) float64 { return m.serverCPU }),
				med(ms, func(m measurement) float64 { return m.pgCPU }))
		}
		row("ours", p.ours)
		if p.peer != nil {
			row("peer", p.peer)
		}
		row("floor", p.floor)
		ours := med(p.ours, func(m measurement) float64 { return m.res.rps() })
		floor := med(p.floor, func(m measurement) float64 { return m.res.rps() })
		fmt.Fprintf(&b, "\nours / floor: %.2f (target ≥ 0.5 on pages 1, 3, 4: %s). ", ours/floor, yes(ours/floor >= 0.5))
		if p.peer != nil {
			peer := med(p.peer, func(m measurement) float64 { return m.res.rps() })
			p99, peerP99 := med(p.ours, func(m measurement) float64 { return m.res.p99 }), med(p.peer, func(m measurement) float64 { return m.res.p99 })
			ok := ours >= 2*peer && p99 <= peerP99
			allPeer = allPeer && ok
			fmt.Fprintf(&b, "ours / peer: %.2f, p99 %.1f vs %.1f ms (target ≥ 2× peer and p99 ≤ peer's p99: %s).\n\n",
				ours/peer, p99, peerP99, yes(ok))
		} else {
			peerAll = false
			b.WriteString("peer: not measured for this page.\n\n")
		}
		if p.profile != "" {
			b.WriteString("<details><summary>Where ours spends its CPU on this page</summary>\n\n" + p.profile + "\n</details>\n\n")
		}
		if med(p.ours, func(m measurement) float64 { return m.rss }) >= 150 {
			allRSS = false
		}
		if med(p.ours, func(m measurement) float64 { return m.newConnsPerSec }) > 0.5 {
			allConns = false
		}
	}
	b.WriteString("## Targets\n\n")
	switch {
	case len(r.pages) == 0:
	case peerAll:
		fmt.Fprintf(&b, "- 2× peer throughput, p99 ≤ peer's, on every page: %s.\n", yes(allPeer))
	default:
		fmt.Fprintf(&b, "- 2× peer throughput, p99 ≤ peer's: %s on the pages measured on the peer; not judged on the others (no peer query yet).\n", yes(allPeer))
	}
	fmt.Fprintf(&b, "- ≥ 50%% of floor: see each page above.\n")
	fmt.Fprintf(&b, "- Statements constant in data and page size: not judged by one size; see stmts/req per page.\n")
	fmt.Fprintf(&b, "- No connections opened after warm-up (new conns/s ≈ 0; the harness's own psql adds 2 per run): %s.\n", yes(allConns))
	fmt.Fprintf(&b, "- Peak RSS < 150 MB: %s.\n", yes(allRSS))
	fmt.Fprintf(&b, "- seed scale < 30 s: %s (%s for %d members).\n", yes(r.seedScale < 30*time.Second), r.seedScale.Round(time.Millisecond), r.cfg.members)
	fmt.Fprintf(&b, "- Cold start to /readyz < 1 s: %s (%s).\n", yes(r.coldStart < time.Second), r.coldStart.Round(time.Millisecond))
	if err := os.MkdirAll("bench/results", 0o755); err != nil {
		return err
	}
	fmt.Print(b.String())
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func wrkVersion() string {
	out, _ := exec.Command("wrk", "-v").CombinedOutput()
	// Debian's build names itself "wrk debian/4.1.0-3+b2 [epoll] ...".
	if f := strings.Fields(string(out)); len(f) >= 2 {
		if v, ok := strings.CutPrefix(f[1], "debian/"); ok {
			return "wrk " + v + " (Debian)"
		}
		return "wrk " + f[1]
	}
	return "wrk"
}

func cpuModel() string {
	data, _ := os.ReadFile("/proc/cpuinfo")
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "model name") {
			return strings.TrimSpace(line[strings.Index(line, ":")+1:])
		}
	}
	return "unknown"
}

func memTotal() string {
	out, _ := exec.Command("sh", "-c", "awk '/MemTotal/ {printf \"%.1f GB\", $2/1048576}' /proc/meminfo").Output()
	return string(out)
}
