package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"sync"
	"time"
)

// result is one load run's figures.
type result struct {
	reqs          int
	errors        int
	seconds       float64
	p50, p95, p99 float64 // ms
}

func (r result) rps() float64 { return float64(r.reqs) / r.seconds }

// request is one page load: a sequence of GraphQL operations sent in order.
type request struct {
	url    string
	header http.Header
	bodies [][]byte
	client *http.Client
	// What checkPage compares, taken from ours and from the floor's JSON.
	extractOurs, extractFloor func(map[string]any) []string
	compared                  string
	// label names the server in checkPage's verdict ("ours" when empty);
	// cookie is the session for wrk, which has no cookie jar.
	label, cookie string
	// loop drives the page with the Go loop even when it is one operation
	// (the peer's page when ours needs several); see loadPage.
	loop bool
}

func (q request) do() error {
	for _, b := range q.bodies {
		status, body, err := q.post(b)
		if err != nil {
			return err
		}
		if status != 200 || bytes.Contains(body, []byte(`"errors"`)) {
			return fmt.Errorf("status %d: %.200s", status, body)
		}
	}
	return nil
}

// post sends one operation's body with the page's headers and returns the
// status and the whole response body.
func (q request) post(b []byte) (int, []byte, error) {
	req, _ := http.NewRequest("POST", q.url, bytes.NewReader(b))
	req.Header = q.header.Clone()
	req.Header.Set("Content-Type", "application/json")
	resp, err := q.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp.StatusCode, body, nil
}

// drive runs conns workers for d, each sending page loads back to back.
func drive(q request, conns int, d time.Duration) result {
	var mu sync.Mutex
	var lat []float64
	errs := 0
	var firstErr error
	deadline := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < conns; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []float64
			myErrs := 0
			for time.Now().Before(deadline) {
				t := time.Now()
				if err := q.do(); err != nil {
					myErrs++
					if firstErr == nil {
						mu.Lock()
						firstErr = err
						mu.Unlock()
					}
					continue
				}
				mine = append(mine, float64(time.Since(t).Microseconds())/1000)
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += myErrs
			mu.Unlock()
		}()
	}
	wg.Wait()
	if firstErr != nil {
		fmt.Fprintln(os.Stderr, "first error:", firstErr)
	}
	r := result{reqs: len(lat), errors: errs, seconds: time.Since(start).Seconds()}
	sort.Float64s(lat)
	r.p50, r.p95, r.p99 = pct(lat, 50), pct(lat, 95), pct(lat, 99)
	return r
}

func pct(s []float64, p float64) float64 {
	if len(s) == 0 {
		return 0
	}
	i := int(float64(len(s)-1) * p / 100)
	return s[i]
}

var pgbenchTPS = regexp.MustCompile(`tps = ([0-9.]+)`)
var pgbenchTx = regexp.MustCompile(`number of transactions actually processed: ([0-9]+)`)
var pgbenchFailed = regexp.MustCompile(`number of failed transactions: ([0-9]+)`)

// pgbench runs the floor statement with -M prepared and reads the latency
// percentiles from its per-transaction log.
func pgbench(bin, url, file string, conns int, d time.Duration) (result, error) {
	logDir, _ := os.MkdirTemp("", "pgbench-log-")
	defer os.RemoveAll(logDir)
	secs := int(d.Seconds())
	cmd := exec.Command(bin+"/pgbench", "-M", "prepared", "-c", strconv.Itoa(conns), "-j", "2", "-T", strconv.Itoa(secs),
		"-n", "-f", file, "-l", "--log-prefix", logDir+"/tx", url)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return result{}, fmt.Errorf("pgbench: %w\n%s", err, out)
	}
	r := result{seconds: float64(secs)}
	if m := pgbenchTx.FindSubmatch(out); m != nil {
		r.reqs, _ = strconv.Atoi(string(m[1]))
	}
	if m := pgbenchFailed.FindSubmatch(out); m != nil {
		r.errors, _ = strconv.Atoi(string(m[1]))
	}
	if m := pgbenchTPS.FindSubmatch(out); m != nil {
		tps, _ := strconv.ParseFloat(string(m[1]), 64)
		if tps > 0 {
			r.seconds = float64(r.reqs) / tps
		}
	}
	lat := readPgbenchLogs(logDir)
	sort.Float64s(lat)
	r.p50, r.p95, r.p99 = pct(lat, 50), pct(lat, 95), pct(lat, 99)
	return r, nil
}

// readPgbenchLogs reads the third column (latency, µs) of each log line.
func readPgbenchLogs(dir string) []float64 {
	var lat []float64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		data, err := os.ReadFile(dir + "/" + e.Name())
		if err != nil {
			continue
		}
		for _, line := range bytes.Split(data, []byte("\n")) {
			f := bytes.Fields(line)
			if len(f) >= 3 {
				us, _ := strconv.ParseFloat(string(f[2]), 64)
				lat = append(lat, us/1000)
			}
		}
	}
	return lat
}
