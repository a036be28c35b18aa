// Package ratelimit is a leaky bucket per actor, after Shopify's GraphQL
// API: each actor has a bucket of Capacity points that refills at
// RestoreRate points a second; a query takes its cost out of the bucket
// before it runs, and is refused when the bucket holds too little.
//
// Buckets live in PostgreSQL (limiter.go), so that every server process on
// one database charges an actor to the same bucket. This file holds the
// arithmetic that needs no database: what a status says and how long a
// refused actor must wait.
package ratelimit

import (
	"math"
	"time"
)

// Status is a bucket's state, as `extensions.cost.throttleStatus` shows it.
type Status struct {
	// MaximumAvailable is the bucket's capacity.
	MaximumAvailable float64
	// CurrentlyAvailable is what the bucket holds now.
	CurrentlyAvailable float64
	// RestoreRate is how many points flow back each second.
	RestoreRate float64
}

// Rule is the size of every bucket and how fast it refills.
type Rule struct {
	Capacity    float64
	RestoreRate float64
}

// Status is a bucket of r holding available points.
func (r Rule) Status(available float64) Status {
	return Status{MaximumAvailable: r.Capacity, CurrentlyAvailable: available, RestoreRate: r.RestoreRate}
}

// Wait is how long a bucket of r holding available points takes to hold
// cost; forever (a day, as a hint) when it never can, because the cost
// exceeds the capacity or nothing flows back. It rounds up to whole
// nanoseconds, never down to zero.
func (r Rule) Wait(cost, available float64) time.Duration {
	if cost <= available {
		return 0
	}
	if r.RestoreRate <= 0 || cost > r.Capacity {
		return 24 * time.Hour
	}
	return time.Duration(math.Ceil((cost - available) / r.RestoreRate * float64(time.Second)))
}
