package store_test

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"carejourney/server/domain"
	"carejourney/server/store"
)

var housesSeq atomic.Int64

// housesNew creates a co-ed NARR II house with a unique name.
func housesNew(t *testing.T, st *store.Store, name string, capacity int) *domain.House {
	t.Helper()
	if name == "" {
		name = fmt.Sprintf("House %d", housesSeq.Add(1))
	}
	h, err := st.CreateHouse(ctx, domain.HouseFields{Name: &name, Capacity: &capacity,
		GenderDesignation: ptr(domain.GenderCoEd), NarrLevel: ptr(domain.NarrII)})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func housesMoveIn(t *testing.T, st *store.Store, by, memberID, houseID int64, bed *string, at time.Time) *domain.Residency {
	t.Helper()
	r, err := st.MoveIntoHouse(ctx, by, store.MoveInInput{MemberID: memberID, HouseID: houseID, Bed: bed, MoveInAt: at})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func housesMoveOut(t *testing.T, st *store.Store, by, memberID int64, at time.Time) *domain.Residency {
	t.Helper()
	r, err := st.MoveOutOfHouse(ctx, by, store.MoveOutInput{MemberID: memberID, MoveOutAt: at, Reason: domain.MoveOutCompleted})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func housesMembers(t *testing.T, st *store.Store, by int64, n int, last string) []*domain.Member {
	t.Helper()
	out := make([]*domain.Member, n)
	for i := range out {
		out[i] = newMember(t, st, by, fmt.Sprintf("Resident%d", i), last)
	}
	return out
}

// housesUpdates loads the journey updates of a member, oldest first.
func housesUpdates(t *testing.T, st *store.Store, memberID int64) []*domain.Update {
	t.Helper()
	var rows []*domain.Update
	if err := st.DB().NewSelect().Model(&rows).Where("member_id = ?", memberID).Order("occurred_at", "id").Scan(ctx); err != nil {
		t.Fatal(err)
	}
	return rows
}

// housesCountUpdates counts every update in the database.
func housesCountUpdates(t *testing.T, st *store.Store) int {
	t.Helper()
	n, err := st.DB().NewSelect().Table("updates").Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

func housesResidents(t *testing.T, st *store.Store, houseID int64) []*domain.Residency {
	t.Helper()
	all, err := st.CurrentResidentsByHouseID(ctx, []int64{houseID})
	if err != nil {
		t.Fatal(err)
	}
	return all[houseID]
}

func housesUser(t *testing.T, st *store.Store, role domain.Role, active bool) *domain.User {
	t.Helper()
	u := openUser(t, st, fmt.Sprintf("houses%d@example.org", housesSeq.Add(1)), "Manager", role)
	if !active {
		if _, err := st.DB().NewUpdate().Table("users").Set("active = false").Where("id = ?", u.ID).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	return u
}

func TestCreateAndUpdateHouse(t *testing.T) {
	st := newStore(t)
	manager := housesUser(t, st, domain.RoleHouseManager, true)
	family := housesUser(t, st, domain.RoleFamily, true)
	former := housesUser(t, st, domain.RoleHouseManager, false)

	h, err := st.CreateHouse(ctx, domain.HouseFields{Name: ptr("  Maple House "), Address: ptr(" 12 Maple St "),
		Capacity: ptr(8), GenderDesignation: ptr(domain.GenderWomen), NarrLevel: ptr(domain.NarrIII),
		Phone: ptr(" 555-0100 "), ManagerUserID: &manager.ID})
	if err != nil {
		t.Fatal(err)
	}
	if h.ID == 0 || h.Name != "Maple House" || h.Address != "12 Maple St" || h.Capacity != 8 ||
		h.GenderDesignation != domain.GenderWomen || h.NarrLevel != domain.NarrIII ||
		h.Phone == nil || *h.Phone != "555-0100" || h.ManagerUserID == nil || *h.ManagerUserID != manager.ID ||
		h.CreatedAt.IsZero() {
		t.Fatalf("created %+v", h)
	}

	valid := func() domain.HouseFields {
		return domain.HouseFields{Name: ptr("Oak House"), Capacity: ptr(4),
			GenderDesignation: ptr(domain.GenderMen), NarrLevel: ptr(domain.NarrI)}
	}
	refusals := []struct {
		name  string
		edit  func(f *domain.HouseFields)
		code  domain.Code
		field string
	}{
		{"duplicate name", func(f *domain.HouseFields) { f.Name = ptr("maple house") }, domain.CodeDuplicate, "name"},
		{"unknown manager", func(f *domain.HouseFields) { f.ManagerUserID = ptr(int64(999999)) }, domain.CodeNotFound, "managerUserId"},
		{"family manager", func(f *domain.HouseFields) { f.ManagerUserID = &family.ID }, domain.CodeInvalidInput, "managerUserId"},
		{"deactivated manager", func(f *domain.HouseFields) { f.ManagerUserID = &former.ID }, domain.CodeInvalidInput, "managerUserId"},
		{"capacity 0", func(f *domain.HouseFields) { f.Capacity = ptr(0) }, domain.CodeInvalidInput, "capacity"},
		{"capacity 201", func(f *domain.HouseFields) { f.Capacity = ptr(201) }, domain.CodeInvalidInput, "capacity"},
		{"blank name", func(f *domain.HouseFields) { f.Name = ptr(" ") }, domain.CodeInvalidInput, "name"},
	}
	for _, r := range refusals {
		t.Run("create: "+r.name, func(t *testing.T) {
			f := valid()
			r.edit(&f)
			_, err := st.CreateHouse(ctx, f)
			wantCode(t, err, r.code, r.field)
		})
	}
	if n, _ := st.CountHouses(ctx, store.HouseFilter{}); n != 1 {
		t.Fatalf("%d houses after the refusals, want 1", n)
	}

	oak, err := st.CreateHouse(ctx, valid())
	if err != nil {
		t.Fatal(err)
	}
	if oak.Phone != nil || oak.ManagerUserID != nil || oak.Address != "" {
		t.Fatalf("oak = %+v", oak)
	}

	t.Run("update changes only what is given", func(t *testing.T) {
		up, err := st.UpdateHouse(ctx, h.ID, domain.HouseFields{Name: ptr(" Maple Grove "), Phone: ptr(""), Capacity: ptr(10)})
		if err != nil {
			t.Fatal(err)
		}
		if up.Name != "Maple Grove" || up.Phone != nil || up.Capacity != 10 || up.Address != "12 Maple St" ||
			up.GenderDesignation != domain.GenderWomen || up.ManagerUserID == nil || !up.UpdatedAt.After(h.UpdatedAt.Add(-time.Second)) {
			t.Fatalf("updated %+v", up)
		}
	})
	t.Run("update refusals", func(t *testing.T) {
		_, err := st.UpdateHouse(ctx, oak.ID, domain.HouseFields{Name: ptr("MAPLE GROVE")})
		wantCode(t, err, domain.CodeDuplicate, "name")
		_, err = st.UpdateHouse(ctx, 999999, domain.HouseFields{Name: ptr("Nowhere")})
		wantCode(t, err, domain.CodeNotFound, "houseId")
		_, err = st.UpdateHouse(ctx, oak.ID, domain.HouseFields{ManagerUserID: &family.ID})
		wantCode(t, err, domain.CodeInvalidInput, "managerUserId")
		_, err = st.UpdateHouse(ctx, oak.ID, domain.HouseFields{Capacity: ptr(201)})
		wantCode(t, err, domain.CodeInvalidInput, "capacity")
		got, _ := st.HousesByID(ctx, []int64{oak.ID})
		if o := got[oak.ID]; o.Name != "Oak House" || o.Capacity != 4 || o.ManagerUserID != nil {
			t.Fatalf("a refused update changed the house: %+v", o)
		}
	})
}

func TestMoveIntoAndOutOfHouse(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	maple := housesNew(t, st, "Maple House", 3)
	oak := housesNew(t, st, "Oak House", 2)
	m := newMember(t, st, by, "Avery", "Stone")
	other := newMember(t, st, by, "Blake", "Stone")

	in := housesMoveIn(t, st, by, m.ID, maple.ID, ptr(" 1A "), days(-30))
	if in.ID == 0 || in.Bed == nil || *in.Bed != "1A" || !in.MoveInAt.Equal(days(-30)) || !in.Current() ||
		in.RecordedByUserID == nil || *in.RecordedByUserID != by || in.RecordedAt.IsZero() {
		t.Fatalf("residency %+v", in)
	}

	refusals := []struct {
		name  string
		in    store.MoveInInput
		code  domain.Code
		field string
	}{
		{"already in a house", store.MoveInInput{MemberID: m.ID, HouseID: oak.ID, MoveInAt: days(-1)}, domain.CodeAlreadyInHouse, "memberId"},
		{"same house again", store.MoveInInput{MemberID: m.ID, HouseID: maple.ID, MoveInAt: days(-1)}, domain.CodeAlreadyInHouse, "memberId"},
		{"bed taken", store.MoveInInput{MemberID: other.ID, HouseID: maple.ID, Bed: ptr("1a"), MoveInAt: days(-1)}, domain.CodeBedTaken, "bed"},
		{"in the future", store.MoveInInput{MemberID: other.ID, HouseID: maple.ID, MoveInAt: days(1)}, domain.CodeInFuture, "moveInAt"},
		{"unknown member", store.MoveInInput{MemberID: 999999, HouseID: maple.ID, MoveInAt: days(-1)}, domain.CodeNotFound, "memberId"},
		{"unknown house", store.MoveInInput{MemberID: other.ID, HouseID: 999999, MoveInAt: days(-1)}, domain.CodeNotFound, "houseId"},
		{"long bed", store.MoveInInput{MemberID: other.ID, HouseID: maple.ID, Bed: ptr(strings.Repeat("b", 41)), MoveInAt: days(-1)}, domain.CodeInvalidInput, "bed"},
	}
	updatesBefore := housesCountUpdates(t, st)
	for _, r := range refusals {
		t.Run("move in: "+r.name, func(t *testing.T) {
			_, err := st.MoveIntoHouse(ctx, by, r.in)
			wantCode(t, err, r.code, r.field)
		})
	}
	t.Run("move out: refusals", func(t *testing.T) {
		_, err := st.MoveOutOfHouse(ctx, by, store.MoveOutInput{MemberID: other.ID, MoveOutAt: days(-1), Reason: domain.MoveOutCompleted})
		wantCode(t, err, domain.CodeNotInHouse, "memberId")
		_, err = st.MoveOutOfHouse(ctx, by, store.MoveOutInput{MemberID: m.ID, MoveOutAt: days(-30), Reason: domain.MoveOutCompleted})
		wantCode(t, err, domain.CodeInvalidInput, "moveOutAt")
		_, err = st.MoveOutOfHouse(ctx, by, store.MoveOutInput{MemberID: m.ID, MoveOutAt: days(-31), Reason: domain.MoveOutCompleted})
		wantCode(t, err, domain.CodeInvalidInput, "moveOutAt")
		_, err = st.MoveOutOfHouse(ctx, by, store.MoveOutInput{MemberID: m.ID, MoveOutAt: days(1), Reason: domain.MoveOutCompleted})
		wantCode(t, err, domain.CodeInFuture, "moveOutAt")
		_, err = st.MoveOutOfHouse(ctx, by, store.MoveOutInput{MemberID: m.ID, MoveOutAt: days(-1), Reason: domain.MoveOutOther})
		wantCode(t, err, domain.CodeInvalidInput, "note")
		_, err = st.MoveOutOfHouse(ctx, by, store.MoveOutInput{MemberID: 999999, MoveOutAt: days(-1), Reason: domain.MoveOutCompleted})
		wantCode(t, err, domain.CodeNotFound, "memberId")
	})
	// A refused move writes nothing, its update included.
	if after := housesCountUpdates(t, st); after != updatesBefore {
		t.Fatalf("refused moves wrote %d updates", after-updatesBefore)
	}
	if got := housesResidents(t, st, maple.ID); len(got) != 1 || got[0].ID != in.ID {
		t.Fatalf("maple residents = %+v", got)
	}

	out, err := st.MoveOutOfHouse(ctx, by, store.MoveOutInput{MemberID: m.ID, MoveOutAt: days(-10),
		Reason: domain.MoveOutTransferred, Note: ptr("  to Oak House ")})
	if err != nil {
		t.Fatal(err)
	}
	if out.ID != in.ID || out.Current() || !out.MoveOutAt.Equal(days(-10)) || *out.MoveOutReason != domain.MoveOutTransferred ||
		out.MoveOutNote == nil || *out.MoveOutNote != "to Oak House" || out.MovedOutByUserID == nil || *out.MovedOutByUserID != by {
		t.Fatalf("moved out %+v", out)
	}

	t.Run("move in before the last move-out", func(t *testing.T) {
		_, err := st.MoveIntoHouse(ctx, by, store.MoveInInput{MemberID: m.ID, HouseID: oak.ID, MoveInAt: days(-11)})
		wantCode(t, err, domain.CodeAlreadyInHouse, "moveInAt")
	})
	t.Run("backdated move-in into a bed someone had then", func(t *testing.T) {
		// Avery had bed 1A until day -10: a move-in at day -12 would overlap.
		_, err := st.MoveIntoHouse(ctx, by, store.MoveInInput{MemberID: other.ID, HouseID: maple.ID, Bed: ptr("1A"), MoveInAt: days(-12)})
		wantCode(t, err, domain.CodeBedTaken, "bed")
	})
	// The bed is free again from the move-out on, and the member may move on
	// at the instant they left.
	housesMoveIn(t, st, by, other.ID, maple.ID, ptr("1A"), days(-10))
	again := housesMoveIn(t, st, by, m.ID, oak.ID, nil, days(-10))
	housesMoveOut(t, st, by, m.ID, days(-2))
	third := housesMoveIn(t, st, by, m.ID, maple.ID, nil, days(-1))

	all, err := st.ResidenciesByMemberID(ctx, []int64{m.ID})
	if err != nil {
		t.Fatal(err)
	}
	if h := all[m.ID]; len(h) != 3 || h[0].ID != in.ID || h[1].ID != again.ID || h[2].ID != third.ID || !h[2].Current() {
		t.Fatalf("history = %+v", h)
	}

	// Each move wrote one shareable HOUSING_CHANGE update at the move's time.
	want := []struct {
		body string
		at   time.Time
	}{
		{"Moved into Maple House", days(-30)},
		{"Moved out of Maple House", days(-10)},
		{"Moved into Oak House", days(-10)},
		{"Moved out of Oak House", days(-2)},
		{"Moved into Maple House", days(-1)},
	}
	ups := housesUpdates(t, st, m.ID)
	if len(ups) != len(want) {
		t.Fatalf("%d updates, want %d", len(ups), len(want))
	}
	for i, u := range ups {
		if u.Kind != domain.UpdateHousingChange || !u.Shareable || u.AuthorUserID == nil || *u.AuthorUserID != by ||
			u.Body != want[i].body || !u.OccurredAt.Equal(want[i].at) || u.MilestoneKey != nil {
			t.Errorf("update %d = %+v, want %q at %s", i, u, want[i].body, want[i].at)
		}
	}
}

func TestHouseCapacityAgainstOccupancy(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	h := housesNew(t, st, "", 3)
	ms := housesMembers(t, st, by, 4, "Capacity")
	for _, m := range ms[:3] {
		housesMoveIn(t, st, by, m.ID, h.ID, nil, days(-5))
	}
	_, err := st.MoveIntoHouse(ctx, by, store.MoveInInput{MemberID: ms[3].ID, HouseID: h.ID, MoveInAt: days(-1)})
	wantCode(t, err, domain.CodeHouseFull, "houseId")

	_, err = st.UpdateHouse(ctx, h.ID, domain.HouseFields{Capacity: ptr(2)})
	wantCode(t, err, domain.CodeCapacityBelowOccupancy, "capacity")
	if _, err := st.UpdateHouse(ctx, h.ID, domain.HouseFields{Capacity: ptr(3), Name: ptr("Renamed")}); err != nil {
		t.Fatalf("capacity equal to occupancy: %v", err)
	}
	housesMoveOut(t, st, by, ms[0].ID, days(-1))
	if _, err := st.UpdateHouse(ctx, h.ID, domain.HouseFields{Capacity: ptr(2)}); err != nil {
		t.Fatalf("capacity down to occupancy after a move-out: %v", err)
	}
	_, err = st.MoveIntoHouse(ctx, by, store.MoveInInput{MemberID: ms[3].ID, HouseID: h.ID, MoveInAt: days(-1)})
	wantCode(t, err, domain.CodeHouseFull, "houseId")
	if _, err := st.UpdateHouse(ctx, h.ID, domain.HouseFields{Capacity: ptr(5)}); err != nil {
		t.Fatal(err)
	}
	housesMoveIn(t, st, by, ms[3].ID, h.ID, nil, days(-1))
	if got := housesResidents(t, st, h.ID); len(got) != 3 {
		t.Fatalf("%d residents, want 3", len(got))
	}
}

// The house rules are database constraints too: raw SQL that goes around
// the store is refused, and the store translates each violation.
func TestHouseDatabaseGuarantees(t *testing.T) {
	st := newStore(t)
	db := st.DB()
	by := newUser(t, st).ID
	h := housesNew(t, st, "", 2)
	ms := housesMembers(t, st, by, 3, "Raw")
	housesMoveIn(t, st, by, ms[0].ID, h.ID, ptr("A"), days(-5))
	housesMoveIn(t, st, by, ms[1].ID, h.ID, nil, days(-5))

	const insert = `INSERT INTO residencies (member_id, house_id, bed, move_in_at, move_out_at, move_out_reason) VALUES (?, ?, ?, ?, ?, ?)`
	tests := []struct {
		name       string
		query      string
		args       []any
		constraint string
		code       domain.Code
	}{
		{"over capacity", insert, []any{ms[2].ID, h.ID, nil, days(-1), nil, nil}, "residencies_house_capacity", domain.CodeHouseFull},
		{"second current residency", insert, []any{ms[0].ID, housesNew(t, st, "", 5).ID, nil, days(-1), nil, nil}, "", domain.CodeAlreadyInHouse},
		{"overlapping past residency", insert, []any{ms[0].ID, h.ID, nil, days(-9), days(-4), "COMPLETED"}, "residencies_no_overlap", domain.CodeAlreadyInHouse},
		{"bed overlap in the past", insert, []any{ms[2].ID, h.ID, "a", days(-9), days(-4), "COMPLETED"}, "residencies_bed_no_overlap", domain.CodeBedTaken},
		{"capacity below occupancy", `UPDATE houses SET capacity = 1 WHERE id = ?`, []any{h.ID}, "houses_capacity_below_occupancy", domain.CodeCapacityBelowOccupancy},
		{"move-out before move-in", `UPDATE residencies SET move_out_at = move_in_at, move_out_reason = 'COMPLETED' WHERE member_id = ?`, []any{ms[0].ID}, "residencies_moves_out_after_in", ""},
		{"move-out without reason", `UPDATE residencies SET move_out_at = now() WHERE member_id = ?`, []any{ms[0].ID}, "residencies_move_out_complete", ""},
		{"capacity over 200", `UPDATE houses SET capacity = 201 WHERE id = ?`, []any{h.ID}, "houses_capacity_check", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.ExecContext(ctx, tt.query, tt.args...)
			pgErr := pgError(t, err)
			if tt.constraint != "" && pgErr.Field('n') != tt.constraint {
				t.Fatalf("constraint = %q (%v), want %q", pgErr.Field('n'), err, tt.constraint)
			}
			if tt.code != "" {
				// The same statement inside a store transaction comes back
				// as the domain error a caller can act on.
				wantCode(t, st.HousesExecInTx(ctx, tt.query, tt.args...), tt.code, "")
			}
		})
	}
	if got := housesResidents(t, st, h.ID); len(got) != 2 {
		t.Fatalf("%d residents, want 2", len(got))
	}
}

func TestListHouses(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	names := []string{"birch House", "Aspen House", "cedar House", "Elm House", "Dogwood House"}
	houses := map[string]*domain.House{}
	for i, name := range names {
		g := domain.GenderMen
		if i%2 == 1 {
			g = domain.GenderWomen
		}
		h, err := st.CreateHouse(ctx, domain.HouseFields{Name: ptr(name), Capacity: ptr(2),
			GenderDesignation: &g, NarrLevel: ptr(domain.NarrII)})
		if err != nil {
			t.Fatal(err)
		}
		houses[name] = h
	}
	// Fill Aspen and Dogwood; one resident in birch.
	ms := housesMembers(t, st, by, 5, "List")
	housesMoveIn(t, st, by, ms[0].ID, houses["Aspen House"].ID, nil, days(-3))
	housesMoveIn(t, st, by, ms[1].ID, houses["Aspen House"].ID, nil, days(-3))
	housesMoveIn(t, st, by, ms[2].ID, houses["Dogwood House"].ID, nil, days(-3))
	housesMoveIn(t, st, by, ms[3].ID, houses["Dogwood House"].ID, nil, days(-3))
	housesMoveIn(t, st, by, ms[4].ID, houses["birch House"].ID, nil, days(-3))
	// A past resident does not take a bed.
	housesMoveOut(t, st, by, ms[4].ID, days(-1))
	housesMoveIn(t, st, by, ms[4].ID, houses["Elm House"].ID, nil, days(-1))

	namesOf := func(p store.Page[*domain.House]) string {
		var out []string
		for _, h := range p.Items {
			out = append(out, h.Name)
		}
		return strings.Join(out, ", ")
	}
	open, full := true, false
	women := domain.GenderWomen
	tests := []struct {
		name   string
		filter store.HouseFilter
		want   string
	}{
		{"all, by name whatever the case", store.HouseFilter{}, "Aspen House, birch House, cedar House, Dogwood House, Elm House"},
		{"open beds", store.HouseFilter{HasOpenBeds: &open}, "birch House, cedar House, Elm House"},
		{"full", store.HouseFilter{HasOpenBeds: &full}, "Aspen House, Dogwood House"},
		{"women", store.HouseFilter{GenderDesignation: &women}, "Aspen House, Elm House"},
		{"women with open beds", store.HouseFilter{GenderDesignation: &women, HasOpenBeds: &open}, "Elm House"},
		{"full women's houses", store.HouseFilter{GenderDesignation: &women, HasOpenBeds: &full}, "Aspen House"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := st.ListHouses(ctx, tt.filter, store.PageRequest{Limit: 20})
			if err != nil {
				t.Fatal(err)
			}
			if got := namesOf(p); got != tt.want {
				t.Errorf("houses = %q, want %q", got, tt.want)
			}
			n, err := st.CountHouses(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(p.Items) {
				t.Errorf("count = %d, listed %d", n, len(p.Items))
			}
		})
	}

	t.Run("pages", func(t *testing.T) {
		var got []string
		var after *store.Cursor
		for pages := 0; ; pages++ {
			if pages > 5 {
				t.Fatal("too many pages")
			}
			p, err := st.ListHouses(ctx, store.HouseFilter{}, store.PageRequest{Limit: 2, After: after})
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, namesOf(p))
			if !p.HasNextPage {
				break
			}
			after = &p.Cursors[len(p.Cursors)-1]
		}
		if s := strings.Join(got, " | "); s != "Aspen House, birch House | cedar House, Dogwood House | Elm House" {
			t.Errorf("pages = %s", s)
		}
	})
}

func TestResidencyPagesAndCounts(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	a := housesNew(t, st, "", 10)
	b := housesNew(t, st, "", 10)
	empty := housesNew(t, st, "", 10)
	ms := housesMembers(t, st, by, 5, "Pages")
	// House a: five residencies, moving in on days -50, -40, -30, -20, -10;
	// each of the first four residents then moves on to house b.
	var inA []*domain.Residency
	for i, m := range ms {
		inA = append(inA, housesMoveIn(t, st, by, m.ID, a.ID, nil, days(-50+10*i)))
	}
	for i, m := range ms[:4] {
		housesMoveOut(t, st, by, m.ID, days(-45+10*i))
		housesMoveIn(t, st, by, m.ID, b.ID, nil, days(-44+10*i))
	}

	ids := []int64{a.ID, b.ID, empty.ID}
	first, err := st.ResidencyPagesByHouseID(ctx, ids, store.PageRequest{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	pa := first[a.ID]
	if len(pa.Items) != 2 || pa.Items[0].ID != inA[4].ID || pa.Items[1].ID != inA[3].ID || !pa.HasNextPage || pa.HasPreviousPage {
		t.Fatalf("house a, first page: %+v", pa)
	}
	if pb := first[b.ID]; len(pb.Items) != 2 || pb.Items[0].HouseID != b.ID || !pb.HasNextPage {
		t.Fatalf("house b, first page: %+v", pb)
	}
	if pe := first[empty.ID]; len(pe.Items) != 0 || pe.HasNextPage {
		t.Fatalf("empty house: %+v", pe)
	}
	second, err := st.ResidencyPagesByHouseID(ctx, []int64{a.ID}, store.PageRequest{Limit: 2, After: &pa.Cursors[1]})
	if err != nil {
		t.Fatal(err)
	}
	if p := second[a.ID]; len(p.Items) != 2 || p.Items[0].ID != inA[2].ID || p.Items[1].ID != inA[1].ID || !p.HasNextPage || !p.HasPreviousPage {
		t.Fatalf("house a, second page: %+v", p)
	}

	counts, err := st.ResidencyCountsByHouseID(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if counts[a.ID] != 5 || counts[b.ID] != 4 || counts[empty.ID] != 0 {
		t.Fatalf("counts = %v", counts)
	}
	current, err := st.CurrentResidentsByHouseID(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(current[a.ID]) != 1 || current[a.ID][0].ID != inA[4].ID || len(current[b.ID]) != 4 || len(current[empty.ID]) != 0 {
		t.Fatalf("current residents: a %d, b %d", len(current[a.ID]), len(current[b.ID]))
	}
	// Residents are listed by move-in.
	for i := 1; i < len(current[b.ID]); i++ {
		if current[b.ID][i].MoveInAt.Before(current[b.ID][i-1].MoveInAt) {
			t.Fatalf("residents of b out of order")
		}
	}
}

func TestHouseMeetingGroups(t *testing.T) {
	st := newStore(t)
	h := housesNew(t, st, "", 4)
	other := housesNew(t, st, "", 4)
	insert := `INSERT INTO groups (name, kind, modality, time_zone, house_id) VALUES (?, ?, 'IN_PERSON', 'UTC', ?)`
	for _, g := range []struct {
		name, kind string
		house      any
	}{
		{"Sunday house meeting", "HOUSE_MEETING", h.ID},
		{"Wednesday check-in", "HOUSE_MEETING", h.ID},
		{"Other house meeting", "HOUSE_MEETING", other.ID},
		{"Peer group elsewhere", "PEER_SUPPORT", nil},
	} {
		if _, err := st.DB().ExecContext(ctx, insert, g.name, g.kind, g.house); err != nil {
			t.Fatal(err)
		}
	}
	groups, err := st.HouseMeetingGroupPages(ctx, []int64{h.ID, other.ID}, store.PageRequest{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if p := groups[h.ID]; len(p.Items) != 1 || p.Items[0].Name != "Sunday house meeting" || !p.HasNextPage {
		t.Fatalf("first page of house meetings = %+v", p)
	}
	next, err := st.HouseMeetingGroupPages(ctx, []int64{h.ID}, store.PageRequest{Limit: 1, After: &groups[h.ID].Cursors[0]})
	if err != nil {
		t.Fatal(err)
	}
	if p := next[h.ID]; len(p.Items) != 1 || p.Items[0].Name != "Wednesday check-in" || p.HasNextPage {
		t.Errorf("second page of house meetings = %+v", p)
	}
	if len(groups[other.ID].Items) != 1 {
		t.Errorf("other house has %d meetings", len(groups[other.ID].Items))
	}
	counts, err := st.CountHouseMeetingGroups(ctx, []int64{h.ID, other.ID})
	if err != nil {
		t.Fatal(err)
	}
	if counts[h.ID] != 2 || counts[other.ID] != 1 {
		t.Errorf("house meeting counts = %v", counts)
	}
}
