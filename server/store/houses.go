package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// HousesByID loads houses by id.
func (s *Store) HousesByID(ctx context.Context, ids []int64) (map[int64]*domain.House, error) {
	return byIDs(ctx, s.db, ids, func(h *domain.House) int64 { return h.ID })
}

// ResidenciesByID loads residencies by id.
func (s *Store) ResidenciesByID(ctx context.Context, ids []int64) (map[int64]*domain.Residency, error) {
	return byIDs(ctx, s.db, ids, func(r *domain.Residency) int64 { return r.ID })
}

// HouseFilter narrows a house list; nil fields mean "any".
type HouseFilter struct {
	// HasOpenBeds keeps houses with a free bed (true) or full ones (false).
	HasOpenBeds       *bool
	GenderDesignation *domain.GenderDesignation
}

// houseOccupiedBeds counts a house's current residents; the partial index
// residencies_house_current_idx answers it.
const houseOccupiedBeds = `(SELECT count(*) FROM residencies AS r WHERE r.house_id = house.id AND r.move_out_at IS NULL)`

func (f HouseFilter) apply(q *bun.SelectQuery) *bun.SelectQuery {
	if f.GenderDesignation != nil {
		q.Where("house.gender_designation = ?", *f.GenderDesignation)
	}
	if f.HasOpenBeds != nil {
		if *f.HasOpenBeds {
			q.Where(houseOccupiedBeds + " < house.capacity")
		} else {
			q.Where(houseOccupiedBeds + " >= house.capacity")
		}
	}
	return q
}

// houseRow is a house with the sort key the database computed, so cursors
// compare exactly as the database orders.
type houseRow struct {
	bun.BaseModel `bun:"table:houses,alias:house"`
	*domain.House `bun:",extend"`
	SortName      string `bun:"sort_name,scanonly"`
}

var houseKeyset = keyset{expr: "house.sort_name", castType: "text", idColumn: "house.id"}

// ListHouses returns one page of houses matching filter, by name.
func (s *Store) ListHouses(ctx context.Context, filter HouseFilter, page PageRequest) (Page[*domain.House], error) {
	var rows []houseRow
	q := s.db.NewSelect().Model(&rows).ModelTableExpr("houses AS house").Column("house.*")
	if err := houseKeyset.apply(filter.apply(q), page).Scan(ctx); err != nil {
		return Page[*domain.House]{}, err
	}
	houses := make([]*domain.House, len(rows))
	cursors := make([]Cursor, len(rows))
	for i, r := range rows {
		houses[i] = r.House
		cursors[i] = Cursor{Value: r.SortName, ID: r.ID}
	}
	return finish(houses, cursors, page), nil
}

// CountHouses counts the houses matching filter.
func (s *Store) CountHouses(ctx context.Context, filter HouseFilter) (int, error) {
	n, err := filter.apply(s.db.NewSelect().TableExpr("houses AS house")).Count(ctx)
	return int(n), err
}

// CurrentResidentsByHouseID loads the current residencies of houses, by
// move-in; a house's occupancy is the length of its list.
func (s *Store) CurrentResidentsByHouseID(ctx context.Context, ids []int64) (map[int64][]*domain.Residency, error) {
	var rows []*domain.Residency
	err := s.db.NewSelect().Model(&rows).Where("house_id IN (?) AND move_out_at IS NULL", bun.List(ids)).
		Order("move_in_at", "id").Scan(ctx)
	if err != nil {
		return nil, err
	}
	return groupBy(rows, func(r *domain.Residency) int64 { return r.HouseID }), nil
}

// CurrentResidenciesByMemberID loads each member's current residency alone
// (residencies_one_current_idx allows one), for the member lists.
func (s *Store) CurrentResidenciesByMemberID(ctx context.Context, ids []int64) (map[int64]*domain.Residency, error) {
	var rows []*domain.Residency
	err := s.db.NewSelect().Model(&rows).Where("member_id IN (?) AND move_out_at IS NULL", bun.List(ids)).Scan(ctx)
	if err != nil {
		return nil, err
	}
	return indexBy(rows, func(r *domain.Residency) int64 { return r.MemberID }), nil
}

// ResidenciesByMemberID loads every residency of members, oldest first.
func (s *Store) ResidenciesByMemberID(ctx context.Context, ids []int64) (map[int64][]*domain.Residency, error) {
	var rows []*domain.Residency
	err := s.db.NewSelect().Model(&rows).Where("member_id IN (?)", bun.List(ids)).
		Order("move_in_at", "id").Scan(ctx)
	if err != nil {
		return nil, err
	}
	return groupBy(rows, func(r *domain.Residency) int64 { return r.MemberID }), nil
}

// residencyKeyset lists a house's residencies newest move-in first.
var residencyKeyset = keyset{expr: "residency.move_in_at", castType: "timestamptz", idColumn: "residency.id", desc: true}

func residencyCursor(r *domain.Residency) Cursor {
	return timeCursor(r.MoveInAt, r.ID)
}

// ResidencyPagesByHouseID reads one page of the residency history of each
// of many houses in one statement.
func (s *Store) ResidencyPagesByHouseID(ctx context.Context, houseIDs []int64, page PageRequest) (map[int64]Page[*domain.Residency], error) {
	base, err := scopeMembers(ctx, s.db.NewSelect().Model((*domain.Residency)(nil)), "residency.member_id")
	if err != nil {
		return nil, err
	}
	return childPages(ctx, base, "residency.house_id", houseIDs, residencyKeyset, page,
		func(r *domain.Residency) int64 { return r.HouseID }, residencyCursor)
}

// ResidencyCountsByHouseID counts everyone who ever lived in each house.
func (s *Store) ResidencyCountsByHouseID(ctx context.Context, houseIDs []int64) (map[int64]int, error) {
	base, err := scopeMembers(ctx, s.db.NewSelect().TableExpr("residencies AS residency"), "residency.member_id")
	if err != nil {
		return nil, err
	}
	return childCounts(ctx, base, "residency.house_id", houseIDs)
}

// HouseMeetingGroupPages reads one page of the HOUSE_MEETING groups of
// each of many houses, by name, in one statement.
func (s *Store) HouseMeetingGroupPages(ctx context.Context, houseIDs []int64, page PageRequest) (map[int64]Page[*domain.Group], error) {
	base := s.db.NewSelect().Model((*groupPageRow)(nil)).
		ColumnExpr("grp.house_id AS page_parent").Where("grp.kind = ?", domain.GroupHouseMeeting)
	return groupPages(ctx, base, "grp.house_id", houseIDs, page)
}

// CountHouseMeetingGroups counts the HOUSE_MEETING groups of each house.
func (s *Store) CountHouseMeetingGroups(ctx context.Context, houseIDs []int64) (map[int64]int, error) {
	base := s.db.NewSelect().TableExpr("groups AS grp").Where("grp.kind = ?", domain.GroupHouseMeeting)
	return childCounts(ctx, base, "grp.house_id", houseIDs)
}

// CreateHouse adds a house.
func (s *Store) CreateHouse(ctx context.Context, fields domain.HouseFields) (*domain.House, error) {
	h := new(domain.House)
	if err := fields.Apply(h); err != nil {
		return nil, err
	}
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if err := checkHouseManager(ctx, tx, fields.ManagerUserID); err != nil {
			return err
		}
		_, err := tx.NewInsert().Model(h).ExcludeColumn("created_at", "updated_at").Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

// UpdateHouse changes a house's details. The house's row lock makes a
// capacity change and concurrent move-ins take turns, so the capacity is
// checked against the occupancy as it is.
func (s *Store) UpdateHouse(ctx context.Context, id int64, fields domain.HouseFields) (*domain.House, error) {
	var h *domain.House
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if h, err = lockHouse(ctx, tx, id); err != nil {
			return err
		}
		if err := fields.Apply(h); err != nil {
			return err
		}
		if err := checkHouseManager(ctx, tx, fields.ManagerUserID); err != nil {
			return err
		}
		if fields.Capacity != nil {
			occupied, err := countHouseResidents(ctx, tx, h.ID)
			if err != nil {
				return err
			}
			if err := domain.CheckCapacity(h.Capacity, occupied); err != nil {
				return err
			}
		}
		_, err = tx.NewUpdate().Model(h).
			Column("name", "address", "capacity", "gender_designation", "narr_level", "phone", "manager_user_id").
			Set("updated_at = now()").WherePK().Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

// MoveInInput moves a member into a house.
type MoveInInput struct {
	MemberID int64
	HouseID  int64
	Bed      *string
	MoveInAt time.Time
}

// MoveIntoHouse starts a residency and writes its HOUSING_CHANGE update.
// The member's row lock serialises the member's moves; the house's row lock
// (taken second, always in that order) serialises move-ins to one house, so
// each sees the occupancy the previous one left and the last bed goes once.
func (s *Store) MoveIntoHouse(ctx context.Context, by int64, in MoveInInput) (*domain.Residency, error) {
	bed, err := domain.CleanBed(in.Bed)
	if err != nil {
		return nil, err
	}
	r := &domain.Residency{MemberID: in.MemberID, HouseID: in.HouseID, Bed: bed, MoveInAt: in.MoveInAt,
		RecordedByUserID: userRef(by)}
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if _, err := lockMember(ctx, tx, in.MemberID); err != nil {
			return err
		}
		house, err := lockHouse(ctx, tx, in.HouseID)
		if err != nil {
			return err
		}
		check := domain.MoveIn{House: house}
		if check.Last, err = lastResidency(ctx, tx, in.MemberID); err != nil {
			return err
		}
		if check.Occupied, err = countHouseResidents(ctx, tx, house.ID); err != nil {
			return err
		}
		if bed != nil {
			if check.BedTaken, err = houseBedTaken(ctx, tx, house.ID, *bed, in.MoveInAt); err != nil {
				return err
			}
		}
		if err := domain.CheckMoveIn(check, in.MoveInAt, s.Now()); err != nil {
			return err
		}
		if _, err := tx.NewInsert().Model(r).ExcludeColumn("recorded_at").Returning("*").Exec(ctx); err != nil {
			return err
		}
		return insertHousingUpdate(ctx, tx, by, r.MemberID, true, house.Name, in.MoveInAt)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// MoveOutInput ends a member's residency.
type MoveOutInput struct {
	MemberID  int64
	MoveOutAt time.Time
	Reason    domain.MoveOutReason
	Note      *string
}

// MoveOutOfHouse ends the member's current residency and writes its
// HOUSING_CHANGE update. The reason and note stay out of the update, which
// may be shared with family.
func (s *Store) MoveOutOfHouse(ctx context.Context, by int64, in MoveOutInput) (*domain.Residency, error) {
	note, err := domain.CleanMoveOutNote(in.Reason, in.Note)
	if err != nil {
		return nil, err
	}
	var r *domain.Residency
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if _, err := lockMember(ctx, tx, in.MemberID); err != nil {
			return err
		}
		var err error
		if r, err = lastResidency(ctx, tx, in.MemberID); err != nil {
			return err
		}
		if err := domain.CheckMoveOut(r, in.MoveOutAt, s.Now()); err != nil {
			return err
		}
		reason := in.Reason
		r.MoveOutAt, r.MoveOutReason, r.MoveOutNote, r.MovedOutByUserID = &in.MoveOutAt, &reason, note, userRef(by)
		if _, err := tx.NewUpdate().Model(r).
			Column("move_out_at", "move_out_reason", "move_out_note", "moved_out_by_user_id").
			WherePK().Returning("*").Exec(ctx); err != nil {
			return err
		}
		var houseName string
		if err := tx.NewSelect().Table("houses").Column("name").Where("id = ?", r.HouseID).Scan(ctx, &houseName); err != nil {
			return err
		}
		return insertHousingUpdate(ctx, tx, by, r.MemberID, false, houseName, in.MoveOutAt)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

func insertHousingUpdate(ctx context.Context, tx bun.Tx, by, memberID int64, movedIn bool, houseName string, at time.Time) error {
	return insertUpdate(ctx, tx, &domain.Update{MemberID: memberID, Kind: domain.UpdateHousingChange,
		Body: domain.HousingUpdateBody(movedIn, houseName), AuthorUserID: userRef(by), OccurredAt: at,
		Shareable: true})
}

// lockHouse loads a house FOR UPDATE: move-ins and capacity changes of one
// house take turns.
func lockHouse(ctx context.Context, tx bun.Tx, id int64) (*domain.House, error) {
	h := new(domain.House)
	err := tx.NewSelect().Model(h).Where("id = ?", id).For("UPDATE").Scan(ctx)
	if isNoRows(err) {
		return nil, domain.FieldError(domain.CodeNotFound, "houseId", "House not found.")
	}
	return h, err
}

// checkHouseManager validates the account named as manager, when one is.
func checkHouseManager(ctx context.Context, tx bun.Tx, userID *int64) error {
	if userID == nil {
		return nil
	}
	u := new(domain.User)
	err := tx.NewSelect().Model(u).Where("id = ?", *userID).Scan(ctx)
	if isNoRows(err) {
		u = nil
	} else if err != nil {
		return err
	}
	return domain.CheckHouseManager(u)
}

func countHouseResidents(ctx context.Context, tx bun.Tx, houseID int64) (int, error) {
	n, err := tx.NewSelect().Table("residencies").Where("house_id = ? AND move_out_at IS NULL", houseID).Count(ctx)
	return int(n), err
}

// lastResidency is the member's latest residency; residencies of a member
// never overlap, so the latest move-in is also the latest move-out.
func lastResidency(ctx context.Context, tx bun.Tx, memberID int64) (*domain.Residency, error) {
	var rows []*domain.Residency
	err := tx.NewSelect().Model(&rows).Where("member_id = ?", memberID).
		OrderExpr("move_in_at DESC, id DESC").Limit(1).Scan(ctx)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return rows[0], nil
}

// houseBedTaken reports whether someone lives in the bed at or after at: a
// current resident, or a past one who moved out after at (a backdated
// move-in would overlap them). Beds compare case-insensitively, like the
// residencies_bed_no_overlap constraint.
func houseBedTaken(ctx context.Context, tx bun.Tx, houseID int64, bed string, at time.Time) (bool, error) {
	return tx.NewSelect().Table("residencies").
		Where("house_id = ? AND lower(bed) = lower(?)", houseID, bed).
		Where("move_out_at IS NULL OR move_out_at > ?", at).
		Exists(ctx)
}
