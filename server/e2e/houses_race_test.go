//go:build race

package e2e

// housesRaceDetector is whether the tests run under the race detector,
// which slows goroutines enough to make the loaders' 2 ms batching window
// split batches now and then.
const housesRaceDetector = true
