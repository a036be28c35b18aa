package store_test

import (
	"testing"

	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// CreateUser is the one way an account is opened (the API, the command
// line, the demo seed): it checks the fields, hashes the password with the
// given Passwords and stores the account, active.
func TestCreateUser(t *testing.T) {
	st := newStore(t)
	u, err := st.CreateUser(ctx, store.NewUser{Email: "  Dana@Example.ORG ", Name: "  Dana Whit ",
		Role: domain.RoleClinician, Password: "a strong passphrase"}, auth.Passwords)
	if err != nil {
		t.Fatal(err)
	}
	if u.ID == 0 || u.Email != "dana@example.org" || u.Name != "Dana Whit" || u.Role != domain.RoleClinician || !u.Active {
		t.Fatalf("CreateUser = %+v", u)
	}
	stored, err := st.UserByEmail(ctx, "dana@example.org")
	if err != nil || stored == nil || stored.ID != u.ID {
		t.Fatalf("UserByEmail = %+v, %v", stored, err)
	}
	if stored.PasswordHash == "a strong passphrase" || !auth.CheckPassword("a strong passphrase", stored.PasswordHash) {
		t.Errorf("stored password hash %q does not check out", stored.PasswordHash)
	}
	if auth.CheckPassword("another passphrase", stored.PasswordHash) {
		t.Error("a wrong password checks out")
	}

	// A FAMILY account may be opened here (the command line does); the API
	// refuses the role before it calls the store.
	family, err := st.CreateUser(ctx, store.NewUser{Email: "kin@example.org", Name: "Kin",
		Role: domain.RoleFamily, Password: "a strong passphrase"}, cheapPasswords)
	if err != nil || family.Role != domain.RoleFamily {
		t.Fatalf("family account = %+v, %v", family, err)
	}

	hashed := 0
	counting := store.Passwords{Hash: func(p string) (string, error) { hashed++; return "plain:" + p, nil }}
	for _, c := range []struct {
		name  string
		in    store.NewUser
		code  domain.Code
		field string
	}{
		{"bad email", store.NewUser{Email: "not an address", Name: "X", Role: domain.RoleAdmin, Password: "a strong passphrase"}, domain.CodeInvalidInput, "email"},
		{"blank name", store.NewUser{Email: "x@example.org", Name: "  ", Role: domain.RoleAdmin, Password: "a strong passphrase"}, domain.CodeInvalidInput, "name"},
		{"unknown role", store.NewUser{Email: "x@example.org", Name: "X", Role: domain.Role("WIZARD"), Password: "a strong passphrase"}, domain.CodeInvalidInput, "role"},
		{"short password", store.NewUser{Email: "x@example.org", Name: "X", Role: domain.RoleAdmin, Password: "short"}, domain.CodeInvalidInput, "password"},
		{"taken email", store.NewUser{Email: "DANA@example.org", Name: "Twin", Role: domain.RoleAdmin, Password: "a strong passphrase"}, domain.CodeDuplicate, "email"},
	} {
		t.Run(c.name, func(t *testing.T) {
			u, err := st.CreateUser(ctx, c.in, counting)
			wantCode(t, err, c.code, c.field)
			if u != nil {
				t.Errorf("returned %+v with the error", u)
			}
		})
	}
	// Only the taken email got as far as hashing: a refused field costs no hash.
	if hashed != 1 {
		t.Errorf("hashed %d passwords for the refusals, want 1 (the taken email)", hashed)
	}
	if n, err := st.CountUsers(ctx); err != nil || n != 2 {
		t.Errorf("CountUsers = %d, %v; want 2", n, err)
	}
}
