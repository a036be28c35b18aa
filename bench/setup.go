package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// env is what a page's setup may use, once per run before the page is driven.
type env struct {
	pg   *cluster
	base string
	// client is signed in as the demo case manager.
	client *http.Client
	// now is the run's fixed instant: the pages that compute dates from the
	// clock (Today's week, the directory's next week, the journey's
	// attendance start) compute them from it, and the floor gets the same.
	now time.Time
	dir string
	// tmp holds the floor files with this run's values in place.
	tmp string
}

// resolved is a page as this run sends it.
type resolved struct {
	bodies [][]byte
	header http.Header
	client *http.Client
	// floor is the path of the floor file to run, values in place.
	floor string
	// values are the ones setup gave the floor, for the peer's setup.
	values map[string]string
}

// caller sends one operation the way the page's load does (same client
// and auth), for a setup that needs an answer before it knows the next
// operation's variables (a cursor, the start of a period).
type caller func(o op) (map[string]any, error)

// resolve gives the page its operations, auth and floor file for this run.
func (p page) resolve(e *env) (resolved, error) {
	r := resolved{header: http.Header{}, client: e.client, floor: filepath.Join(e.dir, "floor", p.floor)}
	if p.apiKey != "" {
		// No cookie jar: the key alone speaks for the request.
		r.client = &http.Client{Transport: e.client.Transport}
		r.header.Set("Authorization", "Bearer "+p.apiKey)
	}
	if p.setup == nil {
		var err error
		r.bodies, err = p.bodies(e.dir)
		return r, err
	}
	call := callerOf(e.base+"/graphql", r.header, r.client, e.dir)
	ops, values, err := p.setup(e, call)
	if err != nil {
		return r, fmt.Errorf("page %d setup: %w", p.num, err)
	}
	r.bodies, err = page{ops: ops}.bodies(e.dir)
	if err != nil {
		return r, err
	}
	r.values = values
	r.floor, err = fillFloor(r.floor, filepath.Join(e.tmp, p.floor), values)
	return r, err
}

// resolvePeer gives the page's operations on the peer (at peerBase, with
// no auth): its peerOps, or what peerSetup computes from the values ours'
// setup gave the floor. None when the page has no peer query.
func (p page) resolvePeer(e *env, peerBase string, client *http.Client, values map[string]string) ([][]byte, error) {
	dir := filepath.Join(e.dir, "peer")
	ops := p.peerOps
	if p.peerSetup != nil {
		var err error
		ops, err = p.peerSetup(e, values, callerOf(peerBase+"/graphql", http.Header{}, client, dir))
		if err != nil {
			return nil, fmt.Errorf("page %d peer setup: %w", p.num, err)
		}
	}
	if len(ops) == 0 {
		return nil, nil
	}
	return page{ops: ops}.bodies(dir)
}

// callerOf sends one operation (from dir/queries) to url with header and
// client, and returns its data.
func callerOf(url string, header http.Header, client *http.Client, dir string) caller {
	return func(o op) (map[string]any, error) {
		b, err := page{ops: []op{o}}.bodies(dir)
		if err != nil {
			return nil, err
		}
		all, err := fetchAll(request{url: url, header: header, bodies: b, client: client})
		if err != nil {
			return nil, err
		}
		return all[0], nil
	}
}

var placeholder = regexp.MustCompile(`:'([a-z_]+)'`)

// fillFloor writes the floor file with each :'name' (psql's quoted
// variable, so the file also runs as `psql -v name=... -f`) replaced by the
// value as a quoted literal, for pgbench, which knows no such variables.
func fillFloor(src, dst string, values map[string]string) (string, error) {
	sql, err := os.ReadFile(src)
	if err != nil {
		return "", err
	}
	var missing []string
	out := placeholder.ReplaceAllStringFunc(string(sql), func(m string) string {
		name := placeholder.FindStringSubmatch(m)[1]
		v, ok := values[name]
		if !ok {
			missing = append(missing, name)
			return m
		}
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("%s: no value for %v", src, missing)
	}
	return dst, os.WriteFile(dst, []byte(out), 0o644)
}

// fetchAll sends the page's operations in order once and returns each
// response's data.
func fetchAll(q request) ([]map[string]any, error) {
	var all []map[string]any
	for _, b := range q.bodies {
		_, body, err := q.post(b)
		if err != nil {
			return nil, err
		}
		var out map[string]any
		if err := json.Unmarshal(body, &out); err != nil {
			return nil, fmt.Errorf("%w: %.200s", err, body)
		}
		if out["errors"] != nil {
			return nil, fmt.Errorf("graphql errors: %.300s", body)
		}
		data, _ := out["data"].(map[string]any)
		all = append(all, data)
	}
	return all, nil
}

// operations is the list an extractor of a page of several operations
// gets under "operations" (see checkPage).
func operations(data map[string]any) []map[string]any {
	return nodes(data["operations"])
}

// isoInstant is how the app's clock values reach the API: JavaScript's
// Date.toISOString.
func isoInstant(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }
