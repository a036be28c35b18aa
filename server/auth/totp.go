package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base32"
	"fmt"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"carejourney/server/domain"
	"carejourney/server/requestinfo"
)

// Two-factor sign-in with TOTP (RFC 6238), through github.com/pquerna/otp:
// it makes the secrets, the otpauth:// URIs that authenticator apps read,
// and the codes. The server checks a code against the steps around now
// itself, so that it knows which step matched and can refuse that code a
// second time (the library's Validate does not say).

var totpOpts = totp.ValidateOpts{
	Period: uint(domain.TOTPPeriod / time.Second), Skew: 0,
	Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1,
}

// newTOTPKey makes a new secret for account (the user's email, shown in the
// authenticator app under the product's name).
func newTOTPKey(account string) (*otp.Key, error) {
	return totp.Generate(totp.GenerateOpts{
		Issuer: domain.TOTPIssuer, AccountName: account,
		Period: totpOpts.Period, Digits: totpOpts.Digits, Algorithm: totpOpts.Algorithm, SecretSize: 20,
	})
}

// matchTOTP finds the time step whose code is code, within one step of
// drift around now; ok is false when none matches. The comparison is in
// constant time.
func matchTOTP(secret, code string, now time.Time) (step int64, ok bool) {
	code = strings.TrimSpace(code)
	if len(code) != domain.TOTPDigits {
		return 0, false
	}
	period := int64(totpOpts.Period)
	current := now.Unix() / period
	for delta := int64(-domain.TOTPSkew); delta <= domain.TOTPSkew; delta++ {
		s := current + delta
		want, err := totp.GenerateCodeCustom(secret, time.Unix(s*period, 0).UTC(), totpOpts)
		if err != nil {
			return 0, false
		}
		if subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			return s, true
		}
	}
	return 0, false
}

// newRecoveryCodes returns n recovery codes to show once (80 random bits
// each, as XXXX-XXXX-XXXX-XXXX in base32) and the hashes stored for them.
func newRecoveryCodes(n int) (codes []string, hashes [][]byte) {
	enc := base32.StdEncoding.WithPadding(base32.NoPadding)
	for range n {
		b := make([]byte, 10)
		_, _ = rand.Read(b)
		raw := enc.EncodeToString(b) // 16 characters
		codes = append(codes, raw[0:4]+"-"+raw[4:8]+"-"+raw[8:12]+"-"+raw[12:16])
		hashes = append(hashes, HashToken(raw))
	}
	return codes, hashes
}

var (
	errTOTPRequired = domain.FieldError(domain.CodeTOTPRequired, "totpCode",
		"This account has two-factor sign-in: enter the code of your authenticator app, or a recovery code.")
	errTOTPInvalid = domain.FieldError(domain.CodeTOTPInvalid, "totpCode",
		"The code is not correct, has expired or was used already.")
	errRecoveryInvalid = domain.FieldError(domain.CodeTOTPInvalid, "recoveryCode",
		"The recovery code is not correct or was used already.")
)

// checkSecondFactor checks a TOTP code or, failing that, a recovery code of
// user. An accepted code is spent: the same TOTP code (or an earlier one)
// and the same recovery code never work again.
func (s *Sessions) checkSecondFactor(ctx context.Context, userID int64, totpCode, recoveryCode string) error {
	switch {
	case strings.TrimSpace(totpCode) != "":
		st, err := s.Store.TOTP(ctx, userID)
		if err != nil {
			return fmt.Errorf("auth: unable to load two-factor state: %w", err)
		}
		if st.EnabledAt == nil {
			return errTOTPInvalid
		}
		step, ok := matchTOTP(st.Secret, totpCode, s.now())
		if !ok {
			return errTOTPInvalid
		}
		fresh, err := s.Store.UseTOTPStep(ctx, userID, step)
		if err != nil {
			return fmt.Errorf("auth: unable to record a code's use: %w", err)
		}
		if !fresh {
			return errTOTPInvalid
		}
		return nil
	case strings.TrimSpace(recoveryCode) != "":
		ok, err := s.Store.UseRecoveryCode(ctx, userID, HashToken(domain.NormalizeRecoveryCode(recoveryCode)))
		if err != nil {
			return fmt.Errorf("auth: unable to use a recovery code: %w", err)
		}
		if !ok {
			return errRecoveryInvalid
		}
		return nil
	}
	return errTOTPRequired
}

// TOTPEnrollment is what beginning an enrollment shows once: the secret and
// the otpauth:// URI that authenticator apps read (as a QR code, or typed).
type TOTPEnrollment struct {
	Secret, URI string
}

// BeginTOTP makes a new pending secret for the viewer; it turns on when a
// code of it is confirmed. Beginning again replaces the pending one.
func (s *Sessions) BeginTOTP(ctx context.Context, v *Viewer) (*TOTPEnrollment, error) {
	if err := domain.CheckTOTPEnrollment(v.User); err != nil {
		return nil, err
	}
	key, err := newTOTPKey(v.User.Email)
	if err != nil {
		return nil, fmt.Errorf("auth: unable to make a TOTP secret: %w", err)
	}
	if err := s.Store.BeginTOTP(ctx, v.User.ID, key.Secret()); err != nil {
		return nil, err
	}
	return &TOTPEnrollment{Secret: key.Secret(), URI: key.URL()}, nil
}

// ConfirmTOTP turns on the viewer's pending secret when code is one of its
// current codes, and returns the account's new recovery codes (shown once).
func (s *Sessions) ConfirmTOTP(ctx context.Context, v *Viewer, code string) (*domain.User, []string, error) {
	st, err := s.Store.TOTP(ctx, v.User.ID)
	if err != nil {
		return nil, nil, fmt.Errorf("auth: unable to load two-factor state: %w", err)
	}
	if st.EnabledAt != nil {
		return nil, nil, domain.Errorf(domain.CodeTOTPAlreadyEnabled, "Two-factor sign-in is on already.")
	}
	if st.Secret == "" {
		return nil, nil, domain.Errorf(domain.CodeTOTPNotEnabled, "Begin the enrollment first (beginTotpEnrollment).")
	}
	step, ok := matchTOTP(st.Secret, code, s.now())
	if !ok {
		return nil, nil, domain.FieldError(domain.CodeTOTPInvalid, "code", "The code is not correct or has expired; enter the current one.")
	}
	codes, hashes := newRecoveryCodes(domain.RecoveryCodeCount)
	u, err := s.Store.EnableTOTP(ctx, v.User.ID, st.Secret, step, hashes)
	if err != nil {
		return nil, nil, err
	}
	return u, codes, nil
}

// DisableTOTP turns off the two-factor sign-in of the user targetID, by
// actor: their own with a current code or a recovery code (checked under
// the sign-in throttle), another's as an admin (domain.CheckDisableTOTP).
func (s *Sessions) DisableTOTP(ctx context.Context, actor *Viewer, targetID int64, code, recoveryCode string) (*domain.User, error) {
	d := domain.DisableTOTP{ActorID: actor.User.ID, ActorRole: actor.User.Role, TargetID: targetID}
	if targetID == actor.User.ID && actor.User.TOTPEnabledAt == nil {
		return nil, domain.Errorf(domain.CodeTOTPNotEnabled, "Two-factor sign-in is not on for your account.")
	}
	if targetID == actor.User.ID && (strings.TrimSpace(code) != "" || strings.TrimSpace(recoveryCode) != "") {
		// Under the sign-in throttle: a stolen session must not be able to
		// guess its way to removing the second factor.
		address := requestinfo.ClientAddress(ctx)
		if err := s.lockedOut(ctx, actor.User.Email, address); err != nil {
			return nil, err
		}
		err := s.checkSecondFactor(ctx, targetID, code, recoveryCode)
		if err != nil && domain.AsError(err) == nil {
			return nil, err
		}
		if err != nil {
			if err := s.failed(ctx, actor.User.Email, address); err != nil {
				return nil, err
			}
		}
		if err != nil {
			e := domain.AsError(err)
			field := "code"
			if strings.TrimSpace(code) == "" {
				field = "recoveryCode"
			}
			return nil, domain.FieldError(e.Code, field, e.Message)
		}
		d.Proved = true
	}
	if err := domain.CheckDisableTOTP(d); err != nil {
		return nil, err
	}
	return s.Store.DisableTOTP(ctx, targetID)
}
