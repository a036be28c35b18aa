package domain

import "strings"

// roleList names every role, for a message.
var roleList = func() string {
	names := make([]string, len(Roles))
	for i, r := range Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}()

// NewUser checks the fields of an account to open and returns the user to
// store (without its password hash), active. Every account is opened
// through it (store.CreateUser); the API's createUser also asks
// CheckStaffRole, since FAMILY accounts come from a family contact's
// invitation, bound to that contact.
func NewUser(email, name string, role Role, password string) (*User, error) {
	normalized, err := NormalizeEmail(email)
	if err != nil {
		return nil, err
	}
	name, err = cleanText("name", name, 200, true)
	if err != nil {
		return nil, err
	}
	if !role.Valid() {
		return nil, FieldError(CodeInvalidInput, "role", "The role must be one of "+roleList+".")
	}
	if err := CheckNewPassword(password); err != nil {
		return nil, err
	}
	return &User{Email: normalized, Name: name, Role: role, Active: true}, nil
}

// CheckStaffRole accepts the roles an admin may give: the staff roles.
func CheckStaffRole(role Role) error {
	if !role.IsStaff() {
		return FieldError(CodeInvalidInput, "role",
			"Choose a staff role; family accounts are created by inviting a family contact.")
	}
	return nil
}

// CheckRoleChange checks changing a user's role from one to another.
// Only staff accounts change roles, and only to staff roles.
func CheckRoleChange(from, to Role) error {
	if from == RoleFamily {
		return FieldError(CodeInvalidInput, "userId",
			"A family account belongs to a family contact; its role cannot change.")
	}
	return CheckStaffRole(to)
}

// CheckAdminsRemain refuses a change that would leave no active admin:
// someone must always be able to manage users and keys. activeAdmins is the
// number of active admins before the change, which removes one admin when
// removesAdmin is set.
func CheckAdminsRemain(activeAdmins int, removesAdmin bool) error {
	if removesAdmin && activeAdmins <= 1 {
		return FieldError(CodeLastAdmin, "userId",
			"This is the last active admin; make someone else an admin first.")
	}
	return nil
}

// RemovesAdmin reports whether changing u to role (or deactivating it, when
// deactivate is set) takes an active admin away.
func RemovesAdmin(u *User, role Role, deactivate bool) bool {
	if !u.Active || u.Role != RoleAdmin {
		return false
	}
	return deactivate || role != RoleAdmin
}
