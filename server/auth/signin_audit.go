package auth

import (
	"errors"

	"carejourney/server/domain"
)

// refusedSignIn is the error of a sign-in refused for an account that
// exists: the caller sees err (INVALID_CREDENTIALS, or TOTP_REQUIRED and
// TOTP_INVALID after a right password), the audit log which account was
// tried.
type refusedSignIn struct {
	userID int64
	err    *domain.Error
}

func (e *refusedSignIn) Error() string { return e.err.Error() }
func (e *refusedSignIn) Unwrap() error { return e.err }

// RefusedAccount returns the id of the account a refused sign-in named; 0
// when the email belongs to no account (or err is no refused sign-in).
func RefusedAccount(err error) int64 {
	var r *refusedSignIn
	if errors.As(err, &r) {
		return r.userID
	}
	return 0
}
