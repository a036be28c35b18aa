package domain_test

import (
	"testing"

	"carejourney/server/domain"
)

func TestNewUser(t *testing.T) {
	u, err := domain.NewUser("  Ada@Example.ORG ", "  Ada Lovelace ", domain.RoleClinician, "long enough password")
	wantErr(t, err, "", "")
	if u.Email != "ada@example.org" || u.Name != "Ada Lovelace" || u.Role != domain.RoleClinician || !u.Active {
		t.Errorf("user = %+v", u)
	}
	for _, c := range []struct {
		name, email, userName string
		role                  domain.Role
		password              string
		code                  domain.Code
		field                 string
	}{
		{"bad email", "not an address", "Ada", domain.RoleAdmin, "long enough password", domain.CodeInvalidInput, "email"},
		{"blank name", "a@example.org", "   ", domain.RoleAdmin, "long enough password", domain.CodeInvalidInput, "name"},
		{"unknown role", "a@example.org", "Ada", domain.Role("ROOT"), "long enough password", domain.CodeInvalidInput, "role"},
		{"short password", "a@example.org", "Ada", domain.RoleAdmin, "short", domain.CodeInvalidInput, "password"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := domain.NewUser(c.email, c.userName, c.role, c.password)
			wantErr(t, err, c.code, c.field)
		})
	}
	// A FAMILY account is an account like any other here; the API refuses
	// to open one (CheckStaffRole), invitations and the command line do.
	if _, err := domain.NewUser("a@example.org", "Ada", domain.RoleFamily, "long enough password"); err != nil {
		t.Errorf("family account: %v", err)
	}
	wantErr(t, domain.CheckStaffRole(domain.RoleFamily), domain.CodeInvalidInput, "role")
	wantErr(t, domain.CheckStaffRole(domain.Role("ROOT")), domain.CodeInvalidInput, "role")
	wantErr(t, domain.CheckStaffRole(domain.RoleClinician), "", "")
}

func TestCheckRoleChange(t *testing.T) {
	wantErr(t, domain.CheckRoleChange(domain.RoleCaseManager, domain.RoleAdmin), "", "")
	wantErr(t, domain.CheckRoleChange(domain.RoleAdmin, domain.RoleHouseManager), "", "")
	wantErr(t, domain.CheckRoleChange(domain.RoleCaseManager, domain.RoleFamily), domain.CodeInvalidInput, "role")
	wantErr(t, domain.CheckRoleChange(domain.RoleFamily, domain.RoleAdmin), domain.CodeInvalidInput, "userId")
}

func TestLastAdmin(t *testing.T) {
	admin := &domain.User{Role: domain.RoleAdmin, Active: true}
	inactiveAdmin := &domain.User{Role: domain.RoleAdmin}
	clinician := &domain.User{Role: domain.RoleClinician, Active: true}
	for _, c := range []struct {
		name       string
		u          *domain.User
		role       domain.Role
		deactivate bool
		want       bool
	}{
		{"deactivating an admin", admin, domain.RoleAdmin, true, true},
		{"demoting an admin", admin, domain.RoleClinician, false, true},
		{"keeping an admin an admin", admin, domain.RoleAdmin, false, false},
		{"an inactive admin", inactiveAdmin, domain.RoleClinician, true, false},
		{"promoting a clinician", clinician, domain.RoleAdmin, false, false},
		{"deactivating a clinician", clinician, domain.RoleClinician, true, false},
	} {
		if got := domain.RemovesAdmin(c.u, c.role, c.deactivate); got != c.want {
			t.Errorf("%s: RemovesAdmin = %v, want %v", c.name, got, c.want)
		}
	}
	wantErr(t, domain.CheckAdminsRemain(2, true), "", "")
	wantErr(t, domain.CheckAdminsRemain(1, false), "", "")
	wantErr(t, domain.CheckAdminsRemain(1, true), domain.CodeLastAdmin, "userId")
}
