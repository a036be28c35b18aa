package store

import (
	"context"

	"carejourney/server/domain"
)

// HousesByID loads houses by id.
func (s *Store) HousesByID(ctx context.Context, ids []int64) (map[int64]*domain.House, error) {
	return byIDs(ctx, s.db, ids, func(h *domain.House) int64 { return h.ID })
}

// ResidenciesByID loads residencies by id.
func (s *Store) ResidenciesByID(ctx context.Context, ids []int64) (map[int64]*domain.Residency, error) {
	return byIDs(ctx, s.db, ids, func(r *domain.Residency) int64 { return r.ID })
}
