package store_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// listed is what the test knows about each member, to compute the expected
// result of a filter independently of the SQL under test.
type listed struct {
	id                int64
	first, last, pref string
	status            domain.MemberStatus
	level             string // open current episode, "" when none
}

func (l listed) searchText() string {
	return strings.ToLower(l.first + " " + l.last + " " + l.pref)
}

// fixture creates 45 members whose names tie on the sort key in several
// ways (same names in other cases; "Van"+"Der Berg" and "Van Der"+"Berg"),
// in shuffled order so that ids do not follow names, and puts some of them
// in care. Created-at values are then forced into three tied groups.
func listFixture(t *testing.T, st *store.Store, by int64) []*listed {
	t.Helper()
	var specs []*listed
	add := func(n int, first, last, pref string) {
		for range n {
			specs = append(specs, &listed{first: first, last: last, pref: pref})
		}
	}
	add(4, "John", "Smith", "")
	add(4, "JOHN", "SMITH", "")
	add(4, "john", "smith", "")
	add(4, "Der Berg", "Van", "")
	add(4, "Berg", "Van Der", "")
	add(3, "Zoe", "O_Brien", "")
	add(1, "Zoe", "OxBrien", "")
	add(1, "Max", "Hundred%Percent", "")
	add(1, "Ed", "Pike", "")
	add(1, "Kim", `Back\slash`, "")
	add(1, "Kim", "Backslash", "")
	add(1, "Rosa", "Parks", "Sunny")
	for i := range 45 - len(specs) {
		add(1, "Pat", fmt.Sprintf("Zed%02d", i%7), "") // more ties: 7 distinct names for 14 members
	}
	if len(specs) != 45 {
		t.Fatalf("%d specs", len(specs))
	}
	r := rand.New(rand.NewPCG(7, 11))
	r.Shuffle(len(specs), func(i, j int) { specs[i], specs[j] = specs[j], specs[i] })
	for _, s := range specs {
		f := domain.MemberFields{FirstName: ptr(s.first), LastName: ptr(s.last)}
		if s.pref != "" {
			f.PreferredName = ptr(s.pref)
		}
		m, err := st.CreateMember(ctx, by, f)
		if err != nil {
			t.Fatal(err)
		}
		s.id, s.status = m.ID, m.Status
	}
	// In care: 10 in IOP (3 of them discharged since), 5 in PHP (one
	// corrected to VIRTUAL_IOP: the superseded PHP episode must not count).
	for i, s := range specs[:15] {
		code := "IOP"
		if i >= 10 {
			code = "PHP"
		}
		e := mustAdmit(t, st, by, s.id, code, days(-20))
		s.status, s.level = domain.MemberActive, code
		switch {
		case i < 3:
			if _, err := st.DischargeMember(ctx, by, store.DischargeInput{MemberID: s.id, EndedAt: days(-2), Reason: "done"}); err != nil {
				t.Fatal(err)
			}
			s.status, s.level = domain.MemberDischarged, ""
		case i == 14:
			if _, err := st.CorrectCareEpisode(ctx, by, store.CorrectionInput{EpisodeID: e.ID, CareLevelCode: "VIRTUAL_IOP",
				StartedAt: days(-20), Reason: "was virtual"}); err != nil {
				t.Fatal(err)
			}
			s.level = "VIRTUAL_IOP"
		}
	}
	// Three created_at values for 45 members: heavy ties, and values with
	// full microsecond precision so that a cursor that lost precision
	// would skip or repeat members.
	_, err := st.DB().ExecContext(ctx, `UPDATE members SET created_at = CASE id % 3
		WHEN 0 THEN '2025-01-01 10:00:00.123456+00'::timestamptz
		WHEN 1 THEN '2025-01-01 10:00:00.123457+00'::timestamptz
		ELSE '2024-12-31 23:59:59.999999-05'::timestamptz END`)
	if err != nil {
		t.Fatal(err)
	}
	return specs
}

// oracle is the full list in the order the database sorts it, read with a
// plain ORDER BY (no keyset), restricted to keep.
func oracle(t *testing.T, st *store.Store, order store.MemberOrder, desc bool, keep func(id int64) bool) []int64 {
	t.Helper()
	col := "sort_name"
	if order == store.MemberOrderCreatedAt {
		col = "created_at"
	}
	dir := "ASC"
	if desc {
		dir = "DESC"
	}
	var ids []int64
	if err := st.DB().NewRaw(fmt.Sprintf("SELECT id FROM members ORDER BY %s %s, id %s", col, dir, dir)).Scan(ctx, &ids); err != nil {
		t.Fatal(err)
	}
	out := ids[:0]
	for _, id := range ids {
		if keep(id) {
			out = append(out, id)
		}
	}
	return out
}

func ids(ms []*domain.Member) []int64 {
	out := make([]int64, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}

// walkForward follows After cursors from the start to the end.
func walkForward(t *testing.T, st *store.Store, f store.MemberFilter, order store.MemberOrder, desc bool, limit int) (all []int64, pages int) {
	t.Helper()
	var after *store.Cursor
	for {
		p, err := st.ListMembers(ctx, f, order, desc, store.PageRequest{Limit: limit, After: after})
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if len(p.Items) != len(p.Cursors) {
			t.Fatalf("page %d: %d items, %d cursors", pages, len(p.Items), len(p.Cursors))
		}
		if p.HasPreviousPage != (after != nil) {
			t.Errorf("page %d: HasPreviousPage = %v", pages, p.HasPreviousPage)
		}
		if p.HasNextPage && len(p.Items) != limit {
			t.Errorf("page %d: %d items but HasNextPage", pages, len(p.Items))
		}
		all = append(all, ids(p.Items)...)
		if !p.HasNextPage {
			return all, pages
		}
		if pages > 100 {
			t.Fatal("no end in sight")
		}
		after = &p.Cursors[len(p.Cursors)-1]
	}
}

// walkBackward follows Before cursors from the end to the start and
// returns the pages in the order read (last page first).
func walkBackward(t *testing.T, st *store.Store, f store.MemberFilter, order store.MemberOrder, desc bool, limit int) [][]int64 {
	t.Helper()
	var before *store.Cursor
	var pages [][]int64
	for {
		p, err := st.ListMembers(ctx, f, order, desc, store.PageRequest{Limit: limit, Backward: true, Before: before})
		if err != nil {
			t.Fatal(err)
		}
		if p.HasNextPage != (before != nil) {
			t.Errorf("backward page %d: HasNextPage = %v", len(pages)+1, p.HasNextPage)
		}
		if p.HasPreviousPage && len(p.Items) != limit {
			t.Errorf("backward page %d: %d items but HasPreviousPage", len(pages)+1, len(p.Items))
		}
		pages = append(pages, ids(p.Items))
		if !p.HasPreviousPage {
			return pages
		}
		if len(pages) > 100 {
			t.Fatal("no start in sight")
		}
		before = &p.Cursors[0]
	}
}

func TestListMembers(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	specs := listFixture(t, st, by)
	byID := map[int64]*listed{}
	for _, s := range specs {
		byID[s.id] = s
	}
	all := func(int64) bool { return true }

	for _, order := range []store.MemberOrder{store.MemberOrderName, store.MemberOrderCreatedAt} {
		for _, desc := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s desc=%v", order, desc), func(t *testing.T) {
				want := oracle(t, st, order, desc, all)
				if len(want) != 45 {
					t.Fatalf("oracle has %d members", len(want))
				}
				got, pages := walkForward(t, st, store.MemberFilter{}, order, desc, 10)
				if !slices.Equal(got, want) {
					t.Fatalf("forward walk:\n got %v\nwant %v", got, want)
				}
				if pages != 5 {
					t.Errorf("%d pages, want 5", pages)
				}
				// Backward from the end: the last 10, then the 10 before, ...,
				// and the first 5; read back to front they are the list.
				back := walkBackward(t, st, store.MemberFilter{}, order, desc, 10)
				if len(back) != 5 || len(back[0]) != 10 || len(back[4]) != 5 {
					t.Errorf("backward page sizes: %d pages, first %d, last %d", len(back), len(back[0]), len(back[len(back)-1]))
				}
				var flat []int64
				for i := len(back) - 1; i >= 0; i-- {
					flat = append(flat, back[i]...)
				}
				if !slices.Equal(flat, want) {
					t.Fatalf("backward walk:\n got %v\nwant %v", flat, want)
				}
				// From the middle: the page before item 20 is items 10..19,
				// the page after item 19 starts at item 20.
				full, err := st.ListMembers(ctx, store.MemberFilter{}, order, desc, store.PageRequest{Limit: 100})
				if err != nil {
					t.Fatal(err)
				}
				if full.HasNextPage || full.HasPreviousPage || !slices.Equal(ids(full.Items), want) {
					t.Fatalf("one big page: next=%v prev=%v", full.HasNextPage, full.HasPreviousPage)
				}
				p, err := st.ListMembers(ctx, store.MemberFilter{}, order, desc, store.PageRequest{Limit: 10, Backward: true, Before: &full.Cursors[20]})
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(ids(p.Items), want[10:20]) || !p.HasPreviousPage || !p.HasNextPage {
					t.Errorf("page before item 20 = %v (prev %v next %v), want %v", ids(p.Items), p.HasPreviousPage, p.HasNextPage, want[10:20])
				}
				p, err = st.ListMembers(ctx, store.MemberFilter{}, order, desc, store.PageRequest{Limit: 7, After: &full.Cursors[19]})
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(ids(p.Items), want[20:27]) || !p.HasPreviousPage || !p.HasNextPage {
					t.Errorf("page after item 19 = %v, want %v", ids(p.Items), want[20:27])
				}
			})
		}
	}

	t.Run("ties are broken by id", func(t *testing.T) {
		got, _ := walkForward(t, st, store.MemberFilter{}, store.MemberOrderName, false, 10)
		var smiths []int64
		for _, id := range got {
			if strings.EqualFold(byID[id].last, "smith") {
				smiths = append(smiths, id)
			}
		}
		if len(smiths) != 12 || !slices.IsSorted(smiths) {
			t.Errorf("tied Smiths out of id order: %v", smiths)
		}
		// "Van"+"Der Berg" and "Van Der"+"Berg" share the sort key: the eight
		// are consecutive, in id order.
		var vans []int64
		start := -1
		for i, id := range got {
			if strings.HasPrefix(byID[id].last, "Van") {
				if start < 0 {
					start = i
				}
				vans = append(vans, id)
			}
		}
		if len(vans) != 8 || !slices.IsSorted(vans) || !slices.Equal(got[start:start+8], vans) {
			t.Errorf("van der Bergs not one tied run in id order: %v", vans)
		}
	})

	filters := []struct {
		name   string
		filter store.MemberFilter
		keep   func(l *listed) bool
		want   int // expected count, as a check of the fixture
	}{
		{"no filter", store.MemberFilter{}, func(*listed) bool { return true }, 45},
		{"search smith", store.MemberFilter{Search: "smith"}, func(l *listed) bool { return strings.EqualFold(l.last, "smith") }, 12},
		{"search is case-insensitive", store.MemberFilter{Search: "SmItH"}, func(l *listed) bool { return strings.EqualFold(l.last, "smith") }, 12},
		{"search is trimmed", store.MemberFilter{Search: "  smith \t"}, func(l *listed) bool { return strings.EqualFold(l.last, "smith") }, 12},
		{"search first then last name", store.MemberFilter{Search: "john smith"}, func(l *listed) bool { return strings.EqualFold(l.last, "smith") }, 12},
		{"search preferred name", store.MemberFilter{Search: "sunny"}, func(l *listed) bool { return l.pref == "Sunny" }, 1},
		// `_` and `%` are literals: as LIKE wildcards "o_b" would also match
		// "OxBrien", and "d%p" would match "Ed Pike".
		{"underscore is literal", store.MemberFilter{Search: "o_b"}, func(l *listed) bool { return l.last == "O_Brien" }, 3},
		{"lone underscore", store.MemberFilter{Search: "_"}, func(l *listed) bool { return strings.Contains(l.last, "_") }, 3},
		{"percent is literal", store.MemberFilter{Search: "d%p"}, func(l *listed) bool { return l.last == "Hundred%Percent" }, 1},
		{"lone percent", store.MemberFilter{Search: "%"}, func(l *listed) bool { return strings.Contains(l.last, "%") }, 1},
		{"backslash is literal", store.MemberFilter{Search: `k\s`}, func(l *listed) bool { return l.last == `Back\slash` }, 1},
		{"no match", store.MemberFilter{Search: "nobody"}, func(*listed) bool { return false }, 0},
		{"blank search is no filter", store.MemberFilter{Search: "   "}, func(*listed) bool { return true }, 45},
		{"active", store.MemberFilter{Statuses: []domain.MemberStatus{domain.MemberActive}},
			func(l *listed) bool { return l.status == domain.MemberActive }, 12},
		{"discharged", store.MemberFilter{Statuses: []domain.MemberStatus{domain.MemberDischarged}},
			func(l *listed) bool { return l.status == domain.MemberDischarged }, 3},
		{"active or discharged", store.MemberFilter{Statuses: []domain.MemberStatus{domain.MemberActive, domain.MemberDischarged}},
			func(l *listed) bool { return l.status != domain.MemberPreadmission }, 15},
		{"preadmission", store.MemberFilter{Statuses: []domain.MemberStatus{domain.MemberPreadmission}},
			func(l *listed) bool { return l.status == domain.MemberPreadmission }, 30},
		{"in IOP", store.MemberFilter{CareLevelCodes: []string{"IOP"}}, func(l *listed) bool { return l.level == "IOP" }, 7},
		// The superseded PHP episode of the corrected member does not count.
		{"in PHP", store.MemberFilter{CareLevelCodes: []string{"PHP"}}, func(l *listed) bool { return l.level == "PHP" }, 4},
		{"in virtual IOP", store.MemberFilter{CareLevelCodes: []string{"VIRTUAL_IOP"}}, func(l *listed) bool { return l.level == "VIRTUAL_IOP" }, 1},
		{"in IOP or PHP", store.MemberFilter{CareLevelCodes: []string{"IOP", "PHP"}}, func(l *listed) bool { return l.level == "IOP" || l.level == "PHP" }, 11},
		{"in detox", store.MemberFilter{CareLevelCodes: []string{"DETOX"}}, func(l *listed) bool { return l.level == "DETOX" }, 0},
		{"all three filters", store.MemberFilter{Search: "smith", Statuses: []domain.MemberStatus{domain.MemberActive}, CareLevelCodes: []string{"IOP"}},
			func(l *listed) bool {
				return strings.EqualFold(l.last, "smith") && l.status == domain.MemberActive && l.level == "IOP"
			}, -1},
	}
	for _, tt := range filters {
		t.Run("filter "+tt.name, func(t *testing.T) {
			n := 0
			for _, s := range specs {
				if tt.keep(s) {
					n++
				}
			}
			if tt.want >= 0 && n != tt.want {
				t.Fatalf("fixture gives %d members, test expects %d", n, tt.want)
			}
			count, err := st.CountMembers(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if count != n {
				t.Errorf("CountMembers = %d, want %d", count, n)
			}
			for _, order := range []store.MemberOrder{store.MemberOrderName, store.MemberOrderCreatedAt} {
				want := oracle(t, st, order, false, func(id int64) bool { return tt.keep(byID[id]) })
				got, _ := walkForward(t, st, tt.filter, order, false, 4)
				if !slices.Equal(got, want) {
					t.Errorf("%s: got %v, want %v", order, got, want)
				}
			}
		})
	}
}
