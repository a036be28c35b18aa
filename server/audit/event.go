// Package audit is the audit log: who read or wrote which member's record,
// signed in or out, searched, and when and from where. Events go to the
// append-only audit_events table through Log, which commits a request's
// events before the request's response is sent (group commit: concurrent
// requests share one INSERT). When the database refuses them the request
// is refused instead, and the server reports itself unready until the
// table takes events again: nothing waits in memory to be lost.
package audit

import (
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// ActorKind says who acted.
type ActorKind string

// The kinds of actor.
const (
	ActorUser      ActorKind = "USER"
	ActorAPIKey    ActorKind = "API_KEY"
	ActorAnonymous ActorKind = "ANONYMOUS"
	ActorSystem    ActorKind = "SYSTEM"
)

// Valid reports whether k is a known kind.
func (k ActorKind) Valid() bool {
	switch k {
	case ActorUser, ActorAPIKey, ActorAnonymous, ActorSystem:
		return true
	}
	return false
}

// Action is what happened.
type Action string

// The actions.
const (
	// ActionRead: a member's record was shown.
	ActionRead Action = "READ"
	// ActionWrite: a mutation was run (written, or attempted when it has no object).
	ActionWrite        Action = "WRITE"
	ActionSignIn       Action = "SIGN_IN"
	ActionSignInFailed Action = "SIGN_IN_FAILED"
	ActionSignOut      Action = "SIGN_OUT"
	// ActionDenied: the access rules refused something.
	ActionDenied Action = "DENIED"
	// ActionSearch: members were searched by name or counted; the event
	// says how many matched, never what was searched for.
	ActionSearch Action = "SEARCH"
)

// Actions lists every action.
var Actions = []Action{ActionRead, ActionWrite, ActionSignIn, ActionSignInFailed, ActionSignOut, ActionDenied, ActionSearch}

// Valid reports whether a is a known action.
func (a Action) Valid() bool {
	for _, known := range Actions {
		if a == known {
			return true
		}
	}
	return false
}

// Event is one entry of the audit log, a row of audit_events. Zero values
// are stored as NULL: an event of a partner key has no user, a sign-in no
// member. It holds ids, never names or other personal data, except the
// client address.
type Event struct {
	bun.BaseModel `bun:"table:audit_events,alias:ae"`

	ID         int64     `bun:"id,pk,autoincrement"`
	OccurredAt time.Time `bun:"occurred_at"`
	ActorKind  ActorKind `bun:"actor_kind"`
	// ActorUserID is the signed-in user; for SIGN_IN_FAILED, the account
	// whose email was given, when there is one.
	ActorUserID int64       `bun:"actor_user_id,nullzero"`
	ActorRole   domain.Role `bun:"actor_role,nullzero"`
	ActorKeyID  int64       `bun:"actor_key_id,nullzero"`
	Action      Action      `bun:"action"`
	// OperationName is the GraphQL operation's name for reads, the
	// mutation's field name for writes.
	OperationName string `bun:"operation_name,nullzero"`
	// Field is the response path where the record was first reached.
	Field    string `bun:"field,nullzero"`
	MemberID int64  `bun:"member_id,nullzero"`
	// ObjectType is the GraphQL type of the object read or written.
	ObjectType string `bun:"object_type,nullzero"`
	ObjectID   int64  `bun:"object_id,nullzero"`
	// MatchedCount is, for SEARCH, how many members matched.
	MatchedCount  *int   `bun:"matched_count"`
	RequestID     string `bun:"request_id,nullzero"`
	ClientAddress string `bun:"client_address,nullzero"`
}

// valid reports whether the database will take e: a bad event must never
// block the ones queued behind it.
func (e *Event) valid() bool {
	return e.ActorKind.Valid() && e.Action.Valid() && !e.OccurredAt.IsZero() &&
		(e.Action == ActionSearch) == (e.MatchedCount != nil) && e.storable()
}

// RecipientKind says to whom a member's record was disclosed.
type RecipientKind string

// The recipients of a disclosure.
const (
	// RecipientFamilyContact: a family contact signed in as a FAMILY user.
	RecipientFamilyContact RecipientKind = "FAMILY_CONTACT"
	// RecipientPartner: a partner tool, through its API key.
	RecipientPartner RecipientKind = "PARTNER"
)

// Disclosure is a READ of a member's record by a family viewer or a
// partner key: who outside the provider saw the record, and when. It is an
// audit event seen from the member's side.
type Disclosure struct {
	bun.BaseModel `bun:"table:audit_events,alias:ae"`

	// EventID is the audit event's id.
	EventID       int64         `bun:"id"`
	MemberID      int64         `bun:"member_id"`
	OccurredAt    time.Time     `bun:"occurred_at"`
	RecipientKind RecipientKind `bun:"recipient_kind"`
	// RecipientName is the family contact's name (the user's name when the
	// account is no longer linked to a contact of this member) or the
	// partner's name.
	RecipientName   string `bun:"recipient_name"`
	UserID          int64  `bun:"actor_user_id,nullzero"`
	APIKeyID        int64  `bun:"actor_key_id,nullzero"`
	FamilyContactID int64  `bun:"family_contact_id,nullzero"`
	OperationName   string `bun:"operation_name,nullzero"`
}
