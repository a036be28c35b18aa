package seed_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/seed"
	"carejourney/server/store"
)

// graphCount runs a query that returns one number.
func graphCount(t *testing.T, st *store.Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := st.DB().NewRaw(query, args...).Scan(context.Background(), &n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// graphInvariants checks what the constraints cannot: history that never
// over-filled a house or a caseload, attendance only by members of a group
// at meetings that have ended, schedules kept in the group's time zone, and
// rows that fit the members' journeys.
func graphInvariants(t *testing.T, st *store.Store) {
	t.Helper()
	const inCare = `SELECT e.member_id FROM care_episodes e WHERE e.ended_at IS NULL AND e.superseded_at IS NULL
		AND e.care_level_code IN ('IOP', 'VIRTUAL_IOP', 'OUTPATIENT', 'CONTINUING_CARE')`
	const admission = `(SELECT min(e.started_at) FROM care_episodes e WHERE e.member_id = %s)`
	checks := []struct{ what, query string }{
		{"a house over capacity at some move-in", `SELECT count(*) FROM residencies r JOIN houses h ON h.id = r.house_id
			WHERE (SELECT count(*) FROM residencies o WHERE o.house_id = r.house_id AND o.period @> r.move_in_at) > h.capacity`},
		{"a peer over their caseload at some start", `SELECT count(*) FROM peer_assignments a JOIN peers p ON p.id = a.peer_id
			WHERE (SELECT count(*) FROM peer_assignments o WHERE o.peer_id = a.peer_id AND o.period @> a.started_at) > p.caseload_limit`},
		{"a current assignment with an inactive peer", `SELECT count(*) FROM peer_assignments a JOIN peers p ON p.id = a.peer_id
			WHERE a.ended_at IS NULL AND NOT p.active`},
		{"a move-in before the member's admission", fmt.Sprintf(`SELECT count(*) FROM residencies r
			WHERE r.move_in_at < coalesce(%s, 'infinity')`, fmt.Sprintf(admission, "r.member_id"))},
		{"a peer before the member's admission", fmt.Sprintf(`SELECT count(*) FROM peer_assignments a
			WHERE a.started_at < coalesce(%s, 'infinity')`, fmt.Sprintf(admission, "a.member_id"))},
		{"a resident in a house not for them", `SELECT count(*) FROM residencies r JOIN houses h ON h.id = r.house_id
			JOIN members m ON m.id = r.member_id
			WHERE h.gender_designation = 'MEN' AND m.first_name IN ('Olivia', 'Maria', 'Hannah', 'Grace', 'Emily')
			   OR h.gender_designation = 'WOMEN' AND m.first_name IN ('Michael', 'Robert', 'Carlos', 'Daniel', 'Thomas')`},
		{"attendance at a meeting that has not started", `SELECT count(*) FROM attendance_records a
			JOIN meetings m ON m.id = a.meeting_id WHERE m.starts_at > now()`},
		{"attendance by someone not in the group then", `SELECT count(*) FROM attendance_records a
			JOIN meetings m ON m.id = a.meeting_id WHERE NOT EXISTS (SELECT 1 FROM group_memberships gm
				WHERE gm.group_id = m.group_id AND gm.member_id = a.member_id AND gm.joined_at <= m.starts_at
				AND (gm.left_at IS NULL OR gm.left_at > m.starts_at))`},
		{"overlapping memberships of one member in one group", `SELECT count(*) FROM group_memberships a
			JOIN group_memberships b ON a.group_id = b.group_id AND a.member_id = b.member_id AND a.id < b.id
			WHERE tstzrange(a.joined_at, a.left_at) && tstzrange(b.joined_at, b.left_at)`},
		{"a meeting off its group's schedule", `SELECT count(*) FROM meetings m JOIN groups g ON g.id = m.group_id
			WHERE NOT EXISTS (SELECT 1 FROM group_schedule_slots s WHERE s.group_id = g.id
				AND s.day_of_week = extract(isodow FROM m.starts_at AT TIME ZONE g.time_zone)
				AND s.start_time = (m.starts_at AT TIME ZONE g.time_zone)::time
				AND m.ends_at = m.starts_at + s.duration_minutes * interval '1 minute')`},
		{"a group with no slot or more than three", `SELECT count(*) FROM groups g
			WHERE (SELECT count(*) FROM group_schedule_slots s WHERE s.group_id = g.id) NOT BETWEEN 1 AND 3`},
		{"a house meeting without its house", `SELECT count(*) FROM groups WHERE (kind = 'HOUSE_MEETING') <> (house_id IS NOT NULL)`},
		{"a member at IOP or below without an active plan", `SELECT count(*) FROM (` + inCare + `) c
			WHERE NOT EXISTS (SELECT 1 FROM aftercare_plans p WHERE p.member_id = c.member_id AND p.status = 'ACTIVE')`},
		{"an active plan without goals, commitments or check-ins", `SELECT count(*) FROM aftercare_plans p WHERE p.status = 'ACTIVE'
			AND (NOT EXISTS (SELECT 1 FROM aftercare_goals g WHERE g.plan_id = p.id)
			  OR NOT EXISTS (SELECT 1 FROM aftercare_commitments c WHERE c.plan_id = p.id)
			  OR NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.plan_id = p.id))`},
		{"an active plan of a member not at IOP or below", `SELECT count(*) FROM aftercare_plans p WHERE p.status = 'ACTIVE'
			AND p.member_id NOT IN (` + inCare + `)`},
		{"a plan without 2-4 goals and 2-4 commitments in force", `SELECT count(*) FROM aftercare_plans p WHERE p.status <> 'DRAFT'
			AND ((SELECT count(*) FROM aftercare_goals g WHERE g.plan_id = p.id) NOT BETWEEN 2 AND 4
			  OR (SELECT count(*) FROM aftercare_commitments c WHERE c.plan_id = p.id AND c.removed_at IS NULL) NOT BETWEEN 2 AND 4)`},
		{"a commitment removed outside its plan's life", `SELECT count(*) FROM aftercare_commitments c
			JOIN aftercare_plans p ON p.id = c.plan_id WHERE c.removed_at < p.activated_at OR c.removed_at > coalesce(p.closed_at, now())`},
		{"a check-in outside its plan or in the future", `SELECT count(*) FROM check_ins c JOIN aftercare_plans p ON p.id = c.plan_id
			WHERE c.occurred_on < p.starts_on OR c.recorded_at > now() OR c.recorded_at < p.activated_at
			   OR (p.closed_at IS NOT NULL AND c.recorded_at > p.closed_at)`},
		{"a plan activated before it was written", `SELECT count(*) FROM aftercare_plans WHERE activated_at < created_at OR closed_at < activated_at`},
		{"recovery capital falling", `SELECT count(*) FROM (SELECT total - lag(total) OVER (PARTITION BY member_id
			ORDER BY assessed_at) AS change FROM recovery_capital_assessments) x WHERE change < 0`},
		{"a member with more than three BARC-10s or one outside aftercare", `SELECT count(*) FROM (SELECT member_id
			FROM recovery_capital_assessments GROUP BY member_id HAVING count(*) > 3
			OR min(assessed_at) < (SELECT min(activated_at) FROM aftercare_plans p WHERE p.member_id = recovery_capital_assessments.member_id)
			) x`},
		{"an alumnus peer whose member is still in care", `SELECT count(*) FROM peers p JOIN members m ON m.id = p.alumnus_member_id
			WHERE m.status NOT IN ('ALUMNI', 'DISCHARGED')`},
		{"a move without its housing update", `SELECT count(*) FROM residencies r WHERE NOT EXISTS (SELECT 1 FROM updates u
			WHERE u.member_id = r.member_id AND u.kind = 'HOUSING_CHANGE' AND u.occurred_at = r.move_in_at AND u.shareable)
			OR r.move_out_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM updates u
			WHERE u.member_id = r.member_id AND u.kind = 'HOUSING_CHANGE' AND u.occurred_at = r.move_out_at)`},
		{"an activated plan without its note", `SELECT count(*) FROM aftercare_plans p WHERE p.activated_at IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM updates u WHERE u.member_id = p.member_id AND u.kind = 'NOTE'
				AND u.body = 'Aftercare plan started' AND NOT u.shareable AND u.occurred_at = p.activated_at)`},
		{"a record dated in the future", `SELECT (SELECT count(*) FROM residencies WHERE move_in_at > now() OR move_out_at > now())
			+ (SELECT count(*) FROM peer_assignments WHERE started_at > now() OR ended_at > now())
			+ (SELECT count(*) FROM peer_conversations WHERE occurred_at > now())
			+ (SELECT count(*) FROM group_memberships WHERE joined_at > now() OR left_at > now())
			+ (SELECT count(*) FROM updates WHERE occurred_at > now())
			+ (SELECT count(*) FROM recovery_capital_assessments WHERE assessed_at > now())
			+ (SELECT count(*) FROM aftercare_plans WHERE created_at > now() OR activated_at > now())`},
	}
	for _, c := range checks {
		if n := graphCount(t, st, c.query); n != 0 {
			t.Errorf("%d× %s", n, c.what)
		}
	}
}

// timeOfDay classifies a schedule slot the way people search for groups.
func timeOfDay(day int, start string) domain.TimeOfDay {
	switch {
	case day >= 6:
		return domain.TimeOfDayWeekend
	case start < "17:00":
		return domain.TimeOfDayDay
	default:
		return domain.TimeOfDayEvening
	}
}

// demoGraph checks the figures the demo promises: seven houses, a dozen
// groups at every time of day, mostly alumni peers, six months of
// meetings, plans for everyone in aftercare, and the updates.
func demoGraph(t *testing.T, st *store.Store) {
	ctx := context.Background()
	db := st.DB()
	graphInvariants(t, st)

	t.Run("houses", func(t *testing.T) {
		var houses []*domain.House
		if err := db.NewSelect().Model(&houses).Order("id").Scan(ctx); err != nil {
			t.Fatal(err)
		}
		if len(houses) != 7 {
			t.Fatalf("%d houses, want 7", len(houses))
		}
		hm, _ := st.UserByEmail(ctx, "housemanager@demo.carejourney.test")
		genders, levels, managed := map[domain.GenderDesignation]int{}, map[domain.NarrLevel]int{}, 0
		for _, h := range houses {
			genders[h.GenderDesignation]++
			levels[h.NarrLevel]++
			if h.Capacity < 6 || h.Capacity > 14 || h.Address == "" || h.Phone == nil || h.ManagerUserID == nil {
				t.Errorf("house %+v", h)
			}
			if hm != nil && h.ManagerUserID != nil && *h.ManagerUserID == hm.ID {
				managed++
			}
		}
		if len(genders) != 3 || len(levels) < 3 || managed == 0 || managed == len(houses) {
			t.Errorf("genders %v, NARR levels %v, %d managed by the house manager", genders, levels, managed)
		}
		current := graphCount(t, st, `SELECT count(*) FROM residencies WHERE move_out_at IS NULL`)
		beds := graphCount(t, st, `SELECT sum(capacity) FROM houses`)
		reasons := graphCount(t, st, `SELECT count(DISTINCT move_out_reason) FROM residencies`)
		named := graphCount(t, st, `SELECT count(*) FROM residencies WHERE bed IS NOT NULL`)
		t.Logf("%d of %d beds taken; %d past residencies with %d reasons", current, beds,
			graphCount(t, st, `SELECT count(*) FROM residencies WHERE move_out_at IS NOT NULL`), reasons)
		if current < beds/2 || current > beds || reasons < 4 || named == 0 {
			t.Errorf("%d of %d beds taken, %d move-out reasons, %d in named beds", current, beds, reasons, named)
		}
		// Residents are mostly in the community levels of care.
		inCommunity := graphCount(t, st, `SELECT count(*) FROM residencies r JOIN care_episodes e ON e.member_id = r.member_id
			AND e.ended_at IS NULL AND e.superseded_at IS NULL
			WHERE r.move_out_at IS NULL AND e.care_level_code IN ('PHP', 'IOP', 'VIRTUAL_IOP', 'OUTPATIENT', 'CONTINUING_CARE')`)
		if inCommunity < current*3/4 {
			t.Errorf("only %d of %d residents are in PHP or below", inCommunity, current)
		}
	})

	t.Run("peers", func(t *testing.T) {
		var peers []*domain.Peer
		if err := db.NewSelect().Model(&peers).Order("id").Scan(ctx); err != nil {
			t.Fatal(err)
		}
		pu, _ := st.UserByEmail(ctx, "peer@demo.carejourney.test")
		alumni, expired, expiring, spanish, linked := 0, 0, 0, 0, int64(0)
		soon := st.Today().AddDate(0, 0, 60)
		for _, p := range peers {
			if p.IsAlumnus() {
				alumni++
			}
			if e := p.CertificationExpiresOn; e != nil && e.Before(st.Today()) {
				expired++
			} else if e != nil && e.Before(soon) {
				expiring++
			}
			for _, l := range p.Languages {
				if l == "Spanish" {
					spanish++
				}
			}
			if p.UserID != nil && pu != nil && *p.UserID == pu.ID {
				linked = p.ID
			}
			if p.CaseloadLimit < 8 || p.CaseloadLimit > 15 || len(p.Languages) == 0 || len(p.Specialties) == 0 || p.Bio == "" {
				t.Errorf("peer %+v", p)
			}
		}
		if len(peers) < 10 || alumni*2 <= len(peers) || expired == 0 || expiring == 0 || spanish == 0 || linked == 0 {
			t.Errorf("%d peers, %d alumni, %d expired, %d expiring soon, %d speak Spanish, demo peer's record %d",
				len(peers), alumni, expired, expiring, spanish, linked)
		}
		// The demo peer came back to help: their old member record bears their name.
		if n := graphCount(t, st, `SELECT count(*) FROM peers p JOIN members m ON m.id = p.alumnus_member_id
			WHERE p.id = ? AND m.first_name || ' ' || m.last_name = p.name AND p.name = ?`, linked, pu.Name); n != 1 {
			t.Errorf("the demo peer is not an alumnus linked to the member they were")
		}
		caseload := graphCount(t, st, `SELECT count(*) FROM peer_assignments WHERE peer_id = ? AND ended_at IS NULL`, linked)
		current := graphCount(t, st, `SELECT count(*) FROM peer_assignments WHERE ended_at IS NULL`)
		talks := graphCount(t, st, `SELECT count(*) FROM peer_conversations WHERE occurred_at > now() - interval '30 days'`)
		t.Logf("%d peers (%d alumni); %d current assignments, %d for the demo peer; %d conversations in 30 days",
			len(peers), alumni, current, caseload, talks)
		if caseload == 0 || current < 50 || talks < 20 {
			t.Errorf("demo peer's caseload %d, current assignments %d, conversations in 30 days %d", caseload, current, talks)
		}
	})

	t.Run("groups", func(t *testing.T) {
		var groups []*domain.Group
		if err := db.NewSelect().Model(&groups).Scan(ctx); err != nil {
			t.Fatal(err)
		}
		var slots []*domain.GroupScheduleSlot
		if err := db.NewSelect().Model(&slots).Scan(ctx); err != nil {
			t.Fatal(err)
		}
		kinds, times, others := map[domain.GroupKind]int{}, map[domain.TimeOfDay]int{}, 0
		for _, g := range groups {
			kinds[g.Kind]++
			if g.Kind != domain.GroupHouseMeeting {
				others++
			}
			if g.TimeZone != st.Location.String() {
				t.Errorf("group %q in time zone %q, want %q", g.Name, g.TimeZone, st.Location)
			}
		}
		for _, s := range slots {
			times[timeOfDay(s.DayOfWeek, s.StartTime)]++
		}
		facilitated := graphCount(t, st, `SELECT count(DISTINCT group_id) FROM group_facilitators`)
		if others < 12 || len(kinds) != 6 || kinds[domain.GroupAftercare] < 2 || kinds[domain.GroupMutualSupport] < 2 ||
			kinds[domain.GroupHouseMeeting] != 7 || len(times) != 3 || facilitated != len(groups) {
			t.Errorf("%d groups besides house meetings, kinds %v, times %v, %d of %d with facilitators",
				others, kinds, times, facilitated, len(groups))
		}
	})

	t.Run("meetings and attendance", func(t *testing.T) {
		var first, last time.Time
		if err := db.NewRaw(`SELECT min(starts_at), max(starts_at) FROM meetings`).Scan(ctx, &first, &last); err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		if d := now.Sub(first); d < 175*24*time.Hour || d > 190*24*time.Hour {
			t.Errorf("meetings start %v ago, want about six months", d)
		}
		if d := last.Sub(now); d < 7*24*time.Hour || d > 15*24*time.Hour {
			t.Errorf("meetings run %v ahead, want about two weeks", d)
		}
		statuses := map[string]int{}
		rows, err := db.QueryContext(ctx, `SELECT status, count(*) FROM attendance_records GROUP BY status`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		total := 0
		for rows.Next() {
			var s string
			var n int
			if err := rows.Scan(&s, &n); err != nil {
				t.Fatal(err)
			}
			statuses[s], total = n, total+n
		}
		t.Logf("%d meetings, %d attendance records %v", graphCount(t, st, `SELECT count(*) FROM meetings`), total, statuses)
		if len(statuses) != 4 || statuses["PRESENT"] < total/2 || total < 100*demoMemberCount/2 {
			t.Errorf("attendance %v", statuses)
		}
		recent := graphCount(t, st, `SELECT count(*) FROM meetings m WHERE m.ends_at < now() - interval '1 day'
			AND m.starts_at > now() - interval '60 days'`)
		unrecorded := graphCount(t, st, `SELECT count(*) FROM meetings m WHERE m.ends_at < now() - interval '1 day'
			AND m.starts_at > now() - interval '60 days' AND NOT EXISTS (SELECT 1 FROM attendance_records a WHERE a.meeting_id = m.id)`)
		if unrecorded*20 > recent {
			t.Errorf("%d of %d meetings of the last two months have no attendance", unrecorded, recent)
		}
	})

	t.Run("aftercare", func(t *testing.T) {
		statuses := map[string]int{}
		for _, s := range []string{"DRAFT", "ACTIVE", "COMPLETED", "CANCELLED"} {
			statuses[s] = graphCount(t, st, `SELECT count(*) FROM aftercare_plans WHERE status = ?`, s)
		}
		adherence := graphCount(t, st, `SELECT count(*) FROM aftercare_commitments c JOIN groups g ON g.id = c.group_id
			JOIN aftercare_plans p ON p.id = c.plan_id
			WHERE p.status = 'ACTIVE' AND g.kind IN ('AFTERCARE', 'MUTUAL_SUPPORT') AND c.target_per_week BETWEEN 1 AND 3`)
		lapses := graphCount(t, st, `SELECT count(*) FROM check_ins WHERE NOT abstinent`)
		removed := graphCount(t, st, `SELECT count(*) FROM aftercare_commitments WHERE removed_at IS NOT NULL`)
		easing := graphCount(t, st, `SELECT count(*) FROM (SELECT p.id,
			(SELECT avg(craving) FROM (SELECT craving FROM check_ins c WHERE c.plan_id = p.id ORDER BY occurred_on LIMIT 3) f) AS early,
			(SELECT avg(craving) FROM (SELECT craving FROM check_ins c WHERE c.plan_id = p.id ORDER BY occurred_on DESC LIMIT 3) l) AS late
			FROM aftercare_plans p WHERE p.status = 'ACTIVE'
			AND (SELECT count(*) FROM check_ins c WHERE c.plan_id = p.id) >= 12) x WHERE late < early`)
		long := graphCount(t, st, `SELECT count(*) FROM aftercare_plans p WHERE p.status = 'ACTIVE'
			AND (SELECT count(*) FROM check_ins c WHERE c.plan_id = p.id) >= 12`)
		barc := graphCount(t, st, `SELECT count(DISTINCT member_id) FROM recovery_capital_assessments`)
		t.Logf("plans %v; %d group commitments with targets, %d removed; %d lapses; craving eased in %d of %d long plans; "+
			"BARC-10 for %d members", statuses, adherence, removed, lapses, easing, long, barc)
		if statuses["ACTIVE"] < 50 || statuses["COMPLETED"] == 0 || statuses["CANCELLED"] == 0 || statuses["DRAFT"] == 0 ||
			adherence < statuses["ACTIVE"] || lapses == 0 || easing*3 < long*2 || barc < statuses["ACTIVE"] || removed == 0 {
			t.Error("aftercare figures out of range")
		}
	})

	t.Run("updates", func(t *testing.T) {
		housing := graphCount(t, st, `SELECT count(*) FROM updates WHERE kind = 'HOUSING_CHANGE'`)
		moves := graphCount(t, st, `SELECT count(*) + count(move_out_at) FROM residencies`)
		started := graphCount(t, st, `SELECT count(*) FROM updates WHERE body = 'Aftercare plan started'`)
		shared := graphCount(t, st, `SELECT count(*) FROM updates WHERE kind = 'NOTE' AND shareable`)
		private := graphCount(t, st, `SELECT count(*) FROM updates WHERE kind = 'NOTE' AND NOT shareable AND body <> 'Aftercare plan started'`)
		if housing != moves || started == 0 || shared == 0 || private <= shared {
			t.Errorf("%d housing updates for %d moves, %d plan notes, %d shared and %d private staff notes",
				housing, moves, started, shared, private)
		}
	})
}

const demoMemberCount = 150

// graphFingerprint is the recovery graph's content, ids included: two
// loads into fresh databases with one seed on one day must agree.
func graphFingerprint(t *testing.T, st *store.Store) string {
	t.Helper()
	queries := []string{
		`SELECT string_agg(concat_ws('|', name, address, capacity, gender_designation, narr_level), ';' ORDER BY id) FROM houses`,
		`SELECT string_agg(concat_ws('|', name, certification_kind, certification_expires_on, caseload_limit, alumnus_member_id,
			array_to_string(languages, ',')), ';' ORDER BY id) FROM peers`,
		`SELECT string_agg(concat_ws('|', member_id, house_id, bed, move_in_at, move_out_at, move_out_reason), ';' ORDER BY id) FROM residencies`,
		`SELECT string_agg(concat_ws('|', member_id, peer_id, started_at, ended_at, focus), ';' ORDER BY id) FROM peer_assignments`,
		`SELECT string_agg(concat_ws('|', name, kind, time_zone, house_id), ';' ORDER BY id) FROM groups`,
		`SELECT string_agg(concat_ws('|', group_id, member_id, joined_at, left_at), ';' ORDER BY id) FROM group_memberships`,
		`SELECT count(*) || '|' || sum(extract(epoch FROM starts_at)::bigint % 100003 + id) FROM meetings`,
		`SELECT string_agg(concat_ws('|', status, n, s), ';' ORDER BY status) FROM (SELECT status, count(*) AS n,
			sum(member_id * 7 + meeting_id) AS s FROM attendance_records GROUP BY status) a`,
		`SELECT string_agg(concat_ws('|', member_id, status, starts_on, review_on), ';' ORDER BY id) FROM aftercare_plans`,
		`SELECT string_agg(concat_ws('|', plan_id, category, description, status), ';' ORDER BY id) FROM aftercare_goals`,
		`SELECT string_agg(concat_ws('|', plan_id, kind, group_id, house_id, peer_id, target_per_week), ';' ORDER BY id) FROM aftercare_commitments`,
		`SELECT count(*) || '|' || sum(craving) || '|' || count(*) FILTER (WHERE abstinent) FROM check_ins`,
		`SELECT string_agg(concat_ws('|', member_id, total, assessed_at), ';' ORDER BY id) FROM recovery_capital_assessments`,
		`SELECT string_agg(concat_ws('|', member_id, kind, body, occurred_at, shareable), ';' ORDER BY id) FROM updates`,
	}
	var b strings.Builder
	for _, q := range queries {
		var s *string
		if err := st.DB().NewRaw(q).Scan(context.Background(), &s); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if s != nil {
			b.WriteString(*s)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestScaleGraphProportional loads a small scale and checks that the
// recovery graph has the demo's proportions.
func TestScaleGraphProportional(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	const members = 500
	res, err := seed.Scale(ctx, st, seed.ScaleOptions{Members: members, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", res)
	graphInvariants(t, st)
	count := func(table string) int { return graphCount(t, st, "SELECT count(*) FROM "+table) }
	checks := []struct {
		what     string
		got      int
		lo, hi   int
		reported int
	}{
		{"houses (one per 20 members)", count("houses"), members / 30, members / 15, res.Houses},
		{"peers (one per 12 members)", count("peers"), members / 16, members / 9, res.Peers},
		{"attendance (about 100 per member)", count("attendance_records"), 70 * members, 130 * members, res.Attendance},
		{"groups (17 and a meeting per house, per 150 members)", count("groups"), 3 * 17, 3*17 + members/15, res.Groups},
		{"active plans", graphCount(t, st, `SELECT count(*) FROM aftercare_plans WHERE status = 'ACTIVE'`), members / 3, members * 2 / 3, -1},
		{"care-level updates (one per episode and discharge)", graphCount(t, st, `SELECT count(*) FROM updates WHERE kind = 'CARE_LEVEL_CHANGE'`),
			res.Episodes, res.Episodes * 3 / 2, -1},
	}
	for _, c := range checks {
		if c.got < c.lo || c.got > c.hi {
			t.Errorf("%s: %d, want %d-%d", c.what, c.got, c.lo, c.hi)
		}
		if c.reported >= 0 && c.reported != c.got {
			t.Errorf("%s: reported %d, database has %d", c.what, c.reported, c.got)
		}
	}
	// The care-level updates tell the journey as the store would.
	for _, body := range []string{"Admitted to %", "Readmitted to %", "Stepped down to %", "Stepped up to %", "Moved to %", "Discharged from %"} {
		if graphCount(t, st, `SELECT count(*) FROM updates WHERE kind = 'CARE_LEVEL_CHANGE' AND body LIKE ?`, body) == 0 {
			t.Errorf("no care-level update %q", body)
		}
	}
}

// TestScaleJourneysOnly leaves the graph out when asked.
func TestScaleJourneysOnly(t *testing.T) {
	st := newStore(t)
	res, err := seed.Scale(context.Background(), st, seed.ScaleOptions{Members: 40, Seed: 2, JourneysOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := graphCount(t, st, `SELECT (SELECT count(*) FROM houses) + (SELECT count(*) FROM groups) + (SELECT count(*) FROM peers)`); n != 0 || res.Houses != 0 {
		t.Errorf("journeys-only load wrote %d houses, groups and peers", n)
	}
	if n := graphCount(t, st, `SELECT count(*) FROM updates WHERE kind = 'CARE_LEVEL_CHANGE'`); n < res.Episodes {
		t.Errorf("%d care-level updates for %d episodes", n, res.Episodes)
	}
}

// TestScaleGraphInProviderTimeZone keeps schedules on local wall-clock
// time across daylight-saving changes.
func TestScaleGraphInProviderTimeZone(t *testing.T) {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	st := newStoreIn(t, loc)
	if _, err := seed.Scale(context.Background(), st, seed.ScaleOptions{Members: 150, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	graphInvariants(t, st)
	if n := graphCount(t, st, `SELECT count(*) FROM groups WHERE time_zone <> 'America/New_York'`); n != 0 {
		t.Errorf("%d groups not in the provider's time zone", n)
	}
	local := graphCount(t, st, `SELECT count(DISTINCT (starts_at AT TIME ZONE 'America/New_York')::time) FROM meetings m
		JOIN groups g ON g.id = m.group_id WHERE g.name LIKE 'Alumni Aftercare Group%'`)
	if local != 1 {
		t.Errorf("the alumni group meets at %d local times, want one", local)
	}
}
