package model

import "carejourney/server/domain"

// ResetPasswordPayload is the result of resetPassword. Account is the
// account whose password was set: the audit log names it as the object of
// the write, while the schema shows the anonymous caller nothing of it.
type ResetPasswordPayload struct {
	Account    *domain.User
	UserErrors []*UserError
}
