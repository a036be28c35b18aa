package app

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"carejourney/server/store"
)

// startMilestoneSweeper writes the MILESTONE updates of milestones members
// reach as days pass: once at start, then every interval (15 minutes by
// default: milestones fall on calendar days, so that is prompt without
// being busy). stop ends it and
// waits for a sweep in progress.
func startMilestoneSweeper(ctx context.Context, st *store.Store, logger *slog.Logger, interval time.Duration) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			sweepMilestones(ctx, st, logger)
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
			}
		}
	}()
	return func() {
		cancel()
		wg.Wait()
	}
}

func sweepMilestones(ctx context.Context, st *store.Store, logger *slog.Logger) {
	n, err := st.RecordMilestones(ctx)
	switch {
	case err != nil && ctx.Err() == nil:
		logger.Error("recording milestones failed", "err", err)
	case n > 0:
		logger.Info("recorded milestones", "count", n)
	}
}
