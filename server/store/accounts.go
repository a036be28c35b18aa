package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// UserWithPassword loads one user with its password hash; nil when none.
func (s *Store) UserWithPassword(ctx context.Context, id int64) (*domain.User, error) {
	u := new(domain.User)
	err := s.db.NewSelect().Model(u).Where("id = ?", id).Scan(ctx)
	if isNoRows(err) {
		return nil, nil
	}
	return u, err
}

// endSessions ends a user's live sessions but keep (0 for none), and
// voids their unused password reset links: a password that changed makes
// an earlier link pointless.
func endSessions(ctx context.Context, tx bun.Tx, userID, keep int64) error {
	q := tx.NewUpdate().Table("sessions").Set("ended_at = now()").Where("user_id = ? AND ended_at IS NULL", userID)
	if keep != 0 {
		q.Where("id <> ?", keep)
	}
	if _, err := q.Exec(ctx); err != nil {
		return err
	}
	_, err := tx.NewUpdate().Table("password_resets").Set("expires_at = now()").
		Where("user_id = ? AND used_at IS NULL AND expires_at > now()", userID).Exec(ctx)
	return err
}

// ChangePassword stores a user's new password hash and, in the same
// transaction, ends every other session of the user (all but keep) and
// voids their unused reset links.
func (s *Store) ChangePassword(ctx context.Context, userID, keep int64, hash string) (*domain.User, error) {
	u := new(domain.User)
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		res, err := tx.NewUpdate().Model(u).Set("password_hash = ?", hash).Where("id = ? AND active", userID).
			Returning("*").Exec(ctx)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.Errorf(domain.CodeUnauthenticated, "Sign in first.")
		}
		return endSessions(ctx, tx, userID, keep)
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// IssuePasswordReset stores a reset link for a user. tokenHash is the
// SHA-256 of the token handed out (the token itself is never stored); the
// link expires after domain.PasswordResetTTL and works once. A new link
// voids the user's earlier unused ones, so only the latest works.
func (s *Store) IssuePasswordReset(ctx context.Context, by, userID int64, tokenHash []byte) (*domain.PasswordReset, *domain.User, error) {
	now := s.Now()
	r := &domain.PasswordReset{UserID: userID, TokenHash: tokenHash, CreatedByUserID: userRef(by), CreatedAt: now,
		ExpiresAt: now.Add(domain.PasswordResetTTL)}
	u := new(domain.User)
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		err := tx.NewSelect().Model(u).Where("id = ?", userID).For("UPDATE").Scan(ctx)
		if isNoRows(err) {
			return domain.FieldError(domain.CodeNotFound, "userId", "User not found.")
		}
		if err != nil {
			return err
		}
		if err := domain.CheckResetTarget(u); err != nil {
			return err
		}
		_, err = tx.NewUpdate().Model((*domain.PasswordReset)(nil)).ModelTableExpr("password_resets").
			Set("expires_at = ?", now).
			Where("user_id = ? AND used_at IS NULL AND expires_at > ?", userID, now).Exec(ctx)
		if err != nil {
			return err
		}
		_, err = tx.NewInsert().Model(r).ModelTableExpr("password_resets").ExcludeColumn("id", "used_at").
			Returning("id").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return r, u, nil
}

// ResetPassword uses a reset link, in one transaction that locks it, so a
// token works once however many people try it at the same moment: the
// first sets the password, the others wait for its lock and then find the
// link used (RESET_INVALID). It ends every session of the user. hash is the
// new password's hash, made by the caller before (hashing is slow, and
// must not hold the lock).
func (s *Store) ResetPassword(ctx context.Context, tokenHash []byte, hash string) (*domain.User, error) {
	u := new(domain.User)
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		now := s.Now()
		r := new(domain.PasswordReset)
		err := tx.NewSelect().Model(r).ModelTableExpr("password_resets AS password_reset").
			Where("token_hash = ?", tokenHash).For("UPDATE").Scan(ctx)
		if isNoRows(err) {
			r = nil
		} else if err != nil {
			return err
		}
		if err := domain.CheckPasswordReset(r, now); err != nil {
			return err
		}
		if _, err := tx.NewUpdate().Table("password_resets").Set("used_at = ?", now).Where("id = ?", r.ID).Exec(ctx); err != nil {
			return err
		}
		res, err := tx.NewUpdate().Model(u).Set("password_hash = ?", hash).Where("id = ? AND active", r.UserID).
			Returning("*").Exec(ctx)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			// Deactivated since the link was issued.
			return domain.FieldError(domain.CodeResetInvalid, "token", "The account is deactivated; it cannot sign in.")
		}
		return endSessions(ctx, tx, r.UserID, 0)
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// TOTPState is a user's two-factor sign-in as stored.
type TOTPState struct {
	// Secret is the base32 shared secret, pending while EnabledAt is nil;
	// "" when there is none. Never log it.
	Secret    string
	EnabledAt *time.Time
	// LastStep is the time step of the last code accepted.
	LastStep *int64
}

// TOTP loads a user's two-factor state.
func (s *Store) TOTP(ctx context.Context, userID int64) (TOTPState, error) {
	var st TOTPState
	var secret *string
	err := s.db.NewSelect().Table("users").Column("totp_secret", "totp_enabled_at", "totp_last_step").
		Where("id = ?", userID).Scan(ctx, &secret, &st.EnabledAt, &st.LastStep)
	if secret != nil {
		st.Secret = *secret
	}
	return st, err
}

// BeginTOTP stores a pending secret for a user without TOTP; a second
// begin replaces the first. It refuses (TOTP_ALREADY_ENABLED) while TOTP
// is on.
func (s *Store) BeginTOTP(ctx context.Context, userID int64, secret string) error {
	res, err := s.db.NewUpdate().Table("users").Set("totp_secret = ?", secret).Set("totp_last_step = NULL").
		Where("id = ? AND totp_enabled_at IS NULL", userID).Exec(ctx)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.CodeTOTPAlreadyEnabled, "Two-factor sign-in is on already; disable it first to enroll a new device.")
	}
	return nil
}

// EnableTOTP turns on the pending secret (only if it is still the one the
// code was checked against), records the step of that code, and replaces
// the user's recovery codes by codeHashes, in one transaction.
func (s *Store) EnableTOTP(ctx context.Context, userID int64, secret string, step int64, codeHashes [][]byte) (*domain.User, error) {
	u := new(domain.User)
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		res, err := tx.NewUpdate().Model(u).Set("totp_enabled_at = ?", s.Now()).Set("totp_last_step = ?", step).
			Where("id = ? AND totp_secret = ? AND totp_enabled_at IS NULL", userID, secret).Returning("*").Exec(ctx)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.Errorf(domain.CodeTOTPNotEnabled, "The enrollment changed meanwhile; begin it again.")
		}
		return replaceRecoveryCodes(ctx, tx, userID, codeHashes)
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

func replaceRecoveryCodes(ctx context.Context, tx bun.Tx, userID int64, codeHashes [][]byte) error {
	if _, err := tx.NewDelete().Table("totp_recovery_codes").Where("user_id = ?", userID).Exec(ctx); err != nil {
		return err
	}
	if len(codeHashes) == 0 {
		return nil
	}
	type row struct {
		bun.BaseModel `bun:"table:totp_recovery_codes"`
		UserID        int64  `bun:"user_id"`
		CodeHash      []byte `bun:"code_hash"`
	}
	rows := make([]row, len(codeHashes))
	for i, h := range codeHashes {
		rows[i] = row{UserID: userID, CodeHash: h}
	}
	_, err := tx.NewInsert().Model(&rows).Exec(ctx)
	return err
}

// UseTOTPStep records that a code of step was accepted for a user, unless
// a code of that step or a later one was accepted already: ok is false for
// a replayed code (or when TOTP is off). Concurrent uses of one code: one
// wins.
func (s *Store) UseTOTPStep(ctx context.Context, userID, step int64) (ok bool, err error) {
	res, err := s.db.NewUpdate().Table("users").Set("totp_last_step = ?", step).
		Where("id = ? AND totp_secret IS NOT NULL", userID).
		Where("(totp_last_step IS NULL OR totp_last_step < ?)", step).Exec(ctx)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// UseRecoveryCode spends one of a user's unused recovery codes; ok is
// false when the code is not one of them or was used.
func (s *Store) UseRecoveryCode(ctx context.Context, userID int64, codeHash []byte) (ok bool, err error) {
	res, err := s.db.NewUpdate().Table("totp_recovery_codes").Set("used_at = now()").
		Where("user_id = ? AND code_hash = ? AND used_at IS NULL", userID, codeHash).Exec(ctx)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// UnusedRecoveryCodes counts a user's recovery codes left.
func (s *Store) UnusedRecoveryCodes(ctx context.Context, userID int64) (int, error) {
	n, err := s.db.NewSelect().Table("totp_recovery_codes").Where("user_id = ? AND used_at IS NULL", userID).Count(ctx)
	return int(n), err
}

// DisableTOTP turns a user's two-factor sign-in off: the secret and the
// recovery codes are deleted. It refuses (TOTP_NOT_ENABLED) when it is off.
func (s *Store) DisableTOTP(ctx context.Context, userID int64) (*domain.User, error) {
	u := new(domain.User)
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		res, err := tx.NewUpdate().Model(u).Set("totp_secret = NULL").Set("totp_enabled_at = NULL").Set("totp_last_step = NULL").
			Where("id = ? AND totp_enabled_at IS NOT NULL", userID).Returning("*").Exec(ctx)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.FieldError(domain.CodeTOTPNotEnabled, "userId", "Two-factor sign-in is not on for this account.")
		}
		return replaceRecoveryCodes(ctx, tx, userID, nil)
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}
