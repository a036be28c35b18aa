package domain

import (
	"slices"
	"time"
)

// Scope is what a partner's API key may read.
type Scope string

// The scopes a key can carry.
const (
	// ScopeDirectoryRead: houses with open-bed counts, groups, their schedules
	// and meetings. No personal data.
	ScopeDirectoryRead Scope = "directory:read"
	// ScopeOutcomesRead: aggregate outcomes with no identities.
	ScopeOutcomesRead Scope = "outcomes:read"
	// ScopeMembersRead: identified records, only of members whose active
	// consent names the key's partner.
	ScopeMembersRead Scope = "members:read"
)

// Scopes lists every scope.
var Scopes = []Scope{ScopeDirectoryRead, ScopeOutcomesRead, ScopeMembersRead}

// Valid reports whether s is a known scope.
func (s Scope) Valid() bool { return slices.Contains(Scopes, s) }

// APIKey is a partner tool's key. Only the hash of its secret is kept.
type APIKey struct {
	ID        int64 `bun:"id,pk,autoincrement"`
	PartnerID int64 `bun:"partner_id"`
	// PartnerName is the partner's name, read with the key.
	PartnerName     string     `bun:"partner_name,scanonly"`
	Scopes          []Scope    `bun:"scopes,array"`
	SecretHash      []byte     `bun:"secret_hash"`
	SecretPrefix    string     `bun:"secret_prefix"`
	CreatedByUserID *int64     `bun:"created_by_user_id"`
	CreatedAt       time.Time  `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	LastUsedAt      *time.Time `bun:"last_used_at"`
	RevokedAt       *time.Time `bun:"revoked_at"`
	RevokedByUserID *int64     `bun:"revoked_by_user_id"`
	// ExpiresAt is when the key stops working by itself; nil for never.
	ExpiresAt *time.Time `bun:"expires_at"`
}

// HasScope reports whether the key carries s.
func (k *APIKey) HasScope(s Scope) bool { return slices.Contains(k.Scopes, s) }

// FamilyContact is a member's relative or friend (FHIR RelatedPerson).
type FamilyContact struct {
	ID           int64  `bun:"id,pk,autoincrement"`
	MemberID     int64  `bun:"member_id"`
	Name         string `bun:"name"`
	Relationship string `bun:"relationship"`
	Email        string `bun:"email"`
	// UserID is the FAMILY account the contact signs in with, once invited.
	UserID          *int64    `bun:"user_id"`
	CreatedByUserID *int64    `bun:"created_by_user_id"`
	CreatedAt       time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"`
}

// InformationKind is a kind of information a consent lets the provider disclose.
type InformationKind string

// The information kinds of a consent.
const (
	// InfoIdentity is the member's name and date of birth. A partner sees
	// them only under a consent naming this kind: a consent for attendance
	// counts alone does not tell a partner whose counts they are.
	InfoIdentity          InformationKind = "IDENTITY"
	InfoMilestones        InformationKind = "MILESTONES"
	InfoCareLevel         InformationKind = "CARE_LEVEL"
	InfoHousing           InformationKind = "HOUSING"
	InfoAttendanceSummary InformationKind = "ATTENDANCE_SUMMARY"
	InfoNotes             InformationKind = "NOTES"
)

// InformationKinds lists every information kind.
var InformationKinds = []InformationKind{InfoIdentity, InfoMilestones, InfoCareLevel, InfoHousing, InfoAttendanceSummary, InfoNotes}

// ConsentEvent is an event that ends a consent.
type ConsentEvent string

// EventEndOfTreatment ends a consent when the member is discharged.
const EventEndOfTreatment ConsentEvent = "END_OF_TREATMENT"

// ConsentStatus is derived, never stored.
type ConsentStatus string

// The consent statuses.
const (
	ConsentActive  ConsentStatus = "ACTIVE"
	ConsentExpired ConsentStatus = "EXPIRED"
	ConsentRevoked ConsentStatus = "REVOKED"
)

// Consent is a member's consent to disclose, after 42 CFR Part 2 §2.31. It
// names exactly one recipient: a family contact, an API key or a partner
// (any of its keys).
type Consent struct {
	ID               int64             `bun:"id,pk,autoincrement"`
	MemberID         int64             `bun:"member_id"`
	FamilyContactID  *int64            `bun:"family_contact_id"`
	APIKeyID         *int64            `bun:"api_key_id"`
	PartnerID        *int64            `bun:"partner_id"`
	Purpose          string            `bun:"purpose"`
	InformationKinds []InformationKind `bun:"information_kinds,array"`
	ExpiresAt        *time.Time        `bun:"expires_at"`
	ExpiresOnEvent   *ConsentEvent     `bun:"expires_on_event"`
	SignatureName    string            `bun:"signature_name"`
	SignedAt         time.Time         `bun:"signed_at"`
	RecordedByUserID *int64            `bun:"recorded_by_user_id"`
	RecordedAt       time.Time         `bun:"recorded_at,nullzero,notnull,default:current_timestamp"`
	RevokedAt        *time.Time        `bun:"revoked_at"`
	RevocationReason *string           `bun:"revocation_reason"`
	RevokedByUserID  *int64            `bun:"revoked_by_user_id"`
}

// Partner is an organisation whose tools call the API with keys. Consents
// name a partner by its ID, so only its own keys inherit them.
type Partner struct {
	ID              int64     `bun:"id,pk,autoincrement"`
	Name            string    `bun:"name"`
	CreatedByUserID *int64    `bun:"created_by_user_id"`
	CreatedAt       time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"`
}
