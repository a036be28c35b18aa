package auth

import (
	"context"
	"fmt"
	"math"
	"time"

	"carejourney/server/domain"
	"carejourney/server/requestinfo"
	"carejourney/server/store"
)

// Viewer is the signed-in person of a request.
type Viewer struct {
	User      *domain.User
	SessionID int64
	// ExpiresAt is when the session ends unless activity renews it.
	ExpiresAt time.Time
	// TOTPEnrollmentRequired holds the session to enrolling in two-factor
	// sign-in: the user's role requires it (TOTP_REQUIRED_ROLES) and the
	// account has none yet.
	TOTPEnrollmentRequired bool
}

// Sessions signs people in and out and resolves session tokens.
type Sessions struct {
	Store *store.Store
	// IdleTimeout ends a session after this long without a request.
	IdleTimeout time.Duration
	// MaxAge ends a session this long after sign-in, whatever the activity.
	MaxAge time.Duration
	Now    func() time.Time
	// Throttle, when set, refuses sign-ins after too many failures of an
	// account or from an address (requestinfo.ClientAddress).
	Throttle *SignInThrottle
	// TOTPRequiredRoles are the roles that must use two-factor sign-in:
	// their sessions may only enroll until they do.
	TOTPRequiredRoles []domain.Role
}

// touchEvery bounds how often a busy session's last-seen time is written.
const touchEvery = time.Minute

func (s *Sessions) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Sessions) expiry(createdAt, seenAt time.Time) time.Time {
	idle := seenAt.Add(s.IdleTimeout)
	hard := createdAt.Add(s.MaxAge)
	if hard.Before(idle) {
		return hard
	}
	return idle
}

var errInvalidCredentials = domain.Errorf(domain.CodeInvalidCredentials, "The email or password is not correct.")

// Credentials are what a sign-in gives: email and password, and for an
// account with two-factor sign-in a code of its authenticator app or one
// of its recovery codes.
type Credentials struct {
	Email, Password        string
	TOTPCode, RecoveryCode string
}

// SignIn checks credentials and opens a session. It returns the token for
// the cookie. A wrong email and a wrong password fail alike, in the same time.
// For an account with two-factor sign-in, a right password without a code
// is TOTP_REQUIRED and a wrong code TOTP_INVALID; both count as failures
// for the throttle. While the throttle locks out the account or the
// client's address, it refuses with TOO_MANY_ATTEMPTS without looking at
// the password.
func (s *Sessions) SignIn(ctx context.Context, c Credentials) (*Viewer, string, error) {
	email, password := c.Email, c.Password
	address := requestinfo.ClientAddress(ctx)
	if err := s.lockedOut(ctx, email, address); err != nil {
		return nil, "", err
	}
	// failed refuses with why; userID names the account tried, for the
	// audit log, when the email belongs to one.
	failed := func(userID int64, why *domain.Error) (*Viewer, string, error) {
		if err := s.failed(ctx, email, address); err != nil {
			return nil, "", err
		}
		if userID != 0 {
			return nil, "", &refusedSignIn{userID: userID, err: why}
		}
		return nil, "", why
	}
	normalized, err := domain.NormalizeEmail(email)
	if err != nil {
		CheckPassword(password, dummyHash)
		return failed(0, errInvalidCredentials)
	}
	user, err := s.Store.UserByEmail(ctx, normalized)
	if err != nil {
		return nil, "", fmt.Errorf("auth: unable to look up user: %w", err)
	}
	if user == nil {
		CheckPassword(password, dummyHash)
		return failed(0, errInvalidCredentials)
	}
	if !CheckPassword(password, user.PasswordHash) || !user.Active {
		return failed(user.ID, errInvalidCredentials)
	}
	if user.TOTPEnabledAt != nil {
		if err := s.checkSecondFactor(ctx, user.ID, c.TOTPCode, c.RecoveryCode); err != nil {
			if why := domain.AsError(err); why != nil {
				return failed(user.ID, why)
			}
			return nil, "", err
		}
	}
	if s.Throttle != nil {
		if err := s.Throttle.Succeeded(ctx, email); err != nil {
			return nil, "", err
		}
	}
	return s.Open(ctx, user)
}

// lockedOut refuses with TOO_MANY_ATTEMPTS while the throttle locks out
// email or address.
func (s *Sessions) lockedOut(ctx context.Context, email, address string) error {
	if s.Throttle == nil {
		return nil
	}
	until, err := s.Throttle.LockedUntil(ctx, email, address)
	if err != nil || until.IsZero() {
		return err
	}
	return tooManyAttempts(s.now(), until)
}

// failed tells the throttle of a failed guess at email's password or
// second factor from address.
func (s *Sessions) failed(ctx context.Context, email, address string) error {
	if s.Throttle == nil {
		return nil
	}
	return s.Throttle.Failed(ctx, email, address)
}

// Open opens a session for a user whose identity was established otherwise
// (a password, an accepted invitation) and returns the token for the cookie.
// The session the request came with, if any, is ended first: a session id
// never survives a sign-in, so one planted in a browser beforehand (session
// fixation) is worth nothing.
func (s *Sessions) Open(ctx context.Context, user *domain.User) (*Viewer, string, error) {
	if err := s.SignOut(ctx, ViewerFrom(ctx)); err != nil {
		return nil, "", fmt.Errorf("auth: unable to end the previous session: %w", err)
	}
	token, hash := NewToken()
	now := s.now()
	sess := &store.Session{TokenHash: hash, UserID: user.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: s.expiry(now, now)}
	if err := s.Store.CreateSession(ctx, sess); err != nil {
		return nil, "", fmt.Errorf("auth: unable to create session: %w", err)
	}
	return s.viewer(user, sess.ID, sess.ExpiresAt), token, nil
}

// viewer is the viewer of a session, with whether it is held to enrolling
// in two-factor sign-in.
func (s *Sessions) viewer(user *domain.User, sessionID int64, expires time.Time) *Viewer {
	return &Viewer{User: user, SessionID: sessionID, ExpiresAt: expires,
		TOTPEnrollmentRequired: domain.TOTPEnrollmentRequired(user, s.TOTPRequiredRoles)}
}

// tooManyAttempts says when to try again, in minutes and as a UTC time.
func tooManyAttempts(now, until time.Time) error {
	minutes := int(math.Ceil(until.Sub(now).Minutes()))
	unit := "minutes"
	if minutes == 1 {
		unit = "minute"
	}
	after := until.UTC().Truncate(time.Second)
	if after.Before(until) {
		after = after.Add(time.Second)
	}
	return domain.Errorf(domain.CodeTooManyAttempts,
		"Too many failed sign-in attempts. Try again in %d %s (after %s).", minutes, unit, after.Format(time.RFC3339))
}

// Passwords are the store's means to hash and check passwords: argon2id.
var Passwords = store.Passwords{Hash: HashPassword, Check: CheckPassword}

// AcceptInvitation uses a family invitation token with a password (a new
// one, or that of the person's existing FAMILY account) and signs the
// person in. It returns the token for the cookie.
//
// The password of an existing account is checked under the sign-in
// throttle, like a sign-in: refused while the account or the client's
// address is locked out, and a wrong one counts as a failure.
func (s *Sessions) AcceptInvitation(ctx context.Context, token, password string) (*Viewer, string, error) {
	pw := Passwords
	if s.Throttle != nil {
		address := requestinfo.ClientAddress(ctx)
		pw.Guard = func(email string) error { return s.lockedOut(ctx, email, address) }
		pw.Failed = func(email string) error { return s.failed(ctx, email, address) }
	}
	user, err := s.Store.AcceptInvitation(ctx, HashToken(token), password, pw)
	if err != nil {
		return nil, "", err
	}
	return s.Open(ctx, user)
}

// Authenticate resolves a session token to its viewer; nil when the token
// is unknown, expired, signed out or belongs to a deactivated user.
func (s *Sessions) Authenticate(ctx context.Context, token string) (*Viewer, error) {
	now := s.now()
	sess, user, err := s.Store.ActiveSession(ctx, HashToken(token), now)
	if err != nil {
		return nil, fmt.Errorf("auth: unable to look up session: %w", err)
	}
	if sess == nil {
		return nil, nil
	}
	expires := sess.ExpiresAt
	if now.Sub(sess.LastSeenAt) >= touchEvery {
		expires = s.expiry(sess.CreatedAt, now)
		if err := s.Store.TouchSession(ctx, sess.ID, now, expires); err != nil {
			return nil, fmt.Errorf("auth: unable to renew session: %w", err)
		}
	}
	return s.viewer(user, sess.ID, expires), nil
}

// SignOut ends the viewer's session.
func (s *Sessions) SignOut(ctx context.Context, v *Viewer) error {
	if v == nil {
		return nil
	}
	return s.Store.EndSession(ctx, v.SessionID)
}

type viewerKey struct{}

// WithViewer returns ctx carrying v.
func WithViewer(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, viewerKey{}, v)
}

// ViewerFrom returns the request's viewer, nil when nobody is signed in.
func ViewerFrom(ctx context.Context) *Viewer {
	v, _ := ctx.Value(viewerKey{}).(*Viewer)
	return v
}

// ActorID is the user id that writes are recorded under; 0 for nobody.
func ActorID(ctx context.Context) int64 {
	if v := ViewerFrom(ctx); v != nil {
		return v.User.ID
	}
	return 0
}
