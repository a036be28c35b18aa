package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// UpdateKind is what an update in a member's journey reports.
type UpdateKind string

// The update kinds.
const (
	UpdateMilestone       UpdateKind = "MILESTONE"
	UpdateCareLevelChange UpdateKind = "CARE_LEVEL_CHANGE"
	UpdateHousingChange   UpdateKind = "HOUSING_CHANGE"
	UpdateNote            UpdateKind = "NOTE"
)

// UpdateKinds lists every update kind.
var UpdateKinds = []UpdateKind{UpdateMilestone, UpdateCareLevelChange, UpdateHousingChange, UpdateNote}

// Update is a dated entry in a member's journey. Shareable says whether it
// may ever be shown to family (a consent must still cover it).
type Update struct {
	ID           int64      `bun:"id,pk,autoincrement"`
	MemberID     int64      `bun:"member_id"`
	Kind         UpdateKind `bun:"kind"`
	Body         string     `bun:"body"`
	AuthorUserID *int64     `bun:"author_user_id"`
	OccurredAt   time.Time  `bun:"occurred_at"`
	Shareable    bool       `bun:"shareable"`
	// For milestones: the milestone's key and the recovery start date it
	// counts from, which make it unique.
	MilestoneKey    *string    `bun:"milestone_key"`
	MilestoneOfDate *time.Time `bun:"milestone_of_date,type:date"`
	RecordedAt      time.Time  `bun:"recorded_at,nullzero,notnull,default:current_timestamp"`
}

// ShareableByDefault is whether updates of a kind may be shown to family
// unless the author says otherwise: events yes, notes no.
func ShareableByDefault(kind UpdateKind) bool { return kind != UpdateNote }

// CareLevelUpdateBody is the text of the update a care-journey event writes:
// "Admitted to detox", "Stepped down to IOP", "Stepped up to PHP", "Moved to
// virtual IOP", "Readmitted to IOP".
func CareLevelUpdateBody(t Transition, to CareLevel) string {
	switch t {
	case TransitionAdmission:
		return "Admitted to " + to.ShortName
	case TransitionReadmission:
		return "Readmitted to " + to.ShortName
	case TransitionStepDown:
		return "Stepped down to " + to.ShortName
	case TransitionStepUp:
		return "Stepped up to " + to.ShortName
	default:
		return "Moved to " + to.ShortName
	}
}

// DischargeUpdateBody is the text of a discharge's update. The discharge
// reason stays out: it may be clinical, and updates can be shared.
func DischargeUpdateBody(from CareLevel) string {
	return "Discharged from " + from.ShortName
}

// HousingUpdateBody is the text of a move into or out of a house.
func HousingUpdateBody(movedIn bool, houseName string) string {
	if movedIn {
		return "Moved into " + houseName
	}
	return "Moved out of " + houseName
}

// MilestoneUpdateBody is the text of a sobriety milestone's update.
func MilestoneUpdateBody(m Milestone) string {
	return "Reached " + m.Label + " in recovery"
}

// maxUpdateBodyLength bounds a note; updates are short journey entries,
// not documents.
const maxUpdateBodyLength = 5000

// CheckNote validates a note posted by staff or a peer and returns its
// trimmed body.
func CheckNote(body string, occurredAt, now time.Time) (string, error) {
	body = strings.TrimSpace(body)
	if body == "" {
		return "", FieldError(CodeInvalidInput, "body", "Write something in the update.")
	}
	if utf8.RuneCountInString(body) > maxUpdateBodyLength {
		return "", FieldError(CodeInvalidInput, "body", "The update is too long (5000 characters at most).")
	}
	return body, notInFuture("occurredAt", occurredAt, now)
}

// MilestonesToAnnounce returns the milestones of a recovery start date
// reached by today that have no update yet, given how many already have
// one. Milestones come in date order, so the first `announced` are done.
func MilestonesToAnnounce(start, today time.Time, announced int) []Milestone {
	reached, _ := Milestones(start, today)
	if announced >= len(reached) {
		return nil
	}
	return reached[announced:]
}
