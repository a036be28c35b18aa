package store_test

import (
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// familyConsentInput is a valid consent of member to contact, signed a day
// ago and good for a year.
func familyConsentInput(memberID, contactID int64, kinds ...domain.InformationKind) domain.ConsentInput {
	expires := clock.AddDate(1, 0, 0)
	return domain.ConsentInput{MemberID: memberID, FamilyContactID: &contactID, Purpose: "Keep my brother informed",
		InformationKinds: kinds, ExpiresAt: &expires, SignatureName: "Rosa Vega", SignedAt: clock.Add(-24 * time.Hour)}
}

func familyGrant(t *testing.T, st *store.Store, by int64, in domain.ConsentInput) *domain.ConsentRecord {
	t.Helper()
	c, err := st.GrantConsent(ctx, by, in)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestGrantAndRevokeConsent(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m, other := newMember(t, st, by, "Rosa", "Vega"), newMember(t, st, by, "Ana", "Diaz")
	c := familyContact(t, st, by, m.ID, "Luis Vega", "luis@example.org")
	otherContact := familyContact(t, st, by, other.ID, "Eva Diaz", "eva@example.org")

	granted := familyGrant(t, st, by, familyConsentInput(m.ID, c.ID, domain.InfoMilestones, domain.InfoHousing))
	if granted.ID == 0 || granted.RecordedByUserID == nil || *granted.RecordedByUserID != by ||
		granted.StatusAt(clock) != domain.ConsentActive || len(granted.InformationKinds) != 2 {
		t.Fatalf("granted %+v", granted.Consent)
	}

	refuse := func(name string, change func(in *domain.ConsentInput), code domain.Code, field string) {
		t.Helper()
		in := familyConsentInput(m.ID, c.ID, domain.InfoMilestones)
		change(&in)
		_, err := st.GrantConsent(ctx, by, in)
		if e := domain.AsError(err); e == nil || e.Code != code || len(e.Field) != 2 || e.Field[1] != field {
			t.Errorf("%s: %v, want %s on %s", name, err, code, field)
		}
	}
	refuse("contact of another member", func(in *domain.ConsentInput) { in.FamilyContactID = &otherContact.ID }, domain.CodeInvalidInput, "familyContactId")
	refuse("unknown contact", func(in *domain.ConsentInput) { in.FamilyContactID = ptr(int64(999)) }, domain.CodeNotFound, "familyContactId")
	refuse("unknown member", func(in *domain.ConsentInput) { in.MemberID = 999 }, domain.CodeNotFound, "memberId")
	refuse("unknown key", func(in *domain.ConsentInput) { in.FamilyContactID, in.APIKeyID = nil, ptr(int64(999)) }, domain.CodeNotFound, "apiKeyId")
	refuse("no purpose", func(in *domain.ConsentInput) { in.Purpose = "" }, domain.CodeInvalidInput, "purpose")

	// Revoke once; the second time is ALREADY_REVOKED.
	revokedAt := clock.Add(-time.Hour)
	revoked, err := st.RevokeConsent(ctx, by, granted.ID, revokedAt, " Asked in writing ")
	if err != nil {
		t.Fatal(err)
	}
	if revoked.StatusAt(clock) != domain.ConsentRevoked || *revoked.RevocationReason != "Asked in writing" ||
		!revoked.RevokedAt.Equal(revokedAt) || *revoked.RevokedByUserID != by {
		t.Fatalf("revoked %+v", revoked.Consent)
	}
	_, err = st.RevokeConsent(ctx, by, granted.ID, clock, "again")
	wantCode(t, err, domain.CodeAlreadyRevoked, "consentId")
	_, err = st.RevokeConsent(ctx, by, 999, clock, "x")
	wantCode(t, err, domain.CodeNotFound, "consentId")
	fresh := familyGrant(t, st, by, familyConsentInput(m.ID, c.ID, domain.InfoNotes))
	_, err = st.RevokeConsent(ctx, by, fresh.ID, clock.Add(-48*time.Hour), "x")
	wantCode(t, err, domain.CodeInvalidInput, "revokedAt")
	_, err = st.RevokeConsent(ctx, by, fresh.ID, clock.Add(time.Hour), "x")
	wantCode(t, err, domain.CodeInFuture, "revokedAt")

	byMember, err := st.ConsentPagesByMemberID(ctx, []int64{m.ID}, store.PageRequest{Limit: 20})
	counts, _ := st.CountConsentsByMemberID(ctx, []int64{m.ID})
	if got := byMember[m.ID].Items; err != nil || len(got) != 2 || got[0].ID != fresh.ID || counts[m.ID] != 2 {
		t.Fatalf("consents of the member: %v, %v", got, err)
	}
}

// The database itself refuses to edit or delete a consent, and to revoke
// one twice, whatever the code does.
func TestConsentImmutableInDatabase(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Rosa", "Vega")
	c := familyContact(t, st, by, m.ID, "Luis Vega", "luis@example.org")
	consent := familyGrant(t, st, by, familyConsentInput(m.ID, c.ID, domain.InfoMilestones))

	for name, sql := range map[string]string{
		"edit the purpose":   "UPDATE consents SET purpose = 'something else' WHERE id = ?",
		"widen the kinds":    "UPDATE consents SET information_kinds = ARRAY['MILESTONES', 'NOTES'] WHERE id = ?",
		"move the expiry":    "UPDATE consents SET expires_at = expires_at + interval '1 year' WHERE id = ?",
		"delete":             "DELETE FROM consents WHERE id = ?",
		"revoke by halves":   "UPDATE consents SET revoked_at = now() WHERE id = ?",
		"revoke in the past": "UPDATE consents SET revoked_at = signed_at - interval '1 day', revocation_reason = 'x' WHERE id = ?",
	} {
		_, err := st.DB().ExecContext(ctx, sql, consent.ID)
		if err == nil {
			t.Errorf("%s: the database allowed it", name)
			continue
		}
		pgError(t, err)
	}
	if _, err := st.DB().ExecContext(ctx, "UPDATE consents SET revoked_at = now(), revocation_reason = 'x' WHERE id = ?", consent.ID); err != nil {
		t.Fatalf("the one allowed change, a revocation: %v", err)
	}
	_, err := st.DB().ExecContext(ctx, "UPDATE consents SET revoked_at = now(), revocation_reason = 'again' WHERE id = ?", consent.ID)
	if pgError(t, err).Field('n') != "consents_append_only" {
		t.Errorf("second revocation: %v", err)
	}
}

// A consent until the end of treatment expires at the member's first
// discharge after the signature; an earlier discharge does not count.
func TestConsentStatusAtEndOfTreatment(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Rosa", "Vega")
	mustAdmit(t, st, by, m.ID, "IOP", days(-60))
	if _, err := st.DischargeMember(ctx, by, store.DischargeInput{MemberID: m.ID, EndedAt: days(-40), Reason: "Completed"}); err != nil {
		t.Fatal(err)
	}
	mustAdmit(t, st, by, m.ID, "RESIDENTIAL", days(-30))
	c := familyContact(t, st, by, m.ID, "Luis Vega", "luis@example.org")
	in := familyConsentInput(m.ID, c.ID, domain.InfoCareLevel)
	event := domain.EventEndOfTreatment
	in.ExpiresAt, in.ExpiresOnEvent, in.SignedAt = nil, &event, days(-20)
	consent := familyGrant(t, st, by, in)
	if consent.TreatmentEndedAt != nil || consent.StatusAt(clock) != domain.ConsentActive {
		t.Fatalf("before the discharge: ended %v, status %s", consent.TreatmentEndedAt, consent.StatusAt(clock))
	}

	dischargedAt := days(-2)
	if _, err := st.DischargeMember(ctx, by, store.DischargeInput{MemberID: m.ID, EndedAt: dischargedAt, Reason: "Completed"}); err != nil {
		t.Fatal(err)
	}
	records, err := st.ConsentsNaming(ctx, store.ConsentRecipients{FamilyContactIDs: []int64{c.ID}})
	if err != nil || len(records) != 1 {
		t.Fatalf("consents naming the contact: %v, %v", records, err)
	}
	r := records[0]
	if r.TreatmentEndedAt == nil || !r.TreatmentEndedAt.Equal(dischargedAt) {
		t.Fatalf("treatment ended %v, want %v", r.TreatmentEndedAt, dischargedAt)
	}
	if r.StatusAt(clock) != domain.ConsentExpired || r.StatusAt(days(-3)) != domain.ConsentActive {
		t.Errorf("status now %s, before the discharge %s", r.StatusAt(clock), r.StatusAt(days(-3)))
	}
	if len(domain.ActiveDisclosures(records, clock)) != 0 {
		t.Error("an expired consent still discloses")
	}
}

func TestConsentsNaming(t *testing.T) {
	st := newStore(t)
	f := familyOneContactOfTwo(t, st)
	by, a, b, ca, cb, u := f.by, f.a, f.b, f.ca, f.cb, f.account
	var err error
	if _, err := familyAccept(st, familyInvite(t, st, by, cb.ID), familyPassword); err != nil {
		t.Fatal(err)
	}
	familyGrant(t, st, by, familyConsentInput(a.ID, ca.ID, domain.InfoMilestones))
	familyGrant(t, st, by, familyConsentInput(a.ID, ca.ID, domain.InfoHousing))
	familyGrant(t, st, by, familyConsentInput(b.ID, cb.ID, domain.InfoCareLevel))
	partner := familyConsentInput(b.ID, 0, domain.InfoAttendanceSummary)
	lab := mustPartner(t, st, by, "Recovery Outcomes Lab")
	partner.FamilyContactID, partner.PartnerName = nil, ptr("recovery outcomes LAB")
	if c := familyGrant(t, st, by, partner); c.PartnerID == nil || *c.PartnerID != lab.ID {
		t.Fatalf("a consent naming a partner by name names %v, want partner %d", c.PartnerID, lab.ID)
	}
	unknown := familyConsentInput(b.ID, 0, domain.InfoAttendanceSummary)
	unknown.FamilyContactID, unknown.PartnerName = nil, ptr("Recovery Outcomes Lab Inc")
	_, err = st.GrantConsent(ctx, by, unknown)
	wantCode(t, err, domain.CodeNotFound, "partnerName")

	mine, err := st.ConsentsNaming(ctx, store.ConsentRecipients{FamilyUserID: &u.ID})
	if err != nil || len(mine) != 3 {
		t.Fatalf("consents naming the account: %d, %v", len(mine), err)
	}
	disclosures := domain.ActiveDisclosures(mine, clock)
	if len(disclosures) != 2 || disclosures[0].MemberID != a.ID || len(disclosures[0].Kinds) != 2 ||
		disclosures[1].MemberID != b.ID || disclosures[1].Kinds[0] != domain.InfoCareLevel {
		t.Fatalf("disclosures %+v", disclosures)
	}
	named, err := st.ConsentsNaming(ctx, store.ConsentRecipients{PartnerID: &lab.ID})
	if err != nil || len(named) != 1 || named[0].MemberID != b.ID {
		t.Fatalf("consents naming the partner: %v, %v", named, err)
	}
	none, err := st.ConsentsNaming(ctx, store.ConsentRecipients{})
	if err != nil || len(none) != 0 {
		t.Fatalf("no recipient: %v, %v", none, err)
	}
}
