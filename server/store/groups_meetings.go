package store

import (
	"cmp"
	"context"
	"slices"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// ScheduleMeetings creates the group's meetings from its weekly schedule
// on the calendar days of period (start included, end excluded, in the
// group's zone) and
// returns every meeting of the group in those days, by start. Running it
// again creates nothing twice: the (group, start) key ignores repeats.
func (s *Store) ScheduleMeetings(ctx context.Context, groupID int64, period domain.DateRange) ([]*domain.Meeting, error) {
	if err := domain.CheckScheduleRange(period); err != nil {
		return nil, err
	}
	var meetings []*domain.Meeting
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		// SHARE lets schedulers run together but not beside a schedule change.
		g, err := lockGroup(ctx, tx, groupID, "SHARE")
		if err != nil {
			return err
		}
		if !g.Active {
			return domain.FieldError(domain.CodeInvalidInput, "groupId", "The group no longer meets; make it active first.")
		}
		loc, err := domain.LoadTimeZone("timeZone", g.TimeZone)
		if err != nil {
			return err
		}
		var slots []*domain.GroupScheduleSlot
		if err := tx.NewSelect().Model(&slots).Where("group_id = ?", g.ID).Scan(ctx); err != nil {
			return err
		}
		peerID, userID, err := defaultFacilitator(ctx, tx, g.ID)
		if err != nil {
			return err
		}
		var fresh []*domain.Meeting
		for _, t := range domain.MeetingTimes(slots, loc, period) {
			fresh = append(fresh, &domain.Meeting{GroupID: g.ID, StartsAt: t.StartsAt, EndsAt: t.EndsAt,
				FacilitatorPeerID: peerID, FacilitatorUserID: userID})
		}
		if len(fresh) > 0 {
			if _, err := tx.NewInsert().Model(&fresh).ExcludeColumn("created_at").
				On("CONFLICT (group_id, starts_at) DO NOTHING").Exec(ctx); err != nil {
				return err
			}
		}
		start, end := period.Instants(loc)
		return tx.NewSelect().Model(&meetings).
			Where("group_id = ? AND starts_at >= ? AND starts_at < ?", g.ID, start, end).
			Order("starts_at", "id").Scan(ctx)
	})
	if err != nil {
		return nil, err
	}
	if meetings == nil {
		meetings = []*domain.Meeting{}
	}
	return meetings, nil
}

// defaultFacilitator is who leads a new meeting: the group's first peer
// facilitator, else its first staff facilitator, else nobody.
func defaultFacilitator(ctx context.Context, tx bun.Tx, groupID int64) (peerID, userID *int64, err error) {
	var rows []*domain.GroupFacilitator
	err = tx.NewSelect().Model(&rows).Where("group_id = ?", groupID).
		OrderExpr("peer_id IS NULL, id").Limit(1).Scan(ctx)
	if err != nil || len(rows) == 0 {
		return nil, nil, err
	}
	return rows[0].PeerID, rows[0].UserID, nil
}

// MeetingChange sets a meeting's topic or facilitator; nil leaves a field.
// Naming a peer clears a staff facilitator and the other way round.
type MeetingChange struct {
	Topic             *string
	FacilitatorPeerID *int64
	FacilitatorUserID *int64
}

// UpdateMeeting changes a meeting's topic or facilitator.
func (s *Store) UpdateMeeting(ctx context.Context, id int64, change MeetingChange) (*domain.Meeting, error) {
	if change.FacilitatorPeerID != nil && change.FacilitatorUserID != nil {
		return nil, domain.FieldError(domain.CodeInvalidInput, "facilitatorUserId",
			"A meeting has one facilitator: give a peer or a staff member, not both.")
	}
	var topic string
	if change.Topic != nil {
		var err error
		if topic, err = domain.CleanMeetingTopic(*change.Topic); err != nil {
			return nil, err
		}
	}
	return s.inMeetingTx(ctx, id, func(ctx context.Context, tx bun.Tx, m *domain.Meeting) error {
		if change.Topic != nil {
			m.Topic = topic
		}
		if change.FacilitatorPeerID != nil {
			p := new(domain.Peer)
			if err := tx.NewSelect().Model(p).Where("id = ?", *change.FacilitatorPeerID).Scan(ctx); isNoRows(err) {
				p = nil
			} else if err != nil {
				return err
			}
			if err := checkPeerCanLead(p, "facilitatorPeerId", -1); err != nil {
				return err
			}
			m.FacilitatorPeerID, m.FacilitatorUserID = change.FacilitatorPeerID, nil
		}
		if change.FacilitatorUserID != nil {
			u := new(domain.User)
			if err := tx.NewSelect().Model(u).Where("id = ?", *change.FacilitatorUserID).Scan(ctx); isNoRows(err) {
				u = nil
			} else if err != nil {
				return err
			}
			if err := checkUserCanLead(u, "facilitatorUserId", -1); err != nil {
				return err
			}
			m.FacilitatorPeerID, m.FacilitatorUserID = nil, change.FacilitatorUserID
		}
		_, err := tx.NewUpdate().Model(m).Column("topic", "facilitator_peer_id", "facilitator_user_id").
			WherePK().Returning("*").Exec(ctx)
		return err
	})
}

// inMeetingTx runs write in one transaction on the meeting id, loaded FOR
// UPDATE, and returns the meeting as write left it. The lock is why
// attendance for one meeting is recorded one call after another, and why a
// schedule change cannot remove a meeting while its attendance is being
// recorded.
func (s *Store) inMeetingTx(ctx context.Context, id int64, write func(ctx context.Context, tx bun.Tx, m *domain.Meeting) error) (*domain.Meeting, error) {
	m := new(domain.Meeting)
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		err := tx.NewSelect().Model(m).Where("id = ?", id).For("UPDATE").Scan(ctx)
		if isNoRows(err) {
			return domain.FieldError(domain.CodeNotFound, "meetingId", "Meeting not found.")
		}
		if err != nil {
			return err
		}
		return write(ctx, tx, m)
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// RecordAttendance records a meeting's attendance, usually the whole
// group at once: every line or none. A member recorded before gets the new
// status. Concurrent calls for one meeting take turns on the meeting's row
// lock, so each succeeds and the last one's lines win.
func (s *Store) RecordAttendance(ctx context.Context, by, meetingID int64, entries []domain.AttendanceEntry) (*domain.Meeting, error) {
	return s.inMeetingTx(ctx, meetingID, func(ctx context.Context, tx bun.Tx, m *domain.Meeting) error {
		if err := domain.CheckAttendance(entries, m.StartsAt, s.Now()); err != nil {
			return err
		}
		memberID := func(e domain.AttendanceEntry) int64 { return e.MemberID }
		if err := checkLinesExist(ctx, tx, "members", entries, memberID, "memberId", "Member not found."); err != nil {
			return err
		}
		rows := make([]*domain.AttendanceRecord, len(entries))
		for i, e := range entries {
			rows[i] = &domain.AttendanceRecord{MeetingID: m.ID, MemberID: e.MemberID, Status: e.Status, RecordedByUserID: userRef(by)}
		}
		// One order for every writer, so row locks can never deadlock.
		slices.SortFunc(rows, func(a, b *domain.AttendanceRecord) int { return cmp.Compare(a.MemberID, b.MemberID) })
		return upsertSheet(ctx, tx.NewInsert().Model(&rows), "member_id")
	})
}

// upsertSheet runs the insert of an attendance sheet's rows: a line whose
// key (member_id, family_contact_id) was recorded for the meeting before
// gets the new status, recorder and time.
func upsertSheet(ctx context.Context, q *bun.InsertQuery, key string) error {
	_, err := q.ExcludeColumn("recorded_at").
		On("CONFLICT (meeting_id, " + key + ") DO UPDATE").
		Set("status = EXCLUDED.status").
		Set("recorded_by_user_id = EXCLUDED.recorded_by_user_id").
		Set("recorded_at = now()").Exec(ctx)
	return err
}

// checkLinesExist points at the first line of an attendance sheet whose
// record (a member, a family contact; id reads it from a line) does not
// exist in table.
func checkLinesExist[E any](ctx context.Context, tx bun.Tx, table string, entries []E, id func(E) int64, field, message string) error {
	ids := make([]int64, len(entries))
	for i, e := range entries {
		ids[i] = id(e)
	}
	var found []int64
	if err := tx.NewSelect().Table(table).Column("id").Where("id IN (?)", bun.List(ids)).Scan(ctx, &found); err != nil {
		return err
	}
	exists := make(map[int64]bool, len(found))
	for _, id := range found {
		exists[id] = true
	}
	for i, id := range ids {
		if !exists[id] {
			return domain.GroupLineError(domain.CodeNotFound, "entries", i, field, message)
		}
	}
	return nil
}
