package graph

import (
	"context"
	"fmt"

	"carejourney/graph/loaders"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// openEpisode is the member's current episode, nil when not in care.
func openEpisode(ctx context.Context, memberID int64) (*domain.CareEpisode, error) {
	return loaders.For(ctx).OpenEpisode.Load(ctx, memberID)
}

// changed splits a care journey mutation's result for its payload: the
// episode and the member as they are now, both nil when nothing was written.
func changed(c *store.JourneyChange) (*domain.CareEpisode, *domain.Member) {
	if c == nil {
		return nil, nil
	}
	return c.Episode, c.Member
}

// careLevel looks a level up in the request's catalogue.
func careLevel(ctx context.Context, code string) (*domain.CareLevel, error) {
	levels, err := loaders.For(ctx).CareLevelsByCode()
	if err != nil {
		return nil, err
	}
	level := levels[code]
	return &level, nil
}

// loadUser loads an optional user reference.
func loadUser(ctx context.Context, id *int64) (*domain.User, error) {
	return loadOptional(ctx, id, loaders.For(ctx).User.Load)
}

// loadEpisode loads an optional episode reference.
func loadEpisode(ctx context.Context, id *int64) (*domain.CareEpisode, error) {
	return loadOptional(ctx, id, loaders.For(ctx).Episode.Load)
}

// memberOf loads the member a record belongs to; a missing member is a
// broken foreign key, so an internal error.
func memberOf(ctx context.Context, id int64) (*domain.Member, error) {
	m, err := loaders.For(ctx).Member.Load(ctx, id)
	if err == nil && m == nil {
		err = fmt.Errorf("member %d missing", id)
	}
	return m, err
}
