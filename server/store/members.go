package store

import (
	"context"
	"strings"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"carejourney/server/domain"
)

// MemberFilter narrows a member list; zero values mean "any".
type MemberFilter struct {
	Search         string
	CareLevelCodes []string
	Statuses       []domain.MemberStatus
	// HouseID, when set, keeps members who live in that house now.
	HouseID *int64
	// Within, when set, keeps the list to these members: the reach of an
	// actor bound by relations. An empty non-nil list matches nobody.
	Within []int64
}

// MemberOrder is the sort of a member list.
type MemberOrder string

// The member sorts.
const (
	MemberOrderName      MemberOrder = "NAME"
	MemberOrderCreatedAt MemberOrder = "CREATED_AT"
	// MemberOrderID sorts by id alone, so cursors carry nothing but the id:
	// the order for partner keys, whose consents may not cover names or
	// dates.
	MemberOrderID MemberOrder = "ID"
)

func memberKeyset(order MemberOrder, desc bool) keyset {
	if order == MemberOrderID {
		return keyset{expr: "member.id", castType: "bigint", idColumn: "member.id", desc: desc}
	}
	if order == MemberOrderCreatedAt {
		return keyset{expr: "member.created_at", castType: "timestamptz", idColumn: "member.id", desc: desc}
	}
	return keyset{expr: "member.sort_name", castType: "text", idColumn: "member.id", desc: desc}
}

// memberRow is a member with the sort key the database computed, so cursors
// compare exactly as the database orders (collation included).
type memberRow struct {
	bun.BaseModel  `bun:"table:members,alias:member"`
	*domain.Member `bun:",extend"`
	SortName       string `bun:"sort_name,scanonly"`
}

func memberCursor(order MemberOrder, r memberRow) Cursor {
	if order == MemberOrderID {
		return idCursor(r.ID)
	}
	if order == MemberOrderCreatedAt {
		return timeCursor(r.CreatedAt, r.ID)
	}
	return Cursor{Value: r.SortName, ID: r.ID}
}

func (f MemberFilter) apply(q *bun.SelectQuery) *bun.SelectQuery {
	if f.Within != nil {
		q.Where("member.id = ANY(?)", pgdialect.Array(f.Within))
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		q.Where("member.search_text LIKE ?", "%"+escapeLike(strings.ToLower(s))+"%")
	}
	if len(f.Statuses) > 0 {
		q.Where("member.status IN (?)", bun.List(f.Statuses))
	}
	if f.HouseID != nil {
		q.Where(`EXISTS (SELECT 1 FROM residencies r
			WHERE r.member_id = member.id AND r.house_id = ? AND r.move_out_at IS NULL)`, *f.HouseID)
	}
	if len(f.CareLevelCodes) > 0 {
		q.Where(`EXISTS (SELECT 1 FROM care_episodes e
			WHERE e.member_id = member.id AND e.ended_at IS NULL AND e.superseded_at IS NULL
			AND e.care_level_code IN (?))`, bun.List(f.CareLevelCodes))
	}
	return q
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// ListMembers returns one page of members matching filter.
func (s *Store) ListMembers(ctx context.Context, filter MemberFilter, order MemberOrder, desc bool, page PageRequest) (Page[*domain.Member], error) {
	var rows []memberRow
	q := s.db.NewSelect().Model(&rows).ModelTableExpr("members AS member").
		Column("member.*")
	q = memberKeyset(order, desc).apply(filter.apply(q), page)
	if err := q.Scan(ctx); err != nil {
		return Page[*domain.Member]{}, err
	}
	members := make([]*domain.Member, len(rows))
	cursors := make([]Cursor, len(rows))
	for i, r := range rows {
		members[i] = r.Member
		cursors[i] = memberCursor(order, r)
	}
	return finish(members, cursors, page), nil
}

// CountMembers counts the members matching filter.
func (s *Store) CountMembers(ctx context.Context, filter MemberFilter) (int, error) {
	q := s.db.NewSelect().TableExpr("members AS member")
	n, err := filter.apply(q).Count(ctx)
	return int(n), err
}

// CountInCareByLevel counts the active members at each level of care now
// (the level of their open episode), among within unless it is nil: the
// census, every level in one statement. A member has at most one open
// episode (care_episodes_one_open_idx), so it counts what CountMembers
// counts with CareLevelCodes and the ACTIVE status, level by level.
func (s *Store) CountInCareByLevel(ctx context.Context, within []int64) (map[string]int, error) {
	var rows []struct {
		Code  string `bun:"care_level_code"`
		Count int    `bun:"count"`
	}
	q := s.db.NewSelect().TableExpr("care_episodes AS e").
		Join("JOIN members AS member ON member.id = e.member_id").
		ColumnExpr("e.care_level_code, count(*) AS count").
		Where("e.ended_at IS NULL AND e.superseded_at IS NULL").
		Where("member.status = ?", domain.MemberActive).
		GroupExpr("e.care_level_code")
	if within != nil {
		q.Where("member.id = ANY(?)", pgdialect.Array(within))
	}
	if err := q.Scan(ctx, &rows); err != nil {
		return nil, err
	}
	counts := make(map[string]int, len(rows))
	for _, r := range rows {
		counts[r.Code] = r.Count
	}
	return counts, nil
}

// MembersByID loads members by id; missing ids are absent from the map.
func (s *Store) MembersByID(ctx context.Context, ids []int64) (map[int64]*domain.Member, error) {
	var rows []*domain.Member
	if err := s.db.NewSelect().Model(&rows).Where("id IN (?)", bun.List(ids)).Scan(ctx); err != nil {
		return nil, err
	}
	return indexBy(rows, func(m *domain.Member) int64 { return m.ID }), nil
}

// CreateMember registers a member; a recovery start date starts its history.
func (s *Store) CreateMember(ctx context.Context, by int64, fields domain.MemberFields) (*domain.Member, error) {
	m := &domain.Member{Status: domain.MemberPreadmission}
	fields.Status = nil // a new member is always pre-admission
	if err := fields.Apply(m, s.Today()); err != nil {
		return nil, err
	}
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.NewInsert().Model(m).ExcludeColumn("created_at", "updated_at").Returning("*").Exec(ctx); err != nil {
			return err
		}
		if m.RecoveryStartDate == nil {
			return nil
		}
		if err := insertRecoveryStart(ctx, tx, by, m.ID, *m.RecoveryStartDate, "Recorded at registration"); err != nil {
			return err
		}
		return s.recordMilestonesOf(ctx, tx, m.ID, *m.RecoveryStartDate)
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// UpdateMember changes a member's details. The recovery start date is not
// changed here but with ResetRecoveryStartDate, which keeps the history.
func (s *Store) UpdateMember(ctx context.Context, id int64, fields domain.MemberFields) (*domain.Member, error) {
	fields.RecoveryStartDate = nil
	var m *domain.Member
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if m, err = lockMember(ctx, tx, id); err != nil {
			return err
		}
		if err := fields.Apply(m, s.Today()); err != nil {
			return err
		}
		_, err = tx.NewUpdate().Model(m).
			Column("first_name", "last_name", "preferred_name", "date_of_birth", "status").
			Set("updated_at = now()").WherePK().Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// ResetRecoveryStartDate sets a new sobriety date and appends it to the history.
func (s *Store) ResetRecoveryStartDate(ctx context.Context, by, id int64, date time.Time, reason string) (*domain.Member, error) {
	reason, err := domain.CleanReason(reason, true)
	if err != nil {
		return nil, err
	}
	var m *domain.Member
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if m, err = lockMember(ctx, tx, id); err != nil {
			return err
		}
		if err := domain.ValidateRecoveryStartDate("recoveryStartedOn", date, m.DateOfBirth, s.Today()); err != nil {
			return err
		}
		m.RecoveryStartDate = &date
		if _, err := tx.NewUpdate().Model(m).Column("recovery_start_date").Set("updated_at = now()").
			WherePK().Returning("*").Exec(ctx); err != nil {
			return err
		}
		if err := insertRecoveryStart(ctx, tx, by, id, date, reason); err != nil {
			return err
		}
		return s.recordMilestonesOf(ctx, tx, id, date)
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

func insertRecoveryStart(ctx context.Context, tx bun.Tx, by, memberID int64, date time.Time, reason string) error {
	row := &domain.RecoveryStartDateChange{MemberID: memberID, StartDate: date, Reason: reason, RecordedByUserID: userRef(by)}
	_, err := tx.NewInsert().Model(row).ModelTableExpr("recovery_start_dates AS recovery_start_date_change").ExcludeColumn("recorded_at").Exec(ctx)
	return err
}

// lockMember loads a member FOR UPDATE, which serialises every change to
// one member's journey.
func lockMember(ctx context.Context, tx bun.Tx, id int64) (*domain.Member, error) {
	m := new(domain.Member)
	err := tx.NewSelect().Model(m).Where("id = ?", id).For("UPDATE").Scan(ctx)
	if isNoRows(err) {
		return nil, &domain.Error{Code: domain.CodeNotFound, Field: []string{"input", "memberId"}, Message: "Member not found."}
	}
	return m, err
}

// userRef turns an actor id into a nullable reference; 0 is the system
// (seeding and imports).
func userRef(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}
