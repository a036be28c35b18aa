package store

import (
	"context"

	"carejourney/server/domain"
)

// GroupsByID loads groups by id.
func (s *Store) GroupsByID(ctx context.Context, ids []int64) (map[int64]*domain.Group, error) {
	return byIDs(ctx, s.db, ids, func(g *domain.Group) int64 { return g.ID })
}

// MeetingsByID loads meetings by id.
func (s *Store) MeetingsByID(ctx context.Context, ids []int64) (map[int64]*domain.Meeting, error) {
	return byIDs(ctx, s.db, ids, func(m *domain.Meeting) int64 { return m.ID })
}
