package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// AftercarePlansByID loads plans by id.
func (s *Store) AftercarePlansByID(ctx context.Context, ids []int64) (map[int64]*domain.AftercarePlan, error) {
	return byIDs(ctx, s.db, ids, func(p *domain.AftercarePlan) int64 { return p.ID })
}

// AftercareGoalsByID loads goals by id.
func (s *Store) AftercareGoalsByID(ctx context.Context, ids []int64) (map[int64]*domain.AftercareGoal, error) {
	return byIDs(ctx, s.db, ids, func(g *domain.AftercareGoal) int64 { return g.ID })
}

// AftercareCommitmentsByID loads commitments by id, removed ones included.
func (s *Store) AftercareCommitmentsByID(ctx context.Context, ids []int64) (map[int64]*domain.AftercareCommitment, error) {
	return byIDs(ctx, s.db, ids, func(c *domain.AftercareCommitment) int64 { return c.ID })
}

// CheckInsByID loads check-ins by id.
func (s *Store) CheckInsByID(ctx context.Context, ids []int64) (map[int64]*domain.CheckIn, error) {
	return byIDs(ctx, s.db, ids, func(c *domain.CheckIn) int64 { return c.ID })
}

// RecoveryCapitalByID loads BARC-10 assessments by id.
func (s *Store) RecoveryCapitalByID(ctx context.Context, ids []int64) (map[int64]*domain.RecoveryCapitalAssessment, error) {
	var rows []*domain.RecoveryCapitalAssessment
	if err := selectAssessments(s.db, &rows).Where("id IN (?)", bun.List(ids)).Scan(ctx); err != nil {
		return nil, err
	}
	return indexBy(rows, func(a *domain.RecoveryCapitalAssessment) int64 { return a.ID }), nil
}

// selectAssessments selects every column, the derived total included,
// which bun leaves out of a model's columns because it is scan-only.
func selectAssessments(db bun.IDB, rows *[]*domain.RecoveryCapitalAssessment) *bun.SelectQuery {
	return db.NewSelect().Model(rows).ColumnExpr("?TableAlias.*")
}

// CreatePlanInput starts a plan.
type CreatePlanInput struct {
	MemberID int64
	StartsOn time.Time
	ReviewOn time.Time
}

// CreateAftercarePlan writes a DRAFT plan for a member.
func (s *Store) CreateAftercarePlan(ctx context.Context, by int64, in CreatePlanInput) (*domain.AftercarePlan, error) {
	if err := domain.CheckPlanDates(in.StartsOn, in.ReviewOn, "reviewOn"); err != nil {
		return nil, err
	}
	p := &domain.AftercarePlan{MemberID: in.MemberID, Status: domain.PlanDraft, StartsOn: in.StartsOn,
		ReviewOn: in.ReviewOn, AuthorUserID: userRef(by)}
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if _, err := lockMember(ctx, tx, in.MemberID); err != nil {
			return err
		}
		_, err := tx.NewInsert().Model(p).ExcludeColumn("activated_at", "closed_at").Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// UpdateAftercarePlan changes the dates of a draft or active plan.
func (s *Store) UpdateAftercarePlan(ctx context.Context, planID int64, dates domain.PlanDates) (*domain.AftercarePlan, error) {
	var p *domain.AftercarePlan
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if p, err = lockPlan(ctx, tx, planID, "UPDATE"); err != nil {
			return err
		}
		if err := dates.Apply(p); err != nil {
			return err
		}
		_, err = tx.NewUpdate().Model(p).Column("starts_on", "review_on").Set("updated_at = now()").
			WherePK().Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// ActivateAftercarePlan puts a draft plan in force and notes it in the
// member's journey. The member's row lock makes concurrent activations for
// one member take turns, so the second finds the first's active plan; the
// one-active index stays the backstop.
func (s *Store) ActivateAftercarePlan(ctx context.Context, by, planID int64) (*domain.AftercarePlan, error) {
	return s.changePlanStatus(ctx, by, planID, domain.PlanActive)
}

// CompleteAftercarePlan marks an active plan completed.
func (s *Store) CompleteAftercarePlan(ctx context.Context, by, planID int64) (*domain.AftercarePlan, error) {
	return s.changePlanStatus(ctx, by, planID, domain.PlanCompleted)
}

// CancelAftercarePlan cancels a draft or active plan.
func (s *Store) CancelAftercarePlan(ctx context.Context, by, planID int64) (*domain.AftercarePlan, error) {
	return s.changePlanStatus(ctx, by, planID, domain.PlanCancelled)
}

func (s *Store) changePlanStatus(ctx context.Context, by, planID int64, to domain.PlanStatus) (*domain.AftercarePlan, error) {
	// A plan never changes member, so its member can be read before the
	// member's lock is taken.
	memberID, err := planMemberID(ctx, s.db, planID)
	if err != nil {
		return nil, err
	}
	var p *domain.AftercarePlan
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if _, err := lockMember(ctx, tx, memberID); err != nil {
			return err
		}
		if p, err = lockPlan(ctx, tx, planID, "UPDATE"); err != nil {
			return err
		}
		if err := domain.CheckPlanStatusChange(p.Status, to); err != nil {
			return err
		}
		now := s.Now()
		switch to {
		case domain.PlanActive:
			if err := checkNoActivePlan(ctx, tx, memberID); err != nil {
				return err
			}
			p.ActivatedAt = &now
			if err := insertUpdate(ctx, tx, &domain.Update{MemberID: memberID, Kind: domain.UpdateNote,
				Body: domain.PlanStartedUpdateBody, Shareable: false, AuthorUserID: userRef(by), OccurredAt: now}); err != nil {
				return err
			}
		default:
			p.ClosedAt = &now
		}
		p.Status = to
		_, err := tx.NewUpdate().Model(p).Column("status", "activated_at", "closed_at").Set("updated_at = now()").
			WherePK().Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

func checkNoActivePlan(ctx context.Context, tx bun.Tx, memberID int64) error {
	exists, err := tx.NewSelect().Table("aftercare_plans").
		Where("member_id = ? AND status = ?", memberID, domain.PlanActive).Exists(ctx)
	if err != nil {
		return err
	}
	if exists {
		return constraintErrors["aftercare_plans_one_active_idx"]
	}
	return nil
}

func planMemberID(ctx context.Context, db bun.IDB, planID int64) (int64, error) {
	var memberID int64
	err := db.NewSelect().Table("aftercare_plans").Column("member_id").Where("id = ?", planID).Scan(ctx, &memberID)
	if isNoRows(err) {
		return 0, planNotFound()
	}
	return memberID, err
}

// lockPlan loads a plan with a row lock: UPDATE to change the plan itself,
// SHARE to change its parts, which keeps its status from changing until the
// transaction ends (a plan is never closed under a goal being added).
func lockPlan(ctx context.Context, tx bun.Tx, planID int64, strength string) (*domain.AftercarePlan, error) {
	p := new(domain.AftercarePlan)
	err := tx.NewSelect().Model(p).Where("id = ?", planID).For(strength).Scan(ctx)
	if isNoRows(err) {
		return nil, planNotFound()
	}
	return p, err
}

func planNotFound() *domain.Error {
	return domain.FieldError(domain.CodeNotFound, "aftercarePlanId", "Aftercare plan not found.")
}
