// Package globalid encodes the opaque IDs of the API: the type name and the
// key, base64url-encoded, so clients treat them as strings and any object can
// be fetched again through `node`.
package globalid

import (
	"encoding/base64"
	"strconv"
	"strings"

	"carejourney/server/domain"
)

// The type names inside IDs: the GraphQL type names.
const (
	TypeMember      = "Member"
	TypeCareEpisode = "CareEpisode"
	TypeCareLevel   = "CareLevel"
	TypeUser        = "User"

	TypePeer                      = "Peer"
	TypePeerAssignment            = "PeerAssignment"
	TypePeerConversation          = "PeerConversation"
	TypeHouse                     = "House"
	TypeResidency                 = "Residency"
	TypeGroup                     = "Group"
	TypeMeeting                   = "Meeting"
	TypeAftercarePlan             = "AftercarePlan"
	TypeAftercareGoal             = "AftercareGoal"
	TypeAftercareCommitment       = "AftercareCommitment"
	TypeCheckIn                   = "CheckIn"
	TypeRecoveryCapitalAssessment = "RecoveryCapitalAssessment"
	TypeUpdate                    = "Update"
	TypeFamilyContact             = "FamilyContact"
	TypeConsent                   = "Consent"
	TypeSharedMember              = "SharedMember"
	TypeSharedUpdate              = "SharedUpdate"
	TypeApiKey                    = "ApiKey"
	TypePartner                   = "Partner"
	TypeAuditEvent                = "AuditEvent"
)

// Encode returns the ID of the object of typeName with key.
func Encode(typeName, key string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(typeName + ":" + key))
}

// EncodeInt returns the ID of the object of typeName with a numeric key.
func EncodeInt(typeName string, id int64) string {
	return Encode(typeName, strconv.FormatInt(id, 10))
}

// Decode splits an ID into type name and key. A malformed ID is an
// INVALID_INPUT error.
func Decode(id string) (typeName, key string, err error) {
	raw, decodeErr := base64.RawURLEncoding.DecodeString(id)
	typeName, key, ok := strings.Cut(string(raw), ":")
	if decodeErr != nil || !ok || typeName == "" || key == "" {
		return "", "", domain.Errorf(domain.CodeInvalidInput, "%q is not a valid ID.", truncate(id))
	}
	return typeName, key, nil
}

// DecodeInt returns the numeric key of an ID that must be of typeName. An
// ID of another type is NOT_FOUND: no object of the wanted type has it.
func DecodeInt(id, typeName string) (int64, error) {
	t, key, err := Decode(id)
	if err != nil {
		return 0, err
	}
	if t != typeName {
		return 0, domain.Errorf(domain.CodeNotFound, "No %s has the ID %q.", typeName, truncate(id))
	}
	n, convErr := strconv.ParseInt(key, 10, 64)
	if convErr != nil || n <= 0 {
		return 0, domain.Errorf(domain.CodeInvalidInput, "%q is not a valid ID.", truncate(id))
	}
	return n, nil
}

// DecodeField is DecodeInt for an ID in a mutation input: its errors point
// at the field, so they can be reported as userErrors.
func DecodeField(id, typeName, field string) (int64, error) {
	n, err := DecodeInt(id, typeName)
	if e := domain.AsError(err); e != nil {
		return 0, &domain.Error{Code: e.Code, Field: []string{"input", field}, Message: e.Message}
	}
	return n, err
}

// DecodeOptionalField is DecodeField for an optional ID: nil stays nil.
func DecodeOptionalField(id *string, typeName, field string) (*int64, error) {
	if id == nil {
		return nil, nil
	}
	n, err := DecodeField(*id, typeName, field)
	if err != nil {
		return nil, err
	}
	return &n, nil
}

func truncate(s string) string {
	if len(s) > 64 {
		return s[:64] + "…"
	}
	return s
}
