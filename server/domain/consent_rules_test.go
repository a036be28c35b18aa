package domain_test

import (
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
)

func TestConsentStatus(t *testing.T) {
	signed := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	at := func(d time.Duration) *time.Time { v := signed.Add(d); return &v }
	event := domain.EventEndOfTreatment
	cases := []struct {
		name      string
		consent   domain.Consent
		now       time.Time
		dischared *time.Time
		want      domain.ConsentStatus
	}{
		{"dated, before expiry", domain.Consent{ExpiresAt: at(30 * day)}, signed.Add(29 * day), nil, domain.ConsentActive},
		{"dated, at expiry", domain.Consent{ExpiresAt: at(30 * day)}, signed.Add(30 * day), nil, domain.ConsentExpired},
		{"revoked", domain.Consent{ExpiresAt: at(30 * day), RevokedAt: at(day)}, signed.Add(2 * day), nil, domain.ConsentRevoked},
		{"revoked after expiry still says revoked", domain.Consent{ExpiresAt: at(day), RevokedAt: at(day / 2)}, signed.Add(5 * day), nil, domain.ConsentRevoked},
		{"end of treatment, still in care", domain.Consent{ExpiresOnEvent: &event}, signed.Add(90 * day), nil, domain.ConsentActive},
		{"end of treatment, discharged since", domain.Consent{ExpiresOnEvent: &event}, signed.Add(90 * day), at(60 * day), domain.ConsentExpired},
		{"end of treatment, discharge before signing does not count", domain.Consent{ExpiresOnEvent: &event}, signed.Add(90 * day), at(-day), domain.ConsentActive},
	}
	for _, c := range cases {
		c.consent.SignedAt = signed
		if got := c.consent.Status(c.now, c.dischared); got != c.want {
			t.Errorf("%s: status %s, want %s", c.name, got, c.want)
		}
	}
}

func TestSharedUpdateKinds(t *testing.T) {
	got := domain.SharedUpdateKinds([]domain.InformationKind{domain.InfoAttendanceSummary, domain.InfoMilestones, domain.InfoNotes})
	if !slices.Equal(got, []domain.UpdateKind{domain.UpdateMilestone, domain.UpdateNote}) {
		t.Errorf("kinds %v", got)
	}
	c := domain.Consent{InformationKinds: []domain.InformationKind{domain.InfoHousing}}
	if !c.Covers(domain.InfoHousing) || c.Covers(domain.InfoCareLevel) {
		t.Error("Covers is wrong")
	}
}
