package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLargeAnonymousDocumentsAreNotKept sends 1,000 distinct documents of
// about 1 MB each (24 under the race detector, which lexes a megabyte in
// most of a second; the heap may then grow by half of what they hold) (a 1 MB comment is one token, under the parser's token
// limit and the 1 MiB body limit) without a session, four at a time, to
// the server in this process. The parsed-query cache keeps no anonymous
// document, so the heap after the run (after a GC) is within 64 MB of the
// heap before, and the peak in between stays bounded too.
func TestLargeAnonymousDocumentsAreNotKept(t *testing.T) {
	if testing.Short() {
		t.Skip("sends 1 GB")
	}
	s := startServer(t, nil)
	const (
		size     = 1_000_000
		parallel = 4
	)
	documents, maxGrowthMB := int64(1000), int64(64)
	if raceDetector {
		documents, maxGrowthMB = 24, 12
	}
	filler := strings.Repeat("x", size)
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapInuse
	}
	before := heap()
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
		}
	}()
	start := time.Now()
	next := atomic.Int64{}
	var failures atomic.Int64
	var wg sync.WaitGroup
	httpClient := &http.Client{Timeout: 30 * time.Second}
	for range parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := next.Add(1); i <= documents; i = next.Add(1) {
				// Distinct documents: the number leads, the comment fills.
				query := fmt.Sprintf("{ d%d: __typename } #%s", i, filler[:size-40])
				body, _ := json.Marshal(map[string]any{"query": query})
				res, err := httpClient.Post(s.URL+"/graphql", "application/json", bytes.NewReader(body))
				if err != nil {
					failures.Add(1)
					continue
				}
				raw, _ := io.ReadAll(res.Body)
				res.Body.Close()
				// Parsed, and answered as GraphQL (data, or the anonymous
				// caller's refusal): not a 413 before parsing.
				if res.StatusCode != http.StatusOK || !bytes.HasPrefix(raw, []byte(`{"`)) {
					if failures.Add(1) == 1 {
						t.Errorf("document %d: status %d %.200s", i, res.StatusCode, raw)
					}
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	<-sampled
	took := time.Since(start)
	after := heap()
	const mb = 1 << 20
	grew := (int64(after) - int64(before)) / mb
	peakGrew := (int64(peak.Load()) - int64(before)) / mb
	t.Logf("%d documents of %d bytes in %v: heap in use %d MB before, %d MB after (%+d MB), peak %d MB (%+d MB); %s",
		documents, size, took.Round(time.Millisecond), before/mb, after/mb, grew, peak.Load()/mb, peakGrew, peakRSS())
	fmt.Printf("query cache: %d anonymous 1 MB documents: heap %+d MB after GC, peak %+d MB; %s\n", documents, grew, peakGrew, peakRSS())
	if failures.Load() > 0 {
		t.Errorf("%d documents failed", failures.Load())
	}
	if grew > maxGrowthMB {
		t.Errorf("the heap grew by %d MB, more than %d", grew, maxGrowthMB)
	}
	if peakGrew > 256 {
		t.Errorf("the heap peaked %d MB above where it started", peakGrew)
	}
}

// peakRSS reads this process's peak resident set (VmHWM) from /proc.
func peakRSS() string {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "peak RSS unknown"
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			return "peak RSS of the test process " + strings.Join(strings.Fields(strings.TrimPrefix(line, "VmHWM:")), " ")
		}
	}
	return "peak RSS unknown"
}
