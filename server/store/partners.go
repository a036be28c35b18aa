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

// keyPageRow is an API key with its partner's name as a column the page's
// outer statement reads back.
type keyPageRow struct {
	bun.BaseModel  `bun:"table:api_keys,alias:api_key"`
	*domain.APIKey `bun:",extend"`
	KeyPartnerName string `bun:"key_partner_name"`
}

// APIKeyPagesByPartnerID reads one page of the keys of each of many
// partners, newest first, revoked ones included, in one statement.
func (s *Store) APIKeyPagesByPartnerID(ctx context.Context, partnerIDs []int64, page PageRequest) (map[int64]Page[*domain.APIKey], error) {
	base := s.db.NewSelect().Model((*keyPageRow)(nil)).
		ColumnExpr("(SELECT p.name FROM partners AS p WHERE p.id = api_key.partner_id) AS key_partner_name")
	pages, err := childPages(ctx, base, "api_key.partner_id", partnerIDs, apiKeyKeyset, page,
		func(k *keyPageRow) int64 { return k.PartnerID },
		func(k *keyPageRow) Cursor { return timeCursor(k.CreatedAt, k.ID) })
	return mapPages(pages, func(k *keyPageRow) *domain.APIKey {
		k.PartnerName = k.KeyPartnerName
		return k.APIKey
	}), err
}

// CountAPIKeysByPartnerID counts the keys of each partner, revoked ones included.
func (s *Store) CountAPIKeysByPartnerID(ctx context.Context, partnerIDs []int64) (map[int64]int, error) {
	return childCounts(ctx, s.db.NewSelect().TableExpr("api_keys AS api_key"), "api_key.partner_id", partnerIDs)
}
