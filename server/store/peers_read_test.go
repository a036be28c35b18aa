package store_test

import (
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

func peersNames(ps []*domain.Peer) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

func TestListPeers(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	create := func(name string, limit int, langs []string, memberID *int64) *domain.Peer {
		p, err := st.CreatePeer(ctx, store.PeerInput{MemberID: memberID,
			Fields: domain.PeerFields{Name: &name, CaseloadLimit: &limit, Languages: langs}})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	alumnus := newMember(t, st, by, "Al", "Umnus")
	create("Dana", 0, nil, nil) // limit 0: never has capacity
	// Full after one pairing.
	alice := create("alice", 1, []string{"English", "Spanish"}, &alumnus.ID)
	carl := create("Carl_x", 2, []string{"Tagalog"}, nil)
	create("Bob", 2, []string{"spanish "}, nil)
	aliceUpper := create("ALICE", 3, nil, nil) // ties with alice on the sort key
	if _, err := st.UpdatePeer(ctx, aliceUpper.ID, domain.PeerFields{Active: ptr(false)}); err != nil {
		t.Fatal(err)
	}
	peersAssign(t, st, by, newMember(t, st, by, "Ca", "Seload").ID, alice.ID, days(-1))
	peersAssign(t, st, by, newMember(t, st, by, "Ca", "Rl").ID, carl.ID, days(-1))

	tests := []struct {
		name   string
		filter store.PeerFilter
		want   []string
	}{
		{"all, by name then id", store.PeerFilter{}, []string{"alice", "ALICE", "Bob", "Carl_x", "Dana"}},
		{"language ignores case", store.PeerFilter{Language: " SPANISH "}, []string{"alice", "Bob"}},
		{"alumni only", store.PeerFilter{AlumniOnly: true}, []string{"alice"}},
		{"inactive", store.PeerFilter{Active: ptr(false)}, []string{"ALICE"}},
		{"active", store.PeerFilter{Active: ptr(true)}, []string{"alice", "Bob", "Carl_x", "Dana"}},
		{"with capacity", store.PeerFilter{HasCapacity: ptr(true)}, []string{"Bob", "Carl_x"}},
		{"without capacity", store.PeerFilter{HasCapacity: ptr(false)}, []string{"alice", "ALICE", "Dana"}},
		{"search ignores case", store.PeerFilter{Search: "LI"}, []string{"alice", "ALICE"}},
		{"search escapes LIKE", store.PeerFilter{Search: "_"}, []string{"Carl_x"}},
		{"combined", store.PeerFilter{Language: "spanish", HasCapacity: ptr(true)}, []string{"Bob"}},
		{"nothing", store.PeerFilter{Language: "Klingon"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := st.ListPeers(ctx, tt.filter, store.PageRequest{Limit: 20})
			if err != nil {
				t.Fatal(err)
			}
			if got := peersNames(page.Items); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			n, err := st.CountPeers(ctx, tt.filter)
			if err != nil || n != len(tt.want) {
				t.Errorf("count %d (%v), want %d", n, err, len(tt.want))
			}
		})
	}
	if alice.ID > aliceUpper.ID {
		t.Fatal("fixture: alice must have the lower id")
	}

	// Walking two at a time gives the same order, with the right flags.
	var walked []string
	req := store.PageRequest{Limit: 2}
	for pages := 0; ; pages++ {
		if pages > 5 {
			t.Fatal("the walk does not end")
		}
		page, err := st.ListPeers(ctx, store.PeerFilter{}, req)
		if err != nil {
			t.Fatal(err)
		}
		walked = append(walked, peersNames(page.Items)...)
		if page.HasPreviousPage != (req.After != nil) {
			t.Errorf("page %d: hasPreviousPage %v", pages, page.HasPreviousPage)
		}
		if !page.HasNextPage {
			break
		}
		req.After = &page.Cursors[len(page.Cursors)-1]
	}
	if want := []string{"alice", "ALICE", "Bob", "Carl_x", "Dana"}; !slices.Equal(walked, want) {
		t.Errorf("walked %q", walked)
	}
}

func TestCaseloadPagesAndCounts(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	busy := peersNew(t, st, "Busy", 5)
	single := peersNew(t, st, "Single", 5)
	idle := peersNew(t, st, "Idle", 5)
	var want []int64
	for i, start := range []int{-3, -9, -6} {
		a := peersAssign(t, st, by, newMember(t, st, by, "B", string(rune('a'+i))).ID, busy.ID, days(start))
		want = append(want, a.ID)
	}
	want = []int64{want[1], want[2], want[0]} // longest first
	ended := peersAssign(t, st, by, newMember(t, st, by, "Gone", "X").ID, busy.ID, days(-20))
	if _, err := st.EndPeerAssignment(ctx, by, store.EndPeerAssignmentInput{AssignmentID: ended.ID, EndedAt: days(-2)}); err != nil {
		t.Fatal(err)
	}
	only := peersAssign(t, st, by, newMember(t, st, by, "S", "One").ID, single.ID, days(-1))

	parents := []int64{busy.ID, single.ID, idle.ID}
	pages, err := st.CaseloadPages(ctx, parents, store.PageRequest{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	ids := func(p store.Page[*domain.PeerAssignment]) []int64 {
		out := []int64{}
		for _, a := range p.Items {
			out = append(out, a.ID)
		}
		return out
	}
	if got := ids(pages[busy.ID]); !slices.Equal(got, want[:2]) || !pages[busy.ID].HasNextPage {
		t.Errorf("busy first page %v (next %v), want %v", got, pages[busy.ID].HasNextPage, want[:2])
	}
	if got := ids(pages[single.ID]); !slices.Equal(got, []int64{only.ID}) || pages[single.ID].HasNextPage {
		t.Errorf("single page %v", got)
	}
	if got := ids(pages[idle.ID]); len(got) != 0 || pages[idle.ID].HasNextPage {
		t.Errorf("idle page %v", got)
	}
	after := pages[busy.ID].Cursors[1]
	next, err := st.CaseloadPages(ctx, []int64{busy.ID}, store.PageRequest{Limit: 2, After: &after})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(next[busy.ID]); !slices.Equal(got, want[2:]) || next[busy.ID].HasNextPage || !next[busy.ID].HasPreviousPage {
		t.Errorf("busy second page %v", got)
	}

	counts, err := st.CaseloadCounts(ctx, parents)
	if err != nil {
		t.Fatal(err)
	}
	if counts[busy.ID] != 3 || counts[single.ID] != 1 || counts[idle.ID] != 0 {
		t.Errorf("counts %v", counts)
	}
}

func TestPeerConversations(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	p1 := peersNew(t, st, "One", 5)
	p2 := peersNew(t, st, "Two", 5)
	m1 := newMember(t, st, by, "Mem", "One")
	m2 := newMember(t, st, by, "Mem", "Two")
	log := func(p *domain.Peer, m *domain.Member, at time.Time) *domain.PeerConversation {
		t.Helper()
		c, err := st.LogPeerConversation(ctx, by, store.PeerConversationInput{PeerID: p.ID, MemberID: m.ID, OccurredAt: at,
			DurationMinutes: 30, Channel: domain.ChannelPhone, Note: " checked in "})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	c1 := log(p1, m1, days(-5))
	c2 := log(p1, m2, days(-1))
	c3 := log(p1, m1, days(-1)) // ties with c2 on time: the id decides
	c4 := log(p2, m1, days(-3))
	if c1.Note != "checked in" || *c1.RecordedByUserID != by || c1.Channel != domain.ChannelPhone || c1.DurationMinutes != 30 {
		t.Errorf("logged %+v", c1)
	}

	refuse := func(name string, in store.PeerConversationInput, code domain.Code, field string) {
		t.Run(name, func(t *testing.T) {
			_, err := st.LogPeerConversation(ctx, by, in)
			wantCode(t, err, code, field)
		})
	}
	ok := store.PeerConversationInput{PeerID: p1.ID, MemberID: m1.ID, OccurredAt: days(-1), DurationMinutes: 10, Channel: domain.ChannelVideo}
	with := func(change func(*store.PeerConversationInput)) store.PeerConversationInput {
		in := ok
		change(&in)
		return in
	}
	refuse("unknown peer", with(func(in *store.PeerConversationInput) { in.PeerID = 999999 }), domain.CodeNotFound, "peerId")
	refuse("unknown member", with(func(in *store.PeerConversationInput) { in.MemberID = 999999 }), domain.CodeNotFound, "memberId")
	refuse("zero minutes", with(func(in *store.PeerConversationInput) { in.DurationMinutes = 0 }), domain.CodeInvalidInput, "durationMinutes")
	refuse("601 minutes", with(func(in *store.PeerConversationInput) { in.DurationMinutes = 601 }), domain.CodeInvalidInput, "durationMinutes")
	refuse("in the future", with(func(in *store.PeerConversationInput) { in.OccurredAt = days(1) }), domain.CodeInFuture, "occurredAt")

	ids := func(p store.Page[*domain.PeerConversation]) []int64 {
		out := []int64{}
		for _, c := range p.Items {
			out = append(out, c.ID)
		}
		return out
	}
	byPeer, err := st.ConversationPagesByPeer(ctx, []int64{p1.ID, p2.ID}, store.PageRequest{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(byPeer[p1.ID]); !slices.Equal(got, []int64{c3.ID, c2.ID}) || !byPeer[p1.ID].HasNextPage {
		t.Errorf("p1 newest first: %v", got)
	}
	if got := ids(byPeer[p2.ID]); !slices.Equal(got, []int64{c4.ID}) {
		t.Errorf("p2: %v", got)
	}
	after := byPeer[p1.ID].Cursors[1]
	rest, err := st.ConversationPagesByPeer(ctx, []int64{p1.ID}, store.PageRequest{Limit: 2, After: &after})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(rest[p1.ID]); !slices.Equal(got, []int64{c1.ID}) || rest[p1.ID].HasNextPage {
		t.Errorf("p1 second page: %v", got)
	}
	byMember, err := st.ConversationPagesByMember(ctx, []int64{m1.ID, m2.ID}, store.PageRequest{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(byMember[m1.ID]); !slices.Equal(got, []int64{c3.ID, c4.ID, c1.ID}) {
		t.Errorf("m1: %v", got)
	}
	if got := ids(byMember[m2.ID]); !slices.Equal(got, []int64{c2.ID}) {
		t.Errorf("m2: %v", got)
	}

	peerCounts, err := st.ConversationCountsByPeer(ctx, []int64{p1.ID, p2.ID})
	if err != nil {
		t.Fatal(err)
	}
	memberCounts, err := st.ConversationCountsByMember(ctx, []int64{m1.ID, m2.ID})
	if err != nil {
		t.Fatal(err)
	}
	if peerCounts[p1.ID] != 3 || peerCounts[p2.ID] != 1 || memberCounts[m1.ID] != 3 || memberCounts[m2.ID] != 1 {
		t.Errorf("counts by peer %v, by member %v", peerCounts, memberCounts)
	}
}

func TestFacilitatedGroups(t *testing.T) {
	st := newStore(t)
	db := st.DB()
	staff := newUser(t, st).ID
	p1 := peersNew(t, st, "Lead", 5)
	p2 := peersNew(t, st, "Co-lead", 5)
	idle := peersNew(t, st, "Idle", 5)
	group := func(name string, active bool, peers ...int64) int64 {
		t.Helper()
		var id int64
		err := db.NewRaw(`INSERT INTO groups (name, kind, modality, time_zone, active)
			VALUES (?, 'PEER_SUPPORT', 'IN_PERSON', 'UTC', ?) RETURNING id`, name, active).Scan(ctx, &id)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range peers {
			if _, err := db.ExecContext(ctx, `INSERT INTO group_facilitators (group_id, peer_id) VALUES (?, ?)`, id, p); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.ExecContext(ctx, `INSERT INTO group_facilitators (group_id, user_id) VALUES (?, ?)`, id, staff); err != nil {
			t.Fatal(err)
		}
		return id
	}
	zeta := group("Zeta Circle", true, p1.ID)
	alpha := group("alpha morning", true, p1.ID, p2.ID)
	group("Closed Group", false, p1.ID)

	pages, err := st.FacilitatedGroupPages(ctx, []int64{p1.ID, p2.ID, idle.ID}, store.PageRequest{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64][]*domain.Group{}
	for id, p := range pages {
		got[id] = p.Items
	}
	counts, err := st.CountFacilitatedGroups(ctx, []int64{p1.ID, p2.ID, idle.ID})
	if err != nil {
		t.Fatal(err)
	}
	if counts[p1.ID] != 2 || counts[p2.ID] != 1 || counts[idle.ID] != 0 {
		t.Errorf("facilitated counts = %v", counts)
	}
	groupIDs := func(gs []*domain.Group) []int64 {
		out := []int64{}
		for _, g := range gs {
			out = append(out, g.ID)
		}
		return out
	}
	if ids := groupIDs(got[p1.ID]); !slices.Equal(ids, []int64{alpha, zeta}) {
		t.Errorf("p1 groups %v, want [%d %d]", ids, alpha, zeta)
	}
	if ids := groupIDs(got[p2.ID]); !slices.Equal(ids, []int64{alpha}) || got[p2.ID][0].Name != "alpha morning" {
		t.Errorf("p2 groups %v", ids)
	}
	if len(got[idle.ID]) != 0 {
		t.Errorf("idle groups %v", got[idle.ID])
	}
}
