package store_test

import (
	"fmt"
	"testing"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// housesCheckInvariants asks the database whether any house holds more
// current residents than beds, any member lives in two houses, or any bed
// holds two current residents.
func housesCheckInvariants(t *testing.T, st *store.Store) {
	t.Helper()
	var overfull, doubleHoused, doubleBeds int
	queries := []struct {
		into  *int
		query string
	}{
		{&overfull, `SELECT count(*) FROM houses h WHERE h.capacity <
			(SELECT count(*) FROM residencies r WHERE r.house_id = h.id AND r.move_out_at IS NULL)`},
		{&doubleHoused, `SELECT count(*) FROM (SELECT member_id FROM residencies WHERE move_out_at IS NULL
			GROUP BY member_id HAVING count(*) > 1) x`},
		{&doubleBeds, `SELECT count(*) FROM (SELECT house_id, lower(bed) FROM residencies
			WHERE move_out_at IS NULL AND bed IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) x`},
	}
	for _, q := range queries {
		if err := st.DB().NewRaw(q.query).Scan(ctx, q.into); err != nil {
			t.Fatal(err)
		}
	}
	if overfull != 0 || doubleHoused != 0 || doubleBeds != 0 {
		t.Fatalf("%d overfull houses, %d members in two houses, %d beds with two residents", overfull, doubleHoused, doubleBeds)
	}
}

// housesUpdateCount counts the HOUSING_CHANGE updates of a set of members.
func housesUpdateCount(t *testing.T, st *store.Store, members []*domain.Member) int {
	t.Helper()
	ids := make([]int64, len(members))
	for i, m := range members {
		ids[i] = m.ID
	}
	n, err := st.DB().NewSelect().Table("updates").
		Where("kind = 'HOUSING_CHANGE' AND member_id IN (?)", bun.List(ids)).Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// Twenty staff move twenty different members into the last two beds of a
// house at once: the house's row lock makes them take turns, exactly two
// get a bed, and the other eighteen are told HOUSE_FULL. Only the winners'
// moves write an update.
func TestConcurrentMoveInsForLastBeds(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	for round := range 3 {
		h := housesNew(t, st, "", 5)
		for _, m := range housesMembers(t, st, by, 3, fmt.Sprintf("Settled%d", round)) {
			housesMoveIn(t, st, by, m.ID, h.ID, nil, days(-30))
		}
		contenders := housesMembers(t, st, by, racers, fmt.Sprintf("LastBeds%d", round))
		errs := race(func(i int) error {
			_, err := st.MoveIntoHouse(ctx, by, store.MoveInInput{MemberID: contenders[i].ID, HouseID: h.ID, MoveInAt: days(-1)})
			return err
		})
		wins, codes := tally(t, errs)
		t.Logf("round %d: %d won, codes: %s", round, wins, formatCodes(codes))
		if wins != 2 || codes[domain.CodeHouseFull] != len(contenders)-2 || len(codes) != 1 {
			t.Fatalf("round %d: %d won, codes %s; want 2 wins and %d HOUSE_FULL", round, wins, formatCodes(codes), len(contenders)-2)
		}
		if got := housesResidents(t, st, h.ID); len(got) != 5 {
			t.Fatalf("round %d: %d residents, want 5", round, len(got))
		}
		if n := housesUpdateCount(t, st, contenders); n != 2 {
			t.Fatalf("round %d: %d housing updates for the racers, want 2", round, n)
		}
	}
	housesCheckInvariants(t, st)
}

// Twenty members are moved into the same bed of a roomy house at once: one
// gets it, the others are told BED_TAKEN (whatever the case of the name).
func TestConcurrentMoveInsForOneBed(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	for round := range 3 {
		h := housesNew(t, st, "", 50)
		contenders := housesMembers(t, st, by, racers, fmt.Sprintf("OneBed%d", round))
		beds := []string{"Bed 3", "bed 3", " BED 3 "}
		errs := race(func(i int) error {
			_, err := st.MoveIntoHouse(ctx, by, store.MoveInInput{MemberID: contenders[i].ID, HouseID: h.ID,
				Bed: &beds[i%len(beds)], MoveInAt: days(-1)})
			return err
		})
		wins, codes := tally(t, errs)
		t.Logf("round %d: %d won, codes: %s", round, wins, formatCodes(codes))
		if wins != 1 || codes[domain.CodeBedTaken] != len(contenders)-1 {
			t.Fatalf("round %d: %d won, codes %s; want 1 win and %d BED_TAKEN", round, wins, formatCodes(codes), len(contenders)-1)
		}
		if n := housesUpdateCount(t, st, contenders); n != 1 {
			t.Fatalf("round %d: %d housing updates, want 1", round, n)
		}
	}
	housesCheckInvariants(t, st)
}

// One member is moved into twenty different houses at once: the member's
// row lock makes them take turns; one move wins, the rest are told
// ALREADY_IN_HOUSE.
func TestConcurrentMoveInsOfOneMember(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	houses := make([]*domain.House, racers)
	for i := range houses {
		houses[i] = housesNew(t, st, "", 3)
	}
	m := newMember(t, st, by, "Many", "Houses")
	errs := race(func(i int) error {
		_, err := st.MoveIntoHouse(ctx, by, store.MoveInInput{MemberID: m.ID, HouseID: houses[i].ID, MoveInAt: days(-1)})
		return err
	})
	wins, codes := tally(t, errs)
	t.Logf("%d won, codes: %s", wins, formatCodes(codes))
	if wins != 1 || codes[domain.CodeAlreadyInHouse] != racers-1 {
		t.Fatalf("%d won, codes %s; want 1 win and %d ALREADY_IN_HOUSE", wins, formatCodes(codes), racers-1)
	}
	if n := housesUpdateCount(t, st, []*domain.Member{m}); n != 1 {
		t.Fatalf("%d housing updates, want 1", n)
	}
	housesCheckInvariants(t, st)
}

// A house with one open bed: ten staff lower its capacity to the current
// occupancy while ten others move members in. Whoever takes the house's row
// lock first decides: either one move-in wins and every decrease is told
// CAPACITY_BELOW_OCCUPANCY, or the decreases win and every move-in is told
// HOUSE_FULL. Never both, and never an overfull house.
func TestConcurrentCapacityDecreaseAndMoveIns(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	outcomes := map[string]int{}
	for round := range 6 {
		h := housesNew(t, st, "", 3)
		for _, m := range housesMembers(t, st, by, 2, fmt.Sprintf("Stay%d", round)) {
			housesMoveIn(t, st, by, m.ID, h.ID, nil, days(-30))
		}
		movers := housesMembers(t, st, by, racers/2, fmt.Sprintf("Mover%d", round))
		moveErrs := make([]error, 0, racers/2)
		lowerErrs := make([]error, 0, racers/2)
		errs := race(func(i int) error {
			if i%2 == 0 {
				_, err := st.UpdateHouse(ctx, h.ID, domain.HouseFields{Capacity: ptr(2)})
				return err
			}
			_, err := st.MoveIntoHouse(ctx, by, store.MoveInInput{MemberID: movers[i/2].ID, HouseID: h.ID, MoveInAt: days(-1)})
			return err
		})
		for i, err := range errs {
			if i%2 == 0 {
				lowerErrs = append(lowerErrs, err)
			} else {
				moveErrs = append(moveErrs, err)
			}
		}
		moved, moveCodes := tally(t, moveErrs)
		lowered, lowerCodes := tally(t, lowerErrs)
		t.Logf("round %d: %d moved in (%s), %d lowered (%s)", round, moved, formatCodes(moveCodes), lowered, formatCodes(lowerCodes))
		houses, err := st.HousesByID(ctx, []int64{h.ID})
		if err != nil {
			t.Fatal(err)
		}
		occupied := len(housesResidents(t, st, h.ID))
		switch {
		case moved == 1 && lowered == 0:
			if moveCodes[domain.CodeHouseFull] != racers/2-1 || lowerCodes[domain.CodeCapacityBelowOccupancy] != racers/2 {
				t.Fatalf("round %d: move-in won but codes are %s / %s", round, formatCodes(moveCodes), formatCodes(lowerCodes))
			}
			if houses[h.ID].Capacity != 3 || occupied != 3 {
				t.Fatalf("round %d: capacity %d, occupied %d; want 3 and 3", round, houses[h.ID].Capacity, occupied)
			}
			outcomes["move-in first"]++
		case moved == 0 && lowered == racers/2:
			if moveCodes[domain.CodeHouseFull] != racers/2 {
				t.Fatalf("round %d: decrease won but move-ins got %s", round, formatCodes(moveCodes))
			}
			if houses[h.ID].Capacity != 2 || occupied != 2 {
				t.Fatalf("round %d: capacity %d, occupied %d; want 2 and 2", round, houses[h.ID].Capacity, occupied)
			}
			outcomes["decrease first"]++
		default:
			t.Fatalf("round %d: %d moved in and %d lowered the capacity", round, moved, lowered)
		}
	}
	t.Logf("outcomes: %v", outcomes)
	housesCheckInvariants(t, st)
}

// Moving one member out twenty times at once: one move-out, the rest are
// told NOT_IN_HOUSE, and one update is written.
func TestConcurrentMoveOuts(t *testing.T) {
	st := newStore(t)
	by := newUser(t, st).ID
	h := housesNew(t, st, "", 3)
	m := newMember(t, st, by, "Leaving", "Soon")
	housesMoveIn(t, st, by, m.ID, h.ID, nil, days(-30))
	errs := race(func(i int) error {
		_, err := st.MoveOutOfHouse(ctx, by, store.MoveOutInput{MemberID: m.ID, MoveOutAt: days(-1 - i%3), Reason: domain.MoveOutCompleted})
		return err
	})
	wins, codes := tally(t, errs)
	if wins != 1 || codes[domain.CodeNotInHouse] != racers-1 {
		t.Fatalf("%d won, codes %s; want 1 win and %d NOT_IN_HOUSE", wins, formatCodes(codes), racers-1)
	}
	if n := housesUpdateCount(t, st, []*domain.Member{m}); n != 2 {
		t.Fatalf("%d housing updates, want 2 (in and out)", n)
	}
	if got := housesResidents(t, st, h.ID); len(got) != 0 {
		t.Fatalf("%d residents left", len(got))
	}
}
