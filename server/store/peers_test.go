package store_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// peersNew creates an active peer with a caseload limit.
func peersNew(t *testing.T, st *store.Store, name string, limit int) *domain.Peer {
	t.Helper()
	p, err := st.CreatePeer(ctx, store.PeerInput{Fields: domain.PeerFields{Name: &name, CaseloadLimit: &limit}})
	if err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 || !p.Active || p.CaseloadLimit != limit {
		t.Fatalf("CreatePeer returned %+v", p)
	}
	return p
}

// peersAssign pairs a member with a peer, failing the test on any error.
func peersAssign(t *testing.T, st *store.Store, by, memberID, peerID int64, at time.Time) *domain.PeerAssignment {
	t.Helper()
	a, err := st.AssignPeer(ctx, by, store.AssignPeerInput{MemberID: memberID, PeerID: peerID, StartedAt: at})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func peersLoad(t *testing.T, st *store.Store, id int64) *domain.Peer {
	t.Helper()
	found, err := st.PeersByID(ctx, []int64{id})
	if err != nil || found[id] == nil {
		t.Fatalf("peer %d: %v %v", id, found, err)
	}
	return found[id]
}

func peersCaseload(t *testing.T, st *store.Store, peerID int64) int {
	t.Helper()
	counts, err := st.CaseloadCounts(ctx, []int64{peerID})
	if err != nil {
		t.Fatal(err)
	}
	return counts[peerID]
}

func TestCreatePeer(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st)
	date := days(-400)
	alumnus, err := st.CreateMember(ctx, by.ID, domain.MemberFields{FirstName: ptr("Ana"), LastName: ptr("Ruiz"),
		DateOfBirth: ptr(days(-365 * 30)), RecoveryStartDate: &date})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("every field", func(t *testing.T) {
		p, err := st.CreatePeer(ctx, store.PeerInput{Fields: domain.PeerFields{
			Name: ptr(" Dee Park "), Bio: ptr("Hi."), CaseloadLimit: ptr(8),
			Certification:     &domain.CertificationFields{Kind: "CPRS", Number: ptr("A-1"), ExpiresOn: ptr(days(30))},
			RecoveryStartDate: ptr(days(-1000)),
			Languages:         []string{"English", " english", "Korean"}, Specialties: []string{"", "opioids"},
			Active: ptr(false), // a new peer is active whatever the input says
		}})
		if err != nil {
			t.Fatal(err)
		}
		got := peersLoad(t, st, p.ID)
		if got.Name != "Dee Park" || got.Bio != "Hi." || *got.CertificationKind != "CPRS" || *got.CertificationNumber != "A-1" ||
			dateOnly(*got.CertificationExpiresOn) != dateOnly(days(30)) || dateOnly(*got.RecoveryStartDate) != dateOnly(days(-1000)) ||
			!slices.Equal(got.Languages, []string{"English", "Korean"}) || !slices.Equal(got.Specialties, []string{"opioids"}) ||
			!got.Active || got.IsAlumnus() || got.UserID != nil {
			t.Errorf("stored %+v", got)
		}
	})
	t.Run("alumnus takes the member's recovery date", func(t *testing.T) {
		p, err := st.CreatePeer(ctx, store.PeerInput{MemberID: &alumnus.ID, UserID: &by.ID,
			Fields: domain.PeerFields{Name: ptr("Ana Ruiz"), CaseloadLimit: ptr(3)}})
		if err != nil {
			t.Fatal(err)
		}
		got := peersLoad(t, st, p.ID)
		if !got.IsAlumnus() || *got.AlumnusMemberID != alumnus.ID || *got.UserID != by.ID ||
			dateOnly(*got.RecoveryStartDate) != dateOnly(date) || len(got.Languages) != 0 {
			t.Errorf("stored %+v", got)
		}
	})
	t.Run("refusals", func(t *testing.T) {
		other := newMember(t, st, by.ID, "Bo", "Chan")
		family := openUser(t, st, "kin@example.org", "Kin", domain.RoleFamily)
		tests := []struct {
			name  string
			in    store.PeerInput
			code  domain.Code
			field string
		}{
			{"member linked already", store.PeerInput{MemberID: &alumnus.ID}, domain.CodeDuplicate, "memberId"},
			{"account linked already", store.PeerInput{UserID: &by.ID}, domain.CodeDuplicate, "userId"},
			{"unknown member", store.PeerInput{MemberID: ptr(int64(999999))}, domain.CodeNotFound, "memberId"},
			{"unknown account", store.PeerInput{UserID: ptr(int64(999999))}, domain.CodeNotFound, "userId"},
			{"family account", store.PeerInput{UserID: &family.ID}, domain.CodeInvalidInput, "userId"},
			{"recovery before the member's birth", store.PeerInput{MemberID: &alumnus.ID,
				Fields: domain.PeerFields{RecoveryStartDate: ptr(days(-365 * 31))}}, domain.CodeInvalidInput, "recoveryStartedOn"},
			{"no limit", store.PeerInput{MemberID: &other.ID, Fields: domain.PeerFields{Name: ptr("X")}}, domain.CodeInvalidInput, "caseloadLimit"},
			{"blank name", store.PeerInput{Fields: domain.PeerFields{Name: ptr(" ")}}, domain.CodeInvalidInput, "name"},
		}
		before := peersCount(t, st)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if tt.in.Fields.Name == nil {
					tt.in.Fields.Name = ptr("Someone")
				}
				if tt.in.Fields.CaseloadLimit == nil && tt.name != "no limit" {
					tt.in.Fields.CaseloadLimit = ptr(1)
				}
				_, err := st.CreatePeer(ctx, tt.in)
				wantCode(t, err, tt.code, tt.field)
			})
		}
		if after := peersCount(t, st); after != before {
			t.Errorf("refused creations wrote peers: %d -> %d", before, after)
		}
	})
}

func peersCount(t *testing.T, st *store.Store) int {
	t.Helper()
	n, err := st.CountPeers(ctx, store.PeerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestUpdatePeer(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	p := peersNew(t, st, "Lee Moss", 3)
	for i := range 2 {
		m := newMember(t, st, by, "M", fmt.Sprint(i))
		peersAssign(t, st, by, m.ID, p.ID, days(-10))
	}

	got, err := st.UpdatePeer(ctx, p.ID, domain.PeerFields{
		Name: ptr("Lee Moss-Hart"), Certification: &domain.CertificationFields{Kind: "PRSS", ExpiresOn: ptr(days(-1))},
		Languages: []string{" ASL ", "asl"}, CaseloadLimit: ptr(2),
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Lee Moss-Hart" || *got.CertificationKind != "PRSS" || !got.CertificationExpired(st.Today()) ||
		!slices.Equal(got.Languages, []string{"ASL"}) || got.CaseloadLimit != 2 || !got.UpdatedAt.After(got.CreatedAt.Add(-time.Second)) {
		t.Errorf("updated %+v", got)
	}

	_, err = st.UpdatePeer(ctx, p.ID, domain.PeerFields{CaseloadLimit: ptr(1)})
	wantCode(t, err, domain.CodeInvalidInput, "caseloadLimit")
	_, err = st.UpdatePeer(ctx, p.ID, domain.PeerFields{Name: ptr("")})
	wantCode(t, err, domain.CodeInvalidInput, "name")
	_, err = st.UpdatePeer(ctx, 999999, domain.PeerFields{Name: ptr("X")})
	wantCode(t, err, domain.CodeNotFound, "peerId")
	if stored := peersLoad(t, st, p.ID); stored.CaseloadLimit != 2 || stored.Name != "Lee Moss-Hart" {
		t.Errorf("a refused update changed the peer: %+v", stored)
	}

	got, err = st.UpdatePeer(ctx, p.ID, domain.PeerFields{ClearCertification: true, Active: ptr(false), CaseloadLimit: ptr(10)})
	if err != nil {
		t.Fatal(err)
	}
	if got.CertificationKind != nil || got.CertificationExpiresOn != nil || got.Active || got.CaseloadLimit != 10 {
		t.Errorf("cleared %+v", got)
	}
	// Current assignments stay when a peer stops.
	if n := peersCaseload(t, st, p.ID); n != 2 {
		t.Errorf("caseload after deactivation = %d", n)
	}
}

func TestAssignPeer(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	first := peersNew(t, st, "First Peer", 2)
	second := peersNew(t, st, "Second Peer", 2)
	m := newMember(t, st, by, "Jo", "March")

	a1, err := st.AssignPeer(ctx, by, store.AssignPeerInput{MemberID: m.ID, PeerID: first.ID, StartedAt: days(-30), Focus: "  work  "})
	if err != nil {
		t.Fatal(err)
	}
	if a1.Focus != "work" || !a1.Current() || *a1.RecordedByUserID != by || a1.ID == 0 {
		t.Errorf("assignment %+v", a1)
	}

	refuse := func(name string, in store.AssignPeerInput, code domain.Code, field string) {
		t.Run(name, func(t *testing.T) {
			_, err := st.AssignPeer(ctx, by, in)
			wantCode(t, err, code, field)
		})
	}
	refuse("same peer again", store.AssignPeerInput{MemberID: m.ID, PeerID: first.ID, StartedAt: days(-1)}, domain.CodeDuplicate, "peerId")
	refuse("in the future", store.AssignPeerInput{MemberID: m.ID, PeerID: second.ID, StartedAt: days(1)}, domain.CodeInFuture, "startedAt")
	refuse("before the current began", store.AssignPeerInput{MemberID: m.ID, PeerID: second.ID, StartedAt: days(-31)}, domain.CodeInvalidInput, "startedAt")
	refuse("unknown member", store.AssignPeerInput{MemberID: 999999, PeerID: second.ID, StartedAt: days(-1)}, domain.CodeNotFound, "memberId")
	refuse("unknown peer", store.AssignPeerInput{MemberID: m.ID, PeerID: 999999, StartedAt: days(-1)}, domain.CodeNotFound, "peerId")

	// A change of peer ends the current pairing when the new one starts.
	a2 := peersAssign(t, st, by, m.ID, second.ID, days(-5))
	history, err := st.PeerAssignmentPagesByMemberID(ctx, []int64{m.ID}, store.PageRequest{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	h := history[m.ID].Items
	if len(h) != 2 || h[0].ID != a1.ID || h[1].ID != a2.ID {
		t.Fatalf("history %+v", h)
	}
	if h[0].Current() || !h[0].EndedAt.Equal(days(-5)) || h[0].EndReason == nil || *h[0].EndedByUserID != by || !h[1].Current() {
		t.Errorf("after the change: %+v / %+v", h[0], h[1])
	}
	if peersCaseload(t, st, first.ID) != 0 || peersCaseload(t, st, second.ID) != 1 {
		t.Errorf("caseloads %d, %d", peersCaseload(t, st, first.ID), peersCaseload(t, st, second.ID))
	}

	// A full caseload, then an inactive peer.
	for i := range 2 {
		peersAssign(t, st, by, newMember(t, st, by, "F", fmt.Sprint(i)).ID, first.ID, days(-2))
	}
	other := newMember(t, st, by, "Ola", "Nowak")
	refuse("full caseload", store.AssignPeerInput{MemberID: other.ID, PeerID: first.ID, StartedAt: days(-1)}, domain.CodeCaseloadFull, "peerId")
	if _, err := st.UpdatePeer(ctx, second.ID, domain.PeerFields{Active: ptr(false)}); err != nil {
		t.Fatal(err)
	}
	refuse("inactive peer", store.AssignPeerInput{MemberID: other.ID, PeerID: second.ID, StartedAt: days(-1)}, domain.CodePeerInactive, "peerId")
	refuse("long focus", store.AssignPeerInput{MemberID: other.ID, PeerID: first.ID, StartedAt: days(-1), Focus: string(make([]byte, 201))},
		domain.CodeInvalidInput, "focus")
	if n := peersCaseload(t, st, first.ID); n != 2 {
		t.Errorf("refusals changed the caseload: %d", n)
	}
}

func TestEndPeerAssignment(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	p := peersNew(t, st, "Peer", 5)
	m := newMember(t, st, by, "Jo", "March")
	a := peersAssign(t, st, by, m.ID, p.ID, days(-20))

	end := func(in store.EndPeerAssignmentInput) error {
		_, err := st.EndPeerAssignment(ctx, by, in)
		return err
	}
	wantCode(t, end(store.EndPeerAssignmentInput{AssignmentID: a.ID, EndedAt: days(1)}), domain.CodeInFuture, "endedAt")
	wantCode(t, end(store.EndPeerAssignmentInput{AssignmentID: a.ID, EndedAt: days(-20)}), domain.CodeInvalidInput, "endedAt")
	wantCode(t, end(store.EndPeerAssignmentInput{AssignmentID: 999999, EndedAt: days(-1)}), domain.CodeNotFound, "peerAssignmentId")
	wantCode(t, end(store.EndPeerAssignmentInput{AssignmentID: a.ID, EndedAt: days(-1), Reason: string(make([]byte, 2001))}),
		domain.CodeInvalidInput, "reason")

	ended, err := st.EndPeerAssignment(ctx, by, store.EndPeerAssignmentInput{AssignmentID: a.ID, EndedAt: days(-1), Reason: " moved away "})
	if err != nil {
		t.Fatal(err)
	}
	if ended.Current() || !ended.EndedAt.Equal(days(-1)) || *ended.EndReason != "moved away" || *ended.EndedByUserID != by {
		t.Errorf("ended %+v", ended)
	}
	wantCode(t, end(store.EndPeerAssignmentInput{AssignmentID: a.ID, EndedAt: days(0)}), domain.CodeConflict, "peerAssignmentId")
	if n := peersCaseload(t, st, p.ID); n != 0 {
		t.Errorf("caseload = %d", n)
	}

	// A new pairing may not overlap the ended one, and may start when it ended.
	_, err = st.AssignPeer(ctx, by, store.AssignPeerInput{MemberID: m.ID, PeerID: p.ID, StartedAt: days(-2)})
	wantCode(t, err, domain.CodeInvalidInput, "startedAt")
	again := peersAssign(t, st, by, m.ID, p.ID, days(-1))
	if !again.Current() {
		t.Errorf("re-paired %+v", again)
	}
}

// Twenty staff assign twenty different members to one peer with two free
// places at the same moment. The peer's row lock makes them take turns:
// exactly two win and eighteen are told the caseload is full.
func TestConcurrentPeerAssignments(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	for round := range 3 {
		p := peersNew(t, st, fmt.Sprintf("Busy Peer %d", round), 5)
		for i := range 3 {
			peersAssign(t, st, by, newMember(t, st, by, "Old", fmt.Sprint(i)).ID, p.ID, days(-10))
		}
		members := make([]*domain.Member, racers)
		for i := range members {
			members[i] = newMember(t, st, by, "New", fmt.Sprintf("%d-%d", round, i))
		}
		errs := race(func(i int) error {
			_, err := st.AssignPeer(ctx, by, store.AssignPeerInput{MemberID: members[i].ID, PeerID: p.ID, StartedAt: days(-1)})
			return err
		})
		wins, codes := tally(t, errs)
		t.Logf("round %d: %d assigned, %s", round, wins, formatCodes(codes))
		if wins != 2 || codes[domain.CodeCaseloadFull] != racers-2 || len(codes) != 1 {
			t.Fatalf("round %d: %d wins, %s; want 2 wins and %d CASELOAD_FULL", round, wins, formatCodes(codes), racers-2)
		}
		if n := peersCaseload(t, st, p.ID); n != 5 {
			t.Fatalf("round %d: caseload %d, limit 5", round, n)
		}
	}
}

// Assignments and lowered limits race on one peer; whatever wins, the
// caseload never ends above the limit.
func TestConcurrentAssignAndLowerLimit(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	p := peersNew(t, st, "Contested Peer", 12)
	for i := range 2 {
		peersAssign(t, st, by, newMember(t, st, by, "Old", fmt.Sprint(i)).ID, p.ID, days(-10))
	}
	members := make([]*domain.Member, racers)
	for i := range members {
		members[i] = newMember(t, st, by, "New", fmt.Sprint(i))
	}
	errs := race(func(i int) error {
		if i%2 == 0 {
			_, err := st.UpdatePeer(ctx, p.ID, domain.PeerFields{CaseloadLimit: ptr(2 + i/4)})
			return err
		}
		_, err := st.AssignPeer(ctx, by, store.AssignPeerInput{MemberID: members[i].ID, PeerID: p.ID, StartedAt: days(-1)})
		return err
	})
	wins, codes := tally(t, errs)
	for code := range codes {
		if code != domain.CodeCaseloadFull && code != domain.CodeInvalidInput {
			t.Errorf("unexpected %s", code)
		}
	}
	final := peersLoad(t, st, p.ID)
	n := peersCaseload(t, st, p.ID)
	t.Logf("%d succeeded, %s; caseload %d, limit %d", wins, formatCodes(codes), n, final.CaseloadLimit)
	if n > final.CaseloadLimit {
		t.Fatalf("caseload %d over the limit %d", n, final.CaseloadLimit)
	}
}

// The caseload rules are also in the database, for writes that go around the store.
func TestPeerCaseloadBackstops(t *testing.T) {
	st := newStore(t)
	db := st.DB()
	by := newUser(t, st).ID
	p := peersNew(t, st, "Backstop Peer", 1)
	m1 := newMember(t, st, by, "One", "M")
	m2 := newMember(t, st, by, "Two", "M")
	peersAssign(t, st, by, m1.ID, p.ID, days(-3))

	_, err := db.ExecContext(ctx, `INSERT INTO peer_assignments (member_id, peer_id, started_at) VALUES (?, ?, ?)`, m2.ID, p.ID, days(-1))
	if got := pgError(t, err).Field('n'); got != "peer_assignments_caseload_limit" {
		t.Errorf("over-limit insert: constraint %q (%v)", got, err)
	}
	_, err = db.ExecContext(ctx, `UPDATE peers SET caseload_limit = 0 WHERE id = ?`, p.ID)
	if got := pgError(t, err).Field('n'); got != "peers_caseload_limit_below_caseload" {
		t.Errorf("limit below caseload: constraint %q (%v)", got, err)
	}
	roomy := peersNew(t, st, "Roomy Peer", 5)
	_, err = db.ExecContext(ctx, `INSERT INTO peer_assignments (member_id, peer_id, started_at) VALUES (?, ?, ?)`, m1.ID, roomy.ID, days(-1))
	if got := pgError(t, err).Field('n'); got != "peer_assignments_one_current_idx" && got != "peer_assignments_no_overlap" {
		t.Errorf("a second current pairing of one member: constraint %q (%v)", got, err)
	}
	if n := peersCaseload(t, st, p.ID); n != 1 {
		t.Errorf("caseload %d", n)
	}
}
