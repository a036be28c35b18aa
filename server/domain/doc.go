// Package domain holds the care-journey rules of the product in plain Go:
// levels of care and how a move between them is classified, sobriety
// milestones, validation of members and episodes, and the one error
// vocabulary every other package speaks. It imports no transport and no
// storage, so its rules are unit-tested on their own.
package domain
