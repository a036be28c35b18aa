package domain

import "time"

// GroupKind is what a group is for.
type GroupKind string

// The group kinds.
const (
	GroupPeerSupport   GroupKind = "PEER_SUPPORT"
	GroupAftercare     GroupKind = "AFTERCARE"
	GroupFamily        GroupKind = "FAMILY"
	GroupMutualSupport GroupKind = "MUTUAL_SUPPORT"
	GroupTherapy       GroupKind = "THERAPY"
	GroupHouseMeeting  GroupKind = "HOUSE_MEETING"
)

// Modality is how a group meets.
type Modality string

// The modalities.
const (
	ModalityInPerson Modality = "IN_PERSON"
	ModalityVirtual  Modality = "VIRTUAL"
	ModalityHybrid   Modality = "HYBRID"
)

// TimeOfDay is when a meeting falls, the way people look for groups.
type TimeOfDay string

// The times of day.
const (
	TimeOfDayDay     TimeOfDay = "DAY"
	TimeOfDayEvening TimeOfDay = "EVENING"
	TimeOfDayWeekend TimeOfDay = "WEEKEND"
)

// Group is a recurring group: peer support, aftercare, family, mutual
// support, therapy or a house meeting.
type Group struct {
	ID          int64     `bun:"id,pk,autoincrement"`
	Name        string    `bun:"name"`
	Kind        GroupKind `bun:"kind"`
	Description string    `bun:"description,nullzero"`
	Modality    Modality  `bun:"modality"`
	Location    string    `bun:"location,nullzero"`
	// TimeZone is the IANA zone the schedule's local times are in.
	TimeZone  string    `bun:"time_zone"`
	HouseID   *int64    `bun:"house_id"`
	Active    bool      `bun:"active"`
	CreatedAt time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
}

// GroupScheduleSlot is one weekly meeting time of a group: an ISO weekday (1 =
// Monday … 7 = Sunday), a local start time "HH:MM" and a length.
type GroupScheduleSlot struct {
	ID              int64  `bun:"id,pk,autoincrement"`
	GroupID         int64  `bun:"group_id"`
	DayOfWeek       int    `bun:"day_of_week"`
	StartTime       string `bun:"start_time,type:time"`
	DurationMinutes int    `bun:"duration_minutes"`
}

// GroupFacilitator is a peer or a staff user who leads a group.
type GroupFacilitator struct {
	ID      int64  `bun:"id,pk,autoincrement"`
	GroupID int64  `bun:"group_id"`
	PeerID  *int64 `bun:"peer_id"`
	UserID  *int64 `bun:"user_id"`
}

// GroupMembership is a member belonging to a group for a while.
type GroupMembership struct {
	ID               int64      `bun:"id,pk,autoincrement"`
	GroupID          int64      `bun:"group_id"`
	MemberID         int64      `bun:"member_id"`
	JoinedAt         time.Time  `bun:"joined_at"`
	LeftAt           *time.Time `bun:"left_at"`
	RecordedByUserID *int64     `bun:"recorded_by_user_id"`
}

// Meeting is one occurrence of a group.
type Meeting struct {
	ID                int64     `bun:"id,pk,autoincrement"`
	GroupID           int64     `bun:"group_id"`
	StartsAt          time.Time `bun:"starts_at"`
	EndsAt            time.Time `bun:"ends_at"`
	Topic             string    `bun:"topic,nullzero"`
	FacilitatorPeerID *int64    `bun:"facilitator_peer_id"`
	FacilitatorUserID *int64    `bun:"facilitator_user_id"`
	CreatedAt         time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"`
}

// AttendanceStatus is how a member attended a meeting.
type AttendanceStatus string

// The attendance statuses.
const (
	AttendancePresent AttendanceStatus = "PRESENT"
	AttendanceLate    AttendanceStatus = "LATE"
	AttendanceExcused AttendanceStatus = "EXCUSED"
	AttendanceAbsent  AttendanceStatus = "ABSENT"
)

// Attended reports whether the status counts as having been there.
func (s AttendanceStatus) Attended() bool { return s == AttendancePresent || s == AttendanceLate }

// AttendanceRecord is one member's attendance at one meeting.
type AttendanceRecord struct {
	MeetingID        int64            `bun:"meeting_id,pk"`
	MemberID         int64            `bun:"member_id,pk"`
	Status           AttendanceStatus `bun:"status"`
	RecordedByUserID *int64           `bun:"recorded_by_user_id"`
	RecordedAt       time.Time        `bun:"recorded_at,nullzero,notnull,default:current_timestamp"`
}
