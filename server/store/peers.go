package store

import (
	"context"
	"strings"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// PeersByID loads peers by id.
func (s *Store) PeersByID(ctx context.Context, ids []int64) (map[int64]*domain.Peer, error) {
	return byIDs(ctx, s.db, ids, func(p *domain.Peer) int64 { return p.ID })
}

// PeerFilter narrows a peer list; zero values mean "any".
type PeerFilter struct {
	Active      *bool
	Language    string
	AlumniOnly  bool
	HasCapacity *bool
	Search      string
}

// peerCaseloadSQL counts the current assignments of the peer in the row.
const peerCaseloadSQL = `(SELECT count(*) FROM peer_assignments ca WHERE ca.peer_id = peer.id AND ca.ended_at IS NULL)`

func (f PeerFilter) apply(q *bun.SelectQuery) *bun.SelectQuery {
	if f.Active != nil {
		q.Where("peer.active = ?", *f.Active)
	}
	if lang := strings.TrimSpace(f.Language); lang != "" {
		q.Where("EXISTS (SELECT 1 FROM unnest(peer.languages) AS l(language) WHERE lower(l.language) = lower(?))", lang)
	}
	if f.AlumniOnly {
		q.Where("peer.alumnus_member_id IS NOT NULL")
	}
	if f.HasCapacity != nil {
		// The same rule as domain.Peer.HasCapacity.
		cond := "peer.active AND " + peerCaseloadSQL + " < peer.caseload_limit"
		if !*f.HasCapacity {
			cond = "NOT (" + cond + ")"
		}
		q.Where(cond)
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		q.Where("peer.sort_name LIKE ?", "%"+escapeLike(strings.ToLower(s))+"%")
	}
	return q
}

var peerKeyset = keyset{expr: "peer.sort_name", castType: "text", idColumn: "peer.id"}

// peerRow is a peer with the sort key the database computed, so cursors
// compare exactly as the database orders.
type peerRow struct {
	bun.BaseModel `bun:"table:peers,alias:peer"`
	*domain.Peer  `bun:",extend"`
	SortName      string `bun:"sort_name,scanonly"`
}

// ListPeers returns one page of peers matching filter, by name.
func (s *Store) ListPeers(ctx context.Context, filter PeerFilter, page PageRequest) (Page[*domain.Peer], error) {
	var rows []peerRow
	q := s.db.NewSelect().Model(&rows).ModelTableExpr("peers AS peer").Column("peer.*")
	if err := peerKeyset.apply(filter.apply(q), page).Scan(ctx); err != nil {
		return Page[*domain.Peer]{}, err
	}
	peers := make([]*domain.Peer, len(rows))
	cursors := make([]Cursor, len(rows))
	for i, r := range rows {
		peers[i] = r.Peer
		cursors[i] = Cursor{Value: r.SortName, ID: r.ID}
	}
	return finish(peers, cursors, page), nil
}

// CountPeers counts the peers matching filter.
func (s *Store) CountPeers(ctx context.Context, filter PeerFilter) (int, error) {
	n, err := filter.apply(s.db.NewSelect().TableExpr("peers AS peer")).Count(ctx)
	return int(n), err
}

// PeerInput creates a peer: its fields, and the member record and staff
// account it links, when any.
type PeerInput struct {
	Fields   domain.PeerFields
	MemberID *int64
	UserID   *int64
}

// CreatePeer adds a peer supporter. An alumnus's member record gives the
// recovery start date when none is given.
func (s *Store) CreatePeer(ctx context.Context, in PeerInput) (*domain.Peer, error) {
	p := &domain.Peer{Active: true, Languages: []string{}, Specialties: []string{}}
	if in.Fields.CaseloadLimit == nil {
		return nil, domain.FieldError(domain.CodeInvalidInput, "caseloadLimit", "Caseload limit is required.")
	}
	in.Fields.Active = nil // a new peer is active
	today := s.Today()
	if err := in.Fields.Apply(p, today); err != nil {
		return nil, err
	}
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if in.MemberID != nil {
			m := new(domain.Member)
			err := tx.NewSelect().Model(m).Where("id = ?", *in.MemberID).Scan(ctx)
			if isNoRows(err) {
				return domain.FieldError(domain.CodeNotFound, "memberId", "Member not found.")
			}
			if err != nil {
				return err
			}
			if p.RecoveryStartDate == nil {
				p.RecoveryStartDate = m.RecoveryStartDate
			} else if err := domain.ValidateRecoveryStartDate("recoveryStartedOn", *p.RecoveryStartDate, m.DateOfBirth, today); err != nil {
				return err
			}
			p.AlumnusMemberID = &m.ID
		}
		if in.UserID != nil {
			if err := checkPeerUser(ctx, tx, *in.UserID); err != nil {
				return err
			}
			p.UserID = in.UserID
		}
		_, err := tx.NewInsert().Model(p).ExcludeColumn("id", "created_at", "updated_at").Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// checkPeerUser refuses a peer's account that is missing or belongs to a
// family contact: a peer account reaches staff data.
func checkPeerUser(ctx context.Context, tx bun.Tx, id int64) error {
	u := new(domain.User)
	err := tx.NewSelect().Model(u).Where("id = ?", id).Scan(ctx)
	if isNoRows(err) {
		return domain.FieldError(domain.CodeNotFound, "userId", "User not found.")
	}
	if err != nil {
		return err
	}
	if !u.Role.IsStaff() {
		return domain.FieldError(domain.CodeInvalidInput, "userId", "A peer's account must be a staff account.")
	}
	return nil
}

// UpdatePeer changes a peer's details. The peer's row lock keeps a lowered
// caseload limit and concurrent assignments from passing each other.
func (s *Store) UpdatePeer(ctx context.Context, id int64, fields domain.PeerFields) (*domain.Peer, error) {
	var p *domain.Peer
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if p, err = lockPeer(ctx, tx, id); err != nil {
			return err
		}
		oldLimit := p.CaseloadLimit
		if err := fields.Apply(p, s.Today()); err != nil {
			return err
		}
		if p.CaseloadLimit < oldLimit {
			caseload, err := peerCaseload(ctx, tx, p.ID)
			if err != nil {
				return err
			}
			if err := domain.CheckCaseloadLimit(p.CaseloadLimit, caseload); err != nil {
				return err
			}
		}
		_, err = tx.NewUpdate().Model(p).
			Column("name", "bio", "certification_kind", "certification_number", "certification_expires_on",
				"recovery_start_date", "languages", "specialties", "caseload_limit", "active").
			Set("updated_at = now()").WherePK().Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// lockPeer loads a peer FOR UPDATE, which makes assignments to one peer
// and changes of its limit take turns.
func lockPeer(ctx context.Context, tx bun.Tx, id int64) (*domain.Peer, error) {
	p := new(domain.Peer)
	err := tx.NewSelect().Model(p).Where("id = ?", id).For("UPDATE").Scan(ctx)
	if isNoRows(err) {
		return nil, domain.FieldError(domain.CodeNotFound, "peerId", "Peer not found.")
	}
	return p, err
}

func peerCaseload(ctx context.Context, tx bun.Tx, peerID int64) (int, error) {
	n, err := tx.NewSelect().Table("peer_assignments").Where("peer_id = ? AND ended_at IS NULL", peerID).Count(ctx)
	return int(n), err
}

// FacilitatedGroupPages reads one page of the active groups each of many
// peers facilitates, by name, in one statement.
func (s *Store) FacilitatedGroupPages(ctx context.Context, peerIDs []int64, page PageRequest) (map[int64]Page[*domain.Group], error) {
	base := s.db.NewSelect().Model((*groupPageRow)(nil)).ColumnExpr("f.peer_id AS page_parent").
		Join("JOIN group_facilitators AS f ON f.group_id = grp.id").Where("grp.active")
	return groupPages(ctx, base, "f.peer_id", peerIDs, page)
}

// CountFacilitatedGroups counts the active groups each peer facilitates.
func (s *Store) CountFacilitatedGroups(ctx context.Context, peerIDs []int64) (map[int64]int, error) {
	base := s.db.NewSelect().TableExpr("groups AS grp").
		Join("JOIN group_facilitators AS f ON f.group_id = grp.id").Where("grp.active")
	return childCounts(ctx, base, "f.peer_id", peerIDs)
}
