package domain

import "time"

// GenderDesignation says who a sober living house is for.
type GenderDesignation string

// The gender designations.
const (
	GenderMen   GenderDesignation = "MEN"
	GenderWomen GenderDesignation = "WOMEN"
	GenderCoEd  GenderDesignation = "CO_ED"
)

// NarrLevel is a recovery residence's NARR support level: I peer-run, II
// monitored, III supervised, IV service provider.
type NarrLevel string

// The NARR levels.
const (
	NarrI   NarrLevel = "I"
	NarrII  NarrLevel = "II"
	NarrIII NarrLevel = "III"
	NarrIV  NarrLevel = "IV"
)

// House is a sober living house (recovery residence).
type House struct {
	ID                int64             `bun:"id,pk,autoincrement"`
	Name              string            `bun:"name"`
	Address           string            `bun:"address,nullzero"`
	Capacity          int               `bun:"capacity"`
	GenderDesignation GenderDesignation `bun:"gender_designation"`
	NarrLevel         NarrLevel         `bun:"narr_level"`
	Phone             *string           `bun:"phone"`
	ManagerUserID     *int64            `bun:"manager_user_id"`
	CreatedAt         time.Time         `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	UpdatedAt         time.Time         `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
}

// MoveOutReason is why a resident left a house.
type MoveOutReason string

// The move-out reasons.
const (
	MoveOutCompleted     MoveOutReason = "COMPLETED"
	MoveOutTransferred   MoveOutReason = "TRANSFERRED"
	MoveOutDischarged    MoveOutReason = "DISCHARGED"
	MoveOutRuleViolation MoveOutReason = "RULE_VIOLATION"
	MoveOutRelapse       MoveOutReason = "RELAPSE"
	MoveOutOther         MoveOutReason = "OTHER"
)

// Residency is a member living in a house, optionally in a named bed, from a
// move-in to a move-out (nil while they live there).
type Residency struct {
	ID               int64          `bun:"id,pk,autoincrement"`
	MemberID         int64          `bun:"member_id"`
	HouseID          int64          `bun:"house_id"`
	Bed              *string        `bun:"bed"`
	MoveInAt         time.Time      `bun:"move_in_at"`
	MoveOutAt        *time.Time     `bun:"move_out_at"`
	MoveOutReason    *MoveOutReason `bun:"move_out_reason"`
	MoveOutNote      *string        `bun:"move_out_note"`
	RecordedByUserID *int64         `bun:"recorded_by_user_id"`
	RecordedAt       time.Time      `bun:"recorded_at,nullzero,notnull,default:current_timestamp"`
	MovedOutByUserID *int64         `bun:"moved_out_by_user_id"`
}

// Current reports whether the member still lives in the house.
func (r *Residency) Current() bool { return r.MoveOutAt == nil }

// OpenBeds is how many beds are free with occupied residents; never negative,
// even for a house whose capacity was set below an old overfill.
func (h *House) OpenBeds(occupied int) int { return max(h.Capacity-occupied, 0) }
