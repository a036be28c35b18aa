package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// profilePage takes a CPU profile of our server while it serves a page
// under the same load as a timed run, after the rounds (profiling slows
// the server a little, so no round is profiled). The raw profile is kept
// in bench/results/profiles/ (out of git) for `go tool pprof`; the report
// shows the share of a few telling frames, the profile that explains the
// page's figures.
func profilePage(srv *server, bin string, q request, cfg config, name string) (string, error) {
	if srv.pprof == "" {
		return "", nil
	}
	secs := max(cfg.seconds-1, 1)
	done := make(chan error, 1)
	go func() {
		_, err := loadPage(q, cfg.conns, time.Duration(secs+1)*time.Second)
		done <- err
	}()
	resp, err := http.Get(fmt.Sprintf("%s/debug/pprof/profile?seconds=%d", srv.pprof, secs))
	if err != nil {
		<-done
		return "", err
	}
	defer resp.Body.Close()
	dir := filepath.Join("bench", "results", "profiles")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, time.Now().UTC().Format("2006-01-02")+"-"+name+".cpu.pprof")
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	_, err = io.Copy(f, resp.Body)
	f.Close()
	if loadErr := <-done; err == nil {
		err = loadErr
	}
	if err != nil {
		return "", err
	}
	areas, err := profileAreas(bin, path)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("CPU profile of ours under the same load (%d s; raw profile `%s`), share of the samples under each frame (they nest and overlap):\n\n%s", secs, path, areas), nil
}

// profileAreas are the frames that tell where a request's CPU goes, read
// as the share of samples below each (pprof's cum%).
var profileAreas = func(bin, path string) (string, error) {
	out, err := exec.Command("go", "tool", "pprof", "-top", "-cum", "-nodecount=100000", bin, path).Output()
	if err != nil {
		return "", fmt.Errorf("go tool pprof: %w", err)
	}
	frames := []struct{ name, what string }{
		{"github.com/99designs/gqlgen/graphql.(*FieldSet).Dispatch", "gqlgen resolving fields (incl. resolvers, loaders)"},
		{"carejourney/graph/middleware.checked", "our field interceptor: access rules and audit trail (incl. the field)"},
		{"github.com/uptrace/bun.(*SelectQuery).Scan", "bun queries (building, driver, scanning)"},
		{"runtime.mallocgc", "allocation"},
		{"runtime.gcBgMarkWorker", "garbage collection in the background"},
		{"runtime.newstack", "goroutine stack growth"},
		{"encoding/json.Marshal", "JSON encoding of the response"},
		{"carejourney/graph/middleware.NewHandler.auditOperations.func3", "the audit of each operation (incl. the operation)"},
	}
	cum := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) >= 6 {
			cum[strings.TrimSuffix(strings.Join(f[5:], " "), " (inline)")] = f[4]
		}
	}
	var b strings.Builder
	b.WriteString("| frame | share | what |\n|---|---|---|\n")
	for _, fr := range frames {
		share, ok := cum[fr.name]
		if !ok {
			share = "0%"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", fr.name, share, fr.what)
	}
	return b.String(), nil
}
