package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// NewAPIKey is a key to store. The caller makes the secret (auth.NewKeySecret)
// and passes only its hash and its prefix: the secret itself is never stored.
type NewAPIKey struct {
	Fields       domain.APIKeyFields
	SecretHash   []byte
	SecretPrefix string
	// ExpiresAt, when set, is when the key stops working by itself.
	ExpiresAt *time.Time
}

// CreateAPIKey stores a partner's key after checking its fields.
func (s *Store) CreateAPIKey(ctx context.Context, by int64, in NewAPIKey) (*domain.APIKey, error) {
	fields, err := in.Fields.Clean()
	if err != nil {
		return nil, err
	}
	now := s.Now()
	if err := domain.CheckAPIKeyExpiry(in.ExpiresAt, now); err != nil {
		return nil, err
	}
	k := &domain.APIKey{Scopes: fields.Scopes, SecretHash: in.SecretHash,
		SecretPrefix: in.SecretPrefix, CreatedByUserID: userRef(by), CreatedAt: now, ExpiresAt: in.ExpiresAt}
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if err := keyPartner(ctx, tx, by, fields, k); err != nil {
			return err
		}
		_, err := tx.NewInsert().Model(k).ModelTableExpr("api_keys AS api_key").
			ExcludeColumn("id", "last_used_at", "revoked_at", "revoked_by_user_id").Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return k, nil
}

// keyPartner sets the partner of a new key: an existing one, or a new one
// by name. A name that a partner has already is refused rather than reused,
// so that a key never joins a partner (and inherits its consents) by a
// look-alike name: an admin picks the existing partner by ID.
func keyPartner(ctx context.Context, tx bun.Tx, by int64, fields domain.APIKeyFields, k *domain.APIKey) error {
	if fields.PartnerID != nil {
		if err := checkPartnerExists(ctx, tx, *fields.PartnerID, "partnerId"); err != nil {
			return err
		}
		k.PartnerID = *fields.PartnerID
		return tx.NewSelect().Table("partners").Column("name").Where("id = ?", k.PartnerID).Scan(ctx, &k.PartnerName)
	}
	if _, found, err := partnerIDByName(ctx, tx, *fields.PartnerName); err != nil || found {
		if found {
			return errPartnerNameTaken("partnerName")
		}
		return err
	}
	p := &domain.Partner{Name: *fields.PartnerName, CreatedByUserID: userRef(by)}
	if err := insertPartner(ctx, tx, p); err != nil {
		return err
	}
	k.PartnerID, k.PartnerName = p.ID, p.Name
	return nil
}

func errPartnerNameTaken(field string) error {
	return domain.FieldError(domain.CodeDuplicate, field,
		"A partner has this name already; choose it by partnerId instead of making another.")
}

// RevokeAPIKey revokes a key at once: the next request with it is refused.
// Of concurrent revocations one wins; the others get ALREADY_REVOKED.
func (s *Store) RevokeAPIKey(ctx context.Context, by, id int64) (*domain.APIKey, error) {
	k := new(domain.APIKey)
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		err := selectKeys(tx, k).Where("api_key.id = ?", id).For("UPDATE OF api_key").Scan(ctx)
		if isNoRows(err) {
			return domain.FieldError(domain.CodeNotFound, "apiKeyId", "API key not found.")
		}
		if err != nil {
			return err
		}
		if err := domain.CheckRevoke(k); err != nil {
			return err
		}
		now := s.Now()
		k.RevokedAt, k.RevokedByUserID = &now, userRef(by)
		_, err = tx.NewUpdate().Model(k).ModelTableExpr("api_keys AS api_key").
			Column("revoked_at", "revoked_by_user_id").WherePK().Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return k, nil
}

// APIKeysByID loads keys by id, revoked ones included.
func (s *Store) APIKeysByID(ctx context.Context, ids []int64) (map[int64]*domain.APIKey, error) {
	var rows []*domain.APIKey
	err := selectKeys(s.db, &rows).Where("api_key.id IN (?)", bun.List(ids)).Scan(ctx)
	if err != nil {
		return nil, err
	}
	return indexBy(rows, func(k *domain.APIKey) int64 { return k.ID }), nil
}

// APIKeyFilter narrows the key list.
type APIKeyFilter struct {
	// IncludeRevoked lists revoked keys too; by default only active ones.
	IncludeRevoked bool
}

func (f APIKeyFilter) apply(q *bun.SelectQuery) *bun.SelectQuery {
	if !f.IncludeRevoked {
		q.Where("api_key.revoked_at IS NULL")
	}
	return q
}

// apiKeyKeyset lists keys newest first.
var apiKeyKeyset = keyset{expr: "api_key.created_at", castType: "timestamptz", idColumn: "api_key.id", desc: true}

// ListAPIKeys returns one page of keys, newest first.
func (s *Store) ListAPIKeys(ctx context.Context, filter APIKeyFilter, page PageRequest) (Page[*domain.APIKey], error) {
	var rows []*domain.APIKey
	q := selectKeys(s.db, &rows)
	if err := apiKeyKeyset.apply(filter.apply(q), page).Scan(ctx); err != nil {
		return Page[*domain.APIKey]{}, err
	}
	cursors := make([]Cursor, len(rows))
	for i, k := range rows {
		cursors[i] = timeCursor(k.CreatedAt, k.ID)
	}
	return finish(rows, cursors, page), nil
}

// CountAPIKeys counts the keys matching filter.
func (s *Store) CountAPIKeys(ctx context.Context, filter APIKeyFilter) (int, error) {
	n, err := filter.apply(s.db.NewSelect().TableExpr("api_keys AS api_key")).Count(ctx)
	return int(n), err
}

// ActiveAPIKeyBySecretHash finds the key whose secret hashes to hash; nil
// when there is none or it was revoked. An expired key is returned (the
// caller refuses it, and can say which key was refused).
func (s *Store) ActiveAPIKeyBySecretHash(ctx context.Context, hash []byte) (*domain.APIKey, error) {
	k := new(domain.APIKey)
	err := selectKeys(s.db, k).Where("api_key.secret_hash = ? AND api_key.revoked_at IS NULL", hash).Scan(ctx)
	if isNoRows(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return k, nil
}

// TouchAPIKey records a use of a key at now, unless a use within the last
// domain.KeyTouchInterval was recorded already (by a concurrent request,
// say): a busy key costs at most one write a minute.
func (s *Store) TouchAPIKey(ctx context.Context, id int64, now time.Time) error {
	_, err := s.db.NewUpdate().Table("api_keys").Set("last_used_at = ?", now).
		Where("id = ? AND revoked_at IS NULL", id).
		Where("(last_used_at IS NULL OR last_used_at <= ?)", now.Add(-domain.KeyTouchInterval)).
		Exec(ctx)
	return err
}
