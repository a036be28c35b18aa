package app

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"carejourney/server/store"
)

// startSweeper runs sweep every interval in the background (first at once
// when now is set, else after one interval). stop ends it and waits for a
// sweep in progress.
func startSweeper(ctx context.Context, interval time.Duration, now bool, sweep func(context.Context)) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		if now {
			sweep(ctx)
		}
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				sweep(ctx)
			}
		}
	}()
	return func() {
		cancel()
		wg.Wait()
	}
}

// sweepMilestones writes the MILESTONE updates of milestones members reach
// as days pass. It runs at start and then every MILESTONE_SWEEP_INTERVAL
// (15 minutes by default: milestones fall on calendar days, so that is
// prompt without being busy).
func sweepMilestones(st *store.Store, logger *slog.Logger) func(context.Context) {
	return func(ctx context.Context) {
		n, err := st.RecordMilestones(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			logger.Error("recording milestones failed", "err", err)
		case n > 0:
			logger.Info("recorded milestones", "count", n)
		}
	}
}

// sessionRetention is how long ended and expired sessions are kept before
// they are deleted: a day, for looking into a problem; sign-ins and
// sign-outs stay in the audit log for good.
const sessionRetention = 24 * time.Hour

// sweepSessions deletes sessions that ended or expired more than a day ago,
// so the table holds only live ones. It runs every hour.
func sweepSessions(st *store.Store, logger *slog.Logger) func(context.Context) {
	return func(ctx context.Context) {
		n, err := st.DeleteStaleSessions(ctx, time.Now().Add(-sessionRetention))
		switch {
		case err != nil && ctx.Err() == nil:
			logger.Error("deleting stale sessions failed", "err", err)
		case n > 0:
			logger.Info("deleted stale sessions", "count", n)
		}
	}
}
