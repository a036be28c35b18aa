package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// GroupMembershipInput names a member and a group; At is when they join
// or leave, now when nil.
type GroupMembershipInput struct {
	GroupID  int64
	MemberID int64
	At       *time.Time
}

// JoinGroup adds a member to a group. The member's row lock serialises
// their memberships, so a rejoin never overlaps the previous membership.
func (s *Store) JoinGroup(ctx context.Context, by int64, in GroupMembershipInput) (*domain.GroupMembership, error) {
	joinedAt := s.Now()
	if in.At != nil {
		joinedAt = *in.At
	}
	gm := &domain.GroupMembership{GroupID: in.GroupID, MemberID: in.MemberID, JoinedAt: joinedAt, RecordedByUserID: userRef(by)}
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if _, err := lockMember(ctx, tx, in.MemberID); err != nil {
			return err
		}
		// SHARE waits for a change of the group, so a join never lands in a
		// group that has just stopped meeting.
		g, err := lockGroup(ctx, tx, in.GroupID, "SHARE")
		if err != nil {
			return err
		}
		last, err := lastMembership(ctx, tx, in.GroupID, in.MemberID)
		if err != nil {
			return err
		}
		if err := domain.CheckGroupJoin(g, last, joinedAt, s.Now()); err != nil {
			return err
		}
		_, err = tx.NewInsert().Model(gm).Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return gm, nil
}

// LeaveGroup ends a member's current membership of a group.
func (s *Store) LeaveGroup(ctx context.Context, in GroupMembershipInput) (*domain.GroupMembership, error) {
	leftAt := s.Now()
	if in.At != nil {
		leftAt = *in.At
	}
	var gm *domain.GroupMembership
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if _, err := lockMember(ctx, tx, in.MemberID); err != nil {
			return err
		}
		if _, err := lockGroup(ctx, tx, in.GroupID, "KEY SHARE"); err != nil {
			return err
		}
		var err error
		if gm, err = lastMembership(ctx, tx, in.GroupID, in.MemberID); err != nil {
			return err
		}
		if err := domain.CheckGroupLeave(gm, leftAt, s.Now()); err != nil {
			return err
		}
		gm.LeftAt = &leftAt
		_, err = tx.NewUpdate().Model(gm).Column("left_at").WherePK().Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return gm, nil
}

// lastMembership is the member's latest membership of the group, current
// or not; nil when they never belonged.
func lastMembership(ctx context.Context, tx bun.Tx, groupID, memberID int64) (*domain.GroupMembership, error) {
	var rows []*domain.GroupMembership
	err := tx.NewSelect().Model(&rows).Where("group_id = ? AND member_id = ?", groupID, memberID).
		OrderExpr("left_at IS NULL DESC, joined_at DESC").Limit(1).Scan(ctx)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return rows[0], nil
}
