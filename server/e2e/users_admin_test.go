package e2e

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"carejourney/server/domain"
)

// auditSignIn returns a client signed in as an existing user.
func auditSignIn(t testing.TB, s *server, email, password string) *client {
	t.Helper()
	c := s.client(t)
	r := c.do(`mutation($in: SignInInput!) { signIn(input: $in) { viewer { user { id } } userErrors { code } } }`,
		vars{"in": vars{"email": email, "password": password}})
	r.noErrors(t)
	if r.get(t, "signIn.viewer") == nil {
		t.Fatalf("sign-in as %s refused: %v", email, r.userErrorCodes(t, "signIn"))
	}
	return c
}

const auditCreateUser = `mutation($in: CreateUserInput!) { createUser(input: $in) { user { id email name role isActive } userErrors { code field } } }`

func TestUserAdministration(t *testing.T) {
	s := startServer(t, nil)
	admin := s.signedIn(t, domain.RoleAdmin)

	r := admin.do(auditCreateUser, vars{"in": vars{"email": " Lee@Test.Example ", "name": " Lee Park ", "role": "CLINICIAN", "password": "a long new password"}})
	r.noErrors(t)
	if u := r.get(t, "createUser.user").(map[string]any); u["email"] != "lee@test.example" || u["name"] != "Lee Park" || u["role"] != "CLINICIAN" || u["isActive"] != true {
		t.Errorf("created %v", u)
	}
	lee := r.str(t, "createUser.user.id")
	if got := auditSummary(auditOf(t, s, r)); !slices.Equal(got, []string{fmt.Sprintf("WRITE m0 User:%d createUser", decodeID(t, lee))}) {
		t.Errorf("createUser audited as %v", got)
	}
	// The new account signs in.
	auditSignIn(t, s, "lee@test.example", "a long new password")

	for _, c := range []struct {
		name  string
		in    vars
		code  string
		field string
	}{
		{"duplicate", vars{"email": "LEE@test.example", "name": "Other", "role": "ADMIN", "password": "a long new password"}, "DUPLICATE", "email"},
		{"family", vars{"email": "fam@test.example", "name": "Fam", "role": "FAMILY", "password": "a long new password"}, "INVALID_INPUT", "role"},
		{"short password", vars{"email": "new@test.example", "name": "New", "role": "ADMIN", "password": "short"}, "INVALID_INPUT", "password"},
		{"bad email", vars{"email": "nobody", "name": "New", "role": "ADMIN", "password": "a long new password"}, "INVALID_INPUT", "email"},
		{"blank name", vars{"email": "new@test.example", "name": " ", "role": "ADMIN", "password": "a long new password"}, "INVALID_INPUT", "name"},
	} {
		r := admin.do(auditCreateUser, vars{"in": c.in})
		r.noErrors(t)
		errs := r.list(t, "createUser.userErrors")
		if len(errs) != 1 || r.get(t, "createUser.user") != nil {
			t.Errorf("%s: %v", c.name, r.Data)
			continue
		}
		e := errs[0].(map[string]any)
		if e["code"] != c.code || fmt.Sprint(e["field"]) != fmt.Sprint([]any{"input", c.field}) {
			t.Errorf("%s: %v, want %s on %s", c.name, e, c.code, c.field)
		}
	}

	const updateRole = `mutation($in: UpdateUserRoleInput!) { updateUserRole(input: $in) { user { role } userErrors { code field } } }`
	if r := admin.do(updateRole, vars{"in": vars{"userId": lee, "role": "CASE_MANAGER"}}); r.str(t, "updateUserRole.user.role") != "CASE_MANAGER" {
		t.Errorf("role change: %v", r.Data)
	}
	adminID := admin.do(`{ viewer { user { id } } }`, nil).str(t, "viewer.user.id")
	for _, c := range []struct {
		name, user, role, code string
	}{
		{"the last admin steps down", adminID, "CLINICIAN", "LAST_ADMIN"},
		{"to FAMILY", lee, "FAMILY", "INVALID_INPUT"},
		{"another type's ID", "bm90OjE", "ADMIN", "NOT_FOUND"},
		{"not an ID", "%%%", "ADMIN", "INVALID_INPUT"},
	} {
		r := admin.do(updateRole, vars{"in": vars{"userId": c.user, "role": c.role}})
		if codes := r.userErrorCodes(t, "updateUserRole"); !slices.Equal(codes, []string{c.code}) {
			t.Errorf("%s: %v %v", c.name, codes, r.Errors)
		}
	}
	const deactivate = `mutation($in: DeactivateUserInput!) { deactivateUser(input: $in) { user { isActive } userErrors { code field } } }`
	if codes := admin.do(deactivate, vars{"in": vars{"userId": adminID}}).userErrorCodes(t, "deactivateUser"); !slices.Equal(codes, []string{"LAST_ADMIN"}) {
		t.Errorf("deactivating the last admin: %v", codes)
	}

	// The list, filtered and paged.
	for _, email := range []string{"ann@test.example", "bob@test.example", "cat@test.example"} {
		admin.do(auditCreateUser, vars{"in": vars{"email": email, "name": "Staff " + email[:3], "role": "HOUSE_MANAGER", "password": "a long new password"}}).noErrors(t)
	}
	admin.do(deactivate, vars{"in": vars{"userId": lee}}).noErrors(t)
	const users = `query($first: Int, $after: String, $filter: UserFilter) { users(first: $first, after: $after, filter: $filter) {
		totalCount pageInfo { hasNextPage endCursor } nodes { name isActive } } }`
	names := func(r *response) []string {
		var out []string
		for _, n := range r.list(t, "users.nodes") {
			out = append(out, n.(map[string]any)["name"].(string))
		}
		return out
	}
	for _, c := range []struct {
		filter vars
		want   []string
	}{
		{vars{"role": "HOUSE_MANAGER"}, []string{"Staff ann", "Staff bob", "Staff cat"}},
		{vars{"isActive": false}, []string{"Lee Park"}},
		{vars{"search": "BOB@"}, []string{"Staff bob"}},
		{vars{"search": "staff", "isActive": true, "role": "HOUSE_MANAGER"}, []string{"Staff ann", "Staff bob", "Staff cat"}},
	} {
		r := admin.do(users, vars{"filter": c.filter})
		r.noErrors(t)
		if got := names(r); !slices.Equal(got, c.want) || r.get(t, "users.totalCount") != float64(len(c.want)) {
			t.Errorf("filter %v: %v", c.filter, got)
		}
	}
	first := admin.do(users, vars{"first": 2, "filter": vars{"role": "HOUSE_MANAGER"}})
	second := admin.do(users, vars{"first": 2, "after": first.str(t, "users.pageInfo.endCursor"), "filter": vars{"role": "HOUSE_MANAGER"}})
	if got := append(names(first), names(second)...); !slices.Equal(got, []string{"Staff ann", "Staff bob", "Staff cat"}) ||
		second.get(t, "users.pageInfo.hasNextPage") != false {
		t.Errorf("pages: %v", got)
	}
}

// TestDeactivationEndsSessions: a deactivated user's open session stops
// working on its next request, and they cannot sign in again.
func TestDeactivationEndsSessions(t *testing.T) {
	s := startServer(t, nil)
	admin := s.signedIn(t, domain.RoleAdmin)
	r := admin.do(auditCreateUser, vars{"in": vars{"email": "sam@test.example", "name": "Sam", "role": "CASE_MANAGER", "password": "a long new password"}})
	r.noErrors(t)
	sam := r.str(t, "createUser.user.id")
	laptop := auditSignIn(t, s, "sam@test.example", "a long new password")
	phone := auditSignIn(t, s, "sam@test.example", "a long new password")
	for _, c := range []*client{laptop, phone} {
		c.do(`{ members(first: 1) { totalCount } }`, nil).noErrors(t)
	}
	r = admin.do(`mutation($in: DeactivateUserInput!) { deactivateUser(input: $in) { user { isActive } userErrors { code } } }`, vars{"in": vars{"userId": sam}})
	r.noErrors(t)
	if r.get(t, "deactivateUser.user.isActive") != false {
		t.Fatalf("deactivate: %v", r.Data)
	}
	for name, c := range map[string]*client{"laptop": laptop, "phone": phone} {
		if codes := c.do(`{ members(first: 1) { totalCount } }`, nil).errorCodes(); !slices.Equal(codes, []string{"UNAUTHENTICATED"}) {
			t.Errorf("%s session after deactivation: %v", name, codes)
		}
	}
	var open int
	if err := s.Store.DB().NewRaw(`SELECT count(*) FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = 'sam@test.example') AND ended_at IS NULL`).
		Scan(context.Background(), &open); err != nil || open != 0 {
		t.Errorf("%d sessions open (%v)", open, err)
	}
	again := s.client(t).do(`mutation($in: SignInInput!) { signIn(input: $in) { viewer { user { id } } userErrors { code } } }`,
		vars{"in": vars{"email": "sam@test.example", "password": "a long new password"}})
	if codes := again.userErrorCodes(t, "signIn"); !slices.Equal(codes, []string{"INVALID_CREDENTIALS"}) {
		t.Errorf("sign-in after deactivation: %v", codes)
	}
}

// TestConcurrentAdminsDeactivateEachOther: two admins deactivate each
// other at the same moment over HTTP; one wins, and an admin remains.
func TestConcurrentAdminsDeactivateEachOther(t *testing.T) {
	s := startServer(t, nil)
	tally := map[string]int{}
	for round := range 5 {
		var clients []*client
		var ids []string
		for i := range 2 {
			email := fmt.Sprintf("admin%d-%d@test.example", round, i)
			s.createUser(t, email, "correct horse battery", domain.RoleAdmin)
			c := auditSignIn(t, s, email, "correct horse battery")
			clients = append(clients, c)
			ids = append(ids, c.do(`{ viewer { user { id } } }`, nil).str(t, "viewer.user.id"))
		}
		results := auditRace(clients, `mutation($in: DeactivateUserInput!) { deactivateUser(input: $in) { user { isActive } userErrors { code } } }`,
			func(i int) vars { return vars{"in": vars{"userId": ids[1-i]}} })
		wins := 0
		for _, r := range results {
			switch {
			case len(r.Errors) > 0:
				// The loser's session ended before its request was read.
				tally[fmt.Sprint(r.errorCodes())]++
			case len(r.userErrorCodes(t, "deactivateUser")) > 0:
				tally[fmt.Sprint(r.userErrorCodes(t, "deactivateUser"))]++
			default:
				wins++
			}
		}
		if wins != 1 {
			t.Fatalf("round %d: %d won", round, wins)
		}
		tally["won"]++
		var active int
		if err := s.Store.DB().NewRaw(`SELECT count(*) FROM users WHERE role = 'ADMIN' AND active`).Scan(context.Background(), &active); err != nil || active != 1 {
			t.Fatalf("round %d: %d active admins (%v)", round, active, err)
		}
		// The survivor leaves, so the next round's pair are the only admins.
		if _, err := s.Store.DB().ExecContext(context.Background(), `UPDATE users SET active = false WHERE role = 'ADMIN'`); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("outcomes over 5 rounds: %v", tally)
}
