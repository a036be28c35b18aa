package domain

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

const (
	maxGroupNameLength        = 200
	maxGroupDescriptionLength = 4000
	maxGroupLocationLength    = 1000
	maxMeetingTopicLength     = 500
	// MaxGroupFacilitators bounds each facilitator list of a group.
	MaxGroupFacilitators = 20
)

// Valid reports whether k is a known group kind.
func (k GroupKind) Valid() bool {
	switch k {
	case GroupPeerSupport, GroupAftercare, GroupFamily, GroupMutualSupport, GroupTherapy, GroupHouseMeeting:
		return true
	}
	return false
}

// Valid reports whether m is a known modality.
func (m Modality) Valid() bool {
	return m == ModalityInPerson || m == ModalityVirtual || m == ModalityHybrid
}

// Valid reports whether s is a known attendance status.
func (s AttendanceStatus) Valid() bool {
	return s == AttendancePresent || s == AttendanceLate || s == AttendanceExcused || s == AttendanceAbsent
}

// GroupFields are the editable fields of a group; nil means "unchanged" on
// update. Kind and HouseID are set only when a group is created.
type GroupFields struct {
	Name        *string
	Kind        *GroupKind
	Description *string
	Modality    *Modality
	Location    *string
	TimeZone    *string
	HouseID     *int64
	Active      *bool
}

// Apply validates fields and writes them into g. A house meeting belongs to
// exactly one house, and only a house meeting has a house.
func (f GroupFields) Apply(g *Group) error {
	if f.Name != nil {
		name := strings.TrimSpace(*f.Name)
		if name == "" {
			return FieldError(CodeInvalidInput, "name", "Name cannot be blank.")
		}
		if utf8.RuneCountInString(name) > maxGroupNameLength {
			return FieldError(CodeInvalidInput, "name", "Name is too long (200 characters at most).")
		}
		g.Name = name
	}
	if g.Name == "" {
		return FieldError(CodeInvalidInput, "name", "Name is required.")
	}
	if f.Kind != nil {
		if !f.Kind.Valid() {
			return FieldError(CodeInvalidInput, "kind", "Unknown group kind.")
		}
		g.Kind = *f.Kind
	}
	if f.Description != nil {
		d, err := cleanText("description", *f.Description, maxGroupDescriptionLength, false)
		if err != nil {
			return err
		}
		g.Description = d
	}
	if f.Modality != nil {
		if !f.Modality.Valid() {
			return FieldError(CodeInvalidInput, "modality", "Unknown modality.")
		}
		g.Modality = *f.Modality
	}
	if f.Location != nil {
		l, err := cleanText("location", *f.Location, maxGroupLocationLength, false)
		if err != nil {
			return err
		}
		g.Location = l
	}
	if f.TimeZone != nil {
		loc, err := LoadTimeZone("timeZone", *f.TimeZone)
		if err != nil {
			return err
		}
		g.TimeZone = loc.String()
	}
	if f.HouseID != nil {
		id := *f.HouseID
		g.HouseID = &id
	}
	if f.Active != nil {
		g.Active = *f.Active
	}
	if g.HouseID != nil && g.Kind != GroupHouseMeeting {
		return FieldError(CodeInvalidInput, "houseId", "Only a house meeting belongs to a house.")
	}
	if g.HouseID == nil && g.Kind == GroupHouseMeeting {
		return FieldError(CodeInvalidInput, "houseId", "A house meeting needs its house.")
	}
	return nil
}

// CleanMeetingTopic trims a meeting topic and checks its length.
func CleanMeetingTopic(topic string) (string, error) {
	return cleanText("topic", topic, maxMeetingTopicLength, false)
}

// timeZones caches loaded zones: time.LoadLocation reads the zone database
// on every call, and a meeting list asks for the same few zones again and again.
var timeZones sync.Map

// LoadTimeZone checks an IANA zone name such as "America/New_York" and
// returns the zone. field names the input field an error points at.
// "Local" is refused: it would mean whatever zone the server runs in.
func LoadTimeZone(field, name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	if cached, ok := timeZones.Load(name); ok {
		return cached.(*time.Location), nil
	}
	if name == "" || name == "Local" || len(name) > 64 {
		return nil, FieldError(CodeInvalidInput, field, "Give an IANA time zone such as America/New_York.")
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, FieldError(CodeInvalidInput, field, "Unknown time zone; give an IANA name such as America/New_York.")
	}
	timeZones.Store(name, loc)
	return loc, nil
}

// CheckFacilitatorIDs refuses a facilitator listed twice; field is the
// input list, and the error points at the repeated line.
func CheckFacilitatorIDs(field string, ids []int64) error {
	if len(ids) > MaxGroupFacilitators {
		return FieldError(CodeInvalidInput, field, "List at most 20 facilitators.")
	}
	seen := make(map[int64]int, len(ids))
	for i, id := range ids {
		if j, dup := seen[id]; dup {
			return GroupLineError(CodeDuplicate, field, i, "",
				"Listed twice (lines "+strconv.Itoa(j+1)+" and "+strconv.Itoa(i+1)+").")
		}
		seen[id] = i
	}
	return nil
}

// GroupLineError is an error that points at line i (0-based, as in GraphQL
// paths) of the input list field, and at sub within it when not empty.
func GroupLineError(code Code, field string, i int, sub, message string) *Error {
	path := []string{"input", field, strconv.Itoa(i)}
	if sub != "" {
		path = append(path, sub)
	}
	return &Error{Code: code, Field: path, Message: message}
}

// CheckGroupJoin validates a member joining a group at joinedAt; last is
// their latest membership of the group (nil when they never belonged).
func CheckGroupJoin(g *Group, last *GroupMembership, joinedAt, now time.Time) error {
	if !g.Active {
		return FieldError(CodeInvalidInput, "groupId", "The group no longer meets.")
	}
	if err := notInFuture("joinedAt", joinedAt, now); err != nil {
		return err
	}
	if last == nil {
		return nil
	}
	if last.LeftAt == nil {
		return FieldError(CodeDuplicate, "memberId", "The member belongs to the group already.")
	}
	if joinedAt.Before(*last.LeftAt) {
		return FieldError(CodeInvalidInput, "joinedAt", "The member can rejoin only after they last left the group.")
	}
	return nil
}

// CheckGroupLeave validates a member leaving at leftAt; current is their
// latest membership of the group.
func CheckGroupLeave(current *GroupMembership, leftAt, now time.Time) error {
	if current == nil || current.LeftAt != nil {
		return FieldError(CodeNotFound, "memberId", "The member does not belong to the group.")
	}
	if err := notInFuture("leftAt", leftAt, now); err != nil {
		return err
	}
	if !leftAt.After(current.JoinedAt) {
		return FieldError(CodeInvalidInput, "leftAt", "A member leaves after joining.")
	}
	return nil
}
