package domain

// CareLevel is one rung of the step-down / step-up ladder. The catalogue is
// loaded by a migration; Intensity orders it (higher is more intensive) and is
// the only thing that decides the direction of a move.
type CareLevel struct {
	Code string `bun:"code,pk"`
	Name string `bun:"name"`
	// ShortName is the name inside sentences, e.g. "Stepped down to IOP".
	ShortName              string `bun:"short_name"`
	AsamLevel              string `bun:"asam_level"`
	AsamLevelFourthEdition string `bun:"asam_level_fourth_edition"`
	Intensity              int    `bun:"intensity"`
	// Position orders levels of equal intensity for display (IOP before virtual IOP).
	Position int `bun:"position"`
}

// Transition is how an episode began relative to the one before it.
type Transition string

// The transitions of a care journey.
const (
	TransitionAdmission   Transition = "ADMISSION"
	TransitionStepDown    Transition = "STEP_DOWN"
	TransitionStepUp      Transition = "STEP_UP"
	TransitionLateral     Transition = "LATERAL"
	TransitionReadmission Transition = "READMISSION"
)

// StepDirection classifies a move between two levels of care in the same
// stay: to lower intensity is a step-down, to higher a step-up, to equal a
// lateral transfer.
func StepDirection(from, to CareLevel) Transition {
	switch {
	case to.Intensity < from.Intensity:
		return TransitionStepDown
	case to.Intensity > from.Intensity:
		return TransitionStepUp
	default:
		return TransitionLateral
	}
}
