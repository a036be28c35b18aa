package store

import (
	"context"

	"carejourney/server/domain"
)

// PeersByID loads peers by id.
func (s *Store) PeersByID(ctx context.Context, ids []int64) (map[int64]*domain.Peer, error) {
	return byIDs(ctx, s.db, ids, func(p *domain.Peer) int64 { return p.ID })
}

// PeerAssignmentsByID loads peer assignments by id.
func (s *Store) PeerAssignmentsByID(ctx context.Context, ids []int64) (map[int64]*domain.PeerAssignment, error) {
	return byIDs(ctx, s.db, ids, func(a *domain.PeerAssignment) int64 { return a.ID })
}

// PeerConversationsByID loads peer conversations by id.
func (s *Store) PeerConversationsByID(ctx context.Context, ids []int64) (map[int64]*domain.PeerConversation, error) {
	return byIDs(ctx, s.db, ids, func(c *domain.PeerConversation) int64 { return c.ID })
}
