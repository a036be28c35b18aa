package store_test

import (
	"slices"
	"testing"
	"time"

	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// familyContact adds a family contact or fails the test.
func familyContact(t *testing.T, st *store.Store, by, memberID int64, name, email string) *domain.FamilyContact {
	t.Helper()
	c, err := st.AddFamilyContact(ctx, by, store.FamilyContactInput{MemberID: memberID, Name: name, Relationship: "Sister", Email: email})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// familyInvite invites a contact and returns the token handed out.
func familyInvite(t *testing.T, st *store.Store, by, contactID int64) string {
	t.Helper()
	token, hash := auth.NewToken()
	inv, _, err := st.InviteFamilyContact(ctx, by, contactID, hash)
	if err != nil {
		t.Fatal(err)
	}
	if !inv.ExpiresAt.Equal(clock.Add(7 * 24 * time.Hour)) {
		t.Fatalf("invitation expires at %v, want in 7 days", inv.ExpiresAt)
	}
	return token
}

func familyAccept(st *store.Store, token, password string) (*domain.User, error) {
	return st.AcceptInvitation(ctx, auth.HashToken(token), password, auth.Passwords)
}

// familyShared is one person, Luis Vega, the family contact of two
// members, Rosa and Tomas Vega; he has accepted Rosa's invitation, so he
// has an account, and Tomas's contact is not linked to it yet.
type familyShared struct {
	by      int64
	a, b    *domain.Member
	ca, cb  *domain.FamilyContact
	account *domain.User
}

func familyOneContactOfTwo(t *testing.T, st *store.Store) familyShared {
	t.Helper()
	f := familyShared{by: newUser(t, st).ID}
	f.a, f.b = newMember(t, st, f.by, "Rosa", "Vega"), newMember(t, st, f.by, "Tomas", "Vega")
	f.ca = familyContact(t, st, f.by, f.a.ID, "Luis Vega", "luis@example.org")
	f.cb = familyContact(t, st, f.by, f.b.ID, "Luis Vega", "luis@example.org")
	u, err := familyAccept(st, familyInvite(t, st, f.by, f.ca.ID), familyPassword)
	if err != nil {
		t.Fatal(err)
	}
	f.account = u
	return f
}

func familyLoadContact(t *testing.T, st *store.Store, id int64) *domain.FamilyContact {
	t.Helper()
	cs, err := st.FamilyContactsByID(ctx, []int64{id})
	if err != nil || cs[id] == nil {
		t.Fatalf("contact %d: %v", id, err)
	}
	return cs[id]
}

const familyPassword = "a long family passphrase"

func TestAddFamilyContact(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Rosa", "Vega")
	other := newMember(t, st, by, "Ana", "Diaz")

	c, err := st.AddFamilyContact(ctx, by, store.FamilyContactInput{MemberID: m.ID, Name: " Luis Vega ",
		Relationship: "Brother", Email: " Luis@Example.org "})
	if err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || c.Name != "Luis Vega" || c.Email != "luis@example.org" || c.UserID != nil ||
		c.CreatedByUserID == nil || *c.CreatedByUserID != by {
		t.Fatalf("contact %+v", c)
	}
	familyContact(t, st, by, m.ID, "Ada Vega", "ada@example.org")
	// The same address may be a contact of another member.
	familyContact(t, st, by, other.ID, "Luis Vega", "luis@example.org")

	for name, in := range map[string]store.FamilyContactInput{
		"same member and address": {MemberID: m.ID, Name: "L. Vega", Relationship: "Brother", Email: "LUIS@example.org"},
		"unknown member":          {MemberID: 999, Name: "X", Relationship: "Friend", Email: "x@example.org"},
		"bad email":               {MemberID: m.ID, Name: "X", Relationship: "Friend", Email: "x"},
		"no relationship":         {MemberID: m.ID, Name: "X", Relationship: " ", Email: "x@example.org"},
	} {
		_, err := st.AddFamilyContact(ctx, by, in)
		want := map[string]domain.Code{"same member and address": domain.CodeDuplicate, "unknown member": domain.CodeNotFound}[name]
		if want == "" {
			want = domain.CodeInvalidInput
		}
		if domain.ErrorCode(err) != want {
			t.Errorf("%s: %v, want %s", name, err, want)
		}
	}
	wantCode(t, func() error {
		_, err := st.AddFamilyContact(ctx, by, store.FamilyContactInput{MemberID: m.ID, Name: "L", Relationship: "B", Email: "luis@example.org"})
		return err
	}(), domain.CodeDuplicate, "email")

	byMember, err := st.FamilyContactPagesByMemberID(ctx, []int64{m.ID, other.ID}, store.PageRequest{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range byMember[m.ID].Items {
		names = append(names, c.Name)
	}
	if !slices.Equal(names, []string{"Ada Vega", "Luis Vega"}) || len(byMember[other.ID].Items) != 1 {
		t.Errorf("contacts by member: %v and %d", names, len(byMember[other.ID].Items))
	}
}

// Twenty people use one invitation at the same moment: the invitation row
// lock lets exactly one create the account; the others learn the
// invitation is used.
func TestConcurrentAcceptInvitation(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Rosa", "Vega")
	c := familyContact(t, st, by, m.ID, "Luis Vega", "luis@example.org")
	token := familyInvite(t, st, by, c.ID)

	users := make([]*domain.User, racers)
	errs := race(func(i int) error {
		var err error
		users[i], err = familyAccept(st, token, familyPassword)
		return err
	})
	wins, codes := tally(t, errs)
	if wins != 1 || codes[domain.CodeInvitationInvalid] != racers-1 {
		t.Fatalf("%d wins, codes %s; want 1 win and %d INVITATION_INVALID", wins, formatCodes(codes), racers-1)
	}
	var u *domain.User
	for _, got := range users {
		if got != nil {
			u = got
		}
	}
	if u.Role != domain.RoleFamily || u.Email != "luis@example.org" || u.Name != "Luis Vega" || !u.Active ||
		!auth.CheckPassword(familyPassword, u.PasswordHash) {
		t.Errorf("account %+v", u)
	}
	if got := familyLoadContact(t, st, c.ID); got.UserID == nil || *got.UserID != u.ID {
		t.Errorf("contact linked to %v, want %d", got.UserID, u.ID)
	}
	var accounts int
	if err := st.DB().NewRaw("SELECT count(*) FROM users WHERE role = 'FAMILY'").Scan(ctx, &accounts); err != nil {
		t.Fatal(err)
	}
	if accounts != 1 {
		t.Errorf("%d family accounts, want 1", accounts)
	}
	// Used once: the same token later fails too.
	_, err := familyAccept(st, token, familyPassword)
	wantCode(t, err, domain.CodeInvitationInvalid, "token")
	// The contact has an account now: no new invitation.
	_, _, err = st.InviteFamilyContact(ctx, by, c.ID, auth.HashToken("another"))
	wantCode(t, err, domain.CodeHasAccount, "familyContactId")
}

func TestInvitationExpiryAndReplacement(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Rosa", "Vega")
	c := familyContact(t, st, by, m.ID, "Luis Vega", "luis@example.org")

	_, err := familyAccept(st, "no such token", familyPassword)
	wantCode(t, err, domain.CodeInvitationInvalid, "token")
	_, _, err = st.InviteFamilyContact(ctx, by, 999, auth.HashToken("x"))
	wantCode(t, err, domain.CodeNotFound, "familyContactId")

	first := familyInvite(t, st, by, c.ID)
	second := familyInvite(t, st, by, c.ID)
	// A new invitation replaces the earlier one.
	_, err = familyAccept(st, first, familyPassword)
	wantCode(t, err, domain.CodeInvitationInvalid, "token")

	// Expired after seven days.
	late := *st
	late.Now = func() time.Time { return clock.Add(7*24*time.Hour + time.Second) }
	_, err = familyAccept(&late, second, familyPassword)
	wantCode(t, err, domain.CodeInvitationInvalid, "token")

	// A weak password is refused and leaves the invitation usable.
	_, err = familyAccept(st, second, "short")
	wantCode(t, err, domain.CodeInvalidInput, "password")
	almost := *st
	almost.Now = func() time.Time { return clock.Add(7*24*time.Hour - time.Minute) }
	if _, err := familyAccept(&almost, second, familyPassword); err != nil {
		t.Fatalf("accept just before expiry: %v", err)
	}
}

// One person is the contact of two members: the second invitation links
// the account they have, when they give its password.
func TestAcceptInvitationLinksExistingAccount(t *testing.T) {
	st := newStore(t)
	f := familyOneContactOfTwo(t, st)
	by, a, cb, u := f.by, f.a, f.cb, f.account
	var err error
	token := familyInvite(t, st, by, cb.ID)
	_, err = familyAccept(st, token, "not the password at all")
	wantCode(t, err, domain.CodeHasAccount, "password")
	linked, err := familyAccept(st, token, familyPassword)
	if err != nil {
		t.Fatal(err)
	}
	if linked.ID != u.ID || familyLoadContact(t, st, cb.ID).UserID == nil || *familyLoadContact(t, st, cb.ID).UserID != u.ID {
		t.Fatalf("second contact linked to %d, want the account %d", linked.ID, u.ID)
	}
	mine, err := st.FamilyContactsByUserID(ctx, []int64{u.ID})
	if err != nil || len(mine[u.ID]) != 2 {
		t.Fatalf("contacts of the account: %v, %v", mine[u.ID], err)
	}

	// A staff address is never a family account.
	staff := newUser(t, st)
	cs := familyContact(t, st, by, a.ID, "Staff Person", staff.Email)
	_, err = familyAccept(st, familyInvite(t, st, by, cs.ID), familyPassword)
	wantCode(t, err, domain.CodeDuplicate, "token")
}

func TestRecordFamilyAttendance(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	m := newMember(t, st, by, "Rosa", "Vega")
	c1 := familyContact(t, st, by, m.ID, "Luis Vega", "luis@example.org")
	c2 := familyContact(t, st, by, m.ID, "Ada Vega", "ada@example.org")
	family := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("Family Night", domain.GroupFamily, "")})
	aftercare := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("Aftercare", domain.GroupAftercare, "")})
	past := groupsMeetingAt(t, st, family.ID, clock.Add(-2*time.Hour))
	upcoming := groupsMeetingAt(t, st, family.ID, clock.Add(2*time.Hour))
	other := groupsMeetingAt(t, st, aftercare.ID, clock.Add(-2*time.Hour))
	line := func(id int64, s domain.AttendanceStatus) domain.FamilyAttendanceEntry {
		return domain.FamilyAttendanceEntry{FamilyContactID: id, Status: s}
	}

	if _, err := st.RecordFamilyAttendance(ctx, by, past.ID, []domain.FamilyAttendanceEntry{line(c1.ID, domain.AttendancePresent)}); err != nil {
		t.Fatal(err)
	}
	// Recording again updates a line and adds one.
	if _, err := st.RecordFamilyAttendance(ctx, by, past.ID, []domain.FamilyAttendanceEntry{
		line(c1.ID, domain.AttendanceLate), line(c2.ID, domain.AttendanceAbsent)}); err != nil {
		t.Fatal(err)
	}
	got, err := st.FamilyAttendancePagesByMeetingID(ctx, []int64{past.ID, other.ID}, store.PageRequest{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	// By contact name: Ada before Luis.
	if rows := got[past.ID].Items; len(rows) != 2 || rows[0].FamilyContactID != c2.ID || rows[0].Status != domain.AttendanceAbsent ||
		rows[1].FamilyContactID != c1.ID || rows[1].Status != domain.AttendanceLate || rows[1].RecordedByUserID == nil {
		t.Fatalf("family attendance %+v", rows)
	}
	if len(got[other.ID].Items) != 0 {
		t.Fatalf("attendance of another meeting: %+v", got[other.ID].Items)
	}
	// One line a page, from the end: Luis, then Ada before him.
	last, err := st.FamilyAttendancePagesByMeetingID(ctx, []int64{past.ID}, store.PageRequest{Limit: 1, Backward: true})
	if err != nil || len(last[past.ID].Items) != 1 || last[past.ID].Items[0].FamilyContactID != c1.ID || !last[past.ID].HasPreviousPage {
		t.Fatalf("last line: %+v, %v", last[past.ID], err)
	}
	before := last[past.ID].Cursors[0]
	prev, err := st.FamilyAttendancePagesByMeetingID(ctx, []int64{past.ID}, store.PageRequest{Limit: 1, Backward: true, Before: &before})
	if err != nil || len(prev[past.ID].Items) != 1 || prev[past.ID].Items[0].FamilyContactID != c2.ID || prev[past.ID].HasPreviousPage {
		t.Fatalf("line before: %+v, %v", prev[past.ID], err)
	}
	if n, err := st.CountFamilyAttendanceByMeetingID(ctx, []int64{past.ID, other.ID}); err != nil || n[past.ID] != 2 || n[other.ID] != 0 {
		t.Fatalf("counts %v, %v", n, err)
	}

	for name, tc := range map[string]struct {
		meeting int64
		entries []domain.FamilyAttendanceEntry
		code    domain.Code
		path    []string
	}{
		"not a family group": {other.ID, []domain.FamilyAttendanceEntry{line(c1.ID, domain.AttendancePresent)}, domain.CodeInvalidInput, []string{"input", "meetingId"}},
		"not started":        {upcoming.ID, []domain.FamilyAttendanceEntry{line(c1.ID, domain.AttendancePresent)}, domain.CodeMeetingNotStarted, []string{"input", "entries", "0", "status"}},
		"unknown contact":    {past.ID, []domain.FamilyAttendanceEntry{line(c1.ID, domain.AttendancePresent), line(999, domain.AttendancePresent)}, domain.CodeNotFound, []string{"input", "entries", "1", "familyContactId"}},
		"unknown meeting":    {999, []domain.FamilyAttendanceEntry{line(c1.ID, domain.AttendancePresent)}, domain.CodeNotFound, []string{"input", "meetingId"}},
	} {
		_, err := st.RecordFamilyAttendance(ctx, by, tc.meeting, tc.entries)
		e := domain.AsError(err)
		if e == nil || e.Code != tc.code || !slices.Equal(e.Field, tc.path) {
			t.Errorf("%s: %v, want %s at %v", name, err, tc.code, tc.path)
		}
	}
	// Sending word ahead is allowed.
	if _, err := st.RecordFamilyAttendance(ctx, by, upcoming.ID, []domain.FamilyAttendanceEntry{line(c2.ID, domain.AttendanceExcused)}); err != nil {
		t.Fatal(err)
	}
}
