package seed_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/seed"
	"carejourney/server/store"
	"carejourney/server/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }

func newStore(t *testing.T) *store.Store {
	t.Helper()
	return newStoreIn(t, time.UTC)
}

// newStoreIn returns a store whose provider reckons dates in loc.
func newStoreIn(t *testing.T, loc *time.Location) *store.Store {
	t.Helper()
	db, _ := testdb.NewMigrated(t)
	return store.New(db, loc)
}

// careLevels is the catalogue in its order and by code.
func careLevels(t *testing.T, st *store.Store) ([]domain.CareLevel, map[string]domain.CareLevel) {
	t.Helper()
	levels, err := st.CareLevels(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]domain.CareLevel{}
	for _, l := range levels {
		byCode[l.Code] = l
	}
	return levels, byCode
}

func memberIDs(t *testing.T, st *store.Store) []int64 {
	t.Helper()
	var ids []int64
	if err := st.DB().NewSelect().Table("members").Column("id").Order("id").Scan(context.Background(), &ids); err != nil {
		t.Fatal(err)
	}
	return ids
}

// journeys loads every member with their current (not superseded) episodes.
func journeys(t *testing.T, st *store.Store) (map[int64]*domain.Member, map[int64][]*domain.CareEpisode) {
	t.Helper()
	ctx := context.Background()
	ids := memberIDs(t, st)
	members, err := st.MembersByID(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	all, err := st.EpisodesByMemberID(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	current := map[int64][]*domain.CareEpisode{}
	for id, eps := range all {
		for _, e := range eps {
			if !e.Superseded() {
				current[id] = append(current[id], e)
			}
		}
	}
	return members, current
}

// recoveryHistory loads every member's sobriety-date history, oldest first.
// It reads the table itself because store.RecoveryHistoryByMemberID names
// the table without the alias bun qualifies its columns with, and fails.
func recoveryHistory(t *testing.T, st *store.Store) map[int64][]*domain.RecoveryStartDateChange {
	t.Helper()
	var rows []*domain.RecoveryStartDateChange
	err := st.DB().NewSelect().Model(&rows).ModelTableExpr("recovery_start_dates AS recovery_start_date_change").
		Order("recorded_at", "id").Scan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64][]*domain.RecoveryStartDateChange{}
	for _, r := range rows {
		out[r.MemberID] = append(out[r.MemberID], r)
	}
	return out
}

func TestDemo(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)

	start := time.Now()
	users, err := seed.Demo(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("demo loaded in %v", time.Since(start))

	t.Run("users", func(t *testing.T) {
		roles := map[domain.Role]bool{}
		for _, du := range users {
			u, err := st.UserByEmail(ctx, du.Email)
			if err != nil || u == nil {
				t.Fatalf("demo user %s not found: %v", du.Email, err)
			}
			if u.Role != du.Role || u.Name != du.Name || !u.Active {
				t.Errorf("user %s stored as %+v, want role %s name %q", du.Email, u, du.Role, du.Name)
			}
			if !auth.CheckPassword(du.Password, u.PasswordHash) {
				t.Errorf("printed password of %s does not sign in", du.Email)
			}
			roles[du.Role] = true
		}
		if users[0].Email != "admin@demo.carejourney.test" || users[0].Password != "demo-admin-2026!" {
			t.Errorf("first demo user = %+v, want the documented admin", users[0])
		}
		for _, r := range []domain.Role{domain.RoleAdmin, domain.RoleCaseManager, domain.RoleClinician,
			domain.RolePeerSupporter, domain.RoleHouseManager} {
			if !roles[r] {
				t.Errorf("no demo user with role %s", r)
			}
		}
	})

	members, eps := journeys(t, st)
	if len(members) < 140 || len(members) > 160 {
		t.Fatalf("demo has %d members, want about 150", len(members))
	}
	levels, byCode := careLevels(t, st)

	t.Run("journeys", func(t *testing.T) {
		cm, err := st.UserByEmail(ctx, "casemanager@demo.carejourney.test")
		if err != nil || cm == nil {
			t.Fatalf("case manager: %v", err)
		}
		now := time.Now()
		openAt := map[string]int{}
		transitions := map[domain.Transition]int{}
		statuses := map[domain.MemberStatus]int{}
		recentStarts := 0
		for id, m := range members {
			statuses[m.Status]++
			open := 0
			for _, e := range eps[id] {
				if e.Open() {
					open++
					openAt[e.CareLevelCode]++
				}
				if e.StartedAt.After(now) || (e.EndedAt != nil && e.EndedAt.After(now)) {
					t.Errorf("member %d has an episode in the future: %+v", id, e)
				}
				if e.RecordedByUserID == nil || *e.RecordedByUserID != cm.ID {
					t.Errorf("episode %d not recorded by the case manager", e.ID)
				}
				tr := domain.TransitionOf(e, eps[id], byCode)
				transitions[tr]++
				if e.Open() && now.Sub(e.StartedAt) < 14*24*time.Hour {
					recentStarts++
				}
			}
			if open > 1 {
				t.Errorf("member %d has %d open episodes", id, open)
			}
			if wantActive := open == 1; wantActive != (m.Status == domain.MemberActive) {
				t.Errorf("member %d has status %s and %d open episodes", id, m.Status, open)
			}
		}
		for _, l := range levels {
			if openAt[l.Code] == 0 {
				t.Errorf("no member is currently at %s", l.Code)
			}
		}
		for _, tr := range []domain.Transition{domain.TransitionAdmission, domain.TransitionStepDown,
			domain.TransitionStepUp, domain.TransitionLateral, domain.TransitionReadmission} {
			if transitions[tr] == 0 {
				t.Errorf("no %s in the demo", tr)
			}
		}
		for _, s := range []domain.MemberStatus{domain.MemberActive, domain.MemberDischarged, domain.MemberAlumni} {
			if statuses[s] == 0 {
				t.Errorf("no member with status %s", s)
			}
		}
		// The demo is built backward from today, so it always has people
		// who arrived in the last two weeks.
		if recentStarts == 0 {
			t.Error("no open episode started in the last two weeks: the demo is not current")
		}
		t.Logf("open by level %v; transitions %v; statuses %v", openAt, transitions, statuses)
	})

	t.Run("recovery dates", func(t *testing.T) {
		history := recoveryHistory(t, st)
		relapses, preferred := 0, 0
		for id, m := range members {
			h := history[id]
			if m.PreferredName != nil {
				preferred++
			}
			if len(h) == 0 {
				if m.RecoveryStartDate != nil {
					t.Errorf("member %d has a recovery start date without history", id)
				}
				continue
			}
			if m.RecoveryStartDate == nil || !m.RecoveryStartDate.Equal(h[len(h)-1].StartDate) {
				t.Errorf("member %d: current date %v is not the latest in history %v", id, m.RecoveryStartDate, h[len(h)-1].StartDate)
			}
			for _, r := range h {
				if r.Reason == "Relapse" {
					relapses++
				}
			}
			age := time.Since(*m.DateOfBirth).Hours() / 24 / 365.25
			if age < 19 || age > 71 {
				t.Errorf("member %d is %.1f years old", id, age)
			}
		}
		if relapses == 0 {
			t.Error("no recovery start date was reset after a relapse")
		}
		if preferred == 0 {
			t.Error("no member has a preferred name")
		}
	})

	t.Run("recovery graph", func(t *testing.T) { demoGraph(t, st) })
	t.Run("family", func(t *testing.T) { demoFamily(t, st, users) })

	t.Run("twice", func(t *testing.T) {
		_, err := seed.Demo(ctx, st)
		if !errors.Is(err, seed.ErrNotEmpty) {
			t.Fatalf("second Demo: got %v, want ErrNotEmpty", err)
		}
		if n := len(memberIDs(t, st)); n != len(members) {
			t.Errorf("second Demo changed the member count from %d to %d", len(members), n)
		}
	})
}

// fingerprint is what must not change between two loads with one seed:
// people and their level sequences (dates move with today).
func fingerprint(t *testing.T, st *store.Store) []string {
	t.Helper()
	members, eps := journeys(t, st)
	var out []string
	for _, id := range memberIDs(t, st) {
		m := members[id]
		var b strings.Builder
		fmt.Fprintf(&b, "%s|%s|%v|%s|", m.FirstName, m.LastName, deref(m.PreferredName), m.Status)
		for _, e := range eps[id] {
			b.WriteString(e.CareLevelCode + ":" + e.Reason + ":" + deref(e.DischargeReason) + ";")
		}
		out = append(out, b.String())
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func TestScaleIsDeterministic(t *testing.T) {
	ctx := context.Background()
	// One clock for every load: the graph runs up to now (attendance of
	// ended meetings, who still lives where).
	clock := time.Now()
	load := func(seedValue int64) []string {
		st := newStore(t)
		st.Now = func() time.Time { return clock }
		res, err := seed.Scale(ctx, st, seed.ScaleOptions{Members: 500, Seed: seedValue})
		if err != nil {
			t.Fatal(err)
		}
		if res.Members != 500 {
			t.Errorf("Scale reported %d members, want 500", res.Members)
		}
		var episodes int
		if err := st.DB().NewSelect().Table("care_episodes").ColumnExpr("count(*)").Scan(ctx, &episodes); err != nil {
			t.Fatal(err)
		}
		if episodes != res.Episodes || episodes < 500 {
			t.Errorf("Scale reported %d episodes, database has %d", res.Episodes, episodes)
		}
		fp := fingerprint(t, st)
		if len(fp) != 500 {
			t.Fatalf("database has %d members, want 500", len(fp))
		}
		return append(fp, graphFingerprint(t, st))
	}
	a, b, other := load(42), load(42), load(43)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("member %d differs between two loads with one seed:\n%s\n%s", i, a[i], b[i])
		}
	}
	if strings.Join(a, "\n") == strings.Join(other, "\n") {
		t.Error("seeds 42 and 43 gave the same data")
	}
}

// TestScaleAfterDemo checks that bulk rows obey the same invariants as the
// ones the store writes, and that Scale only adds to what is there. The
// provider sits at UTC+14, where its today is ahead of the server's, so
// that nothing is written in the provider's future.
func TestScaleAfterDemo(t *testing.T) {
	ctx := context.Background()
	st := newStoreIn(t, time.FixedZone("Line Islands", 14*60*60))
	if _, err := seed.Demo(ctx, st); err != nil {
		t.Fatal(err)
	}
	before := len(memberIDs(t, st))
	res, err := seed.Scale(ctx, st, seed.ScaleOptions{Members: 2000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("scale: %d members, %d episodes in %v", res.Members, res.Episodes, res.Elapsed)
	if n := len(memberIDs(t, st)); n != before+2000 {
		t.Fatalf("members after Scale = %d, want %d", n, before+2000)
	}

	levels, byCode := careLevels(t, st)
	members, eps := journeys(t, st)
	history := recoveryHistory(t, st)
	openAt := map[string]int{}
	transitions := map[domain.Transition]int{}
	now := time.Now()
	for id, m := range members {
		open := 0
		var prev *domain.CareEpisode
		for _, e := range eps[id] {
			if e.Open() {
				open++
				openAt[e.CareLevelCode]++
			}
			if e.StartedAt.After(now) {
				t.Fatalf("member %d: episode starts in the future: %v", id, e.StartedAt)
			}
			if prev != nil && (prev.EndedAt == nil || prev.EndedAt.After(e.StartedAt)) {
				t.Fatalf("member %d: episode %d starts before the previous one ends", id, e.ID)
			}
			transitions[domain.TransitionOf(e, eps[id], byCode)]++
			prev = e
		}
		if (open == 1) != (m.Status == domain.MemberActive) {
			t.Fatalf("member %d has status %s and %d open episodes", id, m.Status, open)
		}
		if h := history[id]; len(h) > 0 && !m.RecoveryStartDate.Equal(h[len(h)-1].StartDate) {
			t.Fatalf("member %d: recovery start date %v, latest history %v", id, m.RecoveryStartDate, h[len(h)-1].StartDate)
		}
	}
	for _, l := range levels {
		if openAt[l.Code] == 0 {
			t.Errorf("no member is currently at %s", l.Code)
		}
	}
	for _, tr := range []domain.Transition{domain.TransitionStepUp, domain.TransitionLateral, domain.TransitionReadmission} {
		if transitions[tr] == 0 {
			t.Errorf("no %s in the scale data", tr)
		}
	}

	graphInvariants(t, st)
	if n := graphCount(t, st, `SELECT count(*) FROM groups WHERE time_zone <> 'Etc/GMT-14'`); n != 0 {
		t.Errorf("%d groups not in the provider's time zone", n)
	}

	// The store's own rules accept journeys the bulk load wrote: move an
	// active bulk member on and discharge them.
	for id, m := range members {
		e := eps[id]
		if m.Status != domain.MemberActive || id <= int64(before) || len(e) == 0 {
			continue
		}
		last := e[len(e)-1]
		to := "CONTINUING_CARE"
		if last.CareLevelCode == to {
			to = "OUTPATIENT"
		}
		if _, err := st.ChangeCareLevel(ctx, 0, store.ChangeLevelInput{MemberID: id, CareLevelCode: to,
			EffectiveAt: now, Reason: "test"}); err != nil {
			t.Fatalf("change level of bulk member %d: %v", id, err)
		}
		if _, err := st.DischargeMember(ctx, 0, store.DischargeInput{MemberID: id, EndedAt: now.Add(time.Minute), Reason: "test"}); err != nil {
			t.Fatalf("discharge bulk member %d: %v", id, err)
		}
		break
	}

	if _, err := seed.Scale(ctx, st, seed.ScaleOptions{Members: -1}); err == nil {
		t.Error("Scale accepted a negative member count")
	}
}
