//go:build soak

package soak

import (
	"sort"
	"sync"
	"time"
)

// writersLedger is what the server acknowledged to the clients of
// TestConcurrentWriters: each write with the values sent and the id the
// server returned, each request's audit event, and every outcome for the
// figures.
type writersLedger struct {
	mu          sync.Mutex
	episodes    []episodeWrite
	discharges  []dischargeWrite
	moveIns     []moveInWrite
	moveOuts    []moveOutWrite
	attendance  []attendanceWrite
	plans       []planWrite
	checkIns    []checkInWrite
	grants      []grantWrite
	revocations []revokeWrite
	// events maps an acknowledged request's id to the audit action it
	// must have (READ for a read, WRITE for a mutation that wrote).
	events map[string]string
	// outcomes counts each kind's requests: "ok", or a refusal's code.
	outcomes map[string]map[string]int
	failures []*result
	took     []time.Duration
}

type episodeWrite struct {
	id, member int64
	level      string
	startedAt  time.Time
}

type dischargeWrite struct {
	episode, member int64
	endedAt         time.Time
	reason          string
}

type moveInWrite struct {
	id, member, house int64
	at                time.Time
}

type moveOutWrite struct {
	id, member int64
	at         time.Time
	reason     string
}

// attendanceWrite is one line of an acknowledged attendance sheet, with
// when its request was sent and its answer received: of the writes to one
// line, the one stored must be one that no later-sent write followed.
type attendanceWrite struct {
	meeting, member, by int64
	status              string
	sent, received      time.Time
}

type planWrite struct {
	id, member int64 // member is set when the plan was created
	status     string
}

type checkInWrite struct {
	id, plan int64
	on       string
	craving  int
	note     string
}

type grantWrite struct {
	id, member, contact int64
	purpose             string
	kinds               []string
	expiresAt, signedAt time.Time
}

type revokeWrite struct {
	id     int64
	at     time.Time
	reason string
}

func newWritersLedger() *writersLedger {
	return &writersLedger{events: map[string]string{}, outcomes: map[string]map[string]int{}}
}

// record counts a request: acknowledged (written or read), refused with
// codes, or failed (no answer, not a 200, a GraphQL error).
func (l *writersLedger) record(kind string, r *result, codes []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.took = append(l.took, r.took)
	if l.outcomes[kind] == nil {
		l.outcomes[kind] = map[string]int{}
	}
	switch {
	case !r.ok():
		l.failures = append(l.failures, r)
		l.outcomes[kind]["failed"]++
	case len(codes) > 0:
		for _, c := range codes {
			l.outcomes[kind][c]++
		}
	default:
		l.outcomes[kind]["ok"]++
		action := "WRITE"
		if kind == "read" {
			action = "READ"
		}
		l.events[r.requestID] = action
	}
}

// record appends acknowledged writes to one of the ledger's lists, under
// its lock (the clients write concurrently).
func record[T any](l *writersLedger, list *[]T, writes ...T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	*list = append(*list, writes...)
}

// size is how many acknowledged writes the ledger holds (an attendance
// sheet counts once per line).
func (l *writersLedger) size() int {
	return len(l.episodes) + len(l.discharges) + len(l.moveIns) + len(l.moveOuts) + len(l.attendance) +
		len(l.plans) + len(l.checkIns) + len(l.grants) + len(l.revocations)
}

// percentile is the p-th percentile (0-100) of the latencies.
func (l *writersLedger) percentile(p float64) time.Duration {
	if len(l.took) == 0 {
		return 0
	}
	sorted := append([]time.Duration(nil), l.took...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	return sorted[min(len(sorted)-1, int(float64(len(sorted))*p/100))]
}
