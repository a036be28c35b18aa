package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"carejourney/server/domain"
)

// AftercarePlansByMemberID loads every plan of the members, newest first.
func (s *Store) AftercarePlansByMemberID(ctx context.Context, memberIDs []int64) (map[int64][]*domain.AftercarePlan, error) {
	var rows []*domain.AftercarePlan
	err := s.db.NewSelect().Model(&rows).Where("member_id IN (?)", bun.List(memberIDs)).
		OrderExpr("created_at DESC, id DESC").Scan(ctx)
	if err != nil {
		return nil, err
	}
	return groupBy(rows, func(p *domain.AftercarePlan) int64 { return p.MemberID }), nil
}

// Goals and commitments keep the order they were added in: by id alone,
// so a cursor carries nothing but the id.
var (
	goalKeyset       = keyset{expr: "aftercare_goal.id", castType: "bigint", idColumn: "aftercare_goal.id"}
	commitmentKeyset = keyset{expr: "aftercare_commitment.id", castType: "bigint", idColumn: "aftercare_commitment.id"}
)

// AftercareGoalPages loads one page of the goals of each of many plans in
// one statement, in the order they were added.
func (s *Store) AftercareGoalPages(ctx context.Context, planIDs []int64, page PageRequest) (map[int64]Page[*domain.AftercareGoal], error) {
	base := s.db.NewSelect().Model((*domain.AftercareGoal)(nil))
	return childPages(ctx, base, "aftercare_goal.plan_id", planIDs, goalKeyset, page,
		func(g *domain.AftercareGoal) int64 { return g.PlanID },
		func(g *domain.AftercareGoal) Cursor { return idCursor(g.ID) })
}

// CountAftercareGoals counts the goals of many plans in one statement.
func (s *Store) CountAftercareGoals(ctx context.Context, planIDs []int64) (map[int64]int, error) {
	return childCounts(ctx, s.db.NewSelect().TableExpr("aftercare_goals AS aftercare_goal"), "aftercare_goal.plan_id", planIDs)
}

// A removed commitment stays in the plan's history but not in its list.
const commitmentInPlan = "aftercare_commitment.removed_at IS NULL"

// AftercareCommitmentPages loads one page of the commitments still in each
// of many plans in one statement, in the order they were added.
func (s *Store) AftercareCommitmentPages(ctx context.Context, planIDs []int64, page PageRequest) (map[int64]Page[*domain.AftercareCommitment], error) {
	base := s.db.NewSelect().Model((*domain.AftercareCommitment)(nil)).Where(commitmentInPlan)
	return childPages(ctx, base, "aftercare_commitment.plan_id", planIDs, commitmentKeyset, page,
		func(c *domain.AftercareCommitment) int64 { return c.PlanID },
		func(c *domain.AftercareCommitment) Cursor { return idCursor(c.ID) })
}

// CountAftercareCommitments counts the commitments still in many plans in
// one statement.
func (s *Store) CountAftercareCommitments(ctx context.Context, planIDs []int64) (map[int64]int, error) {
	base := s.db.NewSelect().TableExpr("aftercare_commitments AS aftercare_commitment").Where(commitmentInPlan)
	return childCounts(ctx, base, "aftercare_commitment.plan_id", planIDs)
}

// AftercareCommitmentsByPlanID loads the commitments still in the plans, in
// the order they were added: every one, for adherence (one entry each).
func (s *Store) AftercareCommitmentsByPlanID(ctx context.Context, planIDs []int64) (map[int64][]*domain.AftercareCommitment, error) {
	var rows []*domain.AftercareCommitment
	err := s.db.NewSelect().Model(&rows).Where("plan_id IN (?) AND removed_at IS NULL", bun.List(planIDs)).
		Order("plan_id", "id").Scan(ctx)
	if err != nil {
		return nil, err
	}
	return groupBy(rows, func(c *domain.AftercareCommitment) int64 { return c.PlanID }), nil
}

// BARC-10 results are listed oldest first.
var assessmentKeyset = keyset{expr: "recovery_capital_assessment.assessed_at", castType: "timestamptz",
	idColumn: "recovery_capital_assessment.id"}

// RecoveryCapitalPagesByMemberID loads one page of the BARC-10 history of
// each of many members in one statement, oldest first.
func (s *Store) RecoveryCapitalPagesByMemberID(ctx context.Context, memberIDs []int64, page PageRequest) (map[int64]Page[*domain.RecoveryCapitalAssessment], error) {
	base := s.db.NewSelect().Model((*domain.RecoveryCapitalAssessment)(nil))
	return childPages(ctx, base, "recovery_capital_assessment.member_id", memberIDs, assessmentKeyset, page,
		func(a *domain.RecoveryCapitalAssessment) int64 { return a.MemberID },
		func(a *domain.RecoveryCapitalAssessment) Cursor { return timeCursor(a.AssessedAt, a.ID) },
		// The derived total is scan-only, so not among the model's columns.
		func(q *bun.SelectQuery) *bun.SelectQuery { return q.ColumnExpr("?TableColumns, ?TableAlias.total") })
}

// CountRecoveryCapitalByMemberID counts the BARC-10 results of each member.
func (s *Store) CountRecoveryCapitalByMemberID(ctx context.Context, memberIDs []int64) (map[int64]int, error) {
	base := s.db.NewSelect().TableExpr("recovery_capital_assessments AS recovery_capital_assessment")
	return childCounts(ctx, base, "recovery_capital_assessment.member_id", memberIDs)
}

// Check-ins are listed newest first: by day, then by id.
var checkInKeyset = keyset{expr: "check_in.occurred_on", castType: "date", idColumn: "check_in.id", desc: true}

func checkInCursor(c *domain.CheckIn) Cursor {
	return Cursor{Value: c.OccurredOn.Format(time.DateOnly), ID: c.ID}
}

// CheckInPages loads one page of check-ins for each of many plans in one statement.
func (s *Store) CheckInPages(ctx context.Context, planIDs []int64, page PageRequest) (map[int64]Page[*domain.CheckIn], error) {
	base := s.db.NewSelect().Model((*domain.CheckIn)(nil))
	return childPages(ctx, base, "check_in.plan_id", planIDs, checkInKeyset, page,
		func(c *domain.CheckIn) int64 { return c.PlanID }, checkInCursor)
}

// CountCheckIns counts the check-ins of many plans in one statement.
func (s *Store) CountCheckIns(ctx context.Context, planIDs []int64) (map[int64]int, error) {
	return childCounts(ctx, s.db.NewSelect().TableExpr("check_ins AS check_in"), "check_in.plan_id", planIDs)
}

// Plans due for review are listed soonest first: by review day, then by id.
var dueForReviewKeyset = keyset{expr: "aftercare_plan.review_on", castType: "date", idColumn: "aftercare_plan.id"}

// dueForReview selects the active plans whose review date is on or before
// the day; within, when not nil, keeps them to those members.
func (s *Store) dueForReview(q *bun.SelectQuery, on time.Time, within []int64) *bun.SelectQuery {
	q = q.Where("aftercare_plan.status = ? AND aftercare_plan.review_on <= ?", domain.PlanActive, dateOnly(on))
	if within != nil {
		q = q.Where("aftercare_plan.member_id = ANY(?)", pgdialect.Array(within))
	}
	return q
}

// AftercarePlansDueForReview pages the active plans whose review date is on
// or before the day, soonest first.
func (s *Store) AftercarePlansDueForReview(ctx context.Context, on time.Time, within []int64, page PageRequest) (Page[*domain.AftercarePlan], error) {
	rows := []*domain.AftercarePlan{}
	q := s.dueForReview(s.db.NewSelect().Model(&rows), on, within)
	if err := dueForReviewKeyset.apply(q, page).Scan(ctx); err != nil {
		return Page[*domain.AftercarePlan]{}, err
	}
	cursors := make([]Cursor, len(rows))
	for i, p := range rows {
		cursors[i] = Cursor{Value: dateOnly(p.ReviewOn), ID: p.ID}
	}
	return finish(rows, cursors, page), nil
}

// CountAftercarePlansDueForReview counts what AftercarePlansDueForReview pages.
func (s *Store) CountAftercarePlansDueForReview(ctx context.Context, on time.Time, within []int64) (int, error) {
	n, err := s.dueForReview(s.db.NewSelect().TableExpr("aftercare_plans AS aftercare_plan"), on, within).Count(ctx)
	return int(n), err
}

// dateOnly is the form of a calendar date in a query.
func dateOnly(d time.Time) string { return d.Format(time.DateOnly) }
