package seed

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// The demo's family sign-ins. Their names are those of the contacts they
// sign in as, which depend on the members they are the family of.
const (
	demoFamilyEmail        = "family@demo.carejourney.test"
	demoFamilyRevokedEmail = "family.revoked@demo.carejourney.test"
	demoFamilyPassword     = "demo-family-2026!"
	// DemoPartnerName is the partner the demo's partner consents name.
	DemoPartnerName = "Recovery Outcomes Lab"
)

// DemoFamilyKinds is what the demo family user's consent covers: everything
// but notes.
var DemoFamilyKinds = []domain.InformationKind{domain.InfoMilestones, domain.InfoCareLevel, domain.InfoHousing,
	domain.InfoAttendanceSummary}

var familyFirstNames = []string{"Elena", "Marcus", "Grace", "Tomás", "Aisha", "Daniel", "Mei", "Robert", "Lucía",
	"Samuel", "Nora", "Kofi"}

var familyRelationships = []string{"Mother", "Father", "Sister", "Brother", "Partner", "Daughter", "Friend", "Aunt",
	"Grandmother", "Son"}

// familyPurposes are the reasons members give on the consent form.
var familyPurposes = []string{"Keep my family informed of my progress in recovery",
	"So my partner can support my recovery plan", "Family involvement in aftercare"}

// seedFamily gives the demo its family: contacts for several members, the
// showcase family account whose member consents to everything but notes,
// a second account whose consents were revoked or expired, family group
// attendance, and consents naming a research partner. Everything goes
// through the store, so the demo obeys the product's rules; members are
// picked by id, so the same seed picks the same people.
func seedFamily(ctx context.Context, st *store.Store, by int64) ([]DemoUser, error) {
	cutoff := graphCutoff(st)
	showcase, err := familyPick(ctx, st, showcaseSQL, nil)
	if err != nil {
		return nil, err
	}
	revokedMember, err := familyPick(ctx, st, activeMemberSQL, []int64{showcase})
	if err != nil {
		return nil, err
	}
	expiredMember, err := familyPick(ctx, st, activeMemberSQL, []int64{showcase, revokedMember})
	if err != nil {
		return nil, err
	}

	// The showcase: the member has shareable and internal notes beside the
	// milestones, level changes and moves the journey wrote.
	for _, n := range []store.NoteInput{
		{MemberID: showcase, Body: "Led the gratitude share at group tonight; proud of this week.", Shareable: true},
		{MemberID: showcase, Body: "Discussed cravings after a hard phone call; safety plan reviewed.", Shareable: false},
	} {
		at := cutoff.Add(-26 * time.Hour)
		if !n.Shareable {
			at = cutoff.Add(-20 * time.Hour)
		}
		n.OccurredAt = &at
		if _, err := st.PostUpdate(ctx, by, n); err != nil {
			return nil, fmt.Errorf("seed: family showcase note: %w", err)
		}
	}
	name, err := familyContactName(ctx, st, showcase, 0)
	if err != nil {
		return nil, err
	}
	showcaseContact, err := st.AddFamilyContact(ctx, by, store.FamilyContactInput{MemberID: showcase, Name: name,
		Relationship: "Mother", Email: demoFamilyEmail})
	if err != nil {
		return nil, fmt.Errorf("seed: family contact: %w", err)
	}
	expires := cutoff.AddDate(0, 6, 0)
	if _, err := st.GrantConsent(ctx, by, familyConsent(showcase, &showcaseContact.ID, nil, DemoFamilyKinds,
		cutoff.AddDate(0, 0, -21), &expires, nil)); err != nil {
		return nil, fmt.Errorf("seed: family consent: %w", err)
	}
	family, err := familyAccount(ctx, st, by, showcaseContact.ID)
	if err != nil {
		return nil, err
	}
	if err := familyAttendance(ctx, st, by, showcaseContact.ID, cutoff); err != nil {
		return nil, err
	}

	// The second account: a revoked consent for one member, an expired one
	// for another.
	revokedName, err := familyContactName(ctx, st, revokedMember, 1)
	if err != nil {
		return nil, err
	}
	revokedContact, err := st.AddFamilyContact(ctx, by, store.FamilyContactInput{MemberID: revokedMember,
		Name: revokedName, Relationship: "Partner", Email: demoFamilyRevokedEmail})
	if err != nil {
		return nil, fmt.Errorf("seed: family contact: %w", err)
	}
	expiredContact, err := st.AddFamilyContact(ctx, by, store.FamilyContactInput{MemberID: expiredMember,
		Name: revokedName, Relationship: "Friend", Email: demoFamilyRevokedEmail})
	if err != nil {
		return nil, fmt.Errorf("seed: family contact: %w", err)
	}
	longExpiry := cutoff.AddDate(0, 9, 0)
	toRevoke, err := st.GrantConsent(ctx, by, familyConsent(revokedMember, &revokedContact.ID, nil,
		[]domain.InformationKind{domain.InfoMilestones, domain.InfoHousing, domain.InfoNotes}, cutoff.AddDate(0, 0, -60), &longExpiry, nil))
	if err != nil {
		return nil, fmt.Errorf("seed: family consent: %w", err)
	}
	if _, err := st.RevokeConsent(ctx, by, toRevoke.ID, cutoff.AddDate(0, 0, -10),
		"The member asked in writing to stop sharing with their partner."); err != nil {
		return nil, fmt.Errorf("seed: revoke consent: %w", err)
	}
	// The expired consent was recorded when it was signed, months ago: the
	// store's clock reads that day, so its rules see the consent as it was.
	signed := cutoff.AddDate(0, 0, -120)
	then := *st
	then.Now = func() time.Time { return signed.Add(time.Hour) }
	ended := cutoff.AddDate(0, 0, -30)
	if _, err := then.GrantConsent(ctx, by, familyConsent(expiredMember, &expiredContact.ID, nil,
		[]domain.InformationKind{domain.InfoMilestones, domain.InfoCareLevel}, signed, &ended, nil)); err != nil {
		return nil, fmt.Errorf("seed: expired consent: %w", err)
	}
	revokedUser, err := familyAccount(ctx, st, by, revokedContact.ID)
	if err != nil {
		return nil, err
	}
	if _, err := familyAccount(ctx, st, by, expiredContact.ID); err != nil {
		return nil, err
	}

	// More members with family on record, some with consents until the
	// end of treatment, and a research partner's consents.
	others, err := familyPickMany(ctx, st, `SELECT id FROM members WHERE id NOT IN (?, ?, ?) ORDER BY id LIMIT 12`,
		showcase, revokedMember, expiredMember)
	if err != nil {
		return nil, err
	}
	event := domain.EventEndOfTreatment
	for i, memberID := range others {
		for j := range 1 + i%2 {
			name, err := familyContactName(ctx, st, memberID, 2+i+j)
			if err != nil {
				return nil, err
			}
			c, err := st.AddFamilyContact(ctx, by, store.FamilyContactInput{MemberID: memberID, Name: name,
				Relationship: familyRelationships[(i+j)%len(familyRelationships)], Email: familyEmail(name, memberID)})
			if err != nil {
				return nil, fmt.Errorf("seed: family contact: %w", err)
			}
			if j == 0 && i%3 == 0 {
				if _, err := st.GrantConsent(ctx, by, familyConsent(memberID, &c.ID, nil,
					[]domain.InformationKind{domain.InfoMilestones, domain.InfoCareLevel}, cutoff.AddDate(0, 0, -7-i), nil, &event)); err != nil {
					return nil, fmt.Errorf("seed: family consent: %w", err)
				}
			}
		}
	}
	partners, err := familyPickMany(ctx, st, `SELECT id FROM members WHERE status = 'ACTIVE' AND id NOT IN (?, ?, ?)
		ORDER BY id DESC LIMIT 4`, showcase, revokedMember, expiredMember)
	if err != nil {
		return nil, err
	}
	partner := DemoPartnerName
	research := cutoff.AddDate(1, 0, 0)
	for i, memberID := range partners {
		kinds := []domain.InformationKind{domain.InfoMilestones, domain.InfoCareLevel, domain.InfoAttendanceSummary}
		// Two consent to being identified; the partner sees the other two
		// by ID only.
		if i < 2 {
			kinds = append(kinds, domain.InfoIdentity)
		}
		in := familyConsent(memberID, nil, &partner, kinds, cutoff.AddDate(0, 0, -14-i), &research, nil)
		in.Purpose = "Outcomes research on continuing care"
		if _, err := st.GrantConsent(ctx, by, in); err != nil {
			return nil, fmt.Errorf("seed: partner consent: %w", err)
		}
	}
	return []DemoUser{
		{Email: demoFamilyEmail, Password: demoFamilyPassword, Role: domain.RoleFamily, Name: family.Name},
		{Email: demoFamilyRevokedEmail, Password: demoFamilyPassword, Role: domain.RoleFamily, Name: revokedUser.Name},
	}, nil
}

// showcaseSQL picks the member the demo family user follows: in care, living
// in a house, with milestones, who attended a meeting in the last weeks.
const showcaseSQL = `SELECT m.id FROM members AS m
	WHERE m.status = 'ACTIVE' AND m.id NOT IN (?)
	AND EXISTS (SELECT 1 FROM residencies AS r WHERE r.member_id = m.id AND r.move_out_at IS NULL)
	AND EXISTS (SELECT 1 FROM updates AS u WHERE u.member_id = m.id AND u.kind = 'MILESTONE')
	AND (SELECT count(*) FROM attendance_records AS a JOIN meetings AS mt ON mt.id = a.meeting_id
		WHERE a.member_id = m.id AND a.status IN ('PRESENT', 'LATE') AND mt.starts_at > now() - interval '60 days') >= 3
	ORDER BY m.id LIMIT 1`

// activeMemberSQL picks the first member in care not picked yet.
const activeMemberSQL = `SELECT m.id FROM members AS m WHERE m.status = 'ACTIVE' AND m.id NOT IN (?) ORDER BY m.id LIMIT 1`

func familyPick(ctx context.Context, st *store.Store, query string, exclude []int64) (int64, error) {
	if len(exclude) == 0 {
		exclude = []int64{0}
	}
	var id int64
	if err := st.DB().NewRaw(query, bun.List(exclude)).Scan(ctx, &id); err != nil {
		return 0, fmt.Errorf("seed: pick a member for the family demo: %w", err)
	}
	return id, nil
}

func familyPickMany(ctx context.Context, st *store.Store, query string, args ...any) ([]int64, error) {
	var ids []int64
	if err := st.DB().NewRaw(query, args...).Scan(ctx, &ids); err != nil {
		return nil, fmt.Errorf("seed: pick members for the family demo: %w", err)
	}
	return ids, nil
}

// familyContactName names a relative after the member's last name.
func familyContactName(ctx context.Context, st *store.Store, memberID int64, n int) (string, error) {
	ms, err := st.MembersByID(ctx, []int64{memberID})
	if err != nil || ms[memberID] == nil {
		return "", fmt.Errorf("seed: member %d: %v", memberID, err)
	}
	return familyFirstNames[n%len(familyFirstNames)] + " " + ms[memberID].LastName, nil
}

// familyEmail makes an ASCII address from a name; the member id keeps two
// relatives of the same name apart.
func familyEmail(name string, memberID int64) string {
	fold := strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ñ", "n", "ë", "e", "ü", "u", "ç", "c")
	var b strings.Builder
	for _, r := range fold.Replace(strings.ToLower(name)) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r == ' ':
			b.WriteRune('.')
		}
	}
	return fmt.Sprintf("%s.%d@family.demo.carejourney.test", b.String(), memberID)
}

func familyConsent(memberID int64, contactID *int64, partner *string, kinds []domain.InformationKind, signedAt time.Time,
	expiresAt *time.Time, event *domain.ConsentEvent) domain.ConsentInput {
	return domain.ConsentInput{MemberID: memberID, FamilyContactID: contactID, PartnerName: partner,
		Purpose: familyPurposes[int(memberID)%len(familyPurposes)], InformationKinds: kinds, ExpiresAt: expiresAt,
		ExpiresOnEvent: event, SignatureName: "Signed by the member", SignedAt: signedAt}
}

// familyAccount invites a contact and accepts for them with the demo
// password, as the contact would: the first invitation of an address opens
// the account, later ones link to it.
func familyAccount(ctx context.Context, st *store.Store, by, contactID int64) (*domain.User, error) {
	token, hash := auth.NewToken()
	if _, _, err := st.InviteFamilyContact(ctx, by, contactID, hash); err != nil {
		return nil, fmt.Errorf("seed: invite family contact: %w", err)
	}
	u, err := st.AcceptInvitation(ctx, auth.HashToken(token), demoFamilyPassword, auth.Passwords)
	if err != nil {
		return nil, fmt.Errorf("seed: accept family invitation: %w", err)
	}
	return u, nil
}

// familyAttendance marks the showcase contact at the family group's last
// few meetings: there at most of them, excused at one.
func familyAttendance(ctx context.Context, st *store.Store, by, contactID int64, cutoff time.Time) error {
	meetings, err := familyPickMany(ctx, st, `SELECT mt.id FROM meetings AS mt JOIN groups AS g ON g.id = mt.group_id
		WHERE g.kind = 'FAMILY' AND g.active AND mt.starts_at < ? ORDER BY mt.starts_at DESC, mt.id LIMIT 4`, cutoff)
	if err != nil {
		return err
	}
	for i, id := range meetings {
		status := domain.AttendancePresent
		if i == 2 {
			status = domain.AttendanceExcused
		}
		if _, err := st.RecordFamilyAttendance(ctx, by, id, []domain.FamilyAttendanceEntry{{FamilyContactID: contactID, Status: status}}); err != nil {
			return fmt.Errorf("seed: family attendance: %w", err)
		}
	}
	return nil
}
