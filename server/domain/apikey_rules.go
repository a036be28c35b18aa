package domain

import (
	"fmt"
	"time"
)

// MaxPartnerNameLength bounds a partner's name.
const MaxPartnerNameLength = 200

// CleanPartnerName trims a partner's name and checks it is not blank and
// not too long; field names the input field.
func CleanPartnerName(field, name string) (string, error) {
	return cleanText(field, name, MaxPartnerNameLength, true)
}

// APIKeyFields are what an admin gives for a new key: the partner, by ID
// (an existing partner) or by the name of a new one, and the scopes.
type APIKeyFields struct {
	PartnerID   *int64
	PartnerName *string
	Scopes      []Scope
}

// Clean validates the fields of a new key: exactly one of an existing
// partner or a new partner's name (trimmed, not blank, 200 characters at
// most) and at least one known scope, each once. Errors point at the input
// field, down to the line of a bad scope.
func (f APIKeyFields) Clean() (APIKeyFields, error) {
	out := APIKeyFields{PartnerID: f.PartnerID}
	switch {
	case f.PartnerID != nil && f.PartnerName != nil:
		return f, FieldError(CodeInvalidInput, "partnerName", "Give an existing partner (partnerId) or a new partner's name, not both.")
	case f.PartnerID == nil && f.PartnerName == nil:
		return f, FieldError(CodeInvalidInput, "partnerId", "Choose the partner whose tool will use the key.")
	case f.PartnerName != nil:
		name, err := CleanPartnerName("partnerName", *f.PartnerName)
		if err != nil {
			return f, err
		}
		out.PartnerName = &name
	}
	if err := CheckScopes(f.Scopes); err != nil {
		return f, err
	}
	out.Scopes = append([]Scope(nil), f.Scopes...)
	return out, nil
}

// CheckScopes requires at least one scope, each known and listed once.
func CheckScopes(scopes []Scope) error {
	if len(scopes) == 0 {
		return FieldError(CodeInvalidInput, "scopes", "Give the key at least one scope.")
	}
	seen := make(map[Scope]int, len(scopes))
	for i, s := range scopes {
		if !s.Valid() {
			return GroupLineError(CodeInvalidInput, "scopes", i, "", fmt.Sprintf("%q is not a scope.", string(s)))
		}
		if j, dup := seen[s]; dup {
			return GroupLineError(CodeInvalidInput, "scopes", i, "",
				fmt.Sprintf("The scope is listed twice (lines %d and %d).", j+1, i+1))
		}
		seen[s] = i
	}
	return nil
}

// Active reports whether the key still opens the API.
func (k *APIKey) Active() bool { return k.RevokedAt == nil }

// CheckRevoke validates revoking k.
func CheckRevoke(k *APIKey) error {
	if !k.Active() {
		return FieldError(CodeAlreadyRevoked, "apiKeyId", "The key was revoked already.")
	}
	return nil
}

// KeyTouchInterval bounds how often a busy key's last use is written.
const KeyTouchInterval = time.Minute

// NeedsTouch reports whether a use of k at now should be written as its last
// use: the first use, and then at most once per KeyTouchInterval.
func (k *APIKey) NeedsTouch(now time.Time) bool {
	return k.LastUsedAt == nil || now.Sub(*k.LastUsedAt) >= KeyTouchInterval
}
