package store

import (
	"context"

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

// AftercareCommitmentsByID loads commitments by id.
func (s *Store) AftercareCommitmentsByID(ctx context.Context, ids []int64) (map[int64]*domain.AftercareCommitment, error) {
	return byIDs(ctx, s.db, ids, func(c *domain.AftercareCommitment) int64 { return c.ID })
}

// CheckInsByID loads check-ins by id.
func (s *Store) CheckInsByID(ctx context.Context, ids []int64) (map[int64]*domain.CheckIn, error) {
	return byIDs(ctx, s.db, ids, func(c *domain.CheckIn) int64 { return c.ID })
}

// RecoveryCapitalByID loads BARC-10 assessments by id.
func (s *Store) RecoveryCapitalByID(ctx context.Context, ids []int64) (map[int64]*domain.RecoveryCapitalAssessment, error) {
	return byIDs(ctx, s.db, ids, func(a *domain.RecoveryCapitalAssessment) int64 { return a.ID })
}
