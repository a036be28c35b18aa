package domain

import (
	"fmt"
	"time"
)

// The bounds of a house's fields.
const (
	MinHouseCapacity      = 1
	MaxHouseCapacity      = 200
	maxHouseNameLength    = 100
	maxHouseAddressLength = 300
	maxHousePhoneLength   = 40
	maxBedLength          = 40
	maxMoveOutNoteLength  = 2000
)

// Valid reports whether g is a known gender designation.
func (g GenderDesignation) Valid() bool {
	return g == GenderMen || g == GenderWomen || g == GenderCoEd
}

// Valid reports whether l is a known NARR level.
func (l NarrLevel) Valid() bool {
	return l == NarrI || l == NarrII || l == NarrIII || l == NarrIV
}

// Valid reports whether r is a known move-out reason.
func (r MoveOutReason) Valid() bool {
	switch r {
	case MoveOutCompleted, MoveOutTransferred, MoveOutDischarged, MoveOutRuleViolation, MoveOutRelapse, MoveOutOther:
		return true
	}
	return false
}

// HouseFields are the editable fields of a house; nil means "unchanged" on
// update. The manager is checked by the store, which has to look the
// account up (CheckHouseManager).
type HouseFields struct {
	Name              *string
	Address           *string
	Capacity          *int
	GenderDesignation *GenderDesignation
	NarrLevel         *NarrLevel
	// Phone: an empty string clears it.
	Phone         *string
	ManagerUserID *int64
}

// Apply validates fields and writes them into h. A new house must end up
// with a name, a capacity, a gender designation and a NARR level. Lowering
// the capacity below the occupancy is checked separately (CheckCapacity),
// because it needs the current residents.
func (f HouseFields) Apply(h *House) error {
	if f.Name != nil {
		name, err := cleanText("name", *f.Name, maxHouseNameLength, false)
		if err != nil {
			return err
		}
		if name == "" {
			return FieldError(CodeInvalidInput, "name", "Name cannot be blank.")
		}
		h.Name = name
	}
	if h.Name == "" {
		return FieldError(CodeInvalidInput, "name", "Name is required.")
	}
	if f.Address != nil {
		address, err := cleanText("address", *f.Address, maxHouseAddressLength, false)
		if err != nil {
			return err
		}
		h.Address = address
	}
	if f.Capacity != nil {
		if *f.Capacity < MinHouseCapacity || *f.Capacity > MaxHouseCapacity {
			return FieldError(CodeInvalidInput, "capacity",
				fmt.Sprintf("Capacity must be between %d and %d beds.", MinHouseCapacity, MaxHouseCapacity))
		}
		h.Capacity = *f.Capacity
	}
	if h.Capacity == 0 {
		return FieldError(CodeInvalidInput, "capacity", "Capacity is required.")
	}
	if f.GenderDesignation != nil {
		h.GenderDesignation = *f.GenderDesignation
	}
	if !h.GenderDesignation.Valid() {
		return FieldError(CodeInvalidInput, "genderDesignation", "Choose MEN, WOMEN or CO_ED.")
	}
	if f.NarrLevel != nil {
		h.NarrLevel = *f.NarrLevel
	}
	if !h.NarrLevel.Valid() {
		return FieldError(CodeInvalidInput, "narrLevel", "Choose a NARR level from I to IV.")
	}
	if f.Phone != nil {
		phone, err := cleanText("phone", *f.Phone, maxHousePhoneLength, false)
		if err != nil {
			return err
		}
		h.Phone = optionalHouseText(phone)
	}
	if f.ManagerUserID != nil {
		id := *f.ManagerUserID
		h.ManagerUserID = &id
	}
	return nil
}

// CheckHouseManager validates the account named as a house's manager: it
// must exist (nil is an unknown id) and belong to an active staff member.
func CheckHouseManager(u *User) error {
	if u == nil {
		return FieldError(CodeNotFound, "managerUserId", "User not found.")
	}
	if !u.Role.IsStaff() {
		return FieldError(CodeInvalidInput, "managerUserId", "A house manager must be a staff account.")
	}
	if !u.Active {
		return FieldError(CodeInvalidInput, "managerUserId", "This account is deactivated.")
	}
	return nil
}

// CheckCapacity refuses a capacity below the residents living in the house now.
func CheckCapacity(capacity, occupied int) error {
	if capacity < occupied {
		return FieldError(CodeCapacityBelowOccupancy, "capacity",
			fmt.Sprintf("%d residents live in the house; move someone out before lowering the capacity to %d.", occupied, capacity))
	}
	return nil
}

// CleanBed trims a bed name; blank means no named bed.
func CleanBed(bed *string) (*string, error) {
	if bed == nil {
		return nil, nil
	}
	name, err := cleanText("bed", *bed, maxBedLength, false)
	if err != nil {
		return nil, err
	}
	return optionalHouseText(name), nil
}

// CleanMoveOutNote trims the note of a move-out; blank means none. An OTHER
// reason needs the note to say what happened.
func CleanMoveOutNote(reason MoveOutReason, note *string) (*string, error) {
	if !reason.Valid() {
		return nil, FieldError(CodeInvalidInput, "reason", "Unknown move-out reason.")
	}
	text := ""
	if note != nil {
		var err error
		if text, err = cleanText("note", *note, maxMoveOutNoteLength, false); err != nil {
			return nil, err
		}
	}
	if reason == MoveOutOther && text == "" {
		return nil, FieldError(CodeInvalidInput, "note", "Say in the note why the resident moved out.")
	}
	return optionalHouseText(text), nil
}

// MoveIn is what a move-in is checked against, read under the member's and
// the house's row locks.
type MoveIn struct {
	House *House
	// Occupied is the number of residents living in the house now.
	Occupied int
	// Last is the member's latest residency (their current one while they
	// live in a house); nil when they never lived in one.
	Last *Residency
	// BedTaken says whether someone lives in the asked-for bed at or after
	// the move-in.
	BedTaken bool
}

// CheckMoveIn validates moving a member into a house at moveInAt. The
// member's state comes first, then the time, then the house: a full house
// answers HOUSE_FULL whichever bed was asked for.
func CheckMoveIn(in MoveIn, moveInAt, now time.Time) error {
	if in.Last != nil && in.Last.Current() {
		return FieldError(CodeAlreadyInHouse, "memberId",
			"The member lives in a house already; move them out first.")
	}
	if err := notInFuture("moveInAt", moveInAt, now); err != nil {
		return err
	}
	if in.Last != nil && moveInAt.Before(*in.Last.MoveOutAt) {
		return FieldError(CodeAlreadyInHouse, "moveInAt",
			"The move-in cannot be before the member moved out of their last house.")
	}
	if in.Occupied >= in.House.Capacity {
		return FieldError(CodeHouseFull, "houseId", "Every bed of the house is taken.")
	}
	if in.BedTaken {
		return FieldError(CodeBedTaken, "bed", "Someone else lives in that bed.")
	}
	return nil
}

// CheckMoveOut validates ending the member's current residency at moveOutAt.
func CheckMoveOut(current *Residency, moveOutAt, now time.Time) error {
	if current == nil || !current.Current() {
		return FieldError(CodeNotInHouse, "memberId", "The member does not live in a house.")
	}
	if !moveOutAt.After(current.MoveInAt) {
		return FieldError(CodeInvalidInput, "moveOutAt", "The move-out must come after the move-in.")
	}
	return notInFuture("moveOutAt", moveOutAt, now)
}

func optionalHouseText(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
