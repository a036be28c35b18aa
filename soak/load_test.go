//go:build soak

package soak

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"carejourney/graph/globalid"
)

const (
	createMember = `mutation($in: CreateMemberInput!) { createMember(input: $in) { member { id } userErrors { code } } }`
	postUpdate   = `mutation($in: PostUpdateInput!) { postUpdate(input: $in) { update { id } userErrors { code } } }`
	readMember   = `query($id: ID!) { member(id: $id) { id displayName } }`
)

// ledger is what the server acknowledged: the rows it said it wrote and
// the requests whose audit events must be in the database afterwards.
type ledger struct {
	mu      sync.Mutex
	members []int64
	updates []int64
	// events maps an acknowledged request's id to the action its audit
	// events must include (READ for a read, WRITE for a mutation).
	events map[string]string
	// results is every request of the load, for the figures.
	results []*result
}

func (l *ledger) add(r *result, action string, table *[]int64, id int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.results = append(l.results, r)
	if !r.ok() {
		return
	}
	if l.events == nil {
		l.events = map[string]string{}
	}
	l.events[r.requestID] = action
	if table != nil {
		*table = append(*table, id)
	}
}

// size is how many acknowledged requests the ledger holds.
func (l *ledger) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.events)
}

// runLoad has each client create members, post updates on them and read
// them, one request at a time, until stop is done; the returned function
// waits for the clients to finish their last request.
func runLoad(stop context.Context, clients []*client, l *ledger) (wait func()) {
	var wg sync.WaitGroup
	for i, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(i), 13))
			var own []string
			var last *result
			for n := 0; stop.Err() == nil; n++ {
				// Requests are not cancelled by stop: each runs to its end.
				ctx := context.Background()
				if last != nil && last.err != nil {
					// The server is gone (shutting down): retry gently.
					time.Sleep(10 * time.Millisecond)
				}
				switch {
				case len(own) == 0 || n%4 == 0:
					r := c.do(ctx, createMember, map[string]any{"in": map[string]any{
						"firstName": fmt.Sprintf("Soak%d", i), "lastName": fmt.Sprintf("Member%d", n)}})
					id := r.str("createMember.member.id")
					key, err := globalid.DecodeInt(id, "Member")
					if r.ok() && err != nil {
						r.err = fmt.Errorf("createMember acknowledged without an id: %s", r.raw)
					}
					l.add(r, "WRITE", &l.members, key)
					last = r
					if r.ok() {
						own = append(own, id)
					}
				case n%4 == 1:
					r := c.do(ctx, postUpdate, map[string]any{"in": map[string]any{
						"memberId": own[rng.IntN(len(own))], "body": fmt.Sprintf("soak note %d of client %d", n, i)}})
					key, err := globalid.DecodeInt(r.str("postUpdate.update.id"), "Update")
					if r.ok() && err != nil {
						r.err = fmt.Errorf("postUpdate acknowledged without an id: %s", r.raw)
					}
					l.add(r, "WRITE", &l.updates, key)
					last = r
				default:
					r := c.do(ctx, readMember, map[string]any{"id": own[rng.IntN(len(own))]})
					if r.ok() && r.str("member.id") == "" {
						r.err = fmt.Errorf("member read acknowledged without the member: %s", r.raw)
					}
					l.add(r, "READ", nil, 0)
					last = r
				}
			}
		}()
	}
	return wg.Wait
}

// verify counts what the ledger holds that the database does not: members,
// updates and audit events of acknowledged requests. Each missing one is
// reported.
func (l *ledger) verify(t *testing.T, db *bun.DB) (lost int) {
	t.Helper()
	ctx := context.Background()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, table := range []struct {
		name string
		ids  []int64
	}{{"members", l.members}, {"updates", l.updates}} {
		if len(table.ids) == 0 {
			continue
		}
		var found []int64
		if err := db.NewSelect().Table(table.name).Column("id").Where("id IN (?)", bun.In(table.ids)).Scan(ctx, &found); err != nil {
			t.Fatal(err)
		}
		for _, id := range table.ids {
			if !slices.Contains(found, id) {
				t.Errorf("acknowledged %s %d is not in the database", table.name, id)
				lost++
			}
		}
	}
	ids := make([]string, 0, len(l.events))
	for id := range l.events {
		ids = append(ids, id)
	}
	var rows []struct {
		RequestID string `bun:"request_id"`
		Action    string `bun:"action"`
	}
	if len(ids) > 0 {
		if err := db.NewSelect().Table("audit_events").Column("request_id", "action").
			Where("request_id IN (?)", bun.In(ids)).Scan(ctx, &rows); err != nil {
			t.Fatal(err)
		}
	}
	has := map[string]bool{}
	for _, r := range rows {
		has[r.RequestID+" "+r.Action] = true
	}
	for id, action := range l.events {
		if !has[id+" "+action] {
			t.Errorf("acknowledged request %s has no %s audit event", id, action)
			lost++
		}
	}
	return lost
}

// phase is the results of one stretch of the run.
type phase struct{ ok, failed []*result }

func (p *phase) add(r *result) {
	if r.ok() {
		p.ok = append(p.ok, r)
	} else {
		p.failed = append(p.failed, r)
	}
}

// phases splits the results: before are those that ended before from,
// during those that ran at some time in [from, to), after those that
// started at to or later.
func (l *ledger) phases(from, to time.Time) (before, during, after phase) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, r := range l.results {
		switch {
		case r.started.Add(r.took).Before(from):
			before.add(r)
		case r.started.Before(to):
			during.add(r)
		default:
			after.add(r)
		}
	}
	return before, during, after
}
