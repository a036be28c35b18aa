package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/audit"
	"carejourney/server/domain"
)

// AuditFilter narrows the audit log; zero values mean "any".
type AuditFilter struct {
	MemberID int64
	// ActorUserID and ActorKeyID name the user or the partner key that acted.
	ActorUserID int64
	ActorKeyID  int64
	// From is inclusive, To exclusive.
	From, To *time.Time
	Action   audit.Action
}

func (f AuditFilter) apply(q *bun.SelectQuery) *bun.SelectQuery {
	if f.MemberID != 0 {
		q.Where("ae.member_id = ?", f.MemberID)
	}
	if f.ActorUserID != 0 {
		q.Where("ae.actor_user_id = ?", f.ActorUserID)
	}
	if f.ActorKeyID != 0 {
		q.Where("ae.actor_key_id = ?", f.ActorKeyID)
	}
	if f.From != nil {
		q.Where("ae.occurred_at >= ?", *f.From)
	}
	if f.To != nil {
		q.Where("ae.occurred_at < ?", *f.To)
	}
	if f.Action != "" {
		q.Where("ae.action = ?", f.Action)
	}
	return q
}

// Newest first; the id breaks ties between events of the same moment.
var auditKeyset = keyset{expr: "ae.occurred_at", castType: "timestamptz", idColumn: "ae.id", desc: true}

// ListAuditEvents returns one page of the audit log, newest first.
func (s *Store) ListAuditEvents(ctx context.Context, filter AuditFilter, page PageRequest) (Page[*audit.Event], error) {
	var rows []*audit.Event
	q := s.db.NewSelect().Model(&rows)
	if err := auditKeyset.apply(filter.apply(q), page).Scan(ctx); err != nil {
		return Page[*audit.Event]{}, err
	}
	cursors := make([]Cursor, len(rows))
	for i, e := range rows {
		cursors[i] = timeCursor(e.OccurredAt, e.ID)
	}
	return finish(rows, cursors, page), nil
}

// CountAuditEvents counts the events matching filter.
func (s *Store) CountAuditEvents(ctx context.Context, filter AuditFilter) (int, error) {
	n, err := filter.apply(s.db.NewSelect().TableExpr("audit_events AS ae")).Count(ctx)
	return int(n), err
}

// AuditEventsByID loads audit events by id.
func (s *Store) AuditEventsByID(ctx context.Context, ids []int64) (map[int64]*audit.Event, error) {
	return byIDs(ctx, s.db, ids, func(e *audit.Event) int64 { return e.ID })
}

// disclosures selects the READ events of members by family viewers and
// partner keys, with the recipient's name: the family contact of that
// member the FAMILY account is linked to (else the account's name), or the
// partner named by the key.
func (s *Store) disclosures() *bun.SelectQuery {
	return s.db.NewSelect().Model((*audit.Disclosure)(nil)).
		ColumnExpr(`CASE WHEN ae.actor_kind = 'API_KEY' THEN ? ELSE ? END AS recipient_kind`,
			audit.RecipientPartner, audit.RecipientFamilyContact).
		ColumnExpr(`CASE WHEN ae.actor_kind = 'API_KEY' THEN p.name ELSE coalesce(fc.name, u.name) END AS recipient_name`).
		ColumnExpr("fc.id AS family_contact_id").
		Join("LEFT JOIN api_keys AS k ON ae.actor_kind = 'API_KEY' AND k.id = ae.actor_key_id").
		Join("LEFT JOIN partners AS p ON p.id = k.partner_id").
		Join("LEFT JOIN users AS u ON ae.actor_kind = 'USER' AND u.id = ae.actor_user_id").
		Join(`LEFT JOIN LATERAL (SELECT c.id, c.name FROM family_contacts AS c
			WHERE ae.actor_kind = 'USER' AND c.user_id = ae.actor_user_id AND c.member_id = ae.member_id
			ORDER BY c.id LIMIT 1) AS fc ON true`).
		Where("ae.action = ?", audit.ActionRead).
		Where("(ae.actor_kind = 'API_KEY' OR (ae.actor_kind = 'USER' AND ae.actor_role = ?))", domain.RoleFamily)
}

// DisclosuresByMember reads one page of disclosures, newest first, for
// each member.
func (s *Store) DisclosuresByMember(ctx context.Context, memberIDs []int64, page PageRequest) (map[int64]Page[*audit.Disclosure], error) {
	return childPages(ctx, s.disclosures(), "ae.member_id", memberIDs, auditKeyset, page,
		func(d *audit.Disclosure) int64 { return d.MemberID },
		func(d *audit.Disclosure) Cursor { return timeCursor(d.OccurredAt, d.EventID) })
}

// CountDisclosuresByMember counts the members' disclosures.
func (s *Store) CountDisclosuresByMember(ctx context.Context, memberIDs []int64) (map[int64]int, error) {
	base := s.db.NewSelect().TableExpr("audit_events AS ae").
		Where("ae.action = ?", audit.ActionRead).
		Where("(ae.actor_kind = 'API_KEY' OR (ae.actor_kind = 'USER' AND ae.actor_role = ?))", domain.RoleFamily)
	return childCounts(ctx, base, "ae.member_id", memberIDs)
}
