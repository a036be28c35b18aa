package store_test

import (
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// The members who share with a family account are paged in SQL: the same
// members, in member order, as the consents in force combined in Go
// (domain.ActiveDisclosures); a revoked consent and one ended by a
// discharge share nothing, and two consents of one member make one row.
func TestSharedMemberPages(t *testing.T) {
	st := newStore(t)
	f := familyOneContactOfTwo(t, st)
	by, u := f.by, f.account
	if _, err := familyAccept(st, familyInvite(t, st, by, f.cb.ID), familyPassword); err != nil {
		t.Fatal(err)
	}
	linked := func(first string) (*domain.Member, *domain.FamilyContact) {
		m := newMember(t, st, by, first, "Vega")
		c := familyContact(t, st, by, m.ID, "Luis Vega", "luis@example.org")
		if _, err := familyAccept(st, familyInvite(t, st, by, c.ID), familyPassword); err != nil {
			t.Fatal(err)
		}
		return m, c
	}
	revokedMember, revokedContact := linked("Ines")
	dischargedMember, dischargedContact := linked("Pablo")

	familyGrant(t, st, by, familyConsentInput(f.a.ID, f.ca.ID, domain.InfoMilestones))
	newest := familyGrant(t, st, by, familyConsentInput(f.a.ID, f.ca.ID, domain.InfoHousing))
	familyGrant(t, st, by, familyConsentInput(f.b.ID, f.cb.ID, domain.InfoCareLevel))
	revoked := familyGrant(t, st, by, familyConsentInput(revokedMember.ID, revokedContact.ID, domain.InfoCareLevel))
	if _, err := st.RevokeConsent(ctx, by, revoked.ID, clock.Add(-time.Hour), "Asked in writing"); err != nil {
		t.Fatal(err)
	}
	mustAdmit(t, st, by, dischargedMember.ID, "IOP", days(-30))
	untilDischarge := familyConsentInput(dischargedMember.ID, dischargedContact.ID, domain.InfoCareLevel)
	event := domain.EventEndOfTreatment
	untilDischarge.ExpiresAt, untilDischarge.ExpiresOnEvent, untilDischarge.SignedAt = nil, &event, days(-20)
	familyGrant(t, st, by, untilDischarge)
	if _, err := st.DischargeMember(ctx, by, store.DischargeInput{MemberID: dischargedMember.ID, EndedAt: days(-2), Reason: "Completed"}); err != nil {
		t.Fatal(err)
	}

	records, err := st.ConsentsNaming(ctx, store.ConsentRecipients{FamilyUserID: &u.ID})
	if err != nil {
		t.Fatal(err)
	}
	var want []int64
	for _, d := range domain.ActiveDisclosures(records, clock) {
		want = append(want, d.MemberID)
	}
	if len(want) != 2 || want[0] != f.a.ID || want[1] != f.b.ID {
		t.Fatalf("disclosures name %v, want %d and %d", want, f.a.ID, f.b.ID)
	}
	other := newUser(t, st)
	all, err := st.SharedMemberPagesByUserID(ctx, []int64{u.ID, other.ID}, store.PageRequest{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	if got := all[u.ID].Items; len(got) != 2 || got[0] != want[0] || got[1] != want[1] || all[u.ID].HasNextPage {
		t.Fatalf("shared members %v, want %v", got, want)
	}
	if len(all[other.ID].Items) != 0 {
		t.Fatalf("a user with no contact shares %v", all[other.ID].Items)
	}
	counts, err := st.CountSharedMembersByUserID(ctx, []int64{u.ID, other.ID})
	if err != nil || counts[u.ID] != 2 || counts[other.ID] != 0 {
		t.Fatalf("counts %v, %v", counts, err)
	}

	// One a page, forward then back.
	first, err := st.SharedMemberPagesByUserID(ctx, []int64{u.ID}, store.PageRequest{Limit: 1})
	if p := first[u.ID]; err != nil || len(p.Items) != 1 || p.Items[0] != f.a.ID || !p.HasNextPage {
		t.Fatalf("first page %+v, %v", p, err)
	}
	after := first[u.ID].Cursors[0]
	second, err := st.SharedMemberPagesByUserID(ctx, []int64{u.ID}, store.PageRequest{Limit: 1, After: &after})
	if p := second[u.ID]; err != nil || len(p.Items) != 1 || p.Items[0] != f.b.ID || p.HasNextPage || !p.HasPreviousPage {
		t.Fatalf("second page %+v, %v", p, err)
	}
	before := second[u.ID].Cursors[0]
	back, err := st.SharedMemberPagesByUserID(ctx, []int64{u.ID}, store.PageRequest{Limit: 1, Backward: true, Before: &before})
	if p := back[u.ID]; err != nil || len(p.Items) != 1 || p.Items[0] != f.a.ID || p.HasPreviousPage {
		t.Fatalf("page before %+v, %v", p, err)
	}

	// The consents naming a contact, newest signature first (ties by id).
	consents, err := st.ConsentPagesByFamilyContactID(ctx, []int64{f.ca.ID, f.cb.ID}, store.PageRequest{Limit: 1})
	if p := consents[f.ca.ID]; err != nil || len(p.Items) != 1 || p.Items[0].ID != newest.ID || !p.HasNextPage {
		t.Fatalf("consents of the contact %+v, %v", p, err)
	}
	n, err := st.CountConsentsByFamilyContactID(ctx, []int64{f.ca.ID, f.cb.ID, revokedContact.ID})
	if err != nil || n[f.ca.ID] != 2 || n[f.cb.ID] != 1 || n[revokedContact.ID] != 1 {
		t.Fatalf("consent counts %v, %v", n, err)
	}
}
