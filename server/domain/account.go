package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// PasswordResetTTL is how long a password reset link works.
const PasswordResetTTL = 24 * time.Hour

// PasswordReset is a one-time link an admin issued for a user to choose a
// new password. Only the SHA-256 of its token is stored.
type PasswordReset struct {
	ID              int64      `bun:"id,pk,autoincrement"`
	UserID          int64      `bun:"user_id"`
	TokenHash       []byte     `bun:"token_hash"`
	CreatedByUserID *int64     `bun:"created_by_user_id"`
	CreatedAt       time.Time  `bun:"created_at"`
	ExpiresAt       time.Time  `bun:"expires_at"`
	UsedAt          *time.Time `bun:"used_at"`
}

var errResetInvalid = FieldError(CodeResetInvalid, "token",
	"This password reset link is unknown, used already or expired; ask an administrator for a new one.")

// CheckPasswordReset checks that a reset (nil when the token matches none)
// can still be used at now: it exists, was not used and has not expired.
func CheckPasswordReset(r *PasswordReset, now time.Time) error {
	if r == nil || r.UsedAt != nil || !r.ExpiresAt.After(now) {
		return errResetInvalid
	}
	return nil
}

// CheckResetTarget refuses a reset link for a deactivated account: it could
// not sign in with the new password anyway.
func CheckResetTarget(u *User) error {
	if !u.Active {
		return FieldError(CodeInvalidInput, "userId", "The account is deactivated; it cannot sign in.")
	}
	return nil
}

// CheckPasswordField enforces the password policy on a new password given
// in the input field named field (newPassword, say).
func CheckPasswordField(field, password string) error {
	if err := CheckNewPassword(password); err != nil {
		e := AsError(err)
		return FieldError(e.Code, field, e.Message)
	}
	return nil
}

// CheckCurrentPassword is the rule of a password change: the current
// password must be given right (ok), and the new one follow the policy.
func CheckCurrentPassword(ok bool) error {
	if !ok {
		return FieldError(CodeInvalidCredentials, "currentPassword", "The current password is not correct.")
	}
	return nil
}

// TOTP parameters, after RFC 6238's defaults, which every authenticator app
// supports: 30-second steps, 6 digits, HMAC-SHA1, and one step of clock
// drift either way.
const (
	TOTPPeriod = 30 * time.Second
	TOTPDigits = 6
	TOTPSkew   = 1
	// TOTPIssuer names the product in authenticator apps.
	TOTPIssuer = "Care Journey"
	// RecoveryCodeCount is how many recovery codes an enrollment hands out.
	RecoveryCodeCount = 10
)

// ParseTOTPRequiredRoles reads the TOTP_REQUIRED_ROLES setting: a comma
// separated list of staff roles, or "none". FAMILY accounts are not staff
// and cannot be required to enroll.
func ParseTOTPRequiredRoles(v string) ([]Role, error) {
	v = strings.TrimSpace(v)
	if strings.EqualFold(v, "none") {
		return nil, nil
	}
	var roles []Role
	for _, part := range strings.Split(v, ",") {
		r := Role(strings.ToUpper(strings.TrimSpace(part)))
		if r == "" {
			continue
		}
		if !r.IsStaff() {
			return nil, fmt.Errorf("%q is not a staff role (ADMIN, CASE_MANAGER, CLINICIAN, PEER_SUPPORTER, HOUSE_MANAGER)", part)
		}
		if !slices.Contains(roles, r) {
			roles = append(roles, r)
		}
	}
	if len(roles) == 0 {
		return nil, fmt.Errorf(`must name staff roles, or be "none"`)
	}
	return roles, nil
}

// TOTPEnrollmentRequired reports whether u must enroll in two-factor
// sign-in before using the product: its role is one of required and it
// has no TOTP yet.
func TOTPEnrollmentRequired(u *User, required []Role) bool {
	return u.TOTPEnabledAt == nil && slices.Contains(required, u.Role)
}

// CheckTOTPEnrollment refuses to begin an enrollment while TOTP is on, and
// refuses family accounts, which have no two-factor sign-in.
func CheckTOTPEnrollment(u *User) error {
	if !u.Role.IsStaff() {
		return Errorf(CodeForbidden, "Two-factor sign-in is for staff accounts.")
	}
	if u.TOTPEnabledAt != nil {
		return Errorf(CodeTOTPAlreadyEnabled, "Two-factor sign-in is on already; disable it first to enroll a new device.")
	}
	return nil
}

// DisableTOTP is who disables whose two-factor sign-in, and with what.
type DisableTOTP struct {
	ActorID   int64
	ActorRole Role
	TargetID  int64
	// Proved is whether the actor gave a valid code of the target's own
	// TOTP (or a recovery code).
	Proved bool
}

// CheckDisableTOTP is the rule of disabling TOTP: a user disables their own
// with a current code or a recovery code (a stolen session alone cannot
// remove the second factor); an admin disables another user's without one,
// for a lost device.
func CheckDisableTOTP(d DisableTOTP) error {
	if d.TargetID != d.ActorID {
		if d.ActorRole != RoleAdmin {
			return Errorf(CodeForbidden, "Only an administrator can turn off another account's two-factor sign-in.")
		}
		return nil
	}
	if !d.Proved {
		return FieldError(CodeTOTPInvalid, "code", "Give a current code of your authenticator app, or a recovery code.")
	}
	return nil
}

// NormalizeRecoveryCode reads a recovery code as people type it: case,
// spaces and dashes do not matter.
func NormalizeRecoveryCode(code string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(code) {
		if r == '-' || r == ' ' || r == '\t' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// CheckAPIKeyExpiry refuses an expiry that is not in the future.
func CheckAPIKeyExpiry(expiresAt *time.Time, now time.Time) error {
	if expiresAt != nil && !expiresAt.After(now) {
		return FieldError(CodeInvalidInput, "expiresAt", "The expiry must be in the future.")
	}
	return nil
}

// ExpiredAt reports whether the key had expired by now.
func (k *APIKey) ExpiredAt(now time.Time) bool {
	return k.ExpiresAt != nil && !k.ExpiresAt.After(now)
}

// TOTPEnabled reports whether u signs in with a second factor.
func (u *User) TOTPEnabled() bool { return u.TOTPEnabledAt != nil }
