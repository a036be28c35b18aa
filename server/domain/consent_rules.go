package domain

import (
	"slices"
	"time"
)

// Status derives a consent's status at now. treatmentEndedAt is when the
// member was first discharged at or after the signature, nil if not since:
// it ends a consent that expires at END_OF_TREATMENT. Revocation wins over
// expiry, and both take effect at once.
func (c *Consent) Status(now time.Time, treatmentEndedAt *time.Time) ConsentStatus {
	switch {
	case c.RevokedAt != nil && !c.RevokedAt.After(now):
		return ConsentRevoked
	case c.ExpiresAt != nil && !c.ExpiresAt.After(now):
		return ConsentExpired
	case c.ExpiresOnEvent != nil && *c.ExpiresOnEvent == EventEndOfTreatment &&
		treatmentEndedAt != nil && !treatmentEndedAt.Before(c.SignedAt) && !treatmentEndedAt.After(now):
		return ConsentExpired
	}
	return ConsentActive
}

// Covers reports whether the consent lets the provider disclose kind.
func (c *Consent) Covers(kind InformationKind) bool {
	for _, k := range c.InformationKinds {
		if k == kind {
			return true
		}
	}
	return false
}

// SharesUpdate is the one rule of what a member's active consents let a
// recipient outside the provider (a family viewer, a partner key) see of
// their updates: a shareable update of a kind the consents cover (kinds,
// a Disclosure's Kinds). Internal notes and unshared events are never
// shown, whatever the consent. The lists that filter in SQL follow it
// through SharedUpdateKinds: shareable, and of those update kinds.
func SharesUpdate(kinds []InformationKind, u *Update) bool {
	if !u.Shareable {
		return false
	}
	covering, ok := UpdateInformationKind(u.Kind)
	return ok && slices.Contains(kinds, covering)
}

// SharedUpdateKinds are the kinds of updates that information kinds
// disclose (SharesUpdate's kinds, for a filter in SQL); ATTENDANCE_SUMMARY
// discloses counts, not updates.
func SharedUpdateKinds(kinds []InformationKind) []UpdateKind {
	var out []UpdateKind
	for _, k := range kinds {
		for _, u := range UpdateKinds {
			if covering, ok := UpdateInformationKind(u); ok && covering == k {
				out = append(out, u)
			}
		}
	}
	return out
}

// Bounds of a consent's free text.
const (
	maxConsentPurposeLength   = 2000
	maxConsentNameLength      = 200
	maxRevocationReasonLength = 2000
)

// Valid reports whether k is a known information kind.
func (k InformationKind) Valid() bool { return slices.Contains(InformationKinds, k) }

// Valid reports whether e is a known consent event.
func (e ConsentEvent) Valid() bool { return e == EventEndOfTreatment }

// ConsentInput is a consent as staff record it from the signed form.
// Exactly one recipient is set: a family contact, an API key or a partner
// (by ID, or by the exact name of an existing partner, which the store
// turns into its ID).
type ConsentInput struct {
	MemberID         int64
	FamilyContactID  *int64
	APIKeyID         *int64
	PartnerID        *int64
	PartnerName      *string
	Purpose          string
	InformationKinds []InformationKind
	ExpiresAt        *time.Time
	ExpiresOnEvent   *ConsentEvent
	SignatureName    string
	SignedAt         time.Time
}

// NewConsent validates a consent after 42 CFR Part 2 §2.31 and returns it
// ready to store: a purpose and a signature, at least one kind of
// information, exactly one recipient, and exactly one expiry (a date after
// the signature and still to come, or an event). The signature cannot lie
// in the future. The recipient's existence is checked by the store.
func NewConsent(in ConsentInput, now time.Time) (*Consent, error) {
	if err := checkOneRecipient(in); err != nil {
		return nil, err
	}
	if in.PartnerName != nil && in.PartnerID == nil {
		return nil, FieldError(CodeNotFound, "partnerName", "No partner has this name.")
	}
	purpose, err := cleanText("purpose", in.Purpose, maxConsentPurposeLength, true)
	if err != nil {
		return nil, err
	}
	kinds, err := consentKinds(in.InformationKinds)
	if err != nil {
		return nil, err
	}
	signature, err := cleanText("signatureName", in.SignatureName, maxConsentNameLength, true)
	if err != nil {
		return nil, err
	}
	if err := notInFuture("signedAt", in.SignedAt, now); err != nil {
		return nil, err
	}
	if err := checkConsentExpiry(in, now); err != nil {
		return nil, err
	}
	return &Consent{MemberID: in.MemberID, FamilyContactID: in.FamilyContactID, APIKeyID: in.APIKeyID,
		PartnerID: in.PartnerID, Purpose: purpose, InformationKinds: kinds, ExpiresAt: in.ExpiresAt,
		ExpiresOnEvent: in.ExpiresOnEvent, SignatureName: signature, SignedAt: in.SignedAt}, nil
}

func checkOneRecipient(in ConsentInput) error {
	named := 0
	for _, r := range []struct {
		field string
		set   bool
	}{
		{"familyContactId", in.FamilyContactID != nil},
		{"apiKeyId", in.APIKeyID != nil},
		{partnerField(in), in.PartnerID != nil || in.PartnerName != nil},
	} {
		if !r.set {
			continue
		}
		if named++; named > 1 {
			return FieldError(CodeInvalidInput, r.field,
				"A consent names one recipient: a family contact, an API key or a partner, not several.")
		}
	}
	if named == 0 {
		return FieldError(CodeInvalidInput, "familyContactId",
			"Name the recipient: a family contact, an API key or a partner.")
	}
	return nil
}

// partnerField is the input field that named the partner.
func partnerField(in ConsentInput) string {
	if in.PartnerName != nil {
		return "partnerName"
	}
	return "partnerId"
}

// consentKinds checks the kinds and returns them once each, in
// InformationKinds order.
func consentKinds(in []InformationKind) ([]InformationKind, error) {
	if len(in) == 0 {
		return nil, FieldError(CodeInvalidInput, "informationKinds", "Choose at least one kind of information.")
	}
	seen := map[InformationKind]bool{}
	for _, k := range in {
		if !k.Valid() {
			return nil, FieldError(CodeInvalidInput, "informationKinds", "Unknown kind of information.")
		}
		seen[k] = true
	}
	var out []InformationKind
	for _, k := range InformationKinds {
		if seen[k] {
			out = append(out, k)
		}
	}
	return out, nil
}

func checkConsentExpiry(in ConsentInput, now time.Time) error {
	switch {
	case in.ExpiresAt == nil && in.ExpiresOnEvent == nil:
		return FieldError(CodeInvalidInput, "expiresAt", "Give the expiry: a date or an event.")
	case in.ExpiresAt != nil && in.ExpiresOnEvent != nil:
		return FieldError(CodeInvalidInput, "expiresOnEvent", "Give one expiry: a date or an event, not both.")
	case in.ExpiresOnEvent != nil:
		if !in.ExpiresOnEvent.Valid() {
			return FieldError(CodeInvalidInput, "expiresOnEvent", "Unknown event.")
		}
		return nil
	}
	if !in.ExpiresAt.After(in.SignedAt) {
		return FieldError(CodeInvalidInput, "expiresAt", "The consent must expire after it was signed.")
	}
	if !in.ExpiresAt.After(now) {
		return FieldError(CodeInvalidInput, "expiresAt", "The expiry date has passed already.")
	}
	return nil
}

// CheckConsentFamilyContact checks that the family contact a consent names
// exists (nil when it does not) and is a contact of the consenting member.
func CheckConsentFamilyContact(c *Consent, contact *FamilyContact) error {
	if contact == nil {
		return FieldError(CodeNotFound, "familyContactId", "Family contact not found.")
	}
	if contact.MemberID != c.MemberID {
		return FieldError(CodeInvalidInput, "familyContactId", "The family contact is not a contact of this member.")
	}
	return nil
}

// CheckRevocation validates revoking c at revokedAt for reason, and returns
// the trimmed reason. A consent is revoked once; the revocation cannot lie
// in the future nor before the signature.
func CheckRevocation(c *Consent, revokedAt time.Time, reason string, now time.Time) (string, error) {
	if c.RevokedAt != nil {
		return "", FieldError(CodeAlreadyRevoked, "consentId", "The consent was revoked already.")
	}
	reason, err := cleanText("reason", reason, maxRevocationReasonLength, true)
	if err != nil {
		return "", err
	}
	if err := notInFuture("revokedAt", revokedAt, now); err != nil {
		return "", err
	}
	if revokedAt.Before(c.SignedAt) {
		return "", FieldError(CodeInvalidInput, "revokedAt", "A consent cannot be revoked before it was signed.")
	}
	return reason, nil
}

// ActiveDisclosures combines the consents naming one recipient into what
// the recipient may see now, member by member (in member id order): only
// active consents count, and several of one member add up (the union of
// their kinds).
func ActiveDisclosures(records []*ConsentRecord, now time.Time) []Disclosure {
	byMember := map[int64]*Disclosure{}
	kinds := map[int64]map[InformationKind]bool{}
	var order []int64
	for _, r := range records {
		if r.StatusAt(now) != ConsentActive {
			continue
		}
		d := byMember[r.MemberID]
		if d == nil {
			d = &Disclosure{MemberID: r.MemberID}
			byMember[r.MemberID], kinds[r.MemberID] = d, map[InformationKind]bool{}
			order = append(order, r.MemberID)
		}
		for _, k := range r.InformationKinds {
			kinds[r.MemberID][k] = true
		}
		if r.ExpiresAt != nil && (d.ExpiresAt == nil || r.ExpiresAt.After(*d.ExpiresAt)) {
			at := *r.ExpiresAt
			d.ExpiresAt = &at
		}
		if r.ExpiresOnEvent != nil {
			event := *r.ExpiresOnEvent
			d.ExpiresOnEvent = &event
		}
	}
	slices.Sort(order)
	out := make([]Disclosure, len(order))
	for i, id := range order {
		d := byMember[id]
		for _, k := range InformationKinds {
			if kinds[id][k] {
				d.Kinds = append(d.Kinds, k)
			}
		}
		out[i] = *d
	}
	return out
}
