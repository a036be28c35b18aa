package model

import "carejourney/server/domain"

// The Today lists' connections.
type (
	UpcomingMilestoneConnection = Connection[*domain.UpcomingMilestone]
	UpcomingMilestoneEdge       = Edge[*domain.UpcomingMilestone]
	CareLevelChangeConnection   = Connection[*domain.CareLevelChange]
	CareLevelChangeEdge         = Edge[*domain.CareLevelChange]
)
