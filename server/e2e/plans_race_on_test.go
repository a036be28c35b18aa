//go:build race

package e2e

// plansRaceDetector says the race detector is on: it slows goroutines
// enough that a loader's few-millisecond batch window sometimes closes
// before every resolver of a list has asked.
const plansRaceDetector = true
