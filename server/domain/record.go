package domain

// Record is a kind of record, for what is asked of any record by its kind
// and id: whose it is (a member's, a group's, a house's), before a write
// that names it. The API's type names map to these in graph/access.
type Record string

// The kinds of record a write may name.
const (
	RecordMember                    Record = "member"
	RecordGroup                     Record = "group"
	RecordHouse                     Record = "house"
	RecordMeeting                   Record = "meeting"
	RecordCareEpisode               Record = "care_episode"
	RecordResidency                 Record = "residency"
	RecordPeerAssignment            Record = "peer_assignment"
	RecordPeerConversation          Record = "peer_conversation"
	RecordAftercarePlan             Record = "aftercare_plan"
	RecordAftercareGoal             Record = "aftercare_goal"
	RecordAftercareCommitment       Record = "aftercare_commitment"
	RecordCheckIn                   Record = "check_in"
	RecordRecoveryCapitalAssessment Record = "recovery_capital_assessment"
	RecordUpdate                    Record = "update"
	RecordFamilyContact             Record = "family_contact"
	RecordConsent                   Record = "consent"
)
