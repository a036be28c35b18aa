package auth

import "errors"

// refusedSignIn is the error of a sign-in refused for an account that
// exists: the caller sees INVALID_CREDENTIALS, the audit log which account
// was tried.
type refusedSignIn struct{ userID int64 }

func (e *refusedSignIn) Error() string { return errInvalidCredentials.Error() }
func (e *refusedSignIn) Unwrap() error { return errInvalidCredentials }

// RefusedAccount returns the id of the account a refused sign-in named; 0
// when the email belongs to no account (or err is no refused sign-in).
func RefusedAccount(err error) int64 {
	var r *refusedSignIn
	if errors.As(err, &r) {
		return r.userID
	}
	return 0
}
