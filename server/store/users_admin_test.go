package store_test

import (
	"fmt"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// auditUser creates a user of role; active unless told otherwise.
func auditUser(t *testing.T, st *store.Store, name string, role domain.Role) *domain.User {
	t.Helper()
	n := userSeq.Add(1)
	return openUser(t, st, fmt.Sprintf("user%d@example.org", n), name, role)
}

func auditUserNames(p store.Page[*domain.User]) []string {
	var out []string
	for _, u := range p.Items {
		out = append(out, u.Name)
	}
	return out
}

func TestListUsers(t *testing.T) {
	st := newStore(t)
	auditUser(t, st, "Zoe Admin", domain.RoleAdmin)
	auditUser(t, st, "ada Clinician", domain.RoleClinician)
	bo := auditUser(t, st, "Bo Case", domain.RoleCaseManager)
	auditUser(t, st, "Cy Case", domain.RoleCaseManager)
	auditUser(t, st, "Di Family", domain.RoleFamily)
	if _, err := st.DeactivateUser(ctx, bo.ID); err != nil {
		t.Fatal(err)
	}
	list := func(f store.UserFilter, page store.PageRequest) store.Page[*domain.User] {
		t.Helper()
		p, err := st.ListUsers(ctx, f, page)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	all := list(store.UserFilter{}, store.PageRequest{Limit: 10})
	if got := fmt.Sprint(auditUserNames(all)); got != "[ada Clinician Bo Case Cy Case Di Family Zoe Admin]" {
		t.Errorf("all users by name, ignoring case: %s", got)
	}
	// Keyset paging walks the same order.
	first := list(store.UserFilter{}, store.PageRequest{Limit: 2})
	second := list(store.UserFilter{}, store.PageRequest{Limit: 2, After: &first.Cursors[1]})
	if got := fmt.Sprint(auditUserNames(first), auditUserNames(second)); got != "[ada Clinician Bo Case] [Cy Case Di Family]" ||
		!first.HasNextPage || !second.HasNextPage || !second.HasPreviousPage {
		t.Errorf("pages: %s (%v %v %v)", got, first.HasNextPage, second.HasNextPage, second.HasPreviousPage)
	}
	role := domain.RoleCaseManager
	active, inactive := true, false
	for _, c := range []struct {
		name   string
		filter store.UserFilter
		want   string
	}{
		{"role", store.UserFilter{Role: &role}, "[Bo Case Cy Case]"},
		{"active case managers", store.UserFilter{Role: &role, Active: &active}, "[Cy Case]"},
		{"inactive", store.UserFilter{Active: &inactive}, "[Bo Case]"},
		{"name search", store.UserFilter{Search: " CASE "}, "[Bo Case Cy Case]"},
		{"email search", store.UserFilter{Search: "@EXAMPLE"}, "[ada Clinician Bo Case Cy Case Di Family Zoe Admin]"},
		{"like characters are literal", store.UserFilter{Search: "%"}, "[]"},
	} {
		got := fmt.Sprint(auditUserNames(list(c.filter, store.PageRequest{Limit: 10})))
		n, err := st.CountUsersMatching(ctx, c.filter)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want || n != len(list(c.filter, store.PageRequest{Limit: 10}).Items) {
			t.Errorf("%s: %s (count %d), want %s", c.name, got, n, c.want)
		}
	}
}

func TestCreateUserDuplicateEmail(t *testing.T) {
	st := newStore(t)
	u := auditUser(t, st, "Ada", domain.RoleAdmin)
	_, err := st.CreateUser(ctx, store.NewUser{Email: u.Email, Name: "Other", Role: domain.RoleClinician, Password: "a long test password"}, cheapPasswords)
	wantCode(t, err, domain.CodeDuplicate, "email")
}

func TestUpdateUserRole(t *testing.T) {
	st := newStore(t)
	admin := auditUser(t, st, "Admin", domain.RoleAdmin)
	cm := auditUser(t, st, "Case", domain.RoleCaseManager)
	family := auditUser(t, st, "Family", domain.RoleFamily)

	u, err := st.UpdateUserRole(ctx, cm.ID, domain.RoleClinician)
	if err != nil || u.Role != domain.RoleClinician {
		t.Fatalf("role change: %+v, %v", u, err)
	}
	_, err = st.UpdateUserRole(ctx, admin.ID, domain.RoleClinician)
	wantCode(t, err, domain.CodeLastAdmin, "userId")
	_, err = st.UpdateUserRole(ctx, cm.ID, domain.RoleFamily)
	wantCode(t, err, domain.CodeInvalidInput, "role")
	_, err = st.UpdateUserRole(ctx, family.ID, domain.RoleAdmin)
	wantCode(t, err, domain.CodeInvalidInput, "userId")
	_, err = st.UpdateUserRole(ctx, 999999, domain.RoleAdmin)
	wantCode(t, err, domain.CodeNotFound, "userId")

	// With a second admin, the first may step down.
	if _, err := st.UpdateUserRole(ctx, cm.ID, domain.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	if u, err := st.UpdateUserRole(ctx, admin.ID, domain.RoleHouseManager); err != nil || u.Role != domain.RoleHouseManager {
		t.Fatalf("demoting one of two admins: %+v, %v", u, err)
	}
	// An inactive admin does not count.
	other := auditUser(t, st, "Other admin", domain.RoleAdmin)
	if _, err := st.DeactivateUser(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	_, err = st.UpdateUserRole(ctx, cm.ID, domain.RoleClinician)
	wantCode(t, err, domain.CodeLastAdmin, "userId")
}

func TestDeactivateUserEndsSessions(t *testing.T) {
	st := newStore(t)
	auditUser(t, st, "Admin", domain.RoleAdmin)
	u := auditUser(t, st, "Case", domain.RoleCaseManager)
	for _, token := range []string{"one", "two", "three"} {
		s := &store.Session{TokenHash: hashOf(u.Email + token), UserID: u.ID, CreatedAt: clock, LastSeenAt: clock, ExpiresAt: clock.Add(time.Hour)}
		if err := st.CreateSession(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	got, err := st.DeactivateUser(ctx, u.ID)
	if err != nil || got.Active {
		t.Fatalf("deactivate: %+v, %v", got, err)
	}
	var open int
	if err := st.DB().NewRaw("SELECT count(*) FROM sessions WHERE user_id = ? AND ended_at IS NULL", u.ID).Scan(ctx, &open); err != nil {
		t.Fatal(err)
	}
	if open != 0 {
		t.Errorf("%d sessions still open", open)
	}
	if sess, _, err := st.ActiveSession(ctx, hashOf(u.Email+"one"), clock); err != nil || sess != nil {
		t.Errorf("a session of a deactivated user still works: %v %v", sess, err)
	}
	// Again: nothing changes, no error.
	if got, err := st.DeactivateUser(ctx, u.ID); err != nil || got.Active {
		t.Errorf("second deactivation: %+v, %v", got, err)
	}
}

// TestConcurrentLastAdmin races admins deactivating one another: however
// the race goes, one active admin remains.
func TestConcurrentLastAdmin(t *testing.T) {
	for round := range 3 {
		st := newStore(t)
		a := auditUser(t, st, "Admin A", domain.RoleAdmin)
		b := auditUser(t, st, "Admin B", domain.RoleAdmin)
		admins := []*domain.User{a, b}
		errs := raceN(2, func(i int) error {
			// Each deactivates the other.
			_, err := st.DeactivateUser(ctx, admins[1-i].ID)
			return err
		})
		wins, codes := tally(t, errs)
		if wins != 1 || codes[domain.CodeLastAdmin] != 1 {
			t.Fatalf("round %d, two admins deactivating each other: %d won, %v", round, wins, codes)
		}
		if n := auditActiveAdmins(t, st); n != 1 {
			t.Fatalf("round %d: %d active admins left", round, n)
		}
	}
	// Many admins, all deactivated or demoted at once: exactly one stays.
	st := newStore(t)
	var ids []int64
	for i := range racers {
		ids = append(ids, auditUser(t, st, fmt.Sprintf("Admin %d", i), domain.RoleAdmin).ID)
	}
	errs := race(func(i int) error {
		var err error
		if i%2 == 0 {
			_, err = st.DeactivateUser(ctx, ids[i])
		} else {
			_, err = st.UpdateUserRole(ctx, ids[i], domain.RoleClinician)
		}
		return err
	})
	wins, codes := tally(t, errs)
	t.Logf("%d admins removed at once: %d won, %v", len(ids), wins, codes)
	if wins != len(ids)-1 || codes[domain.CodeLastAdmin] != 1 || auditActiveAdmins(t, st) != 1 {
		t.Errorf("%d won, %v; want %d wins and one LAST_ADMIN", wins, codes, len(ids)-1)
	}
}

func auditActiveAdmins(t *testing.T, st *store.Store) int {
	t.Helper()
	var n int
	if err := st.DB().NewRaw("SELECT count(*) FROM users WHERE role = 'ADMIN' AND active").Scan(ctx, &n); err != nil {
		t.Fatal(err)
	}
	return n
}
