package store

import (
	"context"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// FamilyContactInput is a new family contact of a member.
type FamilyContactInput struct {
	MemberID     int64
	Name         string
	Relationship string
	Email        string
}

// AddFamilyContact adds a relative or friend to a member's record. A member
// has one contact per email address.
func (s *Store) AddFamilyContact(ctx context.Context, by int64, in FamilyContactInput) (*domain.FamilyContact, error) {
	c, err := domain.NewFamilyContact(in.MemberID, in.Name, in.Relationship, in.Email)
	if err != nil {
		return nil, err
	}
	c.CreatedByUserID = userRef(by)
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if err := checkMemberExists(ctx, tx, in.MemberID); err != nil {
			return err
		}
		_, err := tx.NewInsert().Model(c).ExcludeColumn("id", "created_at", "user_id").Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// checkMemberExists reports a missing member as NOT_FOUND on memberId.
func checkMemberExists(ctx context.Context, tx bun.Tx, id int64) error {
	ok, err := tx.NewSelect().Table("members").Where("id = ?", id).Exists(ctx)
	if err == nil && !ok {
		err = domain.FieldError(domain.CodeNotFound, "memberId", "Member not found.")
	}
	return err
}

// FamilyContactsByID loads family contacts by id.
func (s *Store) FamilyContactsByID(ctx context.Context, ids []int64) (map[int64]*domain.FamilyContact, error) {
	return byIDs(ctx, s.db, ids, func(c *domain.FamilyContact) int64 { return c.ID })
}

// FamilyContactsByUserID loads the contact records FAMILY accounts sign in
// for (one person can be the contact of several members), by member.
func (s *Store) FamilyContactsByUserID(ctx context.Context, userIDs []int64) (map[int64][]*domain.FamilyContact, error) {
	var rows []*domain.FamilyContact
	err := s.db.NewSelect().Model(&rows).Where("user_id IN (?)", bun.List(userIDs)).
		OrderExpr("user_id, member_id, id").Scan(ctx)
	if err != nil {
		return nil, err
	}
	return groupBy(rows, func(c *domain.FamilyContact) int64 { return *c.UserID }), nil
}

// lockFamilyContact loads a family contact FOR UPDATE; field names the input
// that referred to it.
func lockFamilyContact(ctx context.Context, tx bun.Tx, id int64, field string) (*domain.FamilyContact, error) {
	c := new(domain.FamilyContact)
	err := tx.NewSelect().Model(c).Where("id = ?", id).For("UPDATE").Scan(ctx)
	if isNoRows(err) {
		return nil, domain.FieldError(domain.CodeNotFound, field, "Family contact not found.")
	}
	return c, err
}

// InviteFamilyContact stores an invitation for a family contact to open a
// FAMILY account. tokenHash is the SHA-256 of the token handed out (the
// token itself is never stored); the invitation expires after
// domain.InvitationTTL and is used once. A new invitation replaces the
// contact's earlier unused ones, so only the latest link works.
func (s *Store) InviteFamilyContact(ctx context.Context, by, contactID int64, tokenHash []byte) (*domain.FamilyInvitation, *domain.FamilyContact, error) {
	now := s.Now()
	inv := &domain.FamilyInvitation{FamilyContactID: contactID, TokenHash: tokenHash, CreatedByUserID: userRef(by),
		ExpiresAt: now.Add(domain.InvitationTTL)}
	var contact *domain.FamilyContact
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if contact, err = lockFamilyContact(ctx, tx, contactID, "familyContactId"); err != nil {
			return err
		}
		if err := domain.CheckInviteContact(contact); err != nil {
			return err
		}
		_, err = tx.NewUpdate().Model((*domain.FamilyInvitation)(nil)).
			Set("expires_at = ?", now).
			Where("family_contact_id = ? AND accepted_at IS NULL AND expires_at > ?", contactID, now).Exec(ctx)
		if err != nil {
			return err
		}
		_, err = tx.NewInsert().Model(inv).ExcludeColumn("id", "created_at", "accepted_at", "accepted_user_id").
			Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return inv, contact, nil
}

// Passwords hashes and checks passwords for the store, which leaves the
// algorithm to the auth package.
type Passwords struct {
	Hash  func(password string) (string, error)
	Check func(password, hash string) bool
	// Guard, when set, is asked before the password of an existing account
	// (named by its email) is checked, and refuses while the sign-in
	// throttle locks it out; Failed is told of a wrong password.
	Guard  func(email string) error
	Failed func(email string) error
}

// AcceptInvitation uses an invitation, in one transaction that locks it, so
// a token works once however many people try it at the same moment. An
// unknown, used or expired token is INVITATION_INVALID. When a FAMILY
// account with the contact's email exists and password is its password,
// the contact is linked to it (one person, contact of several members, one
// account); any other existing account is refused. Otherwise a FAMILY
// account is created with the contact's name and email and the password
// (which must follow the password policy). It returns the account.
func (s *Store) AcceptInvitation(ctx context.Context, tokenHash []byte, password string, pw Passwords) (*domain.User, error) {
	var user *domain.User
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		now := s.Now()
		inv := new(domain.FamilyInvitation)
		err := tx.NewSelect().Model(inv).Where("token_hash = ?", tokenHash).For("UPDATE").Scan(ctx)
		if isNoRows(err) {
			inv = nil
		} else if err != nil {
			return err
		}
		if err := domain.CheckInvitation(inv, now); err != nil {
			return err
		}
		contact, err := lockFamilyContact(ctx, tx, inv.FamilyContactID, "token")
		if err != nil {
			return err
		}
		if err := domain.CheckInviteContact(contact); err != nil {
			return domain.FieldError(domain.CodeHasAccount, "token", "This invitation was answered with another one already; sign in.")
		}
		if user, err = s.familyAccount(ctx, tx, contact, password, pw); err != nil {
			return err
		}
		if _, err := tx.NewUpdate().Model(contact).Set("user_id = ?", user.ID).WherePK().Exec(ctx); err != nil {
			return err
		}
		_, err = tx.NewUpdate().Model(inv).Set("accepted_at = ?", now).Set("accepted_user_id = ?", user.ID).
			WherePK().Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return user, nil
}

// familyAccount finds the FAMILY account an invitation links to, or creates it.
func (s *Store) familyAccount(ctx context.Context, tx bun.Tx, contact *domain.FamilyContact, password string, pw Passwords) (*domain.User, error) {
	existing := new(domain.User)
	err := tx.NewSelect().Model(existing).Where("email = ?", contact.Email).For("UPDATE").Scan(ctx)
	switch {
	case err == nil:
		if pw.Guard != nil {
			if err := pw.Guard(existing.Email); err != nil {
				return nil, err
			}
		}
		matches := pw.Check(password, existing.PasswordHash)
		if !matches && existing.Role == domain.RoleFamily && existing.Active && pw.Failed != nil {
			// A guess at the account's password: it counts like a failed sign-in.
			if err := pw.Failed(existing.Email); err != nil {
				return nil, err
			}
		}
		if err := domain.CheckLinkAccount(existing, matches); err != nil {
			return nil, err
		}
		return existing, nil
	case !isNoRows(err):
		return nil, err
	}
	u, err := newUserRow(NewUser{Email: contact.Email, Name: contact.Name, Role: domain.RoleFamily, Password: password}, pw)
	if err != nil {
		return nil, err
	}
	if err := insertUser(ctx, tx, u); err != nil {
		if constraintName(err) == "users_email_key" {
			// Another invitation for the same address won the race.
			return nil, domain.FieldError(domain.CodeHasAccount, "token",
				"An account with this email address was opened a moment ago; accept again with its password.")
		}
		return nil, err
	}
	return u, nil
}
