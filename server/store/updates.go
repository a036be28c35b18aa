package store

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// UpdatesByID loads updates by id.
func (s *Store) UpdatesByID(ctx context.Context, ids []int64) (map[int64]*domain.Update, error) {
	return byIDs(ctx, s.db, ids, func(u *domain.Update) int64 { return u.ID })
}

// insertUpdate writes an update inside the transaction of the event it
// reports, so the event and its update commit or fail together.
func insertUpdate(ctx context.Context, tx bun.Tx, u *domain.Update) error {
	_, err := tx.NewInsert().Model(u).ExcludeColumn("id", "recorded_at").Returning("*").Exec(ctx)
	return err
}

// UpdateKinds narrows a member's updates to some kinds; empty means all.
// It is a comma-separated string so that it can key a loader batch.
type UpdateKinds string

// NewUpdateKinds returns the filter for kinds, in a canonical order.
func NewUpdateKinds(kinds []domain.UpdateKind) UpdateKinds {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	slices.Sort(names)
	return UpdateKinds(strings.Join(slices.Compact(names), ","))
}

func (k UpdateKinds) apply(q *bun.SelectQuery) *bun.SelectQuery {
	if k != "" {
		q.Where("?TableAlias.kind IN (?)", bun.List(strings.Split(string(k), ",")))
	}
	return q
}

// Newest first; the id breaks ties between updates of the same moment.
var updateKeyset = keyset{expr: "?TableAlias.occurred_at", castType: "timestamptz", idColumn: "?TableAlias.id", desc: true}

func updateCursor(u *domain.Update) Cursor {
	return Cursor{Value: u.OccurredAt.UTC().Format(time.RFC3339Nano), ID: u.ID}
}

// UpdatesByMember reads one page of updates, newest first, for each member.
func (s *Store) UpdatesByMember(ctx context.Context, memberIDs []int64, kinds UpdateKinds, page PageRequest) (map[int64]Page[*domain.Update], error) {
	base, err := scopeUpdates(ctx, kinds.apply(s.db.NewSelect().Model((*domain.Update)(nil))))
	if err != nil {
		return nil, err
	}
	return childPages(ctx, base, "?TableAlias.member_id", memberIDs, updateKeyset, page,
		func(u *domain.Update) int64 { return u.MemberID }, updateCursor)
}

// CountUpdatesByMember counts the members' updates of the given kinds.
func (s *Store) CountUpdatesByMember(ctx context.Context, memberIDs []int64, kinds UpdateKinds) (map[int64]int, error) {
	base, err := scopeUpdates(ctx, kinds.apply(s.db.NewSelect().Model((*domain.Update)(nil))))
	if err != nil {
		return nil, err
	}
	return childCounts(ctx, base, "?TableAlias.member_id", memberIDs)
}

// NoteInput is a note posted to a member's journey.
type NoteInput struct {
	MemberID   int64
	Body       string
	Shareable  bool
	OccurredAt *time.Time
}

// PostUpdate writes a note by a person into a member's journey.
func (s *Store) PostUpdate(ctx context.Context, by int64, in NoteInput) (*domain.Update, error) {
	now := s.Now()
	at := now
	if in.OccurredAt != nil {
		at = *in.OccurredAt
	}
	body, err := domain.CheckNote(in.Body, at, now)
	if err != nil {
		return nil, err
	}
	u := &domain.Update{MemberID: in.MemberID, Kind: domain.UpdateNote, Body: body, AuthorUserID: userRef(by),
		OccurredAt: at, Shareable: in.Shareable}
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if _, err := lockMember(ctx, tx, in.MemberID); err != nil {
			return err
		}
		return insertUpdate(ctx, tx, u)
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// RecordMilestones writes a MILESTONE update for every sobriety milestone
// reached by today that has none yet, for all members, and returns how many
// it wrote. It is safe to run at any time and from several servers at once:
// each milestone of a recovery start date is unique in the database.
func (s *Store) RecordMilestones(ctx context.Context) (int, error) {
	var rows []struct {
		MemberID  int64     `bun:"member_id"`
		StartDate time.Time `bun:"recovery_start_date,type:date"`
		Announced int       `bun:"announced"`
	}
	// How many milestones of each member's current recovery start date
	// already have their update.
	err := s.db.NewSelect().TableExpr("members AS m").
		ColumnExpr("m.id AS member_id, m.recovery_start_date").
		ColumnExpr(`(SELECT count(*) FROM updates u WHERE u.member_id = m.id AND u.kind = 'MILESTONE'
			AND u.milestone_of_date = m.recovery_start_date) AS announced`).
		Where("m.recovery_start_date IS NOT NULL").
		Scan(ctx, &rows)
	if err != nil {
		return 0, err
	}
	today := s.Today()
	var updates []*domain.Update
	for _, r := range rows {
		for _, m := range domain.MilestonesToAnnounce(r.StartDate, today, r.Announced) {
			updates = append(updates, s.milestoneUpdate(r.MemberID, r.StartDate, m))
		}
	}
	written := 0
	for start := 0; start < len(updates); start += 1000 {
		batch := updates[start:min(start+1000, len(updates))]
		res, err := s.db.NewInsert().Model(&batch).ExcludeColumn("id", "recorded_at").
			On("CONFLICT (member_id, milestone_of_date, milestone_key) WHERE kind = 'MILESTONE' DO NOTHING").Exec(ctx)
		if err != nil {
			return written, err
		}
		n, _ := res.RowsAffected()
		written += int(n)
	}
	return written, nil
}

// recordMilestonesOf writes the milestones a member has reached since
// start, inside the transaction that set the recovery start date, so a
// member registered with a sobriety date two years ago shows their
// milestones at once.
func (s *Store) recordMilestonesOf(ctx context.Context, tx bun.Tx, memberID int64, start time.Time) error {
	var updates []*domain.Update
	for _, m := range domain.MilestonesToAnnounce(start, s.Today(), 0) {
		updates = append(updates, s.milestoneUpdate(memberID, start, m))
	}
	if len(updates) == 0 {
		return nil
	}
	_, err := tx.NewInsert().Model(&updates).ExcludeColumn("id", "recorded_at").
		On("CONFLICT (member_id, milestone_of_date, milestone_key) WHERE kind = 'MILESTONE' DO NOTHING").Exec(ctx)
	return err
}

// milestoneUpdate is the update of milestone m: it occurred at the start of
// its day in the provider's time zone.
func (s *Store) milestoneUpdate(memberID int64, start time.Time, m domain.Milestone) *domain.Update {
	key, of := m.Key, start
	return &domain.Update{MemberID: memberID, Kind: domain.UpdateMilestone, Body: domain.MilestoneUpdateBody(m),
		OccurredAt: time.Date(m.Date.Year(), m.Date.Month(), m.Date.Day(), 0, 0, 0, 0, s.Location),
		Shareable:  domain.ShareableByDefault(domain.UpdateMilestone), MilestoneKey: &key, MilestoneOfDate: &of}
}

// sharedUpdatesBase selects the shareable updates of kinds, the SQL of
// domain.SharesUpdate (kinds from domain.SharedUpdateKinds); no kinds
// selects none (unlike UpdateKinds elsewhere, where empty means all).
func (s *Store) sharedUpdatesBase(kinds UpdateKinds) *bun.SelectQuery {
	q := s.db.NewSelect().Model((*domain.Update)(nil)).Where("?TableAlias.shareable")
	if kinds == "" {
		return q.Where("false")
	}
	return kinds.apply(q)
}

// SharedUpdatesByMember reads one page of the shareable updates of the given
// kinds, newest first, for each member: what a consent may show to family.
func (s *Store) SharedUpdatesByMember(ctx context.Context, memberIDs []int64, kinds UpdateKinds, page PageRequest) (map[int64]Page[*domain.Update], error) {
	return childPages(ctx, s.sharedUpdatesBase(kinds), "?TableAlias.member_id", memberIDs, updateKeyset, page,
		func(u *domain.Update) int64 { return u.MemberID }, updateCursor)
}

// CountSharedUpdatesByMember counts the members' shareable updates of the given kinds.
func (s *Store) CountSharedUpdatesByMember(ctx context.Context, memberIDs []int64, kinds UpdateKinds) (map[int64]int, error) {
	return childCounts(ctx, s.sharedUpdatesBase(kinds), "?TableAlias.member_id", memberIDs)
}
