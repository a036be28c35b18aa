package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// CreateUser stores a user whose password is already hashed.
func (s *Store) CreateUser(ctx context.Context, u *domain.User) error {
	u.Active = true
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		_, err := tx.NewInsert().Model(u).ExcludeColumn("id", "created_at").Returning("*").Exec(ctx)
		return err
	})
	return err
}

// UserByEmail finds an active or inactive user by normalised email; nil when none.
func (s *Store) UserByEmail(ctx context.Context, email string) (*domain.User, error) {
	u := new(domain.User)
	err := s.db.NewSelect().Model(u).Where("email = ?", email).Scan(ctx)
	if isNoRows(err) {
		return nil, nil
	}
	return u, err
}

// UsersByID loads users by id.
func (s *Store) UsersByID(ctx context.Context, ids []int64) (map[int64]*domain.User, error) {
	var rows []*domain.User
	if err := s.db.NewSelect().Model(&rows).Where("id IN (?)", bun.List(ids)).Scan(ctx); err != nil {
		return nil, err
	}
	return indexBy(rows, func(u *domain.User) int64 { return u.ID }), nil
}

// CountUsers counts all users (to know whether the demo data is loaded).
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	n, err := s.db.NewSelect().Table("users").Count(ctx)
	return int(n), err
}

// Session is a signed-in browser. Only the SHA-256 of its token is stored.
type Session struct {
	ID         int64      `bun:"id,pk,autoincrement"`
	TokenHash  []byte     `bun:"token_hash"`
	UserID     int64      `bun:"user_id"`
	CreatedAt  time.Time  `bun:"created_at"`
	LastSeenAt time.Time  `bun:"last_seen_at"`
	ExpiresAt  time.Time  `bun:"expires_at"`
	EndedAt    *time.Time `bun:"ended_at"`
}

// CreateSession stores a new session.
func (s *Store) CreateSession(ctx context.Context, sess *Session) error {
	_, err := s.db.NewInsert().Model(sess).ExcludeColumn("id", "ended_at").Returning("id").Exec(ctx)
	return err
}

// ActiveSession finds the live session with this token hash and its active
// user, in one statement; nil, nil when there is none.
func (s *Store) ActiveSession(ctx context.Context, tokenHash []byte, now time.Time) (*Session, *domain.User, error) {
	sess := &Session{TokenHash: tokenHash}
	u := new(domain.User)
	err := s.db.NewRaw(`
		SELECT s.id, s.user_id, s.created_at, s.last_seen_at, s.expires_at,
		       u.id, u.email, u.name, u.role, u.active, u.created_at
		FROM sessions AS s JOIN users AS u ON u.id = s.user_id
		WHERE s.token_hash = ? AND s.ended_at IS NULL AND s.expires_at > ? AND u.active`, tokenHash, now).
		Scan(ctx, &sess.ID, &sess.UserID, &sess.CreatedAt, &sess.LastSeenAt, &sess.ExpiresAt,
			&u.ID, &u.Email, &u.Name, &u.Role, &u.Active, &u.CreatedAt)
	if isNoRows(err) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	return sess, u, nil
}

// TouchSession records activity and moves the idle expiry.
func (s *Store) TouchSession(ctx context.Context, id int64, seenAt, expiresAt time.Time) error {
	_, err := s.db.NewUpdate().Table("sessions").
		Set("last_seen_at = ?", seenAt).Set("expires_at = ?", expiresAt).
		Where("id = ? AND ended_at IS NULL", id).Exec(ctx)
	return err
}

// EndSession signs a session out.
func (s *Store) EndSession(ctx context.Context, id int64) error {
	_, err := s.db.NewUpdate().Table("sessions").Set("ended_at = now()").
		Where("id = ? AND ended_at IS NULL", id).Exec(ctx)
	return err
}
