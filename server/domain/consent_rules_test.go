package domain_test

import (
	"slices"
	"strings"
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

// TestSharesUpdate is the family and partner share rule: shareable, and a
// kind the consents cover; and the SQL's kinds (SharedUpdateKinds) agree
// with it for every kind and every single consented kind.
func TestSharesUpdate(t *testing.T) {
	notes := []domain.InformationKind{domain.InfoNotes}
	if !domain.SharesUpdate(notes, &domain.Update{Kind: domain.UpdateNote, Shareable: true}) {
		t.Error("a shareable note under a notes consent is shared")
	}
	if domain.SharesUpdate(notes, &domain.Update{Kind: domain.UpdateNote}) {
		t.Error("an internal note is never shared")
	}
	if domain.SharesUpdate(notes, &domain.Update{Kind: domain.UpdateMilestone, Shareable: true}) {
		t.Error("a milestone is not shared under a notes consent")
	}
	if domain.SharesUpdate(nil, &domain.Update{Kind: domain.UpdateMilestone, Shareable: true}) {
		t.Error("nothing is shared without a consent")
	}
	for _, info := range domain.InformationKinds {
		kinds := []domain.InformationKind{info}
		inSQL := domain.SharedUpdateKinds(kinds)
		for _, k := range domain.UpdateKinds {
			if got, want := domain.SharesUpdate(kinds, &domain.Update{Kind: k, Shareable: true}), slices.Contains(inSQL, k); got != want {
				t.Errorf("%s under %s: SharesUpdate %v, SharedUpdateKinds %v", k, info, got, want)
			}
		}
	}
}

func TestNewConsent(t *testing.T) {
	signed := now.Add(-24 * time.Hour)
	later := now.AddDate(0, 6, 0)
	event := domain.EventEndOfTreatment
	contact := int64(7)
	valid := func() domain.ConsentInput {
		return domain.ConsentInput{MemberID: 1, FamilyContactID: &contact, Purpose: " Keep my mother informed ",
			InformationKinds: []domain.InformationKind{domain.InfoHousing, domain.InfoMilestones, domain.InfoHousing},
			ExpiresAt:        &later, SignatureName: "Rosa Vega", SignedAt: signed}
	}
	tests := []struct {
		name   string
		change func(in *domain.ConsentInput)
		code   domain.Code
		field  string
	}{
		{"valid", func(in *domain.ConsentInput) {}, "", ""},
		{"until end of treatment", func(in *domain.ConsentInput) { in.ExpiresAt, in.ExpiresOnEvent = nil, &event }, "", ""},
		{"to a partner by name", func(in *domain.ConsentInput) { in.FamilyContactID, in.PartnerID = nil, ptr(int64(4)) }, "", ""},
		{"to a partner by a name the store found", func(in *domain.ConsentInput) {
			in.FamilyContactID, in.PartnerID, in.PartnerName = nil, ptr(int64(4)), ptr("Recovery Outcomes Lab")
		}, "", ""},
		{"to a key", func(in *domain.ConsentInput) { in.FamilyContactID, in.APIKeyID = nil, ptr(int64(3)) }, "", ""},
		{"no purpose", func(in *domain.ConsentInput) { in.Purpose = "  " }, domain.CodeInvalidInput, "purpose"},
		{"no signature", func(in *domain.ConsentInput) { in.SignatureName = "" }, domain.CodeInvalidInput, "signatureName"},
		{"no kinds", func(in *domain.ConsentInput) { in.InformationKinds = nil }, domain.CodeInvalidInput, "informationKinds"},
		{"unknown kind", func(in *domain.ConsentInput) { in.InformationKinds = []domain.InformationKind{"DIAGNOSES"} }, domain.CodeInvalidInput, "informationKinds"},
		{"no expiry", func(in *domain.ConsentInput) { in.ExpiresAt = nil }, domain.CodeInvalidInput, "expiresAt"},
		{"two expiries", func(in *domain.ConsentInput) { in.ExpiresOnEvent = &event }, domain.CodeInvalidInput, "expiresOnEvent"},
		{"unknown event", func(in *domain.ConsentInput) {
			in.ExpiresAt, in.ExpiresOnEvent = nil, ptr(domain.ConsentEvent("MOVE_OUT"))
		}, domain.CodeInvalidInput, "expiresOnEvent"},
		{"expires before signing", func(in *domain.ConsentInput) {
			in.SignedAt = now.Add(-time.Hour)
			in.ExpiresAt = ptr(now.Add(-2 * time.Hour))
		}, domain.CodeInvalidInput, "expiresAt"},
		{"expires at signing", func(in *domain.ConsentInput) { in.ExpiresAt = ptr(signed) }, domain.CodeInvalidInput, "expiresAt"},
		{"expired already", func(in *domain.ConsentInput) {
			in.SignedAt = now.AddDate(0, -2, 0)
			in.ExpiresAt = ptr(now.AddDate(0, -1, 0))
		}, domain.CodeInvalidInput, "expiresAt"},
		{"signed in the future", func(in *domain.ConsentInput) { in.SignedAt = now.Add(time.Hour) }, domain.CodeInFuture, "signedAt"},
		{"signed within the clock skew", func(in *domain.ConsentInput) { in.SignedAt = now.Add(skew / 2) }, "", ""},
		{"no recipient", func(in *domain.ConsentInput) { in.FamilyContactID = nil }, domain.CodeInvalidInput, "familyContactId"},
		{"contact and key", func(in *domain.ConsentInput) { in.APIKeyID = ptr(int64(3)) }, domain.CodeInvalidInput, "apiKeyId"},
		{"contact and partner", func(in *domain.ConsentInput) { in.PartnerID = ptr(int64(4)) }, domain.CodeInvalidInput, "partnerId"},
		{"contact and partner by name", func(in *domain.ConsentInput) { in.PartnerID, in.PartnerName = ptr(int64(4)), ptr("Lab") }, domain.CodeInvalidInput, "partnerName"},
		{"unknown partner name", func(in *domain.ConsentInput) { in.FamilyContactID, in.PartnerName = nil, ptr("Lab") }, domain.CodeNotFound, "partnerName"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := valid()
			tt.change(&in)
			c, err := domain.NewConsent(in, now)
			wantErr(t, err, tt.code, tt.field)
			if err != nil {
				return
			}
			if c.MemberID != 1 || c.Purpose != strings.TrimSpace(in.Purpose) || c.SignatureName != in.SignatureName {
				t.Errorf("consent %+v", c)
			}
			if tt.name == "valid" && !slices.Equal(c.InformationKinds, []domain.InformationKind{domain.InfoMilestones, domain.InfoHousing}) {
				t.Errorf("kinds %v, want each once in catalogue order", c.InformationKinds)
			}
		})
	}
}

func TestCheckConsentFamilyContact(t *testing.T) {
	c := &domain.Consent{MemberID: 1}
	wantErr(t, domain.CheckConsentFamilyContact(c, &domain.FamilyContact{ID: 2, MemberID: 1}), "", "")
	wantErr(t, domain.CheckConsentFamilyContact(c, &domain.FamilyContact{ID: 2, MemberID: 9}), domain.CodeInvalidInput, "familyContactId")
	wantErr(t, domain.CheckConsentFamilyContact(c, nil), domain.CodeNotFound, "familyContactId")
}

func TestCheckRevocation(t *testing.T) {
	signed := now.AddDate(0, -1, 0)
	revoked := now.Add(-time.Hour)
	tests := []struct {
		name      string
		consent   domain.Consent
		revokedAt time.Time
		reason    string
		code      domain.Code
		field     string
	}{
		{"valid", domain.Consent{SignedAt: signed}, now.Add(-time.Minute), " Member asked in writing ", "", ""},
		{"at the signature", domain.Consent{SignedAt: signed}, signed, "Changed their mind", "", ""},
		{"revoked already", domain.Consent{SignedAt: signed, RevokedAt: &revoked}, now, "again", domain.CodeAlreadyRevoked, "consentId"},
		{"no reason", domain.Consent{SignedAt: signed}, now, " ", domain.CodeInvalidInput, "reason"},
		{"in the future", domain.Consent{SignedAt: signed}, now.Add(time.Hour), "x", domain.CodeInFuture, "revokedAt"},
		{"before the signature", domain.Consent{SignedAt: signed}, signed.Add(-time.Second), "x", domain.CodeInvalidInput, "revokedAt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reason, err := domain.CheckRevocation(&tt.consent, tt.revokedAt, tt.reason, now)
			wantErr(t, err, tt.code, tt.field)
			if err == nil && reason != strings.TrimSpace(tt.reason) {
				t.Errorf("reason %q", reason)
			}
		})
	}
}

func TestActiveDisclosures(t *testing.T) {
	signed := now.AddDate(0, -1, 0)
	soon, later, past := now.AddDate(0, 1, 0), now.AddDate(0, 3, 0), now.Add(-time.Hour)
	event := domain.EventEndOfTreatment
	rec := func(member int64, kinds []domain.InformationKind, change func(c *domain.Consent), ended *time.Time) *domain.ConsentRecord {
		c := &domain.Consent{MemberID: member, InformationKinds: kinds, SignedAt: signed, ExpiresAt: &soon}
		if change != nil {
			change(c)
		}
		return &domain.ConsentRecord{Consent: c, TreatmentEndedAt: ended}
	}
	ms, housing, notes := domain.InfoMilestones, domain.InfoHousing, domain.InfoNotes
	got := domain.ActiveDisclosures([]*domain.ConsentRecord{
		rec(5, []domain.InformationKind{housing}, nil, nil),
		rec(5, []domain.InformationKind{ms}, func(c *domain.Consent) { c.ExpiresAt = &later }, nil),
		rec(5, []domain.InformationKind{notes}, func(c *domain.Consent) { c.RevokedAt = &past }, nil),
		rec(2, []domain.InformationKind{notes}, func(c *domain.Consent) { c.ExpiresAt, c.ExpiresOnEvent = nil, &event }, nil),
		rec(3, []domain.InformationKind{ms}, func(c *domain.Consent) { c.ExpiresAt, c.ExpiresOnEvent = nil, &event }, &past),
		rec(4, []domain.InformationKind{ms}, func(c *domain.Consent) { c.ExpiresAt = &past }, nil),
	}, now)
	if len(got) != 2 || got[0].MemberID != 2 || got[1].MemberID != 5 {
		t.Fatalf("disclosures %+v, want members 2 and 5", got)
	}
	if !slices.Equal(got[0].Kinds, []domain.InformationKind{notes}) || got[0].ExpiresAt != nil || got[0].ExpiresOnEvent == nil {
		t.Errorf("member 2: %+v", got[0])
	}
	if !slices.Equal(got[1].Kinds, []domain.InformationKind{ms, housing}) || !got[1].ExpiresAt.Equal(later) || got[1].ExpiresOnEvent != nil {
		t.Errorf("member 5: kinds %v, expires %v: want the union of the active consents and the latest date", got[1].Kinds, got[1].ExpiresAt)
	}
	if !got[1].Covers(housing) || got[1].Covers(notes) {
		t.Error("Covers is wrong")
	}
}
