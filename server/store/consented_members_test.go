package store_test

import (
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// TestConsentedMemberPage: the page of a key's consented members, which
// SQL selects by consentInForce, holds exactly the members that
// domain.ActiveDisclosures finds active over the same consents, in member
// order, with the union of their kinds; it pages both ways and counts.
func TestConsentedMemberPage(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	lab, other := mustPartner(t, st, by, "Outcomes Lab"), mustPartner(t, st, by, "Other Partner")
	key, err := st.CreateAPIKey(ctx, by, store.NewAPIKey{
		Fields:     domain.APIKeyFields{PartnerID: &lab.ID, Scopes: []domain.Scope{domain.ScopeMembersRead}},
		SecretHash: []byte("consented"), SecretPrefix: "consente"})
	if err != nil {
		t.Fatal(err)
	}
	event := domain.EventEndOfTreatment
	grant := func(memberID int64, to func(in *domain.ConsentInput), kinds ...domain.InformationKind) *domain.ConsentRecord {
		t.Helper()
		expires := clock.AddDate(1, 0, 0)
		in := domain.ConsentInput{MemberID: memberID, Purpose: "Research", InformationKinds: kinds,
			ExpiresAt: &expires, SignatureName: "Signed", SignedAt: days(-20)}
		to(&in)
		c, err := st.GrantConsent(ctx, by, in)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	toLab := func(in *domain.ConsentInput) { in.PartnerID = &lab.ID }
	toKey := func(in *domain.ConsentInput) { in.APIKeyID = &key.ID }
	onDischarge := func(in *domain.ConsentInput) { in.PartnerID, in.ExpiresAt, in.ExpiresOnEvent = &lab.ID, nil, &event }
	// Consents are never edited, and a grant refuses a past expiry: the
	// states a grant cannot make are inserted as they would stand.
	insert := func(memberID int64, expiresAt time.Time, revokedAt *time.Time) {
		t.Helper()
		_, err := st.DB().ExecContext(ctx, `INSERT INTO consents (member_id, partner_id, purpose, information_kinds, signature_name, signed_at, expires_at, revoked_at, revocation_reason)
			VALUES (?, ?, 'Research', '{MILESTONES}', 'Signed', ?, ?, ?, CASE WHEN ?::timestamptz IS NULL THEN NULL ELSE 'Withdrawn' END)`,
			memberID, lab.ID, days(-20), expiresAt, revokedAt, revokedAt)
		if err != nil {
			t.Fatal(err)
		}
	}
	member := func(name string) int64 { return newMember(t, st, by, name, "Consented").ID }

	both := member("Both") // a partner consent and a key consent add up
	grant(both, toLab, domain.InfoMilestones)
	grant(both, toKey, domain.InfoHousing)
	revoked := member("Revoked")
	if _, err := st.RevokeConsent(ctx, by, grant(revoked, toLab, domain.InfoMilestones).ID, days(-1), "Withdrawn"); err != nil {
		t.Fatal(err)
	}
	discharged := member("Discharged") // discharged after signing: expired
	mustAdmit(t, st, by, discharged, "IOP", days(-30))
	grant(discharged, onDischarge, domain.InfoCareLevel)
	if _, err := st.DischargeMember(ctx, by, store.DischargeInput{MemberID: discharged, EndedAt: days(-2), Reason: "Completed"}); err != nil {
		t.Fatal(err)
	}
	readmitted := member("Readmitted") // discharged before signing: still active
	mustAdmit(t, st, by, readmitted, "IOP", days(-60))
	if _, err := st.DischargeMember(ctx, by, store.DischargeInput{MemberID: readmitted, EndedAt: days(-40), Reason: "Completed"}); err != nil {
		t.Fatal(err)
	}
	mustAdmit(t, st, by, readmitted, "RESIDENTIAL", days(-30))
	grant(readmitted, onDischarge, domain.InfoCareLevel)
	elsewhere := member("Elsewhere")
	grant(elsewhere, func(in *domain.ConsentInput) { in.PartnerID = &other.ID }, domain.InfoMilestones)
	expired := member("Expired")
	insert(expired, clock.Add(-time.Hour), nil)
	later := member("Later") // revoked from tomorrow: active today
	tomorrow := days(1)
	insert(later, days(300), &tomorrow)

	want := []int64{both, readmitted, later}
	records, err := st.ConsentsNaming(ctx, store.ConsentRecipients{APIKeyID: &key.ID, PartnerID: &lab.ID})
	if err != nil {
		t.Fatal(err)
	}
	var domainIDs []int64
	for _, d := range domain.ActiveDisclosures(records, st.Now()) {
		domainIDs = append(domainIDs, d.MemberID)
	}
	if !slices.Equal(domainIDs, want) {
		t.Fatalf("the domain finds %v active, the test expects %v", domainIDs, want)
	}

	ids := func(p store.Page[*domain.Disclosure]) []int64 {
		var out []int64
		for _, d := range p.Items {
			out = append(out, d.MemberID)
		}
		return out
	}
	first, err := st.ConsentedMemberPage(ctx, key.ID, lab.ID, store.PageRequest{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(first), want[:2]) || !first.HasNextPage || first.HasPreviousPage {
		t.Fatalf("first page %v (next %v), want %v", ids(first), first.HasNextPage, want[:2])
	}
	if kinds := first.Items[0].Kinds; !slices.Equal(kinds, []domain.InformationKind{domain.InfoMilestones, domain.InfoHousing}) &&
		!slices.Equal(kinds, []domain.InformationKind{domain.InfoHousing, domain.InfoMilestones}) {
		t.Errorf("the kinds of two consents: %v", kinds)
	}
	rest, err := st.ConsentedMemberPage(ctx, key.ID, lab.ID, store.PageRequest{Limit: 2, After: &first.Cursors[1]})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(rest), want[2:]) || rest.HasNextPage || !rest.HasPreviousPage {
		t.Fatalf("second page %v, want %v", ids(rest), want[2:])
	}
	last, err := st.ConsentedMemberPage(ctx, key.ID, lab.ID, store.PageRequest{Limit: 2, Backward: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(last), want[1:]) || !last.HasPreviousPage {
		t.Fatalf("last two %v, want %v", ids(last), want[1:])
	}
	if n, err := st.CountConsentedMembers(ctx, key.ID, lab.ID); err != nil || n != len(want) {
		t.Errorf("count %d, %v; want %d", n, err, len(want))
	}
}
