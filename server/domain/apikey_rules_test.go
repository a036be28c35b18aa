package domain_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"carejourney/server/domain"
)

func TestAPIKeyFieldsClean(t *testing.T) {
	all := []domain.Scope{domain.ScopeDirectoryRead, domain.ScopeOutcomesRead, domain.ScopeMembersRead}
	for _, tt := range []struct {
		name  string
		in    domain.APIKeyFields
		field []string
	}{
		{"blank name", domain.APIKeyFields{PartnerName: ptr("   "), Scopes: all}, []string{"input", "partnerName"}},
		{"long name", domain.APIKeyFields{PartnerName: ptr(strings.Repeat("é", 201)), Scopes: all}, []string{"input", "partnerName"}},
		{"no scopes", domain.APIKeyFields{PartnerName: ptr("Referral site")}, []string{"input", "scopes"}},
		{"unknown scope", domain.APIKeyFields{PartnerName: ptr("Referral site"), Scopes: []domain.Scope{"directory:read", "members:write"}},
			[]string{"input", "scopes", "1"}},
		{"no partner", domain.APIKeyFields{Scopes: all}, []string{"input", "partnerId"}},
		{"both partners", domain.APIKeyFields{PartnerID: ptr(int64(3)), PartnerName: ptr("Lab"), Scopes: all}, []string{"input", "partnerName"}},
		{"duplicate scope", domain.APIKeyFields{PartnerName: ptr("Referral site"),
			Scopes: []domain.Scope{domain.ScopeOutcomesRead, domain.ScopeDirectoryRead, domain.ScopeOutcomesRead}},
			[]string{"input", "scopes", "2"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.in.Clean()
			e := domain.AsError(err)
			if e == nil || e.Code != domain.CodeInvalidInput || !slices.Equal(e.Field, tt.field) {
				t.Fatalf("error = %v (field %v), want INVALID_INPUT at %v", err, fieldOf(e), tt.field)
			}
		})
	}

	got, err := domain.APIKeyFields{PartnerName: ptr("  Outcomes Lab \n"), Scopes: all}.Clean()
	if err != nil {
		t.Fatal(err)
	}
	if *got.PartnerName != "Outcomes Lab" || !slices.Equal(got.Scopes, all) {
		t.Fatalf("cleaned = %+v", got)
	}
	if _, err := (domain.APIKeyFields{PartnerName: ptr(strings.Repeat("é", 200)), Scopes: all[:1]}).Clean(); err != nil {
		t.Fatalf("200 characters are allowed: %v", err)
	}
}

func fieldOf(e *domain.Error) []string {
	if e == nil {
		return nil
	}
	return e.Field
}

func TestAPIKeyRevokeAndTouch(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	k := &domain.APIKey{ID: 1}
	if err := domain.CheckRevoke(k); err != nil || !k.Active() {
		t.Fatalf("an active key: %v", err)
	}
	if !k.NeedsTouch(now) {
		t.Error("a key never used needs its first use written")
	}
	recent := now.Add(-59 * time.Second)
	k.LastUsedAt = &recent
	if k.NeedsTouch(now) {
		t.Error("a key used 59 s ago is written again")
	}
	old := now.Add(-time.Minute)
	k.LastUsedAt = &old
	if !k.NeedsTouch(now) {
		t.Error("a key used a minute ago is not written")
	}
	k.RevokedAt = &now
	if k.Active() || domain.ErrorCode(domain.CheckRevoke(k)) != domain.CodeAlreadyRevoked {
		t.Error("a revoked key can be revoked again")
	}
}
