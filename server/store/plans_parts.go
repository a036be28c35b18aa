package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// Goals, commitments and check-ins change only while their plan is open.
// Each write holds the plan's share lock, so a plan cannot be completed or
// cancelled in the middle of it, and a write that waited for a closing
// finds the plan closed.

// AddAftercareGoal adds a goal to a draft or active plan.
func (s *Store) AddAftercareGoal(ctx context.Context, planID int64, fields domain.GoalFields) (*domain.AftercareGoal, error) {
	g := &domain.AftercareGoal{PlanID: planID}
	if err := fields.Apply(g); err != nil {
		return nil, err
	}
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if _, err := lockOpenPlan(ctx, tx, planID, "aftercarePlanId"); err != nil {
			return err
		}
		_, err := tx.NewInsert().Model(g).Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// UpdateAftercareGoal changes a goal of a draft or active plan.
func (s *Store) UpdateAftercareGoal(ctx context.Context, goalID int64, fields domain.GoalFields) (*domain.AftercareGoal, error) {
	planID, err := parentPlanID(ctx, s.db, "aftercare_goals", goalID)
	if err != nil {
		return nil, notFoundAt(err, "aftercareGoalId", "Aftercare goal not found.")
	}
	g := new(domain.AftercareGoal)
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if _, err := lockOpenPlan(ctx, tx, planID, "aftercareGoalId"); err != nil {
			return err
		}
		if err := tx.NewSelect().Model(g).Where("id = ?", goalID).For("UPDATE").Scan(ctx); err != nil {
			return err
		}
		if err := fields.Apply(g); err != nil {
			return err
		}
		_, err := tx.NewUpdate().Model(g).Column("category", "description", "target_date", "status").
			Set("updated_at = now()").WherePK().Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// CommitmentInput adds a commitment to a plan.
type CommitmentInput struct {
	PlanID                   int64
	Kind                     domain.CommitmentKind
	Description              string
	GroupID, HouseID, PeerID *int64
	TargetPerWeek            *int
}

// AddAftercareCommitment adds a commitment to a draft or active plan; the
// group, house or peer it points at must exist.
func (s *Store) AddAftercareCommitment(ctx context.Context, in CommitmentInput) (*domain.AftercareCommitment, error) {
	c, err := domain.NewCommitment(in.Kind, in.Description, in.GroupID, in.HouseID, in.PeerID, in.TargetPerWeek)
	if err != nil {
		return nil, err
	}
	c.PlanID = in.PlanID
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if _, err := lockOpenPlan(ctx, tx, in.PlanID, "aftercarePlanId"); err != nil {
			return err
		}
		for _, ref := range []struct {
			table, field, what string
			id                 *int64
		}{
			{"groups", "groupId", "Group", c.GroupID},
			{"houses", "houseId", "House", c.HouseID},
			{"peers", "peerId", "Peer", c.PeerID},
		} {
			if ref.id == nil {
				continue
			}
			exists, err := tx.NewSelect().Table(ref.table).Where("id = ?", *ref.id).Exists(ctx)
			if err != nil {
				return err
			}
			if !exists {
				return domain.FieldError(domain.CodeNotFound, ref.field, ref.what+" not found.")
			}
		}
		_, err := tx.NewInsert().Model(c).ExcludeColumn("removed_at").Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// UpdateAftercareCommitment changes the description or weekly target of a
// commitment still in an open plan.
func (s *Store) UpdateAftercareCommitment(ctx context.Context, commitmentID int64, change domain.CommitmentChange) (*domain.AftercareCommitment, error) {
	return s.changeCommitment(ctx, commitmentID, func(c *domain.AftercareCommitment) ([]string, error) {
		return []string{"description", "target_per_week"}, change.Apply(c)
	})
}

// RemoveAftercareCommitment takes a commitment out of its plan. The row
// stays, with the time it was removed, so the plan's history is kept.
func (s *Store) RemoveAftercareCommitment(ctx context.Context, commitmentID int64) (*domain.AftercareCommitment, error) {
	now := s.Now()
	return s.changeCommitment(ctx, commitmentID, func(c *domain.AftercareCommitment) ([]string, error) {
		if c.RemovedAt != nil {
			return nil, domain.FieldError(domain.CodeInvalidInput, "aftercareCommitmentId", "The commitment was taken out of the plan already.")
		}
		c.RemovedAt = &now
		return []string{"removed_at"}, nil
	})
}

// changeCommitment locks the commitment's open plan and the commitment,
// lets change edit it and writes the columns it names.
func (s *Store) changeCommitment(ctx context.Context, commitmentID int64,
	change func(c *domain.AftercareCommitment) ([]string, error)) (*domain.AftercareCommitment, error) {
	planID, err := parentPlanID(ctx, s.db, "aftercare_commitments", commitmentID)
	if err != nil {
		return nil, notFoundAt(err, "aftercareCommitmentId", "Aftercare commitment not found.")
	}
	c := new(domain.AftercareCommitment)
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if _, err := lockOpenPlan(ctx, tx, planID, "aftercareCommitmentId"); err != nil {
			return err
		}
		if err := tx.NewSelect().Model(c).Where("id = ?", commitmentID).For("UPDATE").Scan(ctx); err != nil {
			return err
		}
		columns, err := change(c)
		if err != nil {
			return err
		}
		_, err = tx.NewUpdate().Model(c).Column(columns...).Set("updated_at = now()").WherePK().Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// RecordCheckIn records a check-in against an active plan.
func (s *Store) RecordCheckIn(ctx context.Context, by, planID int64, fields domain.CheckInFields) (*domain.CheckIn, error) {
	var c *domain.CheckIn
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		p, err := lockPlan(ctx, tx, planID, "SHARE")
		if err != nil {
			return err
		}
		if c, err = domain.NewCheckIn(p, fields, s.Today()); err != nil {
			return err
		}
		c.RecordedByUserID = userRef(by)
		_, err = tx.NewInsert().Model(c).Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// RecordRecoveryCapital stores a BARC-10 assessment; the database derives
// the total, which is read back.
func (s *Store) RecordRecoveryCapital(ctx context.Context, by, memberID int64, answers []int, assessedAt *time.Time) (*domain.RecoveryCapitalAssessment, error) {
	a, err := domain.NewRecoveryCapitalAssessment(memberID, answers, assessedAt, s.Now())
	if err != nil {
		return nil, err
	}
	a.RecordedByUserID = userRef(by)
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		exists, err := tx.NewSelect().Table("members").Where("id = ?", memberID).For("KEY SHARE").Exists(ctx)
		if err != nil {
			return err
		}
		if !exists {
			return domain.FieldError(domain.CodeNotFound, "memberId", "Member not found.")
		}
		_, err = tx.NewInsert().Model(a).Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// lockOpenPlan takes the plan's share lock and refuses a closed plan;
// field is the input the PLAN_CLOSED error points at.
func lockOpenPlan(ctx context.Context, tx bun.Tx, planID int64, field string) (*domain.AftercarePlan, error) {
	p, err := lockPlan(ctx, tx, planID, "SHARE")
	if err != nil {
		return nil, err
	}
	return p, domain.CheckPlanOpen(p, field)
}

// parentPlanID reads the plan of a goal or commitment, which never changes.
func parentPlanID(ctx context.Context, db bun.IDB, table string, id int64) (int64, error) {
	var planID int64
	err := db.NewSelect().Table(table).Column("plan_id").Where("id = ?", id).Scan(ctx, &planID)
	return planID, err
}

func notFoundAt(err error, field, message string) error {
	if isNoRows(err) {
		return domain.FieldError(domain.CodeNotFound, field, message)
	}
	return err
}
