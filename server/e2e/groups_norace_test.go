//go:build !race

package e2e

// groupsSplitTolerance: without the race detector the batches hold.
const groupsSplitTolerance = 0
