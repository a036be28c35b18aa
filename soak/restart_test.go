//go:build soak

package soak

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestDatabaseRestart: 16 clients write and read while the private cluster
// is shut down fast (pg_ctl stop -m fast), held down for three seconds and
// started again on its port. While it is down every request fails within
// its deadline with a GraphQL error that has a code (no 500, no stack, no
// panic) and /readyz says not ready; the server recovers by itself within
// five seconds of the database's return; nothing acknowledged is lost.
func TestDatabaseRestart(t *testing.T) {
	const (
		clientCount = 16
		warmUp      = 3 * time.Second
		heldDown    = 3 * time.Second
		afterwards  = 3 * time.Second
		recoveryMax = 5 * time.Second
	)
	cluster := startCluster(t)
	var log lockedBuffer
	srv := startInProcess(t, cluster, &log)
	base := "http://" + srv.Addr
	clients := signedInClients(t, srv.Store, base, clientCount)
	probe := clients[0]
	created := probe.do(context.Background(), createMember, map[string]any{"in": map[string]any{"firstName": "Probe", "lastName": "Member"}})
	if !created.ok() {
		t.Fatalf("createMember: %v %s", created.err, created.raw)
	}
	probeID := created.str("createMember.member.id")

	var l ledger
	stop, end := context.WithCancel(context.Background())
	defer end()
	wait := runLoad(stop, clients, &l)
	time.Sleep(warmUp)

	stopping := time.Now()
	var down time.Time
	var readyDown []string
	if err := cluster.Restart(context.Background(), func() {
		down = time.Now()
		for time.Since(down) < heldDown {
			code, body := ready(base)
			if code != http.StatusServiceUnavailable {
				readyDown = append(readyDown, fmt.Sprintf("%d %q", code, body))
			}
			time.Sleep(100 * time.Millisecond)
		}
	}); err != nil {
		t.Fatal(err)
	}
	up := time.Now()
	var recovered time.Time
	for recovered.IsZero() {
		if time.Since(up) > 2*recoveryMax {
			t.Fatalf("not recovered %s after the database's return; log:\n%s", time.Since(up), tail(log.String(), 30))
		}
		code, _ := ready(base)
		if r := probe.do(context.Background(), readMember, map[string]any{"id": probeID}); code == http.StatusOK && r.ok() {
			recovered = time.Now()
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(afterwards)
	end()
	wait()

	before, outage, after := l.phases(stopping, recovered)
	beforeOK, beforeFailed := before.ok, before.failed
	outageOK, outageFailed := outage.ok, outage.failed
	afterOK, afterFailed := after.ok, after.failed
	lost := l.verify(t, openOwner(t, cluster))

	var slowest time.Duration
	codes := map[string]int{}
	for _, r := range outageFailed {
		slowest = max(slowest, r.took)
		switch {
		case r.err != nil:
			t.Errorf("no GraphQL answer while the database was down: %v", r.err)
		case r.status >= 500 && r.status != http.StatusServiceUnavailable:
			t.Errorf("status %d while the database was down: %.300s", r.status, r.raw)
		case len(r.Errors) == 0 || slices.Contains(r.codes(), ""):
			t.Errorf("a failure without a coded GraphQL error: %.300s", r.raw)
		case strings.Contains(string(r.raw), "goroutine ") || strings.Contains(string(r.raw), ".go:"):
			t.Errorf("a stack in a response: %.300s", r.raw)
		}
		for _, c := range r.codes() {
			codes[fmt.Sprintf("%d %s", r.status, c)]++
		}
		if r.took > requestTimeout+time.Second {
			t.Errorf("a request took %s while the database was down (deadline %s)", r.took, requestTimeout)
		}
	}
	if len(readyDown) > 0 {
		t.Errorf("/readyz while the database was down: %v", readyDown)
	}
	if recovered.Sub(up) > recoveryMax {
		t.Errorf("recovered %s after the database's return (at most %s)", recovered.Sub(up), recoveryMax)
	}
	if len(beforeFailed)+len(afterFailed) > 0 {
		for _, r := range append(beforeFailed, afterFailed...) {
			t.Errorf("failed outside the outage: %v %d %.300s", r.err, r.status, r.raw)
		}
	}
	if lost > 0 {
		t.Errorf("%d acknowledged writes or audit events lost", lost)
	}
	if strings.Contains(log.String(), "panic") {
		t.Errorf("a panic in the server log:\n%s", log.String())
	}
	t.Logf("figures: %d clients; database stopped (fast) in %s, held down %s; recovered %s after its return (bound %s), no server restart",
		clientCount, down.Sub(stopping).Round(time.Millisecond), up.Sub(down).Round(time.Millisecond),
		recovered.Sub(up).Round(time.Millisecond), recoveryMax)
	t.Logf("figures: requests before: %d ok, %d failed; during the outage: %d ok, %d failed (slowest failure %s, deadline %s; %v); after: %d ok, %d failed",
		len(beforeOK), len(beforeFailed), len(outageOK), len(outageFailed), slowest.Round(time.Millisecond), requestTimeout, codes,
		len(afterOK), len(afterFailed))
	t.Logf("figures: ledger %d acknowledged requests (%d members, %d updates written), lost %d",
		l.size(), len(l.members), len(l.updates), lost)
}

// tail is the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
