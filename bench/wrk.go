package main

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// wrkScript posts one body (read from a file, so no quoting is needed)
// and counts as an error any status but 200 and any body with "errors",
// as the Go loop does. Each wrk thread has its own Lua state, so done()
// sums the threads' counters; it also prints the percentiles from wrk's
// own histogram (µs), p95 included, which --latency does not print.
const wrkScript = `
wrk.method = "POST"
local f = assert(io.open(%q, "rb"))
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
%s
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) responses = 0; failed = 0 end
function response(status, headers, body)
  responses = responses + 1
  if status ~= 200 or string.find(body, '"errors"', 1, true) then failed = failed + 1 end
end
function done(summary, latency, requests)
  local n, e = 0, 0
  for _, t in ipairs(threads) do n = n + t:get("responses"); e = e + t:get("failed") end
  local s = summary.errors
  io.write(string.format("bench: requests %%d responses %%d failed %%d socket %%d duration_us %%d p50 %%d p95 %%d p99 %%d\n",
    summary.requests, n, e, s.connect + s.read + s.write + s.timeout, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
`

var wrkLine = regexp.MustCompile(`bench: requests (\d+) responses (\d+) failed (\d+) socket (\d+) duration_us (\d+) p50 (\d+) p95 (\d+) p99 (\d+)`)

// wrkRun drives one operation with wrk (2 threads, conns connections) for d.
// The timeout is raised from wrk's 2 s, which the house board can exceed
// under load: a timed-out request would be dropped from the latencies.
func wrkRun(url string, body []byte, headers http.Header, cookie string, conns int, d time.Duration) (result, error) {
	dir, err := os.MkdirTemp("", "bench-wrk-")
	if err != nil {
		return result{}, err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(dir+"/body.json", body, 0o644); err != nil {
		return result{}, err
	}
	header := ""
	if cookie != "" {
		header = fmt.Sprintf("wrk.headers[\"Cookie\"] = %q\n", cookie)
	}
	for name := range headers {
		header += fmt.Sprintf("wrk.headers[%q] = %q\n", name, headers.Get(name))
	}
	script := fmt.Sprintf(wrkScript, dir+"/body.json", header)
	if err := os.WriteFile(dir+"/page.lua", []byte(script), 0o644); err != nil {
		return result{}, err
	}
	secs := int(d.Seconds())
	out, err := exec.Command("wrk", "-t2", "-c"+strconv.Itoa(conns), fmt.Sprintf("-d%ds", secs),
		"--timeout", "30s", "--latency", "-s", dir+"/page.lua", url).CombinedOutput()
	if err != nil {
		return result{}, fmt.Errorf("wrk: %w\n%s", err, out)
	}
	m := wrkLine.FindStringSubmatch(string(out))
	if m == nil {
		return result{}, fmt.Errorf("wrk: no counts in its output:\n%s", out)
	}
	n := make([]float64, len(m))
	for i := 1; i < len(m); i++ {
		n[i], _ = strconv.ParseFloat(m[i], 64)
	}
	// Failed requests are counted but, like the Go loop, not in req/s.
	r := result{reqs: int(n[2] - n[3]), errors: int(n[3] + n[4]), seconds: n[5] / 1e6,
		p50: n[6] / 1000, p95: n[7] / 1000, p99: n[8] / 1000}
	if r.reqs < 0 || r.seconds <= 0 {
		return r, fmt.Errorf("wrk: odd counts in %q", strings.TrimSpace(m[0]))
	}
	return r, nil
}

// loadPage drives a page that is one operation with wrk, and a page that
// is a sequence of operations with the Go loop (its latency is per page
// load, which wrk's one-request-at-a-time model cannot give).
func loadPage(q request, conns int, d time.Duration) (result, error) {
	if !q.loop && len(q.bodies) == 1 {
		return wrkRun(q.url, q.bodies[0], q.header, q.cookie, conns, d)
	}
	return drive(q, conns, d), nil
}

// driver names how a page is driven, for the report.
func driver(q request) string {
	if !q.loop && len(q.bodies) == 1 {
		return "wrk"
	}
	return "Go loop"
}
