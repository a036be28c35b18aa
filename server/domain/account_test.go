package domain_test

import (
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
)

func TestCheckPasswordReset(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	used := now.Add(-time.Minute)
	for _, tt := range []struct {
		name string
		r    *domain.PasswordReset
		ok   bool
	}{
		{"unknown", nil, false},
		{"fresh", &domain.PasswordReset{ExpiresAt: now.Add(time.Hour)}, true},
		{"used", &domain.PasswordReset{ExpiresAt: now.Add(time.Hour), UsedAt: &used}, false},
		{"expired", &domain.PasswordReset{ExpiresAt: now}, false},
	} {
		err := domain.CheckPasswordReset(tt.r, now)
		if (err == nil) != tt.ok || (err != nil && domain.ErrorCode(err) != domain.CodeResetInvalid) {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

func TestCheckPasswordField(t *testing.T) {
	e := domain.AsError(domain.CheckPasswordField("newPassword", "short"))
	if e == nil || e.Code != domain.CodeInvalidInput || !slices.Equal(e.Field, []string{"input", "newPassword"}) {
		t.Fatalf("err = %+v", e)
	}
	if err := domain.CheckPasswordField("newPassword", "twelve chars!"); err != nil {
		t.Fatal(err)
	}
	if domain.ErrorCode(domain.CheckCurrentPassword(false)) != domain.CodeInvalidCredentials || domain.CheckCurrentPassword(true) != nil {
		t.Fatal("current password rule")
	}
}

func TestParseTOTPRequiredRoles(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []domain.Role
		ok   bool
	}{
		{"ADMIN", []domain.Role{domain.RoleAdmin}, true},
		{" admin , clinician,ADMIN", []domain.Role{domain.RoleAdmin, domain.RoleClinician}, true},
		{"none", nil, true},
		{"NONE", nil, true},
		{"FAMILY", nil, false},
		{"ADMIN,BOSS", nil, false},
		{",", nil, false},
	} {
		got, err := domain.ParseTOTPRequiredRoles(tt.in)
		if (err == nil) != tt.ok || (tt.ok && !slices.Equal(got, tt.want)) {
			t.Errorf("%q: %v, %v", tt.in, got, err)
		}
	}
}

func TestTOTPEnrollmentRequired(t *testing.T) {
	on := time.Now()
	required := []domain.Role{domain.RoleAdmin}
	for _, tt := range []struct {
		u    domain.User
		want bool
	}{
		{domain.User{Role: domain.RoleAdmin}, true},
		{domain.User{Role: domain.RoleAdmin, TOTPEnabledAt: &on}, false},
		{domain.User{Role: domain.RoleClinician}, false},
		{domain.User{Role: domain.RoleFamily}, false},
	} {
		if got := domain.TOTPEnrollmentRequired(&tt.u, required); got != tt.want {
			t.Errorf("%+v: %v", tt.u, got)
		}
	}
	if domain.TOTPEnrollmentRequired(&domain.User{Role: domain.RoleAdmin}, nil) {
		t.Error("required with no roles configured")
	}
	if domain.ErrorCode(domain.CheckTOTPEnrollment(&domain.User{Role: domain.RoleFamily})) != domain.CodeForbidden ||
		domain.ErrorCode(domain.CheckTOTPEnrollment(&domain.User{Role: domain.RoleAdmin, TOTPEnabledAt: &on})) != domain.CodeTOTPAlreadyEnabled ||
		domain.CheckTOTPEnrollment(&domain.User{Role: domain.RoleHouseManager}) != nil {
		t.Error("enrollment rule")
	}
}

func TestCheckDisableTOTP(t *testing.T) {
	for _, tt := range []struct {
		name string
		d    domain.DisableTOTP
		code domain.Code
	}{
		{"own with a code", domain.DisableTOTP{ActorID: 1, ActorRole: domain.RoleClinician, TargetID: 1, Proved: true}, ""},
		{"own without", domain.DisableTOTP{ActorID: 1, ActorRole: domain.RoleAdmin, TargetID: 1}, domain.CodeTOTPInvalid},
		{"admin for another", domain.DisableTOTP{ActorID: 1, ActorRole: domain.RoleAdmin, TargetID: 2}, ""},
		{"non-admin for another", domain.DisableTOTP{ActorID: 1, ActorRole: domain.RoleCaseManager, TargetID: 2, Proved: true}, domain.CodeForbidden},
	} {
		if got := domain.ErrorCode(domain.CheckDisableTOTP(tt.d)); got != tt.code {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.code)
		}
	}
}

func TestNormalizeRecoveryCode(t *testing.T) {
	if got := domain.NormalizeRecoveryCode(" abcd-EFGH ijkl-mnop\t"); got != "ABCDEFGHIJKLMNOP" {
		t.Fatal(got)
	}
}

func TestAPIKeyExpiry(t *testing.T) {
	now := time.Now()
	past, future := now.Add(-time.Second), now.Add(time.Hour)
	if domain.CheckAPIKeyExpiry(nil, now) != nil || domain.CheckAPIKeyExpiry(&future, now) != nil ||
		domain.ErrorCode(domain.CheckAPIKeyExpiry(&past, now)) != domain.CodeInvalidInput ||
		domain.ErrorCode(domain.CheckAPIKeyExpiry(&now, now)) != domain.CodeInvalidInput {
		t.Fatal("expiry input rule")
	}
	k := &domain.APIKey{}
	if k.ExpiredAt(now) {
		t.Fatal("a key without expiry expired")
	}
	k.ExpiresAt = &future
	if k.ExpiredAt(now) || !k.ExpiredAt(future) {
		t.Fatal("expiry")
	}
}
