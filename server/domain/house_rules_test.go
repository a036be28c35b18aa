package domain_test

import (
	"strings"
	"testing"
	"time"

	"carejourney/server/domain"
)

func housesValid() domain.House {
	return domain.House{Name: "Maple House", Address: "12 Maple St", Capacity: 8,
		GenderDesignation: domain.GenderWomen, NarrLevel: domain.NarrII}
}

func TestHouseFieldsApplyNew(t *testing.T) {
	full := func() domain.HouseFields {
		return domain.HouseFields{Name: ptr("  Maple House "), Address: ptr(" 12 Maple St "), Capacity: ptr(8),
			GenderDesignation: ptr(domain.GenderWomen), NarrLevel: ptr(domain.NarrII), Phone: ptr(" 555-0100 ")}
	}
	tests := []struct {
		name  string
		edit  func(f *domain.HouseFields)
		code  domain.Code
		field string
	}{
		{"complete", func(*domain.HouseFields) {}, "", ""},
		{"no name", func(f *domain.HouseFields) { f.Name = nil }, domain.CodeInvalidInput, "name"},
		{"blank name", func(f *domain.HouseFields) { f.Name = ptr("   ") }, domain.CodeInvalidInput, "name"},
		{"long name", func(f *domain.HouseFields) { f.Name = ptr(strings.Repeat("a", 101)) }, domain.CodeInvalidInput, "name"},
		{"name of 100 runes", func(f *domain.HouseFields) { f.Name = ptr(strings.Repeat("é", 100)) }, "", ""},
		{"no capacity", func(f *domain.HouseFields) { f.Capacity = nil }, domain.CodeInvalidInput, "capacity"},
		{"capacity 0", func(f *domain.HouseFields) { f.Capacity = ptr(0) }, domain.CodeInvalidInput, "capacity"},
		{"capacity 1", func(f *domain.HouseFields) { f.Capacity = ptr(1) }, "", ""},
		{"capacity 200", func(f *domain.HouseFields) { f.Capacity = ptr(200) }, "", ""},
		{"capacity 201", func(f *domain.HouseFields) { f.Capacity = ptr(201) }, domain.CodeInvalidInput, "capacity"},
		{"negative capacity", func(f *domain.HouseFields) { f.Capacity = ptr(-3) }, domain.CodeInvalidInput, "capacity"},
		{"no gender designation", func(f *domain.HouseFields) { f.GenderDesignation = nil }, domain.CodeInvalidInput, "genderDesignation"},
		{"unknown gender designation", func(f *domain.HouseFields) { f.GenderDesignation = ptr(domain.GenderDesignation("X")) }, domain.CodeInvalidInput, "genderDesignation"},
		{"no NARR level", func(f *domain.HouseFields) { f.NarrLevel = nil }, domain.CodeInvalidInput, "narrLevel"},
		{"unknown NARR level", func(f *domain.HouseFields) { f.NarrLevel = ptr(domain.NarrLevel("V")) }, domain.CodeInvalidInput, "narrLevel"},
		{"long address", func(f *domain.HouseFields) { f.Address = ptr(strings.Repeat("a", 301)) }, domain.CodeInvalidInput, "address"},
		{"long phone", func(f *domain.HouseFields) { f.Phone = ptr(strings.Repeat("5", 41)) }, domain.CodeInvalidInput, "phone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := full()
			tt.edit(&f)
			var h domain.House
			wantErr(t, f.Apply(&h), tt.code, tt.field)
		})
	}

	var h domain.House
	f := full()
	f.ManagerUserID = ptr(int64(7))
	if err := f.Apply(&h); err != nil {
		t.Fatal(err)
	}
	if h.Name != "Maple House" || h.Address != "12 Maple St" || h.Phone == nil || *h.Phone != "555-0100" {
		t.Errorf("strings not trimmed: %+v", h)
	}
	if h.ManagerUserID == nil || *h.ManagerUserID != 7 {
		t.Errorf("manager = %v", h.ManagerUserID)
	}
}

func TestHouseFieldsApplyUpdate(t *testing.T) {
	t.Run("omitted fields stay", func(t *testing.T) {
		h := housesValid()
		h.Phone = ptr("555-0100")
		if err := (domain.HouseFields{}).Apply(&h); err != nil {
			t.Fatal(err)
		}
		want := housesValid()
		if h.Name != want.Name || h.Address != want.Address || h.Capacity != want.Capacity ||
			h.GenderDesignation != want.GenderDesignation || h.NarrLevel != want.NarrLevel ||
			h.Phone == nil || *h.Phone != "555-0100" || h.ManagerUserID != nil {
			t.Errorf("house changed: %+v", h)
		}
	})
	t.Run("empty phone clears it", func(t *testing.T) {
		h := housesValid()
		h.Phone = ptr("555-0100")
		if err := (domain.HouseFields{Phone: ptr("  ")}).Apply(&h); err != nil {
			t.Fatal(err)
		}
		if h.Phone != nil {
			t.Errorf("phone = %q, want cleared", *h.Phone)
		}
	})
	t.Run("empty address is allowed", func(t *testing.T) {
		h := housesValid()
		if err := (domain.HouseFields{Address: ptr(" ")}).Apply(&h); err != nil {
			t.Fatal(err)
		}
		if h.Address != "" {
			t.Errorf("address = %q", h.Address)
		}
	})
	t.Run("blank name is refused", func(t *testing.T) {
		h := housesValid()
		wantErr(t, (domain.HouseFields{Name: ptr(" ")}).Apply(&h), domain.CodeInvalidInput, "name")
	})
	t.Run("capacity out of range is refused", func(t *testing.T) {
		h := housesValid()
		wantErr(t, (domain.HouseFields{Capacity: ptr(0)}).Apply(&h), domain.CodeInvalidInput, "capacity")
	})
}

func TestCheckHouseManager(t *testing.T) {
	tests := []struct {
		name  string
		user  *domain.User
		code  domain.Code
		field string
	}{
		{"unknown", nil, domain.CodeNotFound, "managerUserId"},
		{"house manager", &domain.User{Role: domain.RoleHouseManager, Active: true}, "", ""},
		{"peer supporter", &domain.User{Role: domain.RolePeerSupporter, Active: true}, "", ""},
		{"admin", &domain.User{Role: domain.RoleAdmin, Active: true}, "", ""},
		{"family", &domain.User{Role: domain.RoleFamily, Active: true}, domain.CodeInvalidInput, "managerUserId"},
		{"deactivated", &domain.User{Role: domain.RoleHouseManager}, domain.CodeInvalidInput, "managerUserId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, domain.CheckHouseManager(tt.user), tt.code, tt.field)
		})
	}
}

func TestCheckCapacity(t *testing.T) {
	wantErr(t, domain.CheckCapacity(5, 5), "", "")
	wantErr(t, domain.CheckCapacity(6, 5), "", "")
	wantErr(t, domain.CheckCapacity(4, 5), domain.CodeCapacityBelowOccupancy, "capacity")
	wantErr(t, domain.CheckCapacity(1, 0), "", "")
}

func TestCleanBed(t *testing.T) {
	if bed, err := domain.CleanBed(nil); bed != nil || err != nil {
		t.Errorf("nil bed = %v, %v", bed, err)
	}
	if bed, err := domain.CleanBed(ptr("  ")); bed != nil || err != nil {
		t.Errorf("blank bed = %v, %v", bed, err)
	}
	if bed, err := domain.CleanBed(ptr(" 2B ")); err != nil || bed == nil || *bed != "2B" {
		t.Errorf("bed = %v, %v", bed, err)
	}
	_, err := domain.CleanBed(ptr(strings.Repeat("b", 41)))
	wantErr(t, err, domain.CodeInvalidInput, "bed")
}

func TestCleanMoveOutNote(t *testing.T) {
	tests := []struct {
		name   string
		reason domain.MoveOutReason
		note   *string
		want   *string
		code   domain.Code
		field  string
	}{
		{"completed without note", domain.MoveOutCompleted, nil, nil, "", ""},
		{"blank note is none", domain.MoveOutRelapse, ptr("  "), nil, "", ""},
		{"note trimmed", domain.MoveOutTransferred, ptr(" to Oak House "), ptr("to Oak House"), "", ""},
		{"other needs a note", domain.MoveOutOther, nil, nil, domain.CodeInvalidInput, "note"},
		{"other with blank note", domain.MoveOutOther, ptr(" "), nil, domain.CodeInvalidInput, "note"},
		{"other with note", domain.MoveOutOther, ptr("Moved in with family"), ptr("Moved in with family"), "", ""},
		{"unknown reason", domain.MoveOutReason("BORED"), nil, nil, domain.CodeInvalidInput, "reason"},
		{"long note", domain.MoveOutCompleted, ptr(strings.Repeat("n", 2001)), nil, domain.CodeInvalidInput, "note"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := domain.CleanMoveOutNote(tt.reason, tt.note)
			wantErr(t, err, tt.code, tt.field)
			if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
				t.Errorf("note = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCheckMoveIn(t *testing.T) {
	house := &domain.House{ID: 1, Name: "Maple House", Capacity: 3}
	movedOut := now.AddDate(0, 0, -10)
	past := &domain.Residency{ID: 1, HouseID: 2, MoveInAt: now.AddDate(0, -3, 0), MoveOutAt: &movedOut,
		MoveOutReason: ptr(domain.MoveOutTransferred)}
	living := &domain.Residency{ID: 2, HouseID: 2, MoveInAt: now.AddDate(0, -1, 0)}
	tests := []struct {
		name     string
		in       domain.MoveIn
		moveInAt time.Time
		code     domain.Code
		field    string
	}{
		{"first move-in", domain.MoveIn{House: house}, now.Add(-time.Hour), "", ""},
		{"move-in now", domain.MoveIn{House: house, Occupied: 2}, now, "", ""},
		{"within the clock skew", domain.MoveIn{House: house}, now.Add(skew), "", ""},
		{"in the future", domain.MoveIn{House: house}, now.Add(skew + time.Second), domain.CodeInFuture, "moveInAt"},
		{"already in a house", domain.MoveIn{House: house, Last: living}, now, domain.CodeAlreadyInHouse, "memberId"},
		// The member's state is the actionable problem, whatever else is wrong.
		{"already in a house beats full", domain.MoveIn{House: house, Occupied: 3, Last: living}, now.AddDate(0, 0, 1), domain.CodeAlreadyInHouse, "memberId"},
		{"after the last move-out", domain.MoveIn{House: house, Last: past}, movedOut.Add(time.Hour), "", ""},
		// Residencies are half-open: the next may start at the instant the last ended.
		{"at the last move-out", domain.MoveIn{House: house, Last: past}, movedOut, "", ""},
		{"before the last move-out", domain.MoveIn{House: house, Last: past}, movedOut.Add(-time.Second), domain.CodeAlreadyInHouse, "moveInAt"},
		{"full", domain.MoveIn{House: house, Occupied: 3}, now, domain.CodeHouseFull, "houseId"},
		{"over full", domain.MoveIn{House: house, Occupied: 4}, now, domain.CodeHouseFull, "houseId"},
		{"full beats bed taken", domain.MoveIn{House: house, Occupied: 3, BedTaken: true}, now, domain.CodeHouseFull, "houseId"},
		{"bed taken", domain.MoveIn{House: house, Occupied: 1, BedTaken: true}, now, domain.CodeBedTaken, "bed"},
		{"future beats full", domain.MoveIn{House: house, Occupied: 3}, now.AddDate(0, 0, 1), domain.CodeInFuture, "moveInAt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, domain.CheckMoveIn(tt.in, tt.moveInAt, now), tt.code, tt.field)
		})
	}
}

func TestCheckMoveOut(t *testing.T) {
	movedOut := now.AddDate(0, 0, -1)
	living := &domain.Residency{ID: 2, MoveInAt: now.AddDate(0, -1, 0)}
	left := &domain.Residency{ID: 1, MoveInAt: now.AddDate(0, -2, 0), MoveOutAt: &movedOut}
	tests := []struct {
		name      string
		current   *domain.Residency
		moveOutAt time.Time
		code      domain.Code
		field     string
	}{
		{"move out", living, now.Add(-time.Hour), "", ""},
		{"move out now", living, now, "", ""},
		{"within the clock skew", living, now.Add(skew), "", ""},
		{"in the future", living, now.Add(skew + time.Second), domain.CodeInFuture, "moveOutAt"},
		{"not in a house", nil, now, domain.CodeNotInHouse, "memberId"},
		{"moved out already", left, now, domain.CodeNotInHouse, "memberId"},
		{"at the move-in", living, living.MoveInAt, domain.CodeInvalidInput, "moveOutAt"},
		{"before the move-in", living, living.MoveInAt.Add(-time.Hour), domain.CodeInvalidInput, "moveOutAt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, domain.CheckMoveOut(tt.current, tt.moveOutAt, now), tt.code, tt.field)
		})
	}
}

func TestHouseEnumsValid(t *testing.T) {
	for _, g := range []domain.GenderDesignation{domain.GenderMen, domain.GenderWomen, domain.GenderCoEd} {
		if !g.Valid() {
			t.Errorf("%s not valid", g)
		}
	}
	for _, l := range []domain.NarrLevel{domain.NarrI, domain.NarrII, domain.NarrIII, domain.NarrIV} {
		if !l.Valid() {
			t.Errorf("%s not valid", l)
		}
	}
	for _, r := range []domain.MoveOutReason{domain.MoveOutCompleted, domain.MoveOutTransferred, domain.MoveOutDischarged,
		domain.MoveOutRuleViolation, domain.MoveOutRelapse, domain.MoveOutOther} {
		if !r.Valid() {
			t.Errorf("%s not valid", r)
		}
	}
	if domain.GenderDesignation("men").Valid() || domain.NarrLevel("").Valid() || domain.MoveOutReason("other").Valid() {
		t.Error("an unknown value is valid")
	}
}
