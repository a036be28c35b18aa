package domain

import (
	"net/mail"
	"slices"
	"strings"
	"time"
)

// Role is what a signed-in person may do.
type Role string

// The roles, from the domain reference.
const (
	RoleAdmin         Role = "ADMIN"
	RoleCaseManager   Role = "CASE_MANAGER"
	RoleClinician     Role = "CLINICIAN"
	RolePeerSupporter Role = "PEER_SUPPORTER"
	RoleHouseManager  Role = "HOUSE_MANAGER"
	RoleFamily        Role = "FAMILY"
)

// Roles lists every role.
var Roles = []Role{RoleAdmin, RoleCaseManager, RoleClinician, RolePeerSupporter, RoleHouseManager, RoleFamily}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// IsStaff reports whether the role belongs to the provider's staff.
func (r Role) IsStaff() bool { return r.Valid() && r != RoleFamily }

// User is a person who signs in: staff or a family member.
type User struct {
	ID           int64     `bun:"id,pk,autoincrement"`
	Email        string    `bun:"email"`
	Name         string    `bun:"name"`
	Role         Role      `bun:"role"`
	PasswordHash string    `bun:"password_hash"`
	Active       bool      `bun:"active"`
	CreatedAt    time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	// TOTPEnabledAt is when two-factor sign-in was turned on; nil while it
	// is off. (The secret itself is never loaded with the user.)
	TOTPEnabledAt *time.Time `bun:"totp_enabled_at"`
}

// MinPasswordLength follows NIST SP 800-63B: length over composition rules.
const MinPasswordLength = 12

// NormalizeEmail trims and lower-cases an address and checks its form.
func NormalizeEmail(email string) (string, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email {
		return "", FieldError(CodeInvalidInput, "email", "Enter a valid email address.")
	}
	return email, nil
}

// CheckNewPassword enforces the password policy for new passwords.
func CheckNewPassword(password string) error {
	if len([]rune(password)) < MinPasswordLength {
		return FieldError(CodeInvalidInput, "password", "Password must be at least 12 characters.")
	}
	if len(password) > 256 {
		return FieldError(CodeInvalidInput, "password", "Password is too long (256 bytes at most).")
	}
	return nil
}
