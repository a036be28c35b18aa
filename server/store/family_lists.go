package store

import (
	"context"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// The family lists that grow are connections too: the consents naming a
// contact, the contacts recorded at a FAMILY meeting, and the members who
// share with a family viewer. Each reads the pages of many parents in one
// statement (childPages) and their counts in another.

// Consents naming a contact, newest signature first, as Member.consents
// (a memberList whose parent is the contact).
var contactConsentList = memberList[*consentPageRow]{
	model:  memberConsentList.model,
	table:  memberConsentList.table,
	column: "consent.family_contact_id",
	keyset: memberConsentList.keyset,
	cursor: memberConsentList.cursor,
	member: func(c *consentPageRow) int64 { return *c.FamilyContactID },
}

// ConsentPagesByFamilyContactID reads one page of the consents naming each
// of many contacts, newest signature first.
func (s *Store) ConsentPagesByFamilyContactID(ctx context.Context, contactIDs []int64, page PageRequest) (map[int64]Page[*domain.ConsentRecord], error) {
	pages, err := contactConsentList.pages(ctx, s.db, contactIDs, page)
	return mapPages(pages, func(r *consentPageRow) *domain.ConsentRecord {
		return &domain.ConsentRecord{Consent: r.Consent, TreatmentEndedAt: r.TreatmentEndedAt}
	}), err
}

// CountConsentsByFamilyContactID counts the consents naming each contact.
func (s *Store) CountConsentsByFamilyContactID(ctx context.Context, contactIDs []int64) (map[int64]int, error) {
	return contactConsentList.counts(ctx, s.db, contactIDs)
}

// familyAttendanceRow is a family attendance line with its contact's sort
// key as the database computed it, so cursors compare exactly as the
// database orders. It keeps the table of domain.FamilyAttendance, so the
// statement names it (familyAttendanceTable).
type familyAttendanceRow struct {
	*domain.FamilyAttendance `bun:",extend"`
	SortName                 string `bun:"contact_sort_name"`
}

// A meeting's family attendance by contact name; a contact has one line
// per meeting, so the contact id breaks ties.
var meetingFamilyList = memberList[*familyAttendanceRow]{
	model: func(db bun.IDB) *bun.SelectQuery {
		return db.NewSelect().Model((*familyAttendanceRow)(nil)).ModelTableExpr(familyAttendanceTable).
			ColumnExpr("lower(family_contact.name) AS contact_sort_name").
			Join("JOIN family_contacts AS family_contact ON family_contact.id = family_attendance.family_contact_id")
	},
	table:  familyAttendanceTable,
	column: "family_attendance.meeting_id",
	keyset: keyset{expr: "lower(family_contact.name)", castType: "text", idColumn: "family_attendance.family_contact_id"},
	cursor: func(r *familyAttendanceRow) Cursor { return Cursor{Value: r.SortName, ID: r.FamilyContactID} },
	member: func(r *familyAttendanceRow) int64 { return r.MeetingID },
}

// FamilyAttendancePagesByMeetingID reads one page of the family attendance
// of each of many meetings, by contact name.
func (s *Store) FamilyAttendancePagesByMeetingID(ctx context.Context, meetingIDs []int64, page PageRequest) (map[int64]Page[*domain.FamilyAttendance], error) {
	pages, err := meetingFamilyList.pages(ctx, s.db, meetingIDs, page)
	return mapPages(pages, func(r *familyAttendanceRow) *domain.FamilyAttendance { return r.FamilyAttendance }), err
}

// CountFamilyAttendanceByMeetingID counts the family attendance lines of
// each meeting.
func (s *Store) CountFamilyAttendanceByMeetingID(ctx context.Context, meetingIDs []int64) (map[int64]int, error) {
	return meetingFamilyList.counts(ctx, s.db, meetingIDs)
}

// sharedMemberRow is a member who shares with a FAMILY user: some consent
// in force names a contact the user signs in as.
type sharedMemberRow struct {
	bun.BaseModel `bun:"table:shared_members,alias:shared_member"`
	UserID        int64 `bun:"user_id"`
	MemberID      int64 `bun:"member_id"`
}

// Shared members by member id: the one stable order a family viewer's
// cursor can carry without telling more than the SharedMember ID does.
var sharedMemberKeyset = keyset{expr: "shared_member.member_id", castType: "bigint", idColumn: "shared_member.member_id"}

// sharedMembers selects, for each of users, the members with a consent in
// force at now naming one of the user's contacts, once per member.
func sharedMembers(db bun.IDB, userIDs []int64, now time.Time) *bun.SelectQuery {
	q := db.NewSelect().Distinct().
		ColumnExpr("family_contact.user_id, consent.member_id").
		TableExpr("consents AS consent").
		Join("JOIN family_contacts AS family_contact ON family_contact.id = consent.family_contact_id").
		Where("family_contact.user_id IN (?)", bun.List(userIDs))
	return consentInForce(q, now)
}

// consentInForce narrows q (over consents AS consent) to the consents
// ACTIVE at now, the rule of domain.Consent.Status in SQL: not revoked by
// now, not past its date, and not ended by a discharge since the signature
// (treatmentEndSQL's end of treatment).
func consentInForce(q *bun.SelectQuery, now time.Time) *bun.SelectQuery {
	return q.Where("consent.revoked_at IS NULL OR consent.revoked_at > ?", now).
		Where("consent.expires_at IS NULL OR consent.expires_at > ?", now).
		Where(`consent.expires_on_event IS DISTINCT FROM ? OR NOT EXISTS (SELECT 1 FROM care_episodes AS e
			WHERE e.member_id = consent.member_id AND e.discharge_reason IS NOT NULL
			AND e.superseded_at IS NULL AND e.ended_at >= consent.signed_at AND e.ended_at <= ?)`,
			domain.EventEndOfTreatment, now)
}

// SharedMemberPagesByUserID reads one page of the members who share with
// each of many FAMILY users now, by member id; the items are member ids.
func (s *Store) SharedMemberPagesByUserID(ctx context.Context, userIDs []int64, page PageRequest) (map[int64]Page[int64], error) {
	base := s.db.NewSelect().Model((*sharedMemberRow)(nil)).
		ModelTableExpr("(?) AS shared_member", sharedMembers(s.db, userIDs, s.Now()))
	pages, err := childPages(ctx, base, "shared_member.user_id", userIDs, sharedMemberKeyset, page,
		func(r *sharedMemberRow) int64 { return r.UserID },
		func(r *sharedMemberRow) Cursor {
			return Cursor{Value: strconv.FormatInt(r.MemberID, 10), ID: r.MemberID}
		})
	return mapPages(pages, func(r *sharedMemberRow) int64 { return r.MemberID }), err
}

// CountSharedMembersByUserID counts the members who share with each FAMILY
// user now.
func (s *Store) CountSharedMembersByUserID(ctx context.Context, userIDs []int64) (map[int64]int, error) {
	base := s.db.NewSelect().TableExpr("(?) AS shared_member", sharedMembers(s.db, userIDs, s.Now()))
	return childCounts(ctx, base, "shared_member.user_id", userIDs)
}
