package store_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

func groupsNames(groups []*domain.Group) []string {
	out := []string{}
	for _, g := range groups {
		out = append(out, g.Name)
	}
	return out
}

// groupsListAll walks every page of a group list, three at a time.
func groupsListAll(t *testing.T, st *store.Store, f store.GroupFilter) []string {
	t.Helper()
	var names []string
	page := store.PageRequest{Limit: 3}
	for {
		p, err := st.ListGroups(ctx, f, page)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, groupsNames(p.Items)...)
		if !p.HasNextPage {
			break
		}
		page.After = &p.Cursors[len(p.Cursors)-1]
	}
	n, err := st.CountGroups(ctx, f)
	if err != nil || n != len(names) {
		t.Errorf("count %d, %v; listed %d", n, err, len(names))
	}
	return names
}

func TestListGroupsFilters(t *testing.T) {
	st := newStore(t)
	staff := newUser(t, st)
	peer := groupsNewPeer(t, st, "Avery", true)
	mk := func(name string, kind domain.GroupKind, modality domain.Modality, slots ...domain.ScheduleSlotInput) *domain.Group {
		f := groupsFields(name, kind, "")
		f.Modality = &modality
		return groupsCreate(t, st, store.GroupInput{Fields: f, Schedule: slots})
	}
	mk("Morning Mindfulness", domain.GroupTherapy, domain.ModalityInPerson, groupsSlot(1, "10:00", 60))
	evening := mk("evening alumni", domain.GroupAftercare, domain.ModalityVirtual, groupsSlot(2, "18:00", 60))
	mk("Saturday SMART", domain.GroupMutualSupport, domain.ModalityHybrid, groupsSlot(6, "09:00", 60))
	mk("Boundary Group", domain.GroupPeerSupport, domain.ModalityInPerson, groupsSlot(1, "16:59", 60), groupsSlot(5, "17:00", 60))
	mk("Unscheduled", domain.GroupFamily, domain.ModalityVirtual)
	stopped := mk("Zz Stopped Evening", domain.GroupAftercare, domain.ModalityVirtual, groupsSlot(3, "19:00", 60))
	if _, err := st.UpdateGroup(ctx, stopped.ID, store.GroupInput{Fields: domain.GroupFields{Active: ptr(false)}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.UpdateGroup(ctx, evening.ID, store.GroupInput{PeerIDs: []int64{peer}, UserIDs: []int64{staff.ID}}); err != nil {
		t.Fatal(err)
	}
	active, inactive := ptr(true), ptr(false)
	virtual := domain.ModalityVirtual
	tests := []struct {
		name   string
		filter store.GroupFilter
		want   []string
	}{
		{"all active, by name ignoring case", store.GroupFilter{Active: active},
			[]string{"Boundary Group", "evening alumni", "Morning Mindfulness", "Saturday SMART", "Unscheduled"}},
		{"everything", store.GroupFilter{},
			[]string{"Boundary Group", "evening alumni", "Morning Mindfulness", "Saturday SMART", "Unscheduled", "Zz Stopped Evening"}},
		{"inactive", store.GroupFilter{Active: inactive}, []string{"Zz Stopped Evening"}},
		{"day", store.GroupFilter{Active: active, TimesOfDay: []domain.TimeOfDay{domain.TimeOfDayDay}},
			[]string{"Boundary Group", "Morning Mindfulness"}},
		{"evening", store.GroupFilter{Active: active, TimesOfDay: []domain.TimeOfDay{domain.TimeOfDayEvening}},
			[]string{"Boundary Group", "evening alumni"}},
		{"weekend or evening", store.GroupFilter{Active: active, TimesOfDay: []domain.TimeOfDay{domain.TimeOfDayWeekend, domain.TimeOfDayEvening}},
			[]string{"Boundary Group", "evening alumni", "Saturday SMART"}},
		{"kinds", store.GroupFilter{Kinds: []domain.GroupKind{domain.GroupAftercare, domain.GroupFamily}},
			[]string{"evening alumni", "Unscheduled", "Zz Stopped Evening"}},
		{"modality", store.GroupFilter{Active: active, Modality: &virtual}, []string{"evening alumni", "Unscheduled"}},
		{"led by the peer", store.GroupFilter{FacilitatorPeerID: &peer}, []string{"evening alumni"}},
		{"led by the user", store.GroupFilter{FacilitatorUserID: &staff.ID}, []string{"evening alumni"}},
		{"search", store.GroupFilter{Search: "  EVEN "}, []string{"evening alumni", "Zz Stopped Evening"}},
		{"search with a wildcard character", store.GroupFilter{Search: "%"}, nil},
	}
	for _, tt := range tests {
		if got := groupsListAll(t, st, tt.filter); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestTimeOfDaySQLMatchesDomain holds the SQL classification of the list
// filters to the domain rule, for schedule slots and for meetings read in
// their group's zone, around every boundary.
func TestTimeOfDaySQLMatchesDomain(t *testing.T) {
	st := newStore(t)
	starts := []string{"00:00", "09:00", "16:59", "17:00", "23:59"}
	want := map[domain.TimeOfDay][]string{}
	for day := 1; day <= 7; day++ {
		for _, start := range starts {
			name := fmt.Sprintf("%d %s", day, start)
			groupsCreate(t, st, store.GroupInput{Fields: groupsFields(name, domain.GroupTherapy, ""),
				Schedule: []domain.ScheduleSlotInput{groupsSlot(day, start, 5)}})
			slot := domain.GroupScheduleSlot{DayOfWeek: day, StartTime: start}
			want[slot.TimeOfDay()] = append(want[slot.TimeOfDay()], name)
		}
	}
	for tod, names := range want {
		got := groupsListAll(t, st, store.GroupFilter{TimesOfDay: []domain.TimeOfDay{tod}})
		slices.Sort(names)
		slices.Sort(got)
		if !slices.Equal(got, names) {
			t.Errorf("%s: SQL %v, domain %v", tod, got, names)
		}
	}

	ny := groupsZone(t, "America/New_York")
	g := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("NY", domain.GroupTherapy, "America/New_York")})
	wantMeetings := map[domain.TimeOfDay][]int64{}
	// Every 97 minutes over two weeks around the November change hits
	// every day and both sides of 17:00 in both offsets.
	for at := time.Date(2025, 10, 27, 0, 0, 0, 0, time.UTC); at.Before(time.Date(2025, 11, 10, 0, 0, 0, 0, time.UTC)); at = at.Add(97 * time.Minute) {
		m := groupsMeetingAt(t, st, g.ID, at)
		tod := domain.MeetingTimeOfDay(at, ny)
		wantMeetings[tod] = append(wantMeetings[tod], m.ID)
	}
	from, to := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)
	for tod, ids := range wantMeetings {
		p, err := st.ListMeetings(ctx, store.MeetingFilter{From: from, To: to, TimesOfDay: []domain.TimeOfDay{tod}}, store.PageRequest{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, m := range p.Items {
			got = append(got, m.ID)
		}
		if !slices.Equal(got, ids) {
			t.Errorf("%s: SQL %d meetings, domain %d", tod, len(got), len(ids))
		}
	}
}

func TestMeetingListsAndPages(t *testing.T) {
	st := newStore(t) // now: 2025-06-15 12:00 UTC
	a := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("A", domain.GroupAftercare, ""),
		Schedule: []domain.ScheduleSlotInput{groupsSlot(1, "18:00", 60), groupsSlot(3, "10:00", 60)}})
	b := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("B", domain.GroupTherapy, ""),
		Schedule: []domain.ScheduleSlotInput{groupsSlot(6, "09:00", 60)}})
	empty := groupsCreate(t, st, store.GroupInput{Fields: groupsFields("C", domain.GroupFamily, "")})
	groupsSchedule(t, st, a.ID, groupsDay(2025, 6, 1), groupsDay(2025, 7, 1)) // 9 meetings
	groupsSchedule(t, st, b.ID, groupsDay(2025, 6, 1), groupsDay(2025, 7, 1)) // 4 meetings

	june := store.MeetingFilter{From: groupsDay(2025, 6, 1), To: groupsDay(2025, 7, 1)}
	var starts []time.Time
	page := store.PageRequest{Limit: 5}
	for {
		p, err := st.ListMeetings(ctx, june, page)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range p.Items {
			starts = append(starts, m.StartsAt)
		}
		if !p.HasNextPage {
			break
		}
		page.After = &p.Cursors[len(p.Cursors)-1]
	}
	if len(starts) != 13 || !slices.IsSortedFunc(starts, time.Time.Compare) {
		t.Errorf("%d meetings, sorted %v", len(starts), slices.IsSortedFunc(starts, time.Time.Compare))
	}
	filtered := june
	filtered.Kinds = []domain.GroupKind{domain.GroupTherapy}
	if n, err := st.CountMeetings(ctx, filtered); err != nil || n != 4 {
		t.Errorf("therapy meetings %d, %v", n, err)
	}
	filtered = june
	filtered.GroupIDs = []int64{a.ID}
	filtered.TimesOfDay = []domain.TimeOfDay{domain.TimeOfDayEvening}
	if n, err := st.CountMeetings(ctx, filtered); err != nil || n != 5 { // Mondays in June 2025
		t.Errorf("A's evening meetings %d, %v", n, err)
	}

	// One statement pages the meetings of several groups.
	window := store.NewMeetingWindow(ptr(groupsDay(2025, 6, 10)), nil)
	pages, err := st.MeetingPagesByGroupID(ctx, []int64{a.ID, b.ID, empty.ID}, window, store.PageRequest{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	pa, pb, pc := pages[a.ID], pages[b.ID], pages[empty.ID]
	if len(pa.Items) != 2 || !pa.HasNextPage || !pa.Items[0].StartsAt.Equal(time.Date(2025, 6, 11, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("A's first page %+v", pa)
	}
	if len(pb.Items) != 2 || !pb.Items[0].StartsAt.Equal(time.Date(2025, 6, 14, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("B's first page %+v", pb)
	}
	if len(pc.Items) != 0 || pc.HasNextPage {
		t.Errorf("C's page %+v", pc)
	}
	next, err := st.MeetingPagesByGroupID(ctx, []int64{a.ID}, window, store.PageRequest{Limit: 2, After: &pa.Cursors[1]})
	if err != nil || !next[a.ID].Items[0].StartsAt.Equal(time.Date(2025, 6, 18, 10, 0, 0, 0, time.UTC)) || !next[a.ID].HasPreviousPage {
		t.Errorf("A's second page %+v, %v", next[a.ID], err)
	}
	counts, err := st.CountMeetingsByGroupID(ctx, []int64{a.ID, b.ID, empty.ID}, window)
	if err != nil || counts[a.ID] != 6 || counts[b.ID] != 3 || counts[empty.ID] != 0 {
		t.Errorf("counts %v, %v", counts, err)
	}

	nexts, err := st.NextMeetingByGroupID(ctx, []int64{a.ID, b.ID, empty.ID})
	if err != nil {
		t.Fatal(err)
	}
	if m := nexts[a.ID]; m == nil || !m.StartsAt.Equal(time.Date(2025, 6, 16, 18, 0, 0, 0, time.UTC)) {
		t.Errorf("A's next meeting %+v", m)
	}
	if m := nexts[b.ID]; m == nil || !m.StartsAt.Equal(time.Date(2025, 6, 21, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("B's next meeting %+v", m)
	}
	if nexts[empty.ID] != nil {
		t.Errorf("C has a next meeting")
	}
}
