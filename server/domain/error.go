package domain

import (
	"errors"
	"fmt"
)

// Code names a kind of failure. The values are the names of the GraphQL
// UserErrorCode enum; the API layer maps them to the outside world in one
// table, and anything that is not an *Error becomes an internal error.
type Code string

// The codes the product reports.
const (
	// Generic codes.
	CodeInvalidInput       Code = "INVALID_INPUT"
	CodeNotFound           Code = "NOT_FOUND"
	CodeConflict           Code = "CONFLICT"
	CodeUnauthenticated    Code = "UNAUTHENTICATED"
	CodeForbidden          Code = "FORBIDDEN"
	CodeInvalidCredentials Code = "INVALID_CREDENTIALS"
	CodeDuplicate          Code = "DUPLICATE"

	// Care journey codes.
	CodeUnknownCareLevel     Code = "UNKNOWN_CARE_LEVEL"
	CodeAlreadyInCare        Code = "ALREADY_IN_CARE"
	CodeNotInCare            Code = "NOT_IN_CARE"
	CodeSameCareLevel        Code = "SAME_CARE_LEVEL"
	CodeBeforeCurrentEpisode Code = "BEFORE_CURRENT_EPISODE"
	CodeEpisodeOverlap       Code = "EPISODE_OVERLAP"
	CodeAlreadySuperseded    Code = "ALREADY_SUPERSEDED"
	CodeInFuture             Code = "IN_FUTURE"

	// Recovery graph codes.
	CodeHouseFull              Code = "HOUSE_FULL"
	CodeBedTaken               Code = "BED_TAKEN"
	CodeAlreadyInHouse         Code = "ALREADY_IN_HOUSE"
	CodeNotInHouse             Code = "NOT_IN_HOUSE"
	CodeCapacityBelowOccupancy Code = "CAPACITY_BELOW_OCCUPANCY"
	CodeCaseloadFull           Code = "CASELOAD_FULL"
	CodePeerInactive           Code = "PEER_INACTIVE"
	CodeMeetingNotStarted      Code = "MEETING_NOT_STARTED"
	CodeActivePlanExists       Code = "ACTIVE_PLAN_EXISTS"
	CodePlanClosed             Code = "PLAN_CLOSED"
	CodeInvalidStatusChange    Code = "INVALID_STATUS_CHANGE"

	// Access codes.
	CodeTooManyAttempts   Code = "TOO_MANY_ATTEMPTS"
	CodeInvitationInvalid Code = "INVITATION_INVALID"
	CodeAlreadyRevoked    Code = "ALREADY_REVOKED"
	CodeLastAdmin         Code = "LAST_ADMIN"
	CodeHasAccount        Code = "HAS_ACCOUNT"

	// Account codes.
	CodeResetInvalid           Code = "RESET_INVALID"
	CodeTOTPRequired           Code = "TOTP_REQUIRED"
	CodeTOTPInvalid            Code = "TOTP_INVALID"
	CodeTOTPEnrollmentRequired Code = "TOTP_ENROLLMENT_REQUIRED"
	CodeTOTPAlreadyEnabled     Code = "TOTP_ALREADY_ENABLED"
	CodeTOTPNotEnabled         Code = "TOTP_NOT_ENABLED"
)

// AllCodes lists every code, so tests can check the API enum covers them.
var AllCodes = []Code{
	CodeInvalidInput, CodeNotFound, CodeConflict, CodeUnauthenticated, CodeForbidden,
	CodeInvalidCredentials, CodeDuplicate,
	CodeUnknownCareLevel, CodeAlreadyInCare, CodeNotInCare, CodeSameCareLevel,
	CodeBeforeCurrentEpisode, CodeEpisodeOverlap, CodeAlreadySuperseded, CodeInFuture,
	CodeHouseFull, CodeBedTaken, CodeAlreadyInHouse, CodeNotInHouse, CodeCapacityBelowOccupancy,
	CodeCaseloadFull, CodePeerInactive, CodeMeetingNotStarted,
	CodeActivePlanExists, CodePlanClosed, CodeInvalidStatusChange,
	CodeTooManyAttempts, CodeInvitationInvalid, CodeAlreadyRevoked, CodeLastAdmin, CodeHasAccount,
	CodeResetInvalid, CodeTOTPRequired, CodeTOTPInvalid, CodeTOTPEnrollmentRequired, CodeTOTPAlreadyEnabled, CodeTOTPNotEnabled,
}

// Error is a failure the caller can act on: a broken business rule, bad
// input, a missing record or missing rights. Field names the input field
// at fault, as a path (e.g. ["input", "careLevelCode"]), when there is one.
type Error struct {
	Code    Code
	Field   []string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns an *Error with a formatted message and no field.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldError returns an *Error that points at one input field.
func FieldError(code Code, field string, message string) *Error {
	return &Error{Code: code, Field: []string{"input", field}, Message: message}
}

// AsError returns the *Error inside err, or nil when err is not one (an
// internal error whose details must not reach the caller).
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// ErrorCode returns err's code, or "" for an internal error.
func ErrorCode(err error) Code {
	if e := AsError(err); e != nil {
		return e.Code
	}
	return ""
}
