package store

import (
	"context"
	"errors"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/driver/pgdriver"

	"carejourney/server/domain"
)

// GroupInput creates or changes a group. A nil list leaves what the group
// has (nothing, for a new group); a non-nil list replaces it.
type GroupInput struct {
	Fields   domain.GroupFields
	Schedule []domain.ScheduleSlotInput
	PeerIDs  []int64
	UserIDs  []int64
}

// check validates what needs no database.
func (in GroupInput) check() ([]*domain.GroupScheduleSlot, error) {
	var slots []*domain.GroupScheduleSlot
	if in.Schedule != nil {
		var err error
		if slots, err = domain.ParseSchedule(in.Schedule); err != nil {
			return nil, err
		}
	}
	if err := domain.CheckFacilitatorIDs("facilitatorPeerIds", in.PeerIDs); err != nil {
		return nil, err
	}
	return slots, domain.CheckFacilitatorIDs("facilitatorUserIds", in.UserIDs)
}

// CreateGroup adds a group with its schedule and facilitators. The time
// zone defaults to the provider's.
func (s *Store) CreateGroup(ctx context.Context, in GroupInput) (*domain.Group, error) {
	g := &domain.Group{Active: true, TimeZone: s.Location.String()}
	in.Fields.Active = nil
	if err := in.Fields.Apply(g); err != nil {
		return nil, err
	}
	slots, err := in.check()
	if err != nil {
		return nil, err
	}
	if err := s.checkZoneKnownToDatabase(ctx, g.TimeZone); err != nil {
		return nil, err
	}
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if g.HouseID != nil {
			if err := checkHouseExists(ctx, tx, *g.HouseID); err != nil {
				return err
			}
		}
		if _, err := tx.NewInsert().Model(g).ExcludeColumn("created_at", "updated_at").Returning("*").Exec(ctx); err != nil {
			return err
		}
		if err := replaceSchedule(ctx, tx, g.ID, slots); err != nil {
			return err
		}
		return replaceFacilitators(ctx, tx, g.ID, in.PeerIDs, in.UserIDs, true)
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// UpdateGroup changes a group. A new schedule or time zone, or stopping
// the group, removes the future meetings that no longer fit and have no
// attendance; future meetings that still fit take the new length.
func (s *Store) UpdateGroup(ctx context.Context, id int64, in GroupInput) (*domain.Group, error) {
	in.Fields.Kind, in.Fields.HouseID = nil, nil // fixed at creation
	slots, err := in.check()
	if err != nil {
		return nil, err
	}
	if in.Fields.TimeZone != nil {
		if err := s.checkZoneKnownToDatabase(ctx, *in.Fields.TimeZone); err != nil {
			return nil, err
		}
	}
	var g *domain.Group
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var err error
		// NO KEY UPDATE lets rows referencing the group be written meanwhile,
		// while schedulers and joins (SHARE) wait for the change to finish.
		if g, err = lockGroup(ctx, tx, id, "NO KEY UPDATE"); err != nil {
			return err
		}
		oldZone, wasActive := g.TimeZone, g.Active
		if err := in.Fields.Apply(g); err != nil {
			return err
		}
		if in.Schedule != nil {
			if err := replaceSchedule(ctx, tx, g.ID, slots); err != nil {
				return err
			}
		}
		if err := replaceFacilitators(ctx, tx, g.ID, in.PeerIDs, in.UserIDs, false); err != nil {
			return err
		}
		if _, err := tx.NewUpdate().Model(g).Column("name", "description", "modality", "location", "time_zone", "active").
			Set("updated_at = now()").WherePK().Returning("*").Exec(ctx); err != nil {
			return err
		}
		if in.Schedule != nil || g.TimeZone != oldZone || (wasActive && !g.Active) {
			return s.refitFutureMeetings(ctx, tx, g)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// refitFutureMeetings brings the meetings that have not started in line
// with the group's schedule (none for a group that stopped meeting).
// Meetings with attendance stay whatever happens: they are records.
func (s *Store) refitFutureMeetings(ctx context.Context, tx bun.Tx, g *domain.Group) error {
	var slots []*domain.GroupScheduleSlot
	if g.Active {
		if err := tx.NewSelect().Model(&slots).Where("group_id = ?", g.ID).Scan(ctx); err != nil {
			return err
		}
	}
	loc, err := domain.LoadTimeZone("timeZone", g.TimeZone)
	if err != nil {
		return err
	}
	// The row locks make recordAttendance on these meetings wait, or make
	// this wait for it, so the attendance check below sees its outcome.
	var future []*domain.Meeting
	if err := tx.NewSelect().Model(&future).Where("group_id = ? AND starts_at > ?", g.ID, s.Now()).
		Order("id").For("UPDATE").Scan(ctx); err != nil {
		return err
	}
	var gone []int64
	for _, m := range future {
		endsAt, fits := domain.FitSchedule(m.StartsAt, slots, loc)
		if !fits {
			gone = append(gone, m.ID)
			continue
		}
		if !endsAt.Equal(m.EndsAt) {
			if _, err := tx.NewUpdate().Model(m).Set("ends_at = ?", endsAt).WherePK().Exec(ctx); err != nil {
				return err
			}
		}
	}
	if len(gone) == 0 {
		return nil
	}
	_, err = tx.NewDelete().TableExpr("meetings AS meeting").
		Where("meeting.id IN (?)", bun.List(gone)).
		Where("NOT EXISTS (SELECT 1 FROM attendance_records AS a WHERE a.meeting_id = meeting.id)").Exec(ctx)
	return err
}

// lockGroup loads a group with a row lock of the given strength.
func lockGroup(ctx context.Context, tx bun.Tx, id int64, strength string) (*domain.Group, error) {
	g := new(domain.Group)
	err := tx.NewSelect().Model(g).Where("id = ?", id).For(strength).Scan(ctx)
	if isNoRows(err) {
		return nil, groupNotFound()
	}
	return g, err
}

func groupNotFound() *domain.Error {
	return domain.FieldError(domain.CodeNotFound, "groupId", "Group not found.")
}

// pgInvalidParameter is what PostgreSQL raises for a time zone it does not know.
const pgInvalidParameter = "22023"

// checkZoneKnownToDatabase makes sure PostgreSQL knows the zone as well as
// Go: the meeting filters read starts in the group's zone in SQL.
func (s *Store) checkZoneKnownToDatabase(ctx context.Context, zone string) error {
	loc, err := domain.LoadTimeZone("timeZone", zone)
	if err != nil {
		return err
	}
	var ok bool
	err = s.db.NewRaw("SELECT now() AT TIME ZONE ? IS NOT NULL", loc.String()).Scan(ctx, &ok)
	var pgErr pgdriver.Error
	if errors.As(err, &pgErr) && pgErr.Field('C') == pgInvalidParameter {
		return domain.FieldError(domain.CodeInvalidInput, "timeZone", "The database does not know this time zone.")
	}
	return err
}

func checkHouseExists(ctx context.Context, tx bun.Tx, id int64) error {
	exists, err := tx.NewSelect().Table("houses").Where("id = ?", id).Exists(ctx)
	if err == nil && !exists {
		return domain.FieldError(domain.CodeNotFound, "houseId", "House not found.")
	}
	return err
}

func replaceSchedule(ctx context.Context, tx bun.Tx, groupID int64, slots []*domain.GroupScheduleSlot) error {
	if _, err := tx.NewDelete().Model((*domain.GroupScheduleSlot)(nil)).Where("group_id = ?", groupID).Exec(ctx); err != nil {
		return err
	}
	if len(slots) == 0 {
		return nil
	}
	for _, s := range slots {
		s.GroupID = groupID
	}
	_, err := tx.NewInsert().Model(&slots).Returning("*").Exec(ctx)
	return err
}

// replaceFacilitators replaces the peer list and the user list that are not
// nil (both are written for a new group).
func replaceFacilitators(ctx context.Context, tx bun.Tx, groupID int64, peerIDs, userIDs []int64, isNew bool) error {
	var rows []*domain.GroupFacilitator
	if peerIDs != nil {
		if err := checkFacilitatorPeers(ctx, tx, peerIDs); err != nil {
			return err
		}
		if !isNew {
			if _, err := tx.NewDelete().Model((*domain.GroupFacilitator)(nil)).
				Where("group_id = ? AND peer_id IS NOT NULL", groupID).Exec(ctx); err != nil {
				return err
			}
		}
		for _, id := range peerIDs {
			rows = append(rows, &domain.GroupFacilitator{GroupID: groupID, PeerID: &id})
		}
	}
	if userIDs != nil {
		if err := checkFacilitatorUsers(ctx, tx, userIDs); err != nil {
			return err
		}
		if !isNew {
			if _, err := tx.NewDelete().Model((*domain.GroupFacilitator)(nil)).
				Where("group_id = ? AND user_id IS NOT NULL", groupID).Exec(ctx); err != nil {
				return err
			}
		}
		for _, id := range userIDs {
			rows = append(rows, &domain.GroupFacilitator{GroupID: groupID, UserID: &id})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	_, err := tx.NewInsert().Model(&rows).Exec(ctx)
	return err
}

// checkFacilitatorPeers requires every peer to exist and be active; an
// error points at the line.
func checkFacilitatorPeers(ctx context.Context, tx bun.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	var peers []*domain.Peer
	if err := tx.NewSelect().Model(&peers).Where("id IN (?)", bun.List(ids)).Scan(ctx); err != nil {
		return err
	}
	found := indexBy(peers, func(p *domain.Peer) int64 { return p.ID })
	for i, id := range ids {
		if err := checkPeerCanLead(found[id], "facilitatorPeerIds", i); err != nil {
			return err
		}
	}
	return nil
}

// checkFacilitatorUsers requires every user to be an active staff account.
func checkFacilitatorUsers(ctx context.Context, tx bun.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	var users []*domain.User
	if err := tx.NewSelect().Model(&users).Where("id IN (?)", bun.List(ids)).Scan(ctx); err != nil {
		return err
	}
	found := indexBy(users, func(u *domain.User) int64 { return u.ID })
	for i, id := range ids {
		if err := checkUserCanLead(found[id], "facilitatorUserIds", i); err != nil {
			return err
		}
	}
	return nil
}

// checkPeerCanLead: line < 0 means field is a single ID, not a list.
func checkPeerCanLead(p *domain.Peer, field string, line int) error {
	switch {
	case p == nil:
		return facilitatorError(domain.CodeNotFound, field, line, "Peer not found.")
	case !p.Active:
		return facilitatorError(domain.CodePeerInactive, field, line, "The peer is no longer active.")
	}
	return nil
}

func checkUserCanLead(u *domain.User, field string, line int) error {
	switch {
	case u == nil:
		return facilitatorError(domain.CodeNotFound, field, line, "User not found.")
	case !u.Active:
		return facilitatorError(domain.CodeInvalidInput, field, line, "The account is deactivated.")
	case !u.Role.IsStaff():
		return facilitatorError(domain.CodeInvalidInput, field, line, "Only staff can lead a group.")
	}
	return nil
}

func facilitatorError(code domain.Code, field string, line int, message string) *domain.Error {
	if line < 0 {
		return domain.FieldError(code, field, message)
	}
	return domain.GroupLineError(code, field, line, "", message)
}
