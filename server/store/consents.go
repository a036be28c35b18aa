package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// consentRow is a consent read with the end of the member's treatment since
// it was signed, which its status needs.
type consentRow struct {
	bun.BaseModel   `bun:"table:consents,alias:consent"`
	*domain.Consent `bun:",extend"`
	// TreatmentEndedAt is filled by treatmentEndSQL.
	TreatmentEndedAt *time.Time `bun:"treatment_ended_at,scanonly"`
}

// treatmentEndSQL is the one definition of the end of treatment a consent
// can expire on: the member's first discharge at or after the signature,
// among episodes not replaced by a correction.
const treatmentEndSQL = `(SELECT min(e.ended_at) FROM care_episodes AS e
	WHERE e.member_id = consent.member_id AND e.discharge_reason IS NOT NULL
	AND e.superseded_at IS NULL AND e.ended_at >= consent.signed_at) AS treatment_ended_at`

// selectConsents reads consents matching where, newest signature first,
// each with its treatment end.
func selectConsents(ctx context.Context, db bun.IDB, where func(q *bun.SelectQuery) *bun.SelectQuery) ([]*domain.ConsentRecord, error) {
	var rows []*consentRow
	q := db.NewSelect().Model(&rows).Column("consent.*").ColumnExpr(treatmentEndSQL)
	if err := where(q).OrderExpr("consent.signed_at DESC, consent.id DESC").Scan(ctx); err != nil {
		return nil, err
	}
	out := make([]*domain.ConsentRecord, len(rows))
	for i, r := range rows {
		out[i] = &domain.ConsentRecord{Consent: r.Consent, TreatmentEndedAt: r.TreatmentEndedAt}
	}
	return out, nil
}

// consentsIn reads the consents whose column is one of ids; column is a
// literal of this file, never input.
func (s *Store) consentsIn(ctx context.Context, column string, ids []int64) ([]*domain.ConsentRecord, error) {
	return selectConsents(ctx, s.db, func(q *bun.SelectQuery) *bun.SelectQuery {
		return q.Where(column+" IN (?)", bun.List(ids))
	})
}

// consentRecord reads the consent id with its treatment end, as a write
// left it.
func consentRecord(ctx context.Context, db bun.IDB, id int64) (*domain.ConsentRecord, error) {
	rows, err := selectConsents(ctx, db, func(q *bun.SelectQuery) *bun.SelectQuery { return q.Where("consent.id = ?", id) })
	if err != nil {
		return nil, err
	}
	return rows[0], nil
}

// ConsentsByID loads consents by id.
func (s *Store) ConsentsByID(ctx context.Context, ids []int64) (map[int64]*domain.ConsentRecord, error) {
	rows, err := s.consentsIn(ctx, "consent.id", ids)
	if err != nil {
		return nil, err
	}
	return indexBy(rows, func(r *domain.ConsentRecord) int64 { return r.ID }), nil
}

// ConsentRecipients selects consents by the recipient they name; the set
// fields combine with OR, and none set selects nothing.
type ConsentRecipients struct {
	FamilyContactIDs []int64
	// FamilyUserID selects the consents naming any contact the FAMILY
	// account signs in for.
	FamilyUserID *int64
	APIKeyID     *int64
	// PartnerID selects consents naming the partner (any of its keys).
	PartnerID *int64
}

// ConsentsNaming loads every consent (active or not) naming the recipients,
// each with its member's treatment end, in one statement: status is then
// derived by domain.ConsentRecord.StatusAt, and domain.ActiveDisclosures
// turns the records into what the recipient may see.
func (s *Store) ConsentsNaming(ctx context.Context, r ConsentRecipients) ([]*domain.ConsentRecord, error) {
	if len(r.FamilyContactIDs) == 0 && r.FamilyUserID == nil && r.APIKeyID == nil && r.PartnerID == nil {
		return nil, nil
	}
	return selectConsents(ctx, s.db, func(q *bun.SelectQuery) *bun.SelectQuery {
		return q.WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
			if len(r.FamilyContactIDs) > 0 {
				q.WhereOr("consent.family_contact_id IN (?)", bun.List(r.FamilyContactIDs))
			}
			if r.FamilyUserID != nil {
				q.WhereOr("consent.family_contact_id IN (SELECT fc.id FROM family_contacts AS fc WHERE fc.user_id = ?)", *r.FamilyUserID)
			}
			if r.APIKeyID != nil {
				q.WhereOr("consent.api_key_id = ?", *r.APIKeyID)
			}
			if r.PartnerID != nil {
				q.WhereOr("consent.partner_id = ?", *r.PartnerID)
			}
			return q
		})
	})
}

// GrantConsent records a member's signed consent. The recipient must exist:
// a family contact of the same member, a key not revoked, or a partner
// (named by ID, or by the exact name of an existing partner; the consent
// keeps the ID, so later keys of other partners inherit nothing).
func (s *Store) GrantConsent(ctx context.Context, by int64, in domain.ConsentInput) (*domain.ConsentRecord, error) {
	if in.PartnerName != nil && in.PartnerID == nil {
		id, found, err := partnerIDByName(ctx, s.db, *in.PartnerName)
		if err != nil {
			return nil, err
		}
		if found {
			in.PartnerID = &id
		}
	}
	c, err := domain.NewConsent(in, s.Now())
	if err != nil {
		return nil, err
	}
	c.RecordedByUserID = userRef(by)
	var out *domain.ConsentRecord
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if err := checkMemberExists(ctx, tx, c.MemberID); err != nil {
			return err
		}
		if c.FamilyContactID != nil {
			contact := new(domain.FamilyContact)
			err := tx.NewSelect().Model(contact).Where("id = ?", *c.FamilyContactID).For("SHARE").Scan(ctx)
			if isNoRows(err) {
				contact = nil
			} else if err != nil {
				return err
			}
			if err := domain.CheckConsentFamilyContact(c, contact); err != nil {
				return err
			}
		}
		if c.APIKeyID != nil {
			if err := checkConsentKey(ctx, tx, *c.APIKeyID); err != nil {
				return err
			}
		}
		if c.PartnerID != nil {
			field := "partnerId"
			if in.PartnerName != nil {
				field = "partnerName"
			}
			if err := checkPartnerExists(ctx, tx, *c.PartnerID, field); err != nil {
				return err
			}
		}
		if _, err := tx.NewInsert().Model(c).
			ExcludeColumn("id", "recorded_at", "revoked_at", "revocation_reason", "revoked_by_user_id").
			Returning("*").Exec(ctx); err != nil {
			return err
		}
		var err error
		out, err = consentRecord(ctx, tx, c.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// checkConsentKey checks that a consent's key exists and is not revoked.
func checkConsentKey(ctx context.Context, tx bun.Tx, id int64) error {
	// A bool, not the instant: bun scans a NULL into a []*time.Time as a
	// pointer to the zero time, which read as revoked.
	var revoked []bool
	if err := tx.NewSelect().Table("api_keys").ColumnExpr("revoked_at IS NOT NULL").Where("id = ?", id).For("SHARE").Scan(ctx, &revoked); err != nil {
		return err
	}
	switch {
	case len(revoked) == 0:
		return domain.FieldError(domain.CodeNotFound, "apiKeyId", "API key not found.")
	case revoked[0]:
		return domain.FieldError(domain.CodeInvalidInput, "apiKeyId", "The API key was revoked.")
	}
	return nil
}

// RevokeConsent records the written revocation of a consent. It takes
// effect at revokedAt: from the next request on, nothing more is disclosed
// under it. A consent is revoked once (the database refuses any other edit).
func (s *Store) RevokeConsent(ctx context.Context, by, id int64, revokedAt time.Time, reason string) (*domain.ConsentRecord, error) {
	var out *domain.ConsentRecord
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		c := new(domain.Consent)
		err := tx.NewSelect().Model(c).Where("id = ?", id).For("UPDATE").Scan(ctx)
		if isNoRows(err) {
			return domain.FieldError(domain.CodeNotFound, "consentId", "Consent not found.")
		} else if err != nil {
			return err
		}
		cleaned, err := domain.CheckRevocation(c, revokedAt, reason, s.Now())
		if err != nil {
			return err
		}
		_, err = tx.NewUpdate().Model(c).
			Set("revoked_at = ?", revokedAt).Set("revocation_reason = ?", cleaned).
			Set("revoked_by_user_id = ?", userRef(by)).WherePK().Exec(ctx)
		if err != nil {
			return err
		}
		out, err = consentRecord(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
