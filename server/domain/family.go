package domain

import "time"

// InvitationTTL is how long an invitation to the family portal stays usable.
const InvitationTTL = 7 * 24 * time.Hour

// FamilyInvitation invites a family contact to create (or link) a FAMILY
// account. Only the SHA-256 of its token is kept; it is used once.
type FamilyInvitation struct {
	ID              int64      `bun:"id,pk,autoincrement"`
	FamilyContactID int64      `bun:"family_contact_id"`
	TokenHash       []byte     `bun:"token_hash"`
	CreatedByUserID *int64     `bun:"created_by_user_id"`
	CreatedAt       time.Time  `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	ExpiresAt       time.Time  `bun:"expires_at"`
	AcceptedAt      *time.Time `bun:"accepted_at"`
	AcceptedUserID  *int64     `bun:"accepted_user_id"`
}

// FamilyAttendance is a family contact's attendance at a FAMILY group meeting.
type FamilyAttendance struct {
	MeetingID        int64            `bun:"meeting_id,pk"`
	FamilyContactID  int64            `bun:"family_contact_id,pk"`
	Status           AttendanceStatus `bun:"status"`
	RecordedByUserID *int64           `bun:"recorded_by_user_id"`
	RecordedAt       time.Time        `bun:"recorded_at,nullzero,notnull,default:current_timestamp"`
}

// FamilyAttendanceEntry is one line of a recordFamilyAttendance call.
type FamilyAttendanceEntry struct {
	FamilyContactID int64
	Status          AttendanceStatus
}

// ConsentRecord is a consent as read, with the one fact besides the clock
// its status depends on: when the member's treatment ended (their first
// discharge at or after the signature), nil if it has not.
type ConsentRecord struct {
	*Consent
	TreatmentEndedAt *time.Time
}

// StatusAt derives the record's status at now.
func (r *ConsentRecord) StatusAt(now time.Time) ConsentStatus {
	return r.Consent.Status(now, r.TreatmentEndedAt)
}

// Disclosure is what one recipient may see of one member now: the union of
// the member's active consents that name the recipient.
type Disclosure struct {
	MemberID int64
	// Kinds are the information kinds covered, in InformationKinds order.
	Kinds []InformationKind
	// ExpiresAt is the latest expiry date of the dated consents, nil when
	// none is dated.
	ExpiresAt *time.Time
	// ExpiresOnEvent is set when a consent runs until an event.
	ExpiresOnEvent *ConsentEvent
}

// Covers reports whether the disclosure includes kind.
func (d *Disclosure) Covers(kind InformationKind) bool {
	for _, k := range d.Kinds {
		if k == kind {
			return true
		}
	}
	return false
}
