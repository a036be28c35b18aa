//go:build soak

package soak

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// invariants are the rules no interleaving of writers may break, each a
// statement counting the rows that break it (0 when it holds).
var invariants = []struct{ name, sql string }{
	{"overlapping current episodes", `SELECT count(*) FROM care_episodes a JOIN care_episodes b
		ON a.member_id = b.member_id AND a.id < b.id AND a.period && b.period
		WHERE a.superseded_at IS NULL AND b.superseded_at IS NULL`},
	{"members with more than one open episode", `SELECT count(*) FROM (SELECT member_id FROM care_episodes
		WHERE ended_at IS NULL AND superseded_at IS NULL GROUP BY member_id HAVING count(*) > 1) x`},
	{"members in care not ACTIVE, or ACTIVE not in care", `SELECT count(*) FROM members m
		WHERE (m.status = 'ACTIVE') <> EXISTS (SELECT 1 FROM care_episodes e
			WHERE e.member_id = m.id AND e.ended_at IS NULL AND e.superseded_at IS NULL)
		AND m.status IN ('ACTIVE', 'DISCHARGED')`},
	{"overlapping residencies", `SELECT count(*) FROM residencies a JOIN residencies b
		ON a.member_id = b.member_id AND a.id < b.id AND a.period && b.period`},
	{"members in more than one house", `SELECT count(*) FROM (SELECT member_id FROM residencies
		WHERE move_out_at IS NULL GROUP BY member_id HAVING count(*) > 1) x`},
	{"houses over capacity", `SELECT count(*) FROM houses h
		WHERE (SELECT count(*) FROM residencies r WHERE r.house_id = h.id AND r.move_out_at IS NULL) > h.capacity`},
	{"members with more than one active plan", `SELECT count(*) FROM (SELECT member_id FROM aftercare_plans
		WHERE status = 'ACTIVE' GROUP BY member_id HAVING count(*) > 1) x`},
	{"active or closed plans never activated, closed plans without a close", `SELECT count(*) FROM aftercare_plans
		WHERE (status <> 'DRAFT' AND status <> 'CANCELLED' AND activated_at IS NULL)
		OR ((status IN ('COMPLETED', 'CANCELLED')) <> (closed_at IS NOT NULL))`},
	{"check-ins on a draft plan or after the plan closed", `SELECT count(*) FROM check_ins c JOIN aftercare_plans p ON p.id = c.plan_id
		WHERE p.activated_at IS NULL OR c.recorded_at > p.closed_at`},
}

// checkInvariants runs every invariant: the figures line and the broken
// ones as errors.
func checkInvariants(t *testing.T, db *bun.DB) (figures []string, broken int) {
	t.Helper()
	for _, inv := range invariants {
		var n int
		if err := db.NewRaw(inv.sql).Scan(context.Background(), &n); err != nil {
			t.Fatalf("%s: %v", inv.name, err)
		}
		if n > 0 {
			t.Errorf("invariant broken: %s: %d", inv.name, n)
			broken++
		}
		figures = append(figures, fmt.Sprintf("%s %d", inv.name, n))
	}
	return figures, broken
}

// consentSnapshot is every consent as text: body without the revocation,
// full with it. A consent is append-only: its body never changes, and a
// revocation is written once.
type consentSnapshot map[int64]struct{ body, full string }

func snapshotConsents(t *testing.T, db *bun.DB) consentSnapshot {
	t.Helper()
	var rows []struct {
		ID   int64  `bun:"id"`
		Body string `bun:"body"`
		Full string `bun:"full"`
	}
	if err := db.NewRaw(`SELECT id, (to_jsonb(c) - 'revoked_at' - 'revocation_reason' - 'revoked_by_user_id')::text AS body,
		to_jsonb(c)::text AS full FROM consents c`).Scan(context.Background(), &rows); err != nil {
		t.Fatal(err)
	}
	out := consentSnapshot{}
	for _, r := range rows {
		out[r.ID] = struct{ body, full string }{r.Body, r.Full}
	}
	return out
}

// checkConsentsAppendOnly compares the consents before the load with
// after it: none gone, none edited, and a change only where the ledger
// says a revocation was acknowledged.
func (l *writersLedger) checkConsentsAppendOnly(t *testing.T, before, after consentSnapshot) (changed int) {
	t.Helper()
	revoked := map[int64]bool{}
	for _, r := range l.revocations {
		revoked[r.id] = true
	}
	for id, b := range before {
		a, ok := after[id]
		switch {
		case !ok:
			t.Errorf("consent %d is gone", id)
		case a.body != b.body:
			t.Errorf("consent %d was edited:\n%s\n%s", id, b.body, a.body)
		case a.full != b.full && !revoked[id]:
			t.Errorf("consent %d changed without an acknowledged revocation:\n%s\n%s", id, b.full, a.full)
		default:
			continue
		}
		changed++
	}
	return changed
}

// verify looks up every acknowledged write with the values sent, and the
// audit event of every acknowledged request; it returns how many are not
// in the database as acknowledged.
func (l *writersLedger) verify(t *testing.T, db *bun.DB, since time.Time, members []int64) (lost int) {
	t.Helper()
	ctx := context.Background()
	miss := func(format string, args ...any) {
		t.Errorf("lost: "+format, args...)
		lost++
	}
	scan := func(dest any, query string, args ...any) {
		if err := db.NewRaw(query, args...).Scan(ctx, dest); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
	}

	// Episodes opened by admissions and level changes, and closed by discharges.
	var episodes []struct {
		ID             int64      `bun:"id"`
		MemberID       int64      `bun:"member_id"`
		Level          string     `bun:"care_level_code"`
		StartedAt      time.Time  `bun:"started_at"`
		EndedAt        *time.Time `bun:"ended_at"`
		DischargeReaon *string    `bun:"discharge_reason"`
	}
	scan(&episodes, `SELECT id, member_id, care_level_code, started_at, ended_at, discharge_reason
		FROM care_episodes WHERE member_id IN (?) AND superseded_at IS NULL`, bun.In(members))
	byEpisode := indexRows(episodes, func(i int) int64 { return episodes[i].ID })
	for _, e := range l.episodes {
		i, ok := byEpisode[e.id]
		if !ok || episodes[i].MemberID != e.member || episodes[i].Level != e.level || !episodes[i].StartedAt.Equal(e.startedAt) {
			miss("episode %d (member %d, %s from %s)", e.id, e.member, e.level, e.startedAt)
		}
	}
	for _, d := range l.discharges {
		i, ok := byEpisode[d.episode]
		if !ok || episodes[i].EndedAt == nil || !episodes[i].EndedAt.Equal(d.endedAt) ||
			episodes[i].DischargeReaon == nil || *episodes[i].DischargeReaon != d.reason {
			miss("discharge of episode %d at %s", d.episode, d.endedAt)
		}
	}

	// Residencies begun by move-ins and ended by move-outs.
	var residencies []struct {
		ID        int64      `bun:"id"`
		MemberID  int64      `bun:"member_id"`
		HouseID   int64      `bun:"house_id"`
		MoveInAt  time.Time  `bun:"move_in_at"`
		MoveOutAt *time.Time `bun:"move_out_at"`
		Reason    *string    `bun:"move_out_reason"`
	}
	scan(&residencies, `SELECT id, member_id, house_id, move_in_at, move_out_at, move_out_reason
		FROM residencies WHERE member_id IN (?)`, bun.In(members))
	byResidency := indexRows(residencies, func(i int) int64 { return residencies[i].ID })
	for _, m := range l.moveIns {
		i, ok := byResidency[m.id]
		if !ok || residencies[i].MemberID != m.member || residencies[i].HouseID != m.house || !residencies[i].MoveInAt.Equal(m.at) {
			miss("move-in %d (member %d into house %d at %s)", m.id, m.member, m.house, m.at)
		}
	}
	for _, m := range l.moveOuts {
		i, ok := byResidency[m.id]
		if !ok || residencies[i].MemberID != m.member || residencies[i].MoveOutAt == nil ||
			!residencies[i].MoveOutAt.Equal(m.at) || residencies[i].Reason == nil || *residencies[i].Reason != m.reason {
			miss("move-out %d (member %d at %s)", m.id, m.member, m.at)
		}
	}

	// The journey and housing updates each of those writes in its
	// transaction: one per acknowledged write, and none for a refused one.
	var updates []struct {
		MemberID   int64     `bun:"member_id"`
		Kind       string    `bun:"kind"`
		OccurredAt time.Time `bun:"occurred_at"`
		Body       string    `bun:"body"`
	}
	scan(&updates, `SELECT member_id, kind, occurred_at, body FROM updates
		WHERE member_id IN (?) AND recorded_at >= ? AND kind IN ('CARE_LEVEL_CHANGE', 'HOUSING_CHANGE', 'NOTE')`,
		bun.In(members), since)
	type updateKey struct {
		member int64
		kind   string
		at     int64
	}
	written := map[updateKey]int{}
	counts := map[string]int{}
	for _, u := range updates {
		if u.Kind == string(domain.UpdateNote) {
			if u.Body != domain.PlanStartedUpdateBody {
				continue
			}
			u.OccurredAt = time.Time{}
		}
		written[updateKey{u.MemberID, u.Kind, u.OccurredAt.UnixMicro()}]++
		counts[u.Kind]++
	}
	want := func(member int64, kind domain.UpdateKind, at time.Time, what string) {
		k := updateKey{member, string(kind), at.UnixMicro()}
		if written[k] == 0 {
			miss("the %s update of %s", kind, what)
		}
		written[k]--
	}
	for _, e := range l.episodes {
		want(e.member, domain.UpdateCareLevelChange, e.startedAt, fmt.Sprintf("episode %d", e.id))
	}
	for _, d := range l.discharges {
		want(d.member, domain.UpdateCareLevelChange, d.endedAt, fmt.Sprintf("the discharge of episode %d", d.episode))
	}
	for _, m := range l.moveIns {
		want(m.member, domain.UpdateHousingChange, m.at, fmt.Sprintf("move-in %d", m.id))
	}
	for _, m := range l.moveOuts {
		want(m.member, domain.UpdateHousingChange, m.at, fmt.Sprintf("move-out %d", m.id))
	}
	if n := len(l.episodes) + len(l.discharges); counts["CARE_LEVEL_CHANGE"] != n {
		t.Errorf("partial writes: %d care-level updates written, %d journey writes acknowledged", counts["CARE_LEVEL_CHANGE"], n)
	}
	if n := len(l.moveIns) + len(l.moveOuts); counts["HOUSING_CHANGE"] != n {
		t.Errorf("partial writes: %d housing updates written, %d moves acknowledged", counts["HOUSING_CHANGE"], n)
	}

	// Plans: created, activated once, closed once, each as acknowledged.
	var plans []struct {
		ID          int64      `bun:"id"`
		MemberID    int64      `bun:"member_id"`
		Status      string     `bun:"status"`
		ActivatedAt *time.Time `bun:"activated_at"`
	}
	scan(&plans, `SELECT id, member_id, status, activated_at FROM aftercare_plans WHERE member_id IN (?)`, bun.In(members))
	byPlan := indexRows(plans, func(i int) int64 { return plans[i].ID })
	// A plan is activated at most once and closed at most once, and its
	// status is the last of those acknowledged (the answers may arrive in
	// any order, the transitions cannot).
	planMember := map[int64]int64{}
	activated := map[int64]int{}
	closed := map[int64][]string{}
	for _, p := range l.plans {
		switch p.status {
		case "DRAFT":
			planMember[p.id] = p.member
		case "ACTIVE":
			activated[p.id]++
		default:
			closed[p.id] = append(closed[p.id], p.status)
		}
	}
	activations := 0
	final := map[int64]string{}
	for id := range planMember {
		activations += activated[id]
		final[id] = "DRAFT"
		if activated[id] > 0 {
			final[id] = "ACTIVE"
		}
		if len(closed[id]) > 0 {
			final[id] = closed[id][0]
		}
		if activated[id] > 1 || len(closed[id]) > 1 {
			t.Errorf("plan %d: %d activations and closings %v acknowledged", id, activated[id], closed[id])
		}
	}
	for _, p := range l.plans {
		if p.status != "DRAFT" {
			continue
		}
		i, ok := byPlan[p.id]
		if !ok || plans[i].MemberID != p.member || plans[i].Status != final[p.id] {
			miss("plan %d of member %d, %s as acknowledged", p.id, p.member, final[p.id])
		}
	}
	for _, p := range l.plans {
		if p.status == "ACTIVE" {
			if i, ok := byPlan[p.id]; !ok || plans[i].ActivatedAt == nil {
				miss("the activation of plan %d", p.id)
			} else {
				want(planMember[p.id], domain.UpdateNote, time.Time{}, fmt.Sprintf("the activation of plan %d", p.id))
			}
		}
	}
	if counts["NOTE"] != activations {
		t.Errorf("partial writes: %d plan-started updates written, %d activations acknowledged", counts["NOTE"], activations)
	}

	// Check-ins.
	var checkIns []struct {
		ID      int64  `bun:"id"`
		PlanID  int64  `bun:"plan_id"`
		On      string `bun:"occurred_on"`
		Craving int    `bun:"craving"`
		Note    string `bun:"note"`
	}
	scan(&checkIns, `SELECT c.id, c.plan_id, c.occurred_on::text AS occurred_on, c.craving, c.note FROM check_ins c
		JOIN aftercare_plans p ON p.id = c.plan_id WHERE p.member_id IN (?)`, bun.In(members))
	byCheckIn := indexRows(checkIns, func(i int) int64 { return checkIns[i].ID })
	for _, c := range l.checkIns {
		i, ok := byCheckIn[c.id]
		if !ok || checkIns[i].PlanID != c.plan || checkIns[i].On != c.on || checkIns[i].Craving != c.craving || checkIns[i].Note != c.note {
			miss("check-in %d on plan %d", c.id, c.plan)
		}
	}

	// Attendance: of the acknowledged writes to one line, the one stored
	// must be one that no other was sent after (last writer wins).
	type line struct{ meeting, member int64 }
	byLine := map[line][]attendanceWrite{}
	for _, a := range l.attendance {
		byLine[line{a.meeting, a.member}] = append(byLine[line{a.meeting, a.member}], a)
	}
	var records []struct {
		MeetingID int64  `bun:"meeting_id"`
		MemberID  int64  `bun:"member_id"`
		Status    string `bun:"status"`
		By        *int64 `bun:"recorded_by_user_id"`
	}
	scan(&records, `SELECT meeting_id, member_id, status, recorded_by_user_id FROM attendance_records WHERE member_id IN (?)`,
		bun.In(members))
	stored := map[line]int{}
	for i, r := range records {
		stored[line{r.MeetingID, r.MemberID}] = i
	}
	for k, writes := range byLine {
		i, ok := stored[k]
		var lastSent time.Time
		for _, w := range writes {
			if w.sent.After(lastSent) {
				lastSent = w.sent
			}
		}
		found := ok && slices.ContainsFunc(writes, func(w attendanceWrite) bool {
			return !w.received.Before(lastSent) && records[i].Status == w.status && records[i].By != nil && *records[i].By == w.by
		})
		if !found {
			miss("attendance of member %d at meeting %d (%d writes)", k.member, k.meeting, len(writes))
		}
	}

	// Consents granted as signed, revoked once as acknowledged.
	var consents []struct {
		ID        int64      `bun:"id"`
		MemberID  int64      `bun:"member_id"`
		ContactID *int64     `bun:"family_contact_id"`
		Purpose   string     `bun:"purpose"`
		Kinds     string     `bun:"kinds"`
		ExpiresAt *time.Time `bun:"expires_at"`
		SignedAt  time.Time  `bun:"signed_at"`
		RevokedAt *time.Time `bun:"revoked_at"`
		Reason    *string    `bun:"revocation_reason"`
	}
	scan(&consents, `SELECT id, member_id, family_contact_id, purpose, array_to_string(information_kinds, ',') AS kinds,
		expires_at, signed_at, revoked_at, revocation_reason FROM consents WHERE member_id IN (?)`, bun.In(members))
	byConsent := indexRows(consents, func(i int) int64 { return consents[i].ID })
	revocations := map[int64][]revokeWrite{}
	for _, r := range l.revocations {
		revocations[r.id] = append(revocations[r.id], r)
	}
	for _, g := range l.grants {
		i, ok := byConsent[g.id]
		if !ok {
			miss("consent %d", g.id)
			continue
		}
		c := consents[i]
		if c.MemberID != g.member || c.ContactID == nil || *c.ContactID != g.contact || c.Purpose != g.purpose ||
			c.Kinds != strings.Join(sortedKinds(g.kinds), ",") || c.ExpiresAt == nil || !c.ExpiresAt.Equal(g.expiresAt) || !c.SignedAt.Equal(g.signedAt) {
			miss("consent %d as signed (stored %+v)", g.id, c)
		}
		switch rs := revocations[g.id]; {
		case len(rs) > 1:
			t.Errorf("consent %d: %d revocations acknowledged", g.id, len(rs))
		case len(rs) == 1:
			if c.RevokedAt == nil || !c.RevokedAt.Equal(rs[0].at) || c.Reason == nil || *c.Reason != rs[0].reason {
				miss("the revocation of consent %d", g.id)
			}
		case c.RevokedAt != nil:
			t.Errorf("consent %d revoked without an acknowledged revocation", g.id)
		}
	}

	// Rows written during the load: exactly as many as were acknowledged,
	// so no refused or failed write left one behind.
	created := 0
	for _, p := range l.plans {
		if p.status == "DRAFT" {
			created++
		}
	}
	for _, c := range []struct {
		what, sql string
		want      int
	}{
		{"care episodes", `SELECT count(*) FROM care_episodes WHERE member_id IN (?) AND recorded_at >= ?`, len(l.episodes)},
		{"residencies", `SELECT count(*) FROM residencies WHERE member_id IN (?) AND recorded_at >= ?`, len(l.moveIns)},
		{"aftercare plans", `SELECT count(*) FROM aftercare_plans WHERE member_id IN (?) AND created_at >= ?`, created},
		{"check-ins", `SELECT count(*) FROM check_ins c JOIN aftercare_plans p ON p.id = c.plan_id
			WHERE p.member_id IN (?) AND c.recorded_at >= ?`, len(l.checkIns)},
		{"consents", `SELECT count(*) FROM consents WHERE member_id IN (?) AND recorded_at >= ?`, len(l.grants)},
	} {
		var n int
		scan(&n, c.sql, bun.In(members), since)
		if n != c.want {
			t.Errorf("partial writes: %d %s written during the load, %d acknowledged", n, c.what, c.want)
		}
	}

	// The audit event of every acknowledged request.
	ids := make([]string, 0, len(l.events))
	for id := range l.events {
		ids = append(ids, id)
	}
	var events []struct {
		RequestID string `bun:"request_id"`
		Action    string `bun:"action"`
	}
	for chunk := range slices.Chunk(ids, 5000) {
		var part []struct {
			RequestID string `bun:"request_id"`
			Action    string `bun:"action"`
		}
		scan(&part, `SELECT DISTINCT request_id, action FROM audit_events WHERE request_id IN (?)`, bun.In(chunk))
		events = append(events, part...)
	}
	has := map[string]bool{}
	for _, e := range events {
		has[e.RequestID+" "+e.Action] = true
	}
	for id, action := range l.events {
		if !has[id+" "+action] {
			miss("the %s audit event of request %s", action, id)
		}
	}
	return lost
}

// sortedKinds are information kinds in the order the server keeps them
// (the enum's).
func sortedKinds(kinds []string) []string {
	order := []string{"MILESTONES", "CARE_LEVEL", "HOUSING", "ATTENDANCE_SUMMARY", "NOTES"}
	out := slices.Clone(kinds)
	slices.SortFunc(out, func(a, b string) int { return slices.Index(order, a) - slices.Index(order, b) })
	return out
}

// indexRows maps each row's id to its index.
func indexRows[T any](rows []T, id func(int) int64) map[int64]int {
	out := make(map[int64]int, len(rows))
	for i := range rows {
		out[id(i)] = i
	}
	return out
}
