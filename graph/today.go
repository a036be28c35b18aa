package graph

import (
	"context"
	"strconv"

	"carejourney/graph/loaders"
	"carejourney/graph/model"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// maxWindowDays bounds the Today lists' windows: a year (and a leap day).
// A window of n days includes its start and excludes its end, as every
// range of the API does, so it holds at least one day.
const maxWindowDays = 366

func windowDays(days int) error {
	if days < 1 || days > maxWindowDays {
		return domain.Errorf(domain.CodeInvalidInput, "withinDays must be from 1 to %d.", maxWindowDays)
	}
	return nil
}

// slicePage pages a list computed whole in memory (the Today lists, whose
// rules run over one statement's rows). A cursor holds the position.
func slicePage[T any](items []T, first *int, after *string, last *int, before *string) (*model.Connection[T], error) {
	page, err := pageRequest(first, after, last, before)
	if err != nil {
		return nil, err
	}
	lo, hi := 0, len(items)
	if page.After != nil {
		lo = min(int(page.After.ID), hi)
	}
	if page.Before != nil {
		hi = max(lo, min(int(page.Before.ID)-1, hi))
	}
	start, end := lo, min(hi, lo+page.Limit)
	if page.Backward {
		start, end = max(lo, hi-page.Limit), hi
	}
	p := store.Page[T]{Items: items[start:end], HasNextPage: end < len(items), HasPreviousPage: start > 0, Total: len(items)}
	for i := start; i < end; i++ {
		// ID is the 1-based position, so that a cursor's ID is never 0.
		p.Cursors = append(p.Cursors, store.Cursor{Value: strconv.Itoa(i + 1), ID: int64(i + 1)})
	}
	return newConnection(p, func(context.Context) (int, error) { return len(items), nil }), nil
}

func upcomingMilestones(ctx context.Context, r *Resolver, filter *model.UpcomingMilestoneFilter) ([]*domain.UpcomingMilestone, error) {
	f := model.UpcomingMilestoneFilter{WithinDays: 7}
	if filter != nil {
		f = *filter
	}
	if err := windowDays(f.WithinDays); err != nil {
		return nil, err
	}
	within, err := memberListScope(ctx, domain.InfoMilestones)
	if err != nil {
		return nil, err
	}
	members, err := r.Store.MembersWithRecoveryStart(ctx, within, f.Statuses)
	if err != nil {
		return nil, err
	}
	prime(loaders.For(ctx).Member, members, func(m *domain.Member) int64 { return m.ID })
	return domain.UpcomingMilestones(members, r.Store.Today(), f.WithinDays), nil
}

func recentCareLevelChanges(ctx context.Context, r *Resolver, filter *model.CareLevelChangeFilter) ([]*domain.CareLevelChange, error) {
	f := model.CareLevelChangeFilter{WithinDays: 14}
	if filter != nil {
		f = *filter
	}
	if err := windowDays(f.WithinDays); err != nil {
		return nil, err
	}
	for _, d := range f.Directions {
		if d == domain.TransitionAdmission || d == domain.TransitionReadmission {
			return nil, domain.Errorf(domain.CodeInvalidInput, "%s is not a move between levels; directions are STEP_DOWN, STEP_UP and LATERAL.", d)
		}
	}
	within, err := memberListScope(ctx, domain.InfoCareLevel)
	if err != nil {
		return nil, err
	}
	// withinDays whole days in the provider's zone: today and the days
	// before it, from a midnight (included) to the next midnight (excluded).
	days := domain.DateRange{StartOn: r.Store.Today().AddDate(0, 0, 1-f.WithinDays), EndOn: r.Store.Today().AddDate(0, 0, 1)}
	since, end := days.Instants(r.Store.Location)
	episodes, err := r.Store.EpisodesOfMembersStartedSince(ctx, within, since)
	if err != nil {
		return nil, err
	}
	levels, err := loaders.For(ctx).CareLevelsByCode()
	if err != nil {
		return nil, err
	}
	return domain.CareLevelChangesSince(episodes, levels, since, end, f.Directions), nil
}

func careLevelTransition(ctx context.Context, from, to string) (domain.Transition, error) {
	levels, err := loaders.For(ctx).CareLevelsByCode()
	if err != nil {
		return "", err
	}
	a, okA := levels[from]
	b, okB := levels[to]
	if !okA || !okB {
		return "", domain.Errorf(domain.CodeUnknownCareLevel, "No level of care has this code; see `careLevels`.")
	}
	return domain.StepDirection(a, b), nil
}
