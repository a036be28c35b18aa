package model

import (
	"time"

	"carejourney/server/domain"
)

// SharedMember is a member as a family viewer sees them: what the member's
// active consents naming the viewer cover, and nothing else.
type SharedMember struct {
	Disclosure domain.Disclosure
}

// DisclosedMemberID implements domain.Disclosed: the audit log records
// each time a family viewer is shown this view.
func (m *SharedMember) DisclosedMemberID() int64 { return m.Disclosure.MemberID }

// SharedKinds are the information kinds the consents cover together.
func (m *SharedMember) SharedKinds() []domain.InformationKind {
	if m.Disclosure.Kinds == nil {
		return []domain.InformationKind{}
	}
	return m.Disclosure.Kinds
}

// ConsentExpiresAt is the latest expiry date among the consents.
func (m *SharedMember) ConsentExpiresAt() *time.Time { return m.Disclosure.ExpiresAt }

// ConsentExpiresOnEvent is the event that ends one of the consents.
func (m *SharedMember) ConsentExpiresOnEvent() *domain.ConsentEvent {
	return m.Disclosure.ExpiresOnEvent
}

// SharedUpdate is an update as family sees it: no author, no member.
type SharedUpdate struct {
	ID         int64
	Kind       domain.UpdateKind
	Body       string
	OccurredAt time.Time
}

// NewSharedUpdate keeps what family may see of an update.
func NewSharedUpdate(u *domain.Update) *SharedUpdate {
	return &SharedUpdate{ID: u.ID, Kind: u.Kind, Body: u.Body, OccurredAt: u.OccurredAt}
}

// The family connections.
type (
	SharedUpdateConnection = Connection[*SharedUpdate]
	SharedUpdateEdge       = Edge[*SharedUpdate]
	SharedMemberConnection = Connection[*SharedMember]
	SharedMemberEdge       = Edge[*SharedMember]

	FamilyAttendanceConnection = Connection[*domain.FamilyAttendance]
	FamilyAttendanceEdge       = Edge[*domain.FamilyAttendance]
)
