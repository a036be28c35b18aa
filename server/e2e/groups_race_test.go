//go:build race

package e2e

// groupsSplitTolerance: the race detector slows goroutines enough that a
// loader batch can split, so the member list may cost a few statements more.
const groupsSplitTolerance = 10
