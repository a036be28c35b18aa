package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun/driver/pgdriver"

	"carejourney/server/domain"
	"carejourney/server/store"
	"carejourney/server/testdb"
)

func TestMain(m *testing.M) { testdb.Main(m) }

// clock is the store's fixed "now" in these tests: whole seconds, so that
// every time survives PostgreSQL's microsecond precision unchanged, and far
// enough from midnight that "today" never flips during a run.
var clock = time.Date(2025, 6, 15, 12, 0, 0, 0, time.UTC)

var ctx = context.Background()

// newStore gives the test its own migrated database.
func newStore(t *testing.T) *store.Store {
	t.Helper()
	db, _ := testdb.NewMigrated(t)
	st := store.New(db, time.UTC)
	st.Now = func() time.Time { return clock }
	return st
}

var userSeq atomic.Int64

// newUser creates a case manager to act as `by`.
func newUser(t *testing.T, st *store.Store) *domain.User {
	t.Helper()
	n := userSeq.Add(1)
	u := openUser(t, st, fmt.Sprintf("cm%d@example.org", n), fmt.Sprintf("Case Manager %d", n), domain.RoleCaseManager)
	if u.ID == 0 || !u.Active {
		t.Fatalf("CreateUser returned %+v", u)
	}
	return u
}

// cheapPasswords stands in for argon2id in the tests that open accounts to
// act with and never sign in: they would wait for every hash. The tests of
// CreateUser itself use auth.Passwords.
var cheapPasswords = store.Passwords{Hash: func(p string) (string, error) { return "plain:" + p, nil }}

// openUser opens an account through store.CreateUser, the one way accounts
// are made.
func openUser(t *testing.T, st *store.Store, email, name string, role domain.Role) *domain.User {
	t.Helper()
	u, err := st.CreateUser(ctx, store.NewUser{Email: email, Name: name, Role: role, Password: "a long test password"}, cheapPasswords)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func ptr[T any](v T) *T { return &v }

func newMember(t *testing.T, st *store.Store, by int64, first, last string) *domain.Member {
	t.Helper()
	m, err := st.CreateMember(ctx, by, domain.MemberFields{FirstName: &first, LastName: &last})
	if err != nil {
		t.Fatal(err)
	}
	if m.ID == 0 || m.Status != domain.MemberPreadmission {
		t.Fatalf("CreateMember returned %+v", m)
	}
	return m
}

// days is a time relative to the fixed clock.
func days(n int) time.Time { return clock.AddDate(0, 0, n) }

// episodes loads a member's episodes (superseded included), oldest first.
func episodes(t *testing.T, st *store.Store, memberID int64) []*domain.CareEpisode {
	t.Helper()
	all, err := st.EpisodesByMemberID(ctx, []int64{memberID})
	if err != nil {
		t.Fatal(err)
	}
	return all[memberID]
}

func current(eps []*domain.CareEpisode) []*domain.CareEpisode {
	var out []*domain.CareEpisode
	for _, e := range eps {
		if !e.Superseded() {
			out = append(out, e)
		}
	}
	return out
}

func openEpisodes(eps []*domain.CareEpisode) []*domain.CareEpisode {
	var out []*domain.CareEpisode
	for _, e := range current(eps) {
		if e.Open() {
			out = append(out, e)
		}
	}
	return out
}

func loadMember(t *testing.T, st *store.Store, id int64) *domain.Member {
	t.Helper()
	ms, err := st.MembersByID(ctx, []int64{id})
	if err != nil {
		t.Fatal(err)
	}
	if ms[id] == nil {
		t.Fatalf("member %d not found", id)
	}
	return ms[id]
}

// wantCode checks that err is a *domain.Error with code (and, when field is
// not empty, that it points at ["input", field]).
func wantCode(t *testing.T, err error, code domain.Code, field string) {
	t.Helper()
	e := domain.AsError(err)
	if e == nil {
		t.Fatalf("error = %v, want a *domain.Error %s", err, code)
	}
	if e.Code != code {
		t.Fatalf("code = %s (%s), want %s", e.Code, e.Message, code)
	}
	// A dotted field is a path into a nested input: "period.endOn".
	if field != "" && !slices.Equal(e.Field, append([]string{"input"}, strings.Split(field, ".")...)) {
		t.Fatalf("field = %v, want [input %s]", e.Field, field)
	}
}

// pgError returns the PostgreSQL error inside err, failing the test when
// there is none: raw SQL must be refused by the database itself.
func pgError(t *testing.T, err error) pgdriver.Error {
	t.Helper()
	var pgErr pgdriver.Error
	if !errors.As(err, &pgErr) {
		t.Fatalf("error = %v, want a PostgreSQL error", err)
	}
	return pgErr
}

// checkNoOverlap asks the database itself whether any two current episodes
// of a member overlap, or whether a member has more than one open one.
func checkNoOverlap(t *testing.T, st *store.Store) {
	t.Helper()
	var overlaps, multiOpen int
	err := st.DB().NewRaw(`SELECT count(*) FROM care_episodes a JOIN care_episodes b
		ON a.member_id = b.member_id AND a.id < b.id AND a.period && b.period
		WHERE a.superseded_at IS NULL AND b.superseded_at IS NULL`).Scan(ctx, &overlaps)
	if err != nil {
		t.Fatal(err)
	}
	err = st.DB().NewRaw(`SELECT count(*) FROM (SELECT member_id FROM care_episodes
		WHERE ended_at IS NULL AND superseded_at IS NULL GROUP BY member_id HAVING count(*) > 1) x`).Scan(ctx, &multiOpen)
	if err != nil {
		t.Fatal(err)
	}
	if overlaps != 0 || multiOpen != 0 {
		t.Fatalf("%d overlapping pairs, %d members with several open episodes", overlaps, multiOpen)
	}
}
