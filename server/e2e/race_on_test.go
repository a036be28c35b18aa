//go:build race

package e2e

// raceDetector reports whether the tests run under -race, which makes
// every allocation and memory access several times dearer.
const raceDetector = true
