package store

import (
	"context"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// A partner key's consented members (ViewerApiKey.consentedMembers) are
// computed from the consents naming the key or its partner, so the page is
// of member ids in SQL (one per member with a consent in force, by
// consentInForce), and what those consents disclose is then combined by
// domain.ActiveDisclosures.

// consentedMemberKeyset orders consented members by member id, the order
// of domain.ActiveDisclosures.
var consentedMemberKeyset = keyset{expr: "consent.member_id", castType: "bigint", idColumn: "consent.member_id"}

// activeConsentsNaming narrows q (over consents AS consent) to the
// consents naming the key or its partner that are active at now.
func activeConsentsNaming(q *bun.SelectQuery, keyID, partnerID int64, now time.Time) *bun.SelectQuery {
	return consentInForce(q.Where("(consent.api_key_id = ? OR consent.partner_id = ?)", keyID, partnerID), now)
}

// ConsentedMemberPage reads one page of the members whose active consents
// name the key or its partner, by member id, with what those consents
// disclose: one statement for the page, one for its members' consents.
func (s *Store) ConsentedMemberPage(ctx context.Context, keyID, partnerID int64, page PageRequest) (Page[*domain.Disclosure], error) {
	now := s.Now()
	var ids []int64
	q := activeConsentsNaming(s.db.NewSelect().TableExpr("consents AS consent").ColumnExpr("consent.member_id"), keyID, partnerID, now).
		GroupExpr("consent.member_id")
	if err := consentedMemberKeyset.apply(q, page).Scan(ctx, &ids); err != nil {
		return Page[*domain.Disclosure]{}, err
	}
	cursors := make([]Cursor, len(ids))
	for i, id := range ids {
		cursors[i] = Cursor{Value: strconv.FormatInt(id, 10), ID: id}
	}
	p := finish(ids, cursors, page)
	if len(p.Items) == 0 {
		return Page[*domain.Disclosure]{Cursors: p.Cursors, HasNextPage: p.HasNextPage, HasPreviousPage: p.HasPreviousPage}, nil
	}
	records, err := selectConsents(ctx, s.db, func(q *bun.SelectQuery) *bun.SelectQuery {
		return q.Where("consent.member_id IN (?)", bun.List(p.Items)).
			Where("(consent.api_key_id = ? OR consent.partner_id = ?)", keyID, partnerID)
	})
	if err != nil {
		return Page[*domain.Disclosure]{}, err
	}
	byMember := map[int64]*domain.Disclosure{}
	for _, d := range domain.ActiveDisclosures(records, now) {
		byMember[d.MemberID] = &d
	}
	return MapPage(p, func(id int64) *domain.Disclosure {
		if d := byMember[id]; d != nil {
			return d
		}
		return &domain.Disclosure{MemberID: id} // its consent lapsed between the statements
	}), nil
}

// CountConsentedMembers counts the members whose active consents name the
// key or its partner.
func (s *Store) CountConsentedMembers(ctx context.Context, keyID, partnerID int64) (int, error) {
	var n int
	err := activeConsentsNaming(s.db.NewSelect().TableExpr("consents AS consent").ColumnExpr("count(DISTINCT consent.member_id)"), keyID, partnerID, s.Now()).
		Scan(ctx, &n)
	return n, err
}
