package store

import (
	"cmp"
	"context"
	"slices"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// familyAttendanceTable names the table for domain.FamilyAttendance, whose
// name bun would otherwise pluralise.
const familyAttendanceTable = "family_attendance AS family_attendance"

// RecordFamilyAttendance records family contacts' attendance at a meeting
// of a FAMILY group: every line or none, a contact recorded before gets the
// new status. The rules are those of member attendance (domain.CheckFamilyAttendance).
func (s *Store) RecordFamilyAttendance(ctx context.Context, by, meetingID int64, entries []domain.FamilyAttendanceEntry) (*domain.Meeting, error) {
	return s.inMeetingTx(ctx, meetingID, func(ctx context.Context, tx bun.Tx, m *domain.Meeting) error {
		g := new(domain.Group)
		if err := tx.NewSelect().Model(g).Where("id = ?", m.GroupID).Scan(ctx); err != nil {
			return err
		}
		if err := domain.CheckFamilyAttendance(g, entries, m.StartsAt, s.Now()); err != nil {
			return err
		}
		contactID := func(e domain.FamilyAttendanceEntry) int64 { return e.FamilyContactID }
		if err := checkLinesExist(ctx, tx, "family_contacts", entries, contactID, "familyContactId", "Family contact not found."); err != nil {
			return err
		}
		rows := make([]*domain.FamilyAttendance, len(entries))
		for i, e := range entries {
			rows[i] = &domain.FamilyAttendance{MeetingID: m.ID, FamilyContactID: e.FamilyContactID, Status: e.Status,
				RecordedByUserID: userRef(by)}
		}
		// One order for every writer, so row locks can never deadlock.
		slices.SortFunc(rows, func(a, b *domain.FamilyAttendance) int { return cmp.Compare(a.FamilyContactID, b.FamilyContactID) })
		return upsertSheet(ctx, tx.NewInsert().Model(&rows).ModelTableExpr(familyAttendanceTable), "family_contact_id")
	})
}

// FamilyAttendanceOfUser loads a FAMILY account's own attendance (as any of
// its contacts) at meetings, keyed by meeting.
func (s *Store) FamilyAttendanceOfUser(ctx context.Context, userID int64, meetingIDs []int64) (map[int64]*domain.FamilyAttendance, error) {
	var rows []*domain.FamilyAttendance
	err := s.db.NewSelect().Model(&rows).ModelTableExpr(familyAttendanceTable).
		Where("meeting_id IN (?)", bun.List(meetingIDs)).
		Where("family_contact_id IN (SELECT id FROM family_contacts WHERE user_id = ?)", userID).
		Order("meeting_id", "family_contact_id").Scan(ctx)
	if err != nil {
		return nil, err
	}
	// A person who is the contact of two members attended once.
	return indexBy(rows, func(r *domain.FamilyAttendance) int64 { return r.MeetingID }), nil
}
