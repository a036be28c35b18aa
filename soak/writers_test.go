//go:build soak

package soak

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"carejourney/graph/globalid"
	"carejourney/server/seed"
)

// TestConcurrentWriters: SOAK_CLIENTS case managers (50) for SOAK_SECONDS
// (60) on the demo provider mix level-of-care changes, admissions and
// discharges, move-ins and move-outs, attendance, aftercare plans and
// check-ins, consent grants and revocations, and reads, all on the same
// 16 members, 4 houses (two to four beds free) and 5 meetings, so that
// they race. Refusals (userErrors) are expected and counted; a failure
// (no answer, not a 200, a GraphQL error) is not. Afterwards the
// invariants hold in SQL, every acknowledged write is in the database as
// acknowledged (with its journey or housing update, and no update of a
// refused one), consents were only appended to and revoked once, and
// every acknowledged request has its audit event.
func TestConcurrentWriters(t *testing.T) {
	clientCount := envInt(t, "SOAK_CLIENTS", 50)
	duration := time.Duration(envInt(t, "SOAK_SECONDS", 60)) * time.Second
	ctx := context.Background()

	cluster := startCluster(t)
	var log lockedBuffer
	srv := startInProcess(t, cluster, &log)
	base := "http://" + srv.Addr
	seeded := time.Now()
	if _, err := seed.Demo(ctx, srv.Store); err != nil {
		t.Fatal(err)
	}
	seedTook := time.Since(seeded)
	clients := signedInClients(t, srv.Store, base, clientCount)
	db := openOwner(t, cluster)
	tg := writersTarget(t, db, clients[0], srv.Store.Today())

	before := snapshotConsents(t, db)
	if figures, broken := checkInvariants(t, db); broken > 0 {
		t.Fatalf("invariants broken by the seed: %v", figures)
	}
	var userIDs []struct {
		ID    int64  `bun:"id"`
		Email string `bun:"email"`
	}
	if err := db.NewRaw(`SELECT id, email FROM users WHERE email LIKE 'soak%@test.example'`).Scan(ctx, &userIDs); err != nil {
		t.Fatal(err)
	}
	byEmail := map[string]int64{}
	for _, u := range userIDs {
		byEmail[u.Email] = u.ID
	}

	l := newWritersLedger()
	var p pool
	since := time.Now()
	deadline := since.Add(duration)
	var wg sync.WaitGroup
	for i, c := range clients {
		w := &writer{c: c, userID: byEmail[fmt.Sprintf("soak%d@test.example", i)], rng: rand.New(rand.NewPCG(uint64(i), 60)),
			t: tg, p: &p, l: l}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				w.step()
			}
		}()
	}
	wg.Wait()
	ran := time.Since(since)

	lost := l.verify(t, db, since, tg.members)
	invariantFigures, broken := checkInvariants(t, db)
	changedConsents := l.checkConsentsAppendOnly(t, before, snapshotConsents(t, db))

	for i, r := range l.failures {
		if i == 10 {
			t.Errorf("... and %d more failures", len(l.failures)-10)
			break
		}
		t.Errorf("failed: %v status %d %.400s", r.err, r.status, r.raw)
	}
	if strings.Contains(log.String(), "panic") {
		t.Errorf("a panic in the server log:\n%s", tail(log.String(), 40))
	}
	if lost > 0 {
		t.Errorf("%d acknowledged writes or audit events lost", lost)
	}
	if changedConsents > 0 {
		t.Errorf("%d consents not append-only", changedConsents)
	}

	requests := len(l.took)
	t.Logf("figures: %d clients for %s on the demo provider (seeded in %s): %d members, %d houses (%d beds), %d meetings; "+
		"%d requests (%.0f/s), %d failed", clientCount, ran.Round(time.Millisecond), seedTook.Round(time.Millisecond),
		len(tg.members), len(tg.houses), tg.beds, len(tg.meetings), requests, float64(requests)/ran.Seconds(), len(l.failures))
	for _, kind := range sortedKeys(l.outcomes) {
		t.Logf("figures:   %s: %s", kind, outcomeLine(l.outcomes[kind]))
	}
	t.Logf("figures: invariants (violations): %s; consents changed without a revocation %d; broken %d",
		strings.Join(invariantFigures, ", "), changedConsents, broken)
	t.Logf("figures: ledger %d acknowledged writes (%d episodes, %d discharges, %d move-ins, %d move-outs, %d attendance lines, "+
		"%d plan changes, %d check-ins, %d consents, %d revocations), %d audit events; lost %d",
		l.size(), len(l.episodes), len(l.discharges), len(l.moveIns), len(l.moveOuts), len(l.attendance), len(l.plans),
		len(l.checkIns), len(l.grants), len(l.revocations), len(l.events), lost)
	t.Logf("figures: latency p50 %s, p99 %s, max %s", l.percentile(50).Round(time.Microsecond),
		l.percentile(99).Round(time.Microsecond), l.percentile(100).Round(time.Microsecond))
}

// writersTarget picks the overlapping targets: the demo's first 16
// members, its smallest house and three new ones of two to four beds,
// the four latest meetings that started and the next one (only EXCUSED
// may be recorded ahead of it), a family contact per member.
func writersTarget(t *testing.T, db *bun.DB, admin *client, today time.Time) *target {
	t.Helper()
	ctx := context.Background()
	tg := &target{contacts: map[int64]int64{}, today: today}
	scan := func(dest any, query string) {
		if err := db.NewRaw(query).Scan(ctx, dest); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
	}
	scan(&tg.members, `SELECT id FROM members ORDER BY id LIMIT 16`)
	scan(&tg.houses, `SELECT id FROM houses ORDER BY capacity, id LIMIT 1`)
	scan(&tg.levels, `SELECT code FROM care_levels ORDER BY position`)
	var past, next []int64
	scan(&past, `SELECT id FROM meetings WHERE starts_at < now() ORDER BY starts_at DESC LIMIT 4`)
	scan(&next, `SELECT id FROM meetings WHERE starts_at > now() ORDER BY starts_at LIMIT 1`)
	tg.meetings = append(past, next...)
	for i, beds := range []int{2, 3, 4} {
		r := admin.do(ctx, `mutation($in: CreateHouseInput!) { createHouse(input: $in) { house { id } userErrors { code } } }`,
			map[string]any{"in": map[string]any{"name": fmt.Sprintf("Soak House %d", i), "capacity": beds,
				"genderDesignation": "CO_ED", "narrLevel": "II"}})
		id, err := globalid.DecodeInt(r.str("createHouse.house.id"), "House")
		if !r.ok() || err != nil {
			t.Fatalf("createHouse: %v %s", r.err, r.raw)
		}
		tg.houses = append(tg.houses, id)
	}
	for _, m := range tg.members {
		r := admin.do(ctx, `mutation($in: AddFamilyContactInput!) { addFamilyContact(input: $in) { familyContact { id } userErrors { code } } }`,
			map[string]any{"in": map[string]any{"memberId": memberID(m), "name": fmt.Sprintf("Soak Contact %d", m),
				"relationship": "Sibling", "email": fmt.Sprintf("soak-contact-%d@test.example", m)}})
		id, err := globalid.DecodeInt(r.str("addFamilyContact.familyContact.id"), "FamilyContact")
		if !r.ok() || err != nil {
			t.Fatalf("addFamilyContact: %v %s", r.err, r.raw)
		}
		tg.contacts[m] = id
	}
	if err := db.NewRaw(`SELECT sum(capacity) FROM houses WHERE id IN (?)`, bun.In(tg.houses)).Scan(ctx, &tg.beds); err != nil {
		t.Fatal(err)
	}
	return tg
}

// envInt is the positive integer in the environment variable, or def.
func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		t.Fatalf("%s=%q: want a positive integer", name, s)
	}
	return n
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// outcomeLine is "ok N, refused CODE N …, failed N".
func outcomeLine(counts map[string]int) string {
	parts := []string{fmt.Sprintf("ok %d", counts["ok"])}
	var refused []string
	for _, code := range sortedKeys(counts) {
		if code != "ok" && code != "failed" {
			refused = append(refused, fmt.Sprintf("%s %d", code, counts[code]))
		}
	}
	if len(refused) > 0 {
		parts = append(parts, "refused "+strings.Join(refused, ", "))
	}
	if counts["failed"] > 0 {
		parts = append(parts, fmt.Sprintf("failed %d", counts["failed"]))
	}
	return strings.Join(parts, "; ")
}
