package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"carejourney/server/domain"
)

// The Today page's reads: one statement each, whatever the number of
// members; the rules (which milestone falls when, which move is a step-up)
// are applied to the rows by server/domain.

// MembersWithRecoveryStart loads the members with a recovery start date,
// within these members when within is not nil and of these statuses when
// any are given.
func (s *Store) MembersWithRecoveryStart(ctx context.Context, within []int64, statuses []domain.MemberStatus) ([]*domain.Member, error) {
	var rows []*domain.Member
	q := s.db.NewSelect().Model(&rows).Where("recovery_start_date IS NOT NULL")
	if within != nil {
		q.Where("id = ANY(?)", pgdialect.Array(within))
	}
	if len(statuses) > 0 {
		q.Where("status IN (?)", bun.List(statuses))
	}
	return rows, q.Scan(ctx)
}

// EpisodesOfMembersStartedSince loads every episode (superseded ones
// included, as domain.TransitionOf needs them) of the members, within
// these when within is not nil, who have a current episode that started
// at or after since.
func (s *Store) EpisodesOfMembersStartedSince(ctx context.Context, within []int64, since time.Time) ([]*domain.CareEpisode, error) {
	var rows []*domain.CareEpisode
	sub := s.db.NewSelect().Table("care_episodes").Column("member_id").
		Where("started_at >= ? AND superseded_at IS NULL", since)
	if within != nil {
		sub.Where("member_id = ANY(?)", pgdialect.Array(within))
	}
	err := s.db.NewSelect().Model(&rows).Where("member_id IN (?)", sub).Order("started_at", "id").Scan(ctx)
	return rows, err
}
