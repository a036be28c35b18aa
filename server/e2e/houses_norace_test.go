//go:build !race

package e2e

// housesRaceDetector is whether the tests run under the race detector.
const housesRaceDetector = false
