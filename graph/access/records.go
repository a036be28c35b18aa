package access

import (
	"carejourney/graph/globalid"
	"carejourney/server/domain"
)

// records are the kinds of record a mutation may name by ID, by the type
// the ID names: the GraphQL names meet the store's domain kinds here, for
// store.OwnerOf. A Peer is checked against the reach itself (CanWrite).
var records = map[string]domain.Record{
	globalid.TypeMember:                    domain.RecordMember,
	globalid.TypeGroup:                     domain.RecordGroup,
	globalid.TypeHouse:                     domain.RecordHouse,
	globalid.TypeMeeting:                   domain.RecordMeeting,
	globalid.TypeCareEpisode:               domain.RecordCareEpisode,
	globalid.TypeResidency:                 domain.RecordResidency,
	globalid.TypePeerAssignment:            domain.RecordPeerAssignment,
	globalid.TypePeerConversation:          domain.RecordPeerConversation,
	globalid.TypeAftercarePlan:             domain.RecordAftercarePlan,
	globalid.TypeAftercareGoal:             domain.RecordAftercareGoal,
	globalid.TypeAftercareCommitment:       domain.RecordAftercareCommitment,
	globalid.TypeCheckIn:                   domain.RecordCheckIn,
	globalid.TypeRecoveryCapitalAssessment: domain.RecordRecoveryCapitalAssessment,
	globalid.TypeUpdate:                    domain.RecordUpdate,
	globalid.TypeFamilyContact:             domain.RecordFamilyContact,
	globalid.TypeConsent:                   domain.RecordConsent,
}

// RecordOf is the kind of record an ID of typeName names, when a write
// may name it.
func RecordOf(typeName string) (domain.Record, bool) {
	r, ok := records[typeName]
	return r, ok
}
