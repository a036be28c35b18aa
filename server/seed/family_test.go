package seed_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/seed"
	"carejourney/server/store"
)

// demoFamily checks the demo's family data: the showcase family user sees
// one member under a consent for everything but notes, and that member has
// something of every kind to share (and some things not to); the second
// family user's consents were revoked and expired; a research partner is
// named by a few consents.
func demoFamily(t *testing.T, st *store.Store, users []seed.DemoUser) {
	ctx := context.Background()
	now := time.Now()
	byEmail := map[string]seed.DemoUser{}
	for _, u := range users {
		byEmail[u.Email] = u
	}
	disclosuresOf := func(email string) ([]*domain.ConsentRecord, []domain.Disclosure) {
		t.Helper()
		du, ok := byEmail[email]
		if !ok || du.Role != domain.RoleFamily {
			t.Fatalf("the demo prints no family user %s: %+v", email, du)
		}
		u, err := st.UserByEmail(ctx, email)
		if err != nil || u == nil {
			t.Fatalf("family user %s: %v", email, err)
		}
		records, err := st.ConsentsNaming(ctx, store.ConsentRecipients{FamilyUserID: &u.ID})
		if err != nil {
			t.Fatal(err)
		}
		return records, domain.ActiveDisclosures(records, now)
	}

	_, shown := disclosuresOf("family@demo.carejourney.test")
	if len(shown) != 1 || !slices.Equal(shown[0].Kinds, seed.DemoFamilyKinds) || shown[0].Covers(domain.InfoNotes) {
		t.Fatalf("the demo family user sees %+v, want one member with %v", shown, seed.DemoFamilyKinds)
	}
	member := shown[0].MemberID
	count := func(query string, args ...any) int {
		t.Helper()
		var n int
		if err := st.DB().NewRaw(query, args...).Scan(ctx, &n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, kind := range []domain.UpdateKind{domain.UpdateMilestone, domain.UpdateCareLevelChange, domain.UpdateHousingChange, domain.UpdateNote} {
		if count(`SELECT count(*) FROM updates WHERE member_id = ? AND kind = ? AND shareable`, member, kind) == 0 {
			t.Errorf("the shared member has no shareable %s update", kind)
		}
	}
	if count(`SELECT count(*) FROM updates WHERE member_id = ? AND kind = 'NOTE' AND NOT shareable`, member) == 0 {
		t.Error("the shared member has no internal note to keep from family")
	}
	if count(`SELECT count(*) FROM residencies WHERE member_id = ? AND move_out_at IS NULL`, member) != 1 ||
		count(`SELECT count(*) FROM care_episodes WHERE member_id = ? AND ended_at IS NULL AND superseded_at IS NULL`, member) != 1 ||
		count(`SELECT count(*) FROM attendance_records a JOIN meetings m ON m.id = a.meeting_id
			WHERE a.member_id = ? AND a.status IN ('PRESENT', 'LATE') AND m.starts_at > now() - interval '90 days'`, member) == 0 {
		t.Error("the shared member has no house, level of care or recent attendance to show")
	}
	if count(`SELECT count(*) FROM family_attendance fa JOIN family_contacts fc ON fc.id = fa.family_contact_id
		WHERE fc.email = 'family@demo.carejourney.test' AND fa.status = 'PRESENT'`) == 0 {
		t.Error("the demo family user attended no family group meeting")
	}

	records, none := disclosuresOf("family.revoked@demo.carejourney.test")
	statuses := map[domain.ConsentStatus]int{}
	for _, r := range records {
		statuses[r.StatusAt(now)]++
	}
	if len(none) != 0 || len(records) != 2 || statuses[domain.ConsentRevoked] != 1 || statuses[domain.ConsentExpired] != 1 {
		t.Errorf("the revoked family user: %d consents %v, sees %v", len(records), statuses, none)
	}

	var labID int64
	if err := st.DB().NewSelect().Table("partners").Column("id").Where("name = ?", seed.DemoPartnerName).Scan(ctx, &labID); err != nil {
		t.Fatal(err)
	}
	lab, err := st.ConsentsNaming(ctx, store.ConsentRecipients{PartnerID: &labID})
	if err != nil {
		t.Fatal(err)
	}
	if len(domain.ActiveDisclosures(lab, now)) < 3 {
		t.Errorf("%d active consents name %s, want a few", len(lab), seed.DemoPartnerName)
	}
	if n := count(`SELECT count(DISTINCT member_id) FROM family_contacts`); n < 10 {
		t.Errorf("%d members have family contacts, want several", n)
	}
}

func ptr[T any](v T) *T { return &v }
