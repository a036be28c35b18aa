package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// NewUser is an account to open, its password in the clear.
type NewUser struct {
	Email    string
	Name     string
	Role     domain.Role
	Password string
}

// CreateUser opens an account: the one place that checks a new account's
// fields (domain.NewUser), hashes its password (pw.Hash) and stores it,
// active. The API's createUser, the `user create` command and the demo
// seed call it; an invitation's FAMILY account goes through the same
// newUserRow and insertUser in the invitation's transaction. DUPLICATE when
// the email is taken.
func (s *Store) CreateUser(ctx context.Context, in NewUser, pw Passwords) (*domain.User, error) {
	// Hashed before the transaction, which need not wait for argon2id.
	u, err := newUserRow(in, pw)
	if err != nil {
		return nil, err
	}
	if err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error { return insertUser(ctx, tx, u) }); err != nil {
		return nil, err
	}
	return u, nil
}

// newUserRow checks a new account and hashes its password.
func newUserRow(in NewUser, pw Passwords) (*domain.User, error) {
	u, err := domain.NewUser(in.Email, in.Name, in.Role, in.Password)
	if err != nil {
		return nil, err
	}
	if u.PasswordHash, err = pw.Hash(in.Password); err != nil {
		return nil, err
	}
	return u, nil
}

// insertUser stores a checked account, filling its id and creation time.
func insertUser(ctx context.Context, tx bun.Tx, u *domain.User) error {
	_, err := tx.NewInsert().Model(u).ExcludeColumn("id", "created_at").Returning("*").Exec(ctx)
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
		       u.id, u.email, u.name, u.role, u.active, u.created_at, u.totp_enabled_at
		FROM sessions AS s JOIN users AS u ON u.id = s.user_id
		WHERE s.token_hash = ? AND s.ended_at IS NULL AND s.expires_at > ? AND u.active`, tokenHash, now).
		Scan(ctx, &sess.ID, &sess.UserID, &sess.CreatedAt, &sess.LastSeenAt, &sess.ExpiresAt,
			&u.ID, &u.Email, &u.Name, &u.Role, &u.Active, &u.CreatedAt, &u.TOTPEnabledAt)
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

// DeleteStaleSessions deletes the sessions that ended or expired before
// cutoff; their tokens can never be used again.
func (s *Store) DeleteStaleSessions(ctx context.Context, cutoff time.Time) (int64, error) {
	res, err := s.db.NewDelete().Table("sessions").Where("ended_at < ? OR expires_at < ?", cutoff, cutoff).Exec(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: unable to delete stale sessions: %w", err)
	}
	return res.RowsAffected()
}

// UserFilter narrows a user list; zero values mean "any".
type UserFilter struct {
	Role   *domain.Role
	Active *bool
	// Search matches any part of the name or the email, ignoring case.
	Search string
}

func (f UserFilter) apply(q *bun.SelectQuery) *bun.SelectQuery {
	if f.Role != nil {
		q.Where("u.role = ?", *f.Role)
	}
	if f.Active != nil {
		q.Where("u.active = ?", *f.Active)
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		pattern := "%" + escapeLike(strings.ToLower(s)) + "%"
		q.Where("(lower(u.name) LIKE ? OR u.email LIKE ?)", pattern, pattern)
	}
	return q
}

// By name, ignoring case; the id breaks ties.
var userKeyset = keyset{expr: "lower(u.name)", castType: "text", idColumn: "u.id"}

// userRow is a user with the sort key the database computed, so cursors
// compare exactly as the database orders.
type userRow struct {
	bun.BaseModel `bun:"table:users,alias:u"`
	*domain.User  `bun:",extend"`
	SortName      string `bun:"sort_name,scanonly"`
}

// ListUsers returns one page of users matching filter, by name.
func (s *Store) ListUsers(ctx context.Context, filter UserFilter, page PageRequest) (Page[*domain.User], error) {
	var rows []userRow
	q := s.db.NewSelect().Model(&rows).ModelTableExpr("users AS u").Column("u.*").ColumnExpr("lower(u.name) AS sort_name")
	if err := userKeyset.apply(filter.apply(q), page).Scan(ctx); err != nil {
		return Page[*domain.User]{}, err
	}
	users := make([]*domain.User, len(rows))
	cursors := make([]Cursor, len(rows))
	for i, r := range rows {
		users[i] = r.User
		cursors[i] = Cursor{Value: r.SortName, ID: r.ID}
	}
	return finish(users, cursors, page), nil
}

// CountUsersMatching counts the users matching filter.
func (s *Store) CountUsersMatching(ctx context.Context, filter UserFilter) (int, error) {
	n, err := filter.apply(s.db.NewSelect().TableExpr("users AS u")).Count(ctx)
	return int(n), err
}

// UpdateUserRole gives a user another staff role. It refuses (LAST_ADMIN)
// to demote the last active admin.
func (s *Store) UpdateUserRole(ctx context.Context, id int64, role domain.Role) (*domain.User, error) {
	return s.changeUser(ctx, id, func(u *domain.User, admins int) (string, error) {
		if err := domain.CheckRoleChange(u.Role, role); err != nil {
			return "", err
		}
		if err := domain.CheckAdminsRemain(admins, domain.RemovesAdmin(u, role, false)); err != nil {
			return "", err
		}
		if u.Role == role {
			return "", nil
		}
		u.Role = role
		return "role", nil
	})
}

// DeactivateUser closes an account and ends all its sessions in the same
// transaction, so none of them works on its next request. It refuses
// (LAST_ADMIN) to deactivate the last active admin; deactivating an
// inactive user changes nothing.
func (s *Store) DeactivateUser(ctx context.Context, id int64) (*domain.User, error) {
	return s.changeUser(ctx, id, func(u *domain.User, admins int) (string, error) {
		if err := domain.CheckAdminsRemain(admins, domain.RemovesAdmin(u, u.Role, true)); err != nil {
			return "", err
		}
		if !u.Active {
			return "", nil
		}
		u.Active = false
		return "active", nil
	})
}

// changeUser runs a change of one user under the locks that keep an admin
// in place: the rows of every active admin (in id order, so concurrent
// changes queue instead of deadlocking), then the user's own row. change
// gets the user and the number of active admins and names the column it
// changed ("" for none). Two admins deactivating each other at once
// serialise: the second sees one admin left and gets LAST_ADMIN.
func (s *Store) changeUser(ctx context.Context, id int64, change func(u *domain.User, activeAdmins int) (string, error)) (*domain.User, error) {
	u := new(domain.User)
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var admins []int64
		if err := tx.NewSelect().Table("users").Column("id").Where("role = ? AND active", domain.RoleAdmin).
			OrderExpr("id").For("UPDATE").Scan(ctx, &admins); err != nil {
			return err
		}
		err := tx.NewSelect().Model(u).Where("id = ?", id).For("UPDATE").Scan(ctx)
		if isNoRows(err) {
			return domain.FieldError(domain.CodeNotFound, "userId", "User not found.")
		}
		if err != nil {
			return err
		}
		column, err := change(u, len(admins))
		if err != nil || column == "" {
			return err
		}
		if _, err := tx.NewUpdate().Model(u).Column(column).WherePK().Exec(ctx); err != nil {
			return err
		}
		if !u.Active {
			_, err = tx.NewUpdate().Table("sessions").Set("ended_at = now()").
				Where("user_id = ? AND ended_at IS NULL", u.ID).Exec(ctx)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}
