package store

import (
	"context"
	"strings"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// CreatePartner records a partner organisation; names are unique, ignoring
// case.
func (s *Store) CreatePartner(ctx context.Context, by int64, name string) (*domain.Partner, error) {
	clean, err := domain.CleanPartnerName("name", name)
	if err != nil {
		return nil, err
	}
	p := &domain.Partner{Name: clean, CreatedByUserID: userRef(by), CreatedAt: s.Now()}
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		return insertPartner(ctx, tx, p)
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

func insertPartner(ctx context.Context, tx bun.Tx, p *domain.Partner) error {
	_, err := tx.NewInsert().Model(p).ExcludeColumn("id").Returning("*").Exec(ctx)
	return err
}

// PartnersByID loads partners by id.
func (s *Store) PartnersByID(ctx context.Context, ids []int64) (map[int64]*domain.Partner, error) {
	return byIDs(ctx, s.db, ids, func(p *domain.Partner) int64 { return p.ID })
}

// partnerKeyset lists partners by name; the id breaks ties.
var partnerKeyset = keyset{expr: "lower(partner.name)", castType: "text", idColumn: "partner.id"}

// ListPartners returns one page of partners by name.
func (s *Store) ListPartners(ctx context.Context, page PageRequest) (Page[*domain.Partner], error) {
	var rows []*domain.Partner
	if err := partnerKeyset.apply(s.db.NewSelect().Model(&rows), page).Scan(ctx); err != nil {
		return Page[*domain.Partner]{}, err
	}
	cursors := make([]Cursor, len(rows))
	for i, p := range rows {
		cursors[i] = Cursor{Value: strings.ToLower(p.Name), ID: p.ID}
	}
	return finish(rows, cursors, page), nil
}

// CountPartners counts every partner.
func (s *Store) CountPartners(ctx context.Context) (int, error) {
	n, err := s.db.NewSelect().Model((*domain.Partner)(nil)).Count(ctx)
	return int(n), err
}

// partnerIDByName finds the partner with name, ignoring case; found is
// false when there is none.
func partnerIDByName(ctx context.Context, db bun.IDB, name string) (id int64, found bool, err error) {
	var ids []int64
	if err := db.NewSelect().Table("partners").Column("id").Where("lower(name) = lower(btrim(?))", name).Scan(ctx, &ids); err != nil {
		return 0, false, err
	}
	if len(ids) == 0 {
		return 0, false, nil
	}
	return ids[0], true, nil
}

// checkPartnerExists locks the partner a consent or key names, so it
// cannot go away under the write.
func checkPartnerExists(ctx context.Context, tx bun.Tx, id int64, field string) error {
	var ids []int64
	if err := tx.NewSelect().Table("partners").Column("id").Where("id = ?", id).For("SHARE").Scan(ctx, &ids); err != nil {
		return err
	}
	if len(ids) == 0 {
		return domain.FieldError(domain.CodeNotFound, field, "Partner not found.")
	}
	return nil
}

// selectKeys reads API keys with their partner's name.
func selectKeys(db bun.IDB, rows any) *bun.SelectQuery {
	return db.NewSelect().Model(rows).ModelTableExpr("api_keys AS api_key").
		ColumnExpr("api_key.*").
		ColumnExpr("(SELECT p.name FROM partners AS p WHERE p.id = api_key.partner_id) AS partner_name")
}

// APIKeysByPartnerID loads every key of the partners, newest first,
// revoked ones included.
func (s *Store) APIKeysByPartnerID(ctx context.Context, partnerIDs []int64) (map[int64][]*domain.APIKey, error) {
	var rows []*domain.APIKey
	err := selectKeys(s.db, &rows).Where("api_key.partner_id IN (?)", bun.List(partnerIDs)).
		OrderExpr("api_key.created_at DESC, api_key.id DESC").Scan(ctx)
	if err != nil {
		return nil, err
	}
	return groupBy(rows, func(k *domain.APIKey) int64 { return k.PartnerID }), nil
}
