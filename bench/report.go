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
}

type report struct {
	cfg                            config
	seedDemo, seedScale, coldStart time.Duration
	pages                          []pageResult
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
	b.WriteString("**The peer (PostGraphile 5) is not in this run: the harness does not install or drive it yet.**\n\n")
	allRSS, allConns := true, true
	for _, p := range r.pages {
		fmt.Fprintf(&b, "## Page %d: %s\n\nCheck: %s\n\n", p.page.num, p.page.name, p.check)
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
		row("floor", p.floor)
		ours := med(p.ours, func(m measurement) float64 { return m.res.rps() })
		floor := med(p.floor, func(m measurement) float64 { return m.res.rps() })
		fmt.Fprintf(&b, "\nours / floor: %.2f (target ≥ 0.5 on pages 1, 3, 4: %s). ours / peer: not measured.\n\n",
			ours/floor, yes(ours/floor >= 0.5))
		if med(p.ours, func(m measurement) float64 { return m.rss }) >= 150 {
			allRSS = false
		}
		if med(p.ours, func(m measurement) float64 { return m.newConnsPerSec }) > 0.5 {
			allConns = false
		}
	}
	b.WriteString("## Targets\n\n")
	fmt.Fprintf(&b, "- 2× peer throughput, p99 ≤ peer's: not measured (no peer in this run).\n")
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
