package auth

import (
	"context"
	"fmt"

	"carejourney/server/domain"
	"carejourney/server/requestinfo"
)

// ChangePassword changes the viewer's password: the new one must follow the
// password policy and the current one be given right (under the sign-in
// throttle, as a sign-in would check it). Every other session of the user
// ends; the one making the change stays.
func (s *Sessions) ChangePassword(ctx context.Context, v *Viewer, current, next string) (*domain.User, error) {
	// The new password's policy first: a change refused for it is no guess
	// at the current one.
	if err := domain.CheckPasswordField("newPassword", next); err != nil {
		return nil, err
	}
	address := requestinfo.ClientAddress(ctx)
	if err := s.lockedOut(ctx, v.User.Email, address); err != nil {
		return nil, err
	}
	u, err := s.Store.UserWithPassword(ctx, v.User.ID)
	if err != nil {
		return nil, fmt.Errorf("auth: unable to load user: %w", err)
	}
	ok := u != nil && CheckPassword(current, u.PasswordHash)
	if !ok {
		if err := s.failed(ctx, v.User.Email, address); err != nil {
			return nil, err
		}
	}
	if err := domain.CheckCurrentPassword(ok); err != nil {
		return nil, err
	}
	hash, err := HashPassword(next)
	if err != nil {
		return nil, err
	}
	return s.Store.ChangePassword(ctx, v.User.ID, v.SessionID, hash)
}

// IssuePasswordReset makes a one-time reset link's token for the user
// userID, by the admin by. The token is returned once; only its hash is
// stored.
func (s *Sessions) IssuePasswordReset(ctx context.Context, by, userID int64) (token string, r *domain.PasswordReset, u *domain.User, err error) {
	token, hash := NewToken()
	r, u, err = s.Store.IssuePasswordReset(ctx, by, userID, hash)
	if err != nil {
		return "", nil, nil, err
	}
	return token, r, u, nil
}

// ResetPassword sets a new password with a reset link's token and ends
// every session of the account. It does not sign anyone in: the person
// signs in with the new password (and their second factor, when they have
// one: a reset link does not bypass it).
func (s *Sessions) ResetPassword(ctx context.Context, token, next string) (*domain.User, error) {
	if err := domain.CheckPasswordField("newPassword", next); err != nil {
		return nil, err
	}
	hash, err := HashPassword(next)
	if err != nil {
		return nil, err
	}
	return s.Store.ResetPassword(ctx, HashToken(token), hash)
}
