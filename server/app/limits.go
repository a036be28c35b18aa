package app

import (
	"context"
	"log/slog"

	"carejourney/server/auth"
	"carejourney/server/ratelimit"
)

// sweepLimits deletes the rate-limit buckets that have refilled and the
// sign-in records that no longer count, so that their tables stay the size
// of the recent traffic. Every instance sweeps; they delete the same rows.
func sweepLimits(buckets *ratelimit.Limiter, throttle *auth.SignInThrottle, logger *slog.Logger) func(context.Context) {
	return func(ctx context.Context) {
		if _, err := buckets.Sweep(ctx); err != nil && ctx.Err() == nil {
			logger.Error("sweeping full rate-limit buckets failed", "err", err)
		}
		if _, err := throttle.Sweep(ctx); err != nil && ctx.Err() == nil {
			logger.Error("sweeping the sign-in throttle failed", "err", err)
		}
	}
}
