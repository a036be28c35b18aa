package store_test

import (
	"fmt"
	"testing"
	"time"

	"carejourney/server/audit"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// auditInsert writes events straight into the log, as the writer would.
func auditInsert(t *testing.T, st *store.Store, events ...audit.Event) {
	t.Helper()
	if _, err := st.DB().NewInsert().Model(&events).ExcludeColumn("id").Exec(ctx); err != nil {
		t.Fatal(err)
	}
}

func auditIDs(p store.Page[*audit.Event]) []int64 {
	var out []int64
	for _, e := range p.Items {
		out = append(out, e.MemberID)
	}
	return out
}

func TestListAuditEvents(t *testing.T) {
	st := newStore(t)
	// Ten events a minute apart; member i read by user 1 when i is odd,
	// else written by user 2. Two events share a moment to test the tie.
	for i := 1; i <= 10; i++ {
		e := audit.Event{OccurredAt: clock.Add(time.Duration(i) * time.Minute), ActorKind: audit.ActorUser,
			ActorUserID: 1, ActorRole: domain.RoleCaseManager, Action: audit.ActionRead, MemberID: int64(i)}
		if i%2 == 0 {
			e.ActorUserID, e.Action = 2, audit.ActionWrite
		}
		if i == 10 {
			e.OccurredAt = clock.Add(9 * time.Minute)
		}
		auditInsert(t, st, e)
	}
	auditInsert(t, st, audit.Event{OccurredAt: clock, ActorKind: audit.ActorAPIKey, ActorKeyID: 7, Action: audit.ActionRead, MemberID: 11})

	list := func(f store.AuditFilter, page store.PageRequest) store.Page[*audit.Event] {
		t.Helper()
		p, err := st.ListAuditEvents(ctx, f, page)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	if got := fmt.Sprint(auditIDs(list(store.AuditFilter{}, store.PageRequest{Limit: 20}))); got != "[10 9 8 7 6 5 4 3 2 1 11]" {
		t.Errorf("newest first (ties by id, newest id first): %s", got)
	}
	// Keyset paging: three pages of four, no event twice or missed.
	var walked []int64
	page := store.PageRequest{Limit: 4}
	for {
		p := list(store.AuditFilter{}, page)
		walked = append(walked, auditIDs(p)...)
		if !p.HasNextPage {
			break
		}
		page.After = &p.Cursors[len(p.Cursors)-1]
	}
	if got := fmt.Sprint(walked); got != "[10 9 8 7 6 5 4 3 2 1 11]" {
		t.Errorf("paged walk: %s", got)
	}
	from, to := clock.Add(3*time.Minute), clock.Add(6*time.Minute)
	for _, c := range []struct {
		name   string
		filter store.AuditFilter
		want   string
	}{
		{"member", store.AuditFilter{MemberID: 4}, "[4]"},
		{"user", store.AuditFilter{ActorUserID: 2}, "[10 8 6 4 2]"},
		{"key", store.AuditFilter{ActorKeyID: 7}, "[11]"},
		{"from inclusive, to exclusive", store.AuditFilter{From: &from, To: &to}, "[5 4 3]"},
		{"action", store.AuditFilter{Action: audit.ActionWrite, From: &from}, "[10 8 6 4]"},
	} {
		p := list(c.filter, store.PageRequest{Limit: 20})
		n, err := st.CountAuditEvents(ctx, c.filter)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(auditIDs(p)); got != c.want || n != len(p.Items) {
			t.Errorf("%s: %s (count %d), want %s", c.name, got, n, c.want)
		}
	}
}

func TestDisclosuresByMember(t *testing.T) {
	st := newStore(t)
	staff := newUser(t, st)
	m1 := newMember(t, st, staff.ID, "Ada", "One")
	m2 := newMember(t, st, staff.ID, "Bo", "Two")
	family := auditUser(t, st, "Pat Parent", domain.RoleFamily)
	otherFamily := auditUser(t, st, "Sam Sibling", domain.RoleFamily)
	// Pat is m1's contact under another name; Sam is nobody's contact (any more).
	if _, err := st.DB().NewRaw(`INSERT INTO family_contacts (member_id, name, relationship, email, user_id)
		VALUES (?, 'Patricia One', 'mother', ?, ?)`, m1.ID, family.Email, family.ID).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	var contactID, keyID int64
	if err := st.DB().NewRaw("SELECT id FROM family_contacts").Scan(ctx, &contactID); err != nil {
		t.Fatal(err)
	}
	if err := st.DB().NewRaw(`WITH p AS (INSERT INTO partners (name) VALUES ('Outcomes Lab') RETURNING id)
		INSERT INTO api_keys (partner_id, scopes, secret_hash, secret_prefix)
		SELECT id, '{members:read}', '\x01', 'cj_' FROM p RETURNING id`).Scan(ctx, &keyID); err != nil {
		t.Fatal(err)
	}
	at := func(m int) time.Time { return clock.Add(time.Duration(m) * time.Minute) }
	read := func(when time.Time, member int64) audit.Event {
		return audit.Event{OccurredAt: when, Action: audit.ActionRead, MemberID: member, OperationName: "Feed"}
	}
	byFamily := func(e audit.Event, u *domain.User) audit.Event {
		e.ActorKind, e.ActorUserID, e.ActorRole = audit.ActorUser, u.ID, domain.RoleFamily
		return e
	}
	byKey := func(e audit.Event) audit.Event {
		e.ActorKind, e.ActorKeyID = audit.ActorAPIKey, keyID
		return e
	}
	byStaff := func(e audit.Event) audit.Event {
		e.ActorKind, e.ActorUserID, e.ActorRole = audit.ActorUser, staff.ID, domain.RoleCaseManager
		return e
	}
	write := byFamily(read(at(6), m1.ID), family)
	write.Action = audit.ActionWrite
	auditInsert(t, st,
		byFamily(read(at(1), m1.ID), family),
		byStaff(read(at(2), m1.ID)), // staff reads are not disclosures
		byKey(read(at(3), m1.ID)),
		byFamily(read(at(4), m1.ID), otherFamily),
		byFamily(read(at(5), m2.ID), family), // Pat is not m2's contact: the account's name
		write,                                // only reads are disclosures
	)

	pages, err := st.DisclosuresByMember(ctx, []int64{m1.ID, m2.ID}, store.PageRequest{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	describe := func(p store.Page[*audit.Disclosure]) string {
		s := ""
		for _, d := range p.Items {
			s += fmt.Sprintf("[%s %s %s contact=%v user=%v key=%v %s]", d.OccurredAt.Sub(clock), d.RecipientKind, d.RecipientName,
				d.FamilyContactID == contactID && contactID != 0, d.UserID != 0, d.APIKeyID == keyID, d.OperationName)
		}
		return s
	}
	if got, want := describe(pages[m1.ID]), "[4m0s FAMILY_CONTACT Sam Sibling contact=false user=true key=false Feed]"+
		"[3m0s PARTNER Outcomes Lab contact=false user=false key=true Feed]"; got != want || !pages[m1.ID].HasNextPage {
		t.Errorf("m1 first page:\n got %s\nwant %s", got, want)
	}
	if got, want := describe(pages[m2.ID]), "[5m0s FAMILY_CONTACT Pat Parent contact=false user=true key=false Feed]"; got != want {
		t.Errorf("m2:\n got %s\nwant %s", got, want)
	}
	next, err := st.DisclosuresByMember(ctx, []int64{m1.ID}, store.PageRequest{Limit: 2, After: &pages[m1.ID].Cursors[1]})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := describe(next[m1.ID]), "[1m0s FAMILY_CONTACT Patricia One contact=true user=true key=false Feed]"; got != want || next[m1.ID].HasNextPage {
		t.Errorf("m1 second page:\n got %s\nwant %s", got, want)
	}
	counts, err := st.CountDisclosuresByMember(ctx, []int64{m1.ID, m2.ID})
	if err != nil {
		t.Fatal(err)
	}
	if counts[m1.ID] != 3 || counts[m2.ID] != 1 {
		t.Errorf("counts = %v", counts)
	}
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	st := newStore(t)
	auditInsert(t, st, audit.Event{OccurredAt: clock, ActorKind: audit.ActorSystem, Action: audit.ActionWrite})
	for _, stmt := range []string{"UPDATE audit_events SET action = 'READ'", "DELETE FROM audit_events", "TRUNCATE audit_events"} {
		if _, err := st.DB().ExecContext(ctx, stmt); err == nil {
			t.Errorf("%s succeeded", stmt)
		}
	}
}
