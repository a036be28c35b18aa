//go:build !race

package e2e

const plansRaceDetector = false
