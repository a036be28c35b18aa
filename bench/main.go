// Command bench drives the app's pages against the release build and
// against the floor (one hand-written SQL statement per page under
// pgbench), round by round, and writes bench/results/<date>.md.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"time"
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

type config struct {
	seconds, rounds, members, conns int
	warmup                          time.Duration
	pages                           map[int]bool
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run() error {
	cfg := config{seconds: envInt("BENCH_SECONDS", 10), rounds: envInt("BENCH_ROUNDS", 3),
		members: envInt("BENCH_MEMBERS", 10000), conns: 16, warmup: 3 * time.Second}
	if v := os.Getenv("BENCH_PAGES"); v != "" {
		cfg.pages = map[int]bool{}
		for _, s := range strings.Split(v, ",") {
			n, _ := strconv.Atoi(strings.TrimSpace(s))
			cfg.pages[n] = true
		}
	}
	dir := "bench"
	if err := ensureTools(); err != nil {
		return err
	}
	pg, err := startCluster(envInt("BENCH_PG_PORT", freePort()))
	if err != nil {
		return err
	}
	defer pg.stop()
	if _, err := pg.psql("postgres", "CREATE DATABASE bench"); err != nil {
		return err
	}
	if _, err := pg.psql("bench", "CREATE EXTENSION pg_stat_statements"); err != nil {
		return err
	}
	rep := &report{cfg: cfg}
	dbURL := pg.url("bench")
	bin := "bin/carejourney"
	step("migrate")
	if err := carejourney(bin, dbURL, "migrate", "up"); err != nil {
		return err
	}
	t := time.Now()
	if err := carejourney(bin, dbURL, "seed", "demo"); err != nil {
		return err
	}
	rep.seedDemo = time.Since(t)
	t = time.Now()
	if err := carejourney(bin, dbURL, "seed", "scale", "--members", strconv.Itoa(cfg.members)); err != nil {
		return err
	}
	rep.seedScale = time.Since(t)
	pg.psql("bench", "VACUUM ANALYZE")

	srv, err := startServer(bin, dbURL)
	if err != nil {
		return err
	}
	defer srv.stop()
	rep.coldStart = srv.coldStart
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	if err := signIn(client, srv.base); err != nil {
		return err
	}
	cookie := cookieHeader(jar, srv.base)
	// The peer starts after ours, on the same database, and is measured
	// the same way: its node process's CPU and peak RSS, the database's
	// statements and sessions.
	step("peer")
	peer, err := startPeer(dbURL)
	if err != nil {
		return err
	}
	defer peer.stop()
	rep.peerColdStart, rep.peerVersions = peer.coldStart, peerVersions()
	peerClient := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	tmp, err := os.MkdirTemp("", "bench-floor-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	e := &env{pg: pg, base: srv.base, client: client, now: time.Now().UTC().Truncate(time.Minute), dir: dir, tmp: tmp}
	for _, p := range pages {
		if cfg.pages != nil && !cfg.pages[p.num] {
			continue
		}
		step(fmt.Sprintf("page %d: %s", p.num, p.name))
		rp, err := p.resolve(e)
		if err != nil {
			return err
		}
		// A page of one operation is driven by wrk, a page of several by
		// the Go loop; the peer's page is driven like ours even when it
		// needs fewer operations, so both latencies are per page load.
		q := request{url: srv.base + "/graphql", header: rp.header, bodies: rp.bodies, client: rp.client,
			extractOurs: p.ours, extractFloor: p.floorData, compared: p.compared, loop: len(rp.bodies) > 1}
		if p.apiKey == "" {
			q.cookie = cookie
		}
		pr := pageResult{page: p, driver: driver(q)}
		pr.check = checkPage(pg, q, rp.floor)
		fmt.Println("  check:", pr.check)
		var pq *request
		peerBodies, err := p.resolvePeer(e, peer.base, peerClient, rp.values)
		if err != nil {
			return err
		}
		if len(peerBodies) > 0 {
			pq = &request{url: peer.base + "/graphql", header: http.Header{}, bodies: peerBodies, client: peerClient,
				extractOurs: p.peerData, extractFloor: p.floorData, compared: p.compared, label: "peer", loop: q.loop}
			if p.peerFloor != nil {
				pq.extractFloor, pq.compared = p.peerFloor, p.peerCompared
			}
			pr.peerCheck = checkPage(pg, *pq, rp.floor)
			fmt.Println("  peer check:", pr.peerCheck)
		}
		for round := 0; round < cfg.rounds; round++ {
			m, err := timedRun(pg, cfg, q, srv.pid)
			if err != nil {
				return err
			}
			pr.ours = append(pr.ours, m)
			fmt.Printf("  ours  round %d: %.1f req/s p50 %.1f p99 %.1f ms, %d errors, %.1f stmts/req\n",
				round+1, m.res.rps(), m.res.p50, m.res.p99, m.res.errors, m.stmtsPerReq)
			if pq != nil {
				m, err := timedRun(pg, cfg, *pq, peer.pid)
				if err != nil {
					return err
				}
				pr.peer = append(pr.peer, m)
				fmt.Printf("  peer  round %d: %.1f req/s p50 %.1f p99 %.1f ms, %d errors, %.1f stmts/req\n",
					round+1, m.res.rps(), m.res.p50, m.res.p99, m.res.errors, m.stmtsPerReq)
			}
			pgbench(pg.bin, dbURL, rp.floor, cfg.conns, cfg.warmup)
			f, err := measure(pg, nil, func() (result, error) {
				return pgbench(pg.bin, dbURL, rp.floor, cfg.conns, time.Duration(cfg.seconds)*time.Second)
			})
			if err != nil {
				return err
			}
			pr.floor = append(pr.floor, f)
			fmt.Printf("  floor round %d: %.1f req/s p50 %.1f p99 %.1f ms\n", round+1, f.res.rps(), f.res.p50, f.res.p99)
		}
		if pr.profile, err = profilePage(srv, bin, q, cfg, fmt.Sprintf("page%d", p.num)); err != nil {
			return err
		}
		rep.pages = append(rep.pages, pr)
	}
	// A shortened run is not the figure of record: keep it out of git.
	suffix := ".md"
	for _, v := range []string{"BENCH_SECONDS", "BENCH_ROUNDS", "BENCH_MEMBERS", "BENCH_PAGES"} {
		if os.Getenv(v) != "" {
			suffix = ".quick.md"
		}
	}
	return rep.write(dir + "/results/" + time.Now().UTC().Format("2006-01-02") + suffix)
}

// freePort asks the kernel for an unused loopback port, so a run never
// measures another process that happens to hold a fixed one.
func freePort() int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func step(s string) { fmt.Println("==>", s) }

func ensureTools() error {
	if _, err := pgBinDir(); err != nil {
		if err := aptInstall("postgresql", "postgresql-contrib"); err != nil {
			return err
		}
	}
	if _, err := exec.LookPath("wrk"); err != nil {
		if err := aptInstall("wrk"); err != nil {
			return err
		}
	}
	if err := ensurePeer(); err != nil {
		return err
	}
	if _, err := exec.LookPath("bin/carejourney"); err != nil {
		step("build")
		cmd := exec.Command("make", "build")
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		return cmd.Run()
	}
	return nil
}

// timedRun is one round of a server: a warm-up, then the timed run with
// what the database and the server process did, and its peak RSS so far.
func timedRun(pg *cluster, cfg config, q request, pid int) (measurement, error) {
	if _, err := loadPage(q, cfg.conns, cfg.warmup); err != nil {
		return measurement{}, err
	}
	m, err := measure(pg, []int{pid}, func() (result, error) {
		return loadPage(q, cfg.conns, time.Duration(cfg.seconds)*time.Second)
	})
	m.rss = peakRSSMB(pid)
	return m, err
}

// aptInstall installs Debian packages the harness needs (as root; apt's
// lists are refreshed once if the first try fails).
func aptInstall(pkgs ...string) error {
	step("apt-get install " + strings.Join(pkgs, " "))
	args := append([]string{"install", "-y", "--no-install-recommends"}, pkgs...)
	if exec.Command("apt-get", args...).Run() == nil {
		return nil
	}
	exec.Command("apt-get", "update").Run()
	if out, err := exec.Command("apt-get", args...).CombinedOutput(); err != nil {
		return fmt.Errorf("apt-get install %v (as root?): %w\n%s", pkgs, err, out)
	}
	return nil
}

// cookieHeader is the session cookie as a Cookie header, for wrk.
func cookieHeader(jar http.CookieJar, base string) string {
	u, _ := url.Parse(base)
	var parts []string
	for _, c := range jar.Cookies(u) {
		parts = append(parts, c.Name+"="+c.Value)
	}
	return strings.Join(parts, "; ")
}

func carejourney(bin, url string, args ...string) error {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+url)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("carejourney %v: %w\n%s", args, err, out)
	}
	return nil
}

func signIn(c *http.Client, base string) error {
	body, _ := json.Marshal(map[string]any{
		"query": `mutation SignIn($input: SignInInput!) { signIn(input: $input) { viewer { user { id } } userErrors { message } } }`,
		"variables": map[string]any{"input": map[string]any{
			"email": "casemanager@demo.carejourney.test", "password": "demo-case-2026!"}},
	})
	resp, err := c.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out map[string]any
	json.NewDecoder(resp.Body).Decode(&out)
	if !strings.Contains(fmt.Sprint(out), "user:map[id:") {
		return fmt.Errorf("sign-in failed: %v", out)
	}
	return nil
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}
