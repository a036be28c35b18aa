package model

import (
	"context"

	"carejourney/server/domain"
)

// Page sizes of every connection: what first/last default to and the
// most they may ask for (the resolvers page by them, the cost analysis
// prices by them).
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// Connection is a page of a Relay connection. Count runs only when a client
// asks for totalCount, because counting a large filtered list is not free;
// nested connections count through a loader, so a list of them costs one
// statement.
type Connection[T any] struct {
	Edges    []*Edge[T]
	Nodes    []T
	PageInfo *PageInfo
	Count    func(ctx context.Context) (int, error)
}

// Edge is an item of a connection with its cursor.
type Edge[T any] struct {
	Cursor string
	Node   T
}

// The connections of the schema, one per node type.
type (
	MemberConnection           = Connection[*domain.Member]
	MemberEdge                 = Edge[*domain.Member]
	PeerConnection             = Connection[*domain.Peer]
	PeerEdge                   = Edge[*domain.Peer]
	PeerAssignmentConnection   = Connection[*domain.PeerAssignment]
	PeerAssignmentEdge         = Edge[*domain.PeerAssignment]
	PeerConversationConnection = Connection[*domain.PeerConversation]
	PeerConversationEdge       = Edge[*domain.PeerConversation]
	HouseConnection            = Connection[*domain.House]
	HouseEdge                  = Edge[*domain.House]
	ResidencyConnection        = Connection[*domain.Residency]
	ResidencyEdge              = Edge[*domain.Residency]
	GroupConnection            = Connection[*domain.Group]
	GroupEdge                  = Edge[*domain.Group]
	MeetingConnection          = Connection[*domain.Meeting]
	MeetingEdge                = Edge[*domain.Meeting]
	GroupMembershipConnection  = Connection[*domain.GroupMembership]
	GroupMembershipEdge        = Edge[*domain.GroupMembership]
	CareEpisodeConnection      = Connection[*domain.CareEpisode]
	CareEpisodeEdge            = Edge[*domain.CareEpisode]
	FamilyContactConnection    = Connection[*domain.FamilyContact]
	FamilyContactEdge          = Edge[*domain.FamilyContact]
	ConsentConnection          = Connection[*domain.ConsentRecord]
	ConsentEdge                = Edge[*domain.ConsentRecord]
	AttendanceConnection       = Connection[*domain.AttendanceRecord]
	AttendanceEdge             = Edge[*domain.AttendanceRecord]
	AftercarePlanConnection    = Connection[*domain.AftercarePlan]
	AftercarePlanEdge          = Edge[*domain.AftercarePlan]
	CheckInConnection          = Connection[*domain.CheckIn]
	CheckInEdge                = Edge[*domain.CheckIn]
	UpdateConnection           = Connection[*domain.Update]
	UpdateEdge                 = Edge[*domain.Update]
	PartnerConnection          = Connection[*domain.Partner]
	PartnerEdge                = Edge[*domain.Partner]
	ApiKeyConnection           = Connection[*domain.APIKey]
	ApiKeyEdge                 = Edge[*domain.APIKey]

	RecoveryStartDateChangeConnection = Connection[*domain.RecoveryStartDateChange]
	RecoveryStartDateChangeEdge       = Edge[*domain.RecoveryStartDateChange]
	ConsentedMemberConnection         = Connection[*domain.Disclosure]
	ConsentedMemberEdge               = Edge[*domain.Disclosure]
)

// The connections of aftercare plans' parts and of recovery capital.
type (
	AftercareGoalConnection             = Connection[*domain.AftercareGoal]
	AftercareGoalEdge                   = Edge[*domain.AftercareGoal]
	AftercareCommitmentConnection       = Connection[*domain.AftercareCommitment]
	AftercareCommitmentEdge             = Edge[*domain.AftercareCommitment]
	RecoveryCapitalAssessmentConnection = Connection[*domain.RecoveryCapitalAssessment]
	RecoveryCapitalAssessmentEdge       = Edge[*domain.RecoveryCapitalAssessment]
)

// Keep narrows the page to the rows keep accepts, for the access rules.
// Edges and Nodes hold the same rows; both are narrowed alike.
func (c *Connection[T]) Keep(keep func(node any) (bool, error)) error {
	nodes := c.Nodes[:0:0]
	for _, n := range c.Nodes {
		ok, err := keep(n)
		if err != nil {
			return err
		}
		if ok {
			nodes = append(nodes, n)
		}
	}
	edges := c.Edges[:0:0]
	for _, e := range c.Edges {
		ok, err := keep(e.Node)
		if err != nil {
			return err
		}
		if ok {
			edges = append(edges, e)
		}
	}
	c.Nodes, c.Edges = nodes, edges
	return nil
}
