package domain

import "time"

// Peer is a peer supporter: a person with lived experience of recovery who
// supports members in groups and one-on-one, often an alumnus of the program.
type Peer struct {
	ID                     int64      `bun:"id,pk,autoincrement"`
	Name                   string     `bun:"name"`
	Bio                    string     `bun:"bio,nullzero"`
	CertificationKind      *string    `bun:"certification_kind"`
	CertificationNumber    *string    `bun:"certification_number"`
	CertificationExpiresOn *time.Time `bun:"certification_expires_on,type:date"`
	RecoveryStartDate      *time.Time `bun:"recovery_start_date,type:date"`
	Languages              []string   `bun:"languages,array"`
	Specialties            []string   `bun:"specialties,array"`
	CaseloadLimit          int        `bun:"caseload_limit"`
	Active                 bool       `bun:"active"`
	// AlumnusMemberID links the member record the peer was: the cycle of support.
	AlumnusMemberID *int64 `bun:"alumnus_member_id"`
	// UserID is the peer's staff account, when they sign in.
	UserID    *int64    `bun:"user_id"`
	CreatedAt time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
}

// IsAlumnus reports whether the peer is a former member of the program.
func (p *Peer) IsAlumnus() bool { return p.AlumnusMemberID != nil }

// PeerAssignment pairs a member with their peer supporter for a while.
type PeerAssignment struct {
	ID               int64      `bun:"id,pk,autoincrement"`
	MemberID         int64      `bun:"member_id"`
	PeerID           int64      `bun:"peer_id"`
	StartedAt        time.Time  `bun:"started_at"`
	EndedAt          *time.Time `bun:"ended_at"`
	Focus            string     `bun:"focus,nullzero"`
	EndReason        *string    `bun:"end_reason"`
	RecordedByUserID *int64     `bun:"recorded_by_user_id"`
	RecordedAt       time.Time  `bun:"recorded_at,nullzero,notnull,default:current_timestamp"`
	EndedByUserID    *int64     `bun:"ended_by_user_id"`
}

// Current reports whether the assignment has not ended.
func (a *PeerAssignment) Current() bool { return a.EndedAt == nil }

// ConversationChannel is how a one-on-one peer conversation took place.
type ConversationChannel string

// The conversation channels.
const (
	ChannelInPerson ConversationChannel = "IN_PERSON"
	ChannelPhone    ConversationChannel = "PHONE"
	ChannelVideo    ConversationChannel = "VIDEO"
	ChannelText     ConversationChannel = "TEXT"
)

// PeerConversation is a logged one-on-one conversation between a peer and a
// member. Its note is non-clinical.
type PeerConversation struct {
	ID               int64               `bun:"id,pk,autoincrement"`
	PeerID           int64               `bun:"peer_id"`
	MemberID         int64               `bun:"member_id"`
	OccurredAt       time.Time           `bun:"occurred_at"`
	DurationMinutes  int                 `bun:"duration_minutes"`
	Channel          ConversationChannel `bun:"channel"`
	Note             string              `bun:"note,nullzero"`
	RecordedByUserID *int64              `bun:"recorded_by_user_id"`
	RecordedAt       time.Time           `bun:"recorded_at,nullzero,notnull,default:current_timestamp"`
}

// CurrentAssignment picks the current pairing among a member's; nil when the
// member has no peer now.
func CurrentAssignment(all []*PeerAssignment) *PeerAssignment {
	for _, a := range all {
		if a.Current() {
			return a
		}
	}
	return nil
}
