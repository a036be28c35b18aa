package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// A member's histories (episodes, residencies, pairings, plans, consents,
// family contacts) grow with the years in care, so each is a connection:
// the pages of many members in one statement, their counts in another.

// memberList describes one of those histories.
type memberList[T any] struct {
	// model selects the rows with their model (and any computed columns).
	model func(db bun.IDB) *bun.SelectQuery
	// table is the table with its alias, for counting.
	table  string
	column string // the member id column
	keyset keyset
	cursor func(T) Cursor
	member func(T) int64
}

// pages reads one page of the rows of each member, narrowed by where.
func (l memberList[T]) pages(ctx context.Context, db bun.IDB, members []int64, page PageRequest, where ...string) (map[int64]Page[T], error) {
	q := l.model(db)
	for _, w := range where {
		q = q.Where(w)
	}
	return childPages(ctx, q, l.column, members, l.keyset, page, l.member, l.cursor)
}

// counts counts the rows of each member, narrowed by where.
func (l memberList[T]) counts(ctx context.Context, db bun.IDB, members []int64, where ...string) (map[int64]int, error) {
	q := db.NewSelect().TableExpr(l.table)
	for _, w := range where {
		q = q.Where(w)
	}
	return childCounts(ctx, q, l.column, members)
}

// Episodes oldest first, as the journey reads them.
var episodeList = memberList[*domain.CareEpisode]{
	model:  func(db bun.IDB) *bun.SelectQuery { return db.NewSelect().Model((*domain.CareEpisode)(nil)) },
	table:  "care_episodes AS care_episode",
	column: "care_episode.member_id",
	keyset: keyset{expr: "care_episode.started_at", castType: "timestamptz", idColumn: "care_episode.id"},
	cursor: func(e *domain.CareEpisode) Cursor { return timeCursor(e.StartedAt, e.ID) },
	member: func(e *domain.CareEpisode) int64 { return e.MemberID },
}

func episodeFilter(includeSuperseded bool) []string {
	if includeSuperseded {
		return nil
	}
	return []string{"care_episode.superseded_at IS NULL"}
}

// EpisodePagesByMemberID reads one page of the care episodes of each of
// many members, oldest first; episodes replaced by a correction only when
// includeSuperseded.
func (s *Store) EpisodePagesByMemberID(ctx context.Context, memberIDs []int64, includeSuperseded bool, page PageRequest) (map[int64]Page[*domain.CareEpisode], error) {
	return episodeList.pages(ctx, s.db, memberIDs, page, episodeFilter(includeSuperseded)...)
}

// CountEpisodesByMemberID counts the care episodes of each member.
func (s *Store) CountEpisodesByMemberID(ctx context.Context, memberIDs []int64, includeSuperseded bool) (map[int64]int, error) {
	return episodeList.counts(ctx, s.db, memberIDs, episodeFilter(includeSuperseded)...)
}

// Residencies oldest move-in first.
var memberResidencyList = memberList[*domain.Residency]{
	model:  func(db bun.IDB) *bun.SelectQuery { return db.NewSelect().Model((*domain.Residency)(nil)) },
	table:  "residencies AS residency",
	column: "residency.member_id",
	keyset: keyset{expr: "residency.move_in_at", castType: "timestamptz", idColumn: "residency.id"},
	cursor: func(r *domain.Residency) Cursor { return timeCursor(r.MoveInAt, r.ID) },
	member: func(r *domain.Residency) int64 { return r.MemberID },
}

// ResidencyPagesByMemberID reads one page of the residencies of each of
// many members, oldest move-in first.
func (s *Store) ResidencyPagesByMemberID(ctx context.Context, memberIDs []int64, page PageRequest) (map[int64]Page[*domain.Residency], error) {
	return memberResidencyList.pages(ctx, s.db, memberIDs, page)
}

// CountResidenciesByMemberID counts the residencies of each member.
func (s *Store) CountResidenciesByMemberID(ctx context.Context, memberIDs []int64) (map[int64]int, error) {
	return memberResidencyList.counts(ctx, s.db, memberIDs)
}

// Pairings oldest first.
var memberAssignmentList = memberList[*domain.PeerAssignment]{
	model:  func(db bun.IDB) *bun.SelectQuery { return db.NewSelect().Model((*domain.PeerAssignment)(nil)) },
	table:  "peer_assignments AS peer_assignment",
	column: "peer_assignment.member_id",
	keyset: keyset{expr: "peer_assignment.started_at", castType: "timestamptz", idColumn: "peer_assignment.id"},
	cursor: func(a *domain.PeerAssignment) Cursor { return timeCursor(a.StartedAt, a.ID) },
	member: func(a *domain.PeerAssignment) int64 { return a.MemberID },
}

// PeerAssignmentPagesByMemberID reads one page of the peer pairings of
// each of many members, oldest first.
func (s *Store) PeerAssignmentPagesByMemberID(ctx context.Context, memberIDs []int64, page PageRequest) (map[int64]Page[*domain.PeerAssignment], error) {
	return memberAssignmentList.pages(ctx, s.db, memberIDs, page)
}

// CountPeerAssignmentsByMemberID counts the peer pairings of each member.
func (s *Store) CountPeerAssignmentsByMemberID(ctx context.Context, memberIDs []int64) (map[int64]int, error) {
	return memberAssignmentList.counts(ctx, s.db, memberIDs)
}

// Plans newest first.
var memberPlanList = memberList[*domain.AftercarePlan]{
	model:  func(db bun.IDB) *bun.SelectQuery { return db.NewSelect().Model((*domain.AftercarePlan)(nil)) },
	table:  "aftercare_plans AS aftercare_plan",
	column: "aftercare_plan.member_id",
	keyset: keyset{expr: "aftercare_plan.created_at", castType: "timestamptz", idColumn: "aftercare_plan.id", desc: true},
	cursor: func(p *domain.AftercarePlan) Cursor { return timeCursor(p.CreatedAt, p.ID) },
	member: func(p *domain.AftercarePlan) int64 { return p.MemberID },
}

// AftercarePlanPagesByMemberID reads one page of the aftercare plans of
// each of many members, newest first.
func (s *Store) AftercarePlanPagesByMemberID(ctx context.Context, memberIDs []int64, page PageRequest) (map[int64]Page[*domain.AftercarePlan], error) {
	return memberPlanList.pages(ctx, s.db, memberIDs, page)
}

// CountAftercarePlansByMemberID counts the aftercare plans of each member.
func (s *Store) CountAftercarePlansByMemberID(ctx context.Context, memberIDs []int64) (map[int64]int, error) {
	return memberPlanList.counts(ctx, s.db, memberIDs)
}

// contactPageRow is a family contact with its sort key as the database
// computed it, so cursors compare exactly as the database orders.
type contactPageRow struct {
	bun.BaseModel         `bun:"table:family_contacts,alias:family_contact"`
	*domain.FamilyContact `bun:",extend"`
	SortName              string `bun:"contact_sort_name"`
}

// Family contacts by name.
var memberContactList = memberList[*contactPageRow]{
	model: func(db bun.IDB) *bun.SelectQuery {
		return db.NewSelect().Model((*contactPageRow)(nil)).ColumnExpr("lower(family_contact.name) AS contact_sort_name")
	},
	table:  "family_contacts AS family_contact",
	column: "family_contact.member_id",
	keyset: keyset{expr: "lower(family_contact.name)", castType: "text", idColumn: "family_contact.id"},
	cursor: func(c *contactPageRow) Cursor { return Cursor{Value: c.SortName, ID: c.ID} },
	member: func(c *contactPageRow) int64 { return c.MemberID },
}

// FamilyContactPagesByMemberID reads one page of the family contacts of
// each of many members, by name.
func (s *Store) FamilyContactPagesByMemberID(ctx context.Context, memberIDs []int64, page PageRequest) (map[int64]Page[*domain.FamilyContact], error) {
	pages, err := memberContactList.pages(ctx, s.db, memberIDs, page)
	return mapPages(pages, func(r *contactPageRow) *domain.FamilyContact { return r.FamilyContact }), err
}

// CountFamilyContactsByMemberID counts the family contacts of each member.
func (s *Store) CountFamilyContactsByMemberID(ctx context.Context, memberIDs []int64) (map[int64]int, error) {
	return memberContactList.counts(ctx, s.db, memberIDs)
}

// consentPageRow is a consent with its treatment end (treatmentEndSQL),
// as a column the page's outer statement reads back.
type consentPageRow struct {
	bun.BaseModel    `bun:"table:consents,alias:consent"`
	*domain.Consent  `bun:",extend"`
	TreatmentEndedAt *time.Time `bun:"treatment_ended_at"`
}

// Consents newest signature first.
var memberConsentList = memberList[*consentPageRow]{
	model: func(db bun.IDB) *bun.SelectQuery {
		return db.NewSelect().Model((*consentPageRow)(nil)).ColumnExpr(treatmentEndSQL)
	},
	table:  "consents AS consent",
	column: "consent.member_id",
	keyset: keyset{expr: "consent.signed_at", castType: "timestamptz", idColumn: "consent.id", desc: true},
	cursor: func(c *consentPageRow) Cursor { return timeCursor(c.SignedAt, c.ID) },
	member: func(c *consentPageRow) int64 { return c.MemberID },
}

// ConsentPagesByMemberID reads one page of the consents of each of many
// members, newest signature first.
func (s *Store) ConsentPagesByMemberID(ctx context.Context, memberIDs []int64, page PageRequest) (map[int64]Page[*domain.ConsentRecord], error) {
	pages, err := memberConsentList.pages(ctx, s.db, memberIDs, page)
	return mapPages(pages, func(r *consentPageRow) *domain.ConsentRecord {
		return &domain.ConsentRecord{Consent: r.Consent, TreatmentEndedAt: r.TreatmentEndedAt}
	}), err
}

// CountConsentsByMemberID counts the consents of each member.
func (s *Store) CountConsentsByMemberID(ctx context.Context, memberIDs []int64) (map[int64]int, error) {
	return memberConsentList.counts(ctx, s.db, memberIDs)
}

// Recovery start dates oldest first, as recorded.
var recoveryHistoryList = memberList[*domain.RecoveryStartDateChange]{
	model: func(db bun.IDB) *bun.SelectQuery {
		return db.NewSelect().Model((*domain.RecoveryStartDateChange)(nil)).ModelTableExpr("recovery_start_dates AS recovery_start_date_change")
	},
	table:  "recovery_start_dates AS recovery_start_date_change",
	column: "recovery_start_date_change.member_id",
	keyset: keyset{expr: "recovery_start_date_change.recorded_at", castType: "timestamptz", idColumn: "recovery_start_date_change.id"},
	cursor: func(r *domain.RecoveryStartDateChange) Cursor { return timeCursor(r.RecordedAt, r.ID) },
	member: func(r *domain.RecoveryStartDateChange) int64 { return r.MemberID },
}

// RecoveryHistoryPagesByMemberID reads one page of the recovery start date
// history of each of many members, oldest first (the last is current).
func (s *Store) RecoveryHistoryPagesByMemberID(ctx context.Context, memberIDs []int64, page PageRequest) (map[int64]Page[*domain.RecoveryStartDateChange], error) {
	return recoveryHistoryList.pages(ctx, s.db, memberIDs, page)
}

// CountRecoveryHistoryByMemberID counts the recovery start dates of each member.
func (s *Store) CountRecoveryHistoryByMemberID(ctx context.Context, memberIDs []int64) (map[int64]int, error) {
	return recoveryHistoryList.counts(ctx, s.db, memberIDs)
}
