package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The peer is PostGraphile 5 (amber preset) on Node 22, both from npm and
// locked in bench/peer/package-lock.json; bench/peer/graphile.config.mjs
// holds its settings.
const peerDir = "bench/peer"

// peerNode is Node 22 from the npm package node@22: the machine's own node
// may be another major version.
var peerNode = peerDir + "/node_modules/node/bin/node"

// ensurePeer installs the peer's packages exactly as locked when they are
// missing or older than the lock. Only the harness does this: make test
// never needs them.
func ensurePeer() error {
	marker, err := os.Stat(peerDir + "/node_modules/.package-lock.json")
	stale := err != nil
	for _, f := range []string{"package.json", "package-lock.json"} {
		if st, err := os.Stat(peerDir + "/" + f); err == nil && marker != nil && st.ModTime().After(marker.ModTime()) {
			stale = true
		}
	}
	if _, err := os.Stat(peerNode); err != nil {
		stale = true
	}
	if stale {
		step("npm ci in " + peerDir)
		// npm runs on the machine's node, older than the peer packages'
		// engines (>=22): only errors are shown, as those warnings are
		// expected (the packages run on node@22).
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
		cmd.Dir = peerDir
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("npm ci in %s: %w", peerDir, err)
		}
	}
	out, err := exec.Command(peerNode, "--version").Output()
	if err != nil {
		return fmt.Errorf("%s: %w (is node@22 installed in %s?)", peerNode, err, peerDir)
	}
	if !strings.HasPrefix(string(out), "v22.") {
		return fmt.Errorf("%s is %s, want Node 22", peerNode, strings.TrimSpace(string(out)))
	}
	return nil
}

// peerVersions names what ran: PostGraphile's and Node's versions.
func peerVersions() string {
	node, _ := exec.Command(peerNode, "--version").Output()
	var pkg struct{ Version string }
	data, _ := os.ReadFile(peerDir + "/node_modules/postgraphile/package.json")
	json.Unmarshal(data, &pkg)
	return fmt.Sprintf("PostGraphile %s on Node %s", pkg.Version, strings.TrimSpace(string(node)))
}

// startPeer runs PostGraphile's own CLI with the config file, on a free
// loopback port, and waits until it answers a query (it introspects the
// database first). The node process itself is the one measured.
func startPeer(dbURL string) (*server, error) {
	port := freePort()
	abs, _ := filepath.Abs(peerDir)
	cmd := exec.Command(filepath.Join(abs, "node_modules/node/bin/node"),
		filepath.Join(abs, "node_modules/postgraphile/dist/cli-run.js"), "-C", filepath.Join(abs, "graphile.config.mjs"))
	cmd.Dir = abs
	cmd.Env = append(os.Environ(), "PEER_DATABASE_URL="+dbURL, "PEER_PORT="+strconv.Itoa(port), "NODE_ENV=production")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, pid: cmd.Process.Pid, base: fmt.Sprintf("http://127.0.0.1:%d", port)}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	s.exited = exited
	probe := []byte(`{"query":"{__typename}"}`)
	for time.Since(start) < 60*time.Second {
		select {
		case <-exited:
			return nil, fmt.Errorf("peer exited before answering")
		default:
		}
		resp, err := http.Post(s.base+"/graphql", "application/json", bytes.NewReader(probe))
		if err == nil {
			var out struct {
				Data struct {
					Typename string `json:"__typename"`
				}
			}
			json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			if out.Data.Typename == "Query" {
				s.coldStart = time.Since(start)
				return s, nil
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	return nil, fmt.Errorf("peer not answering after 60s")
}
