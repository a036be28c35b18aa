package access

import "carejourney/server/domain"

// The policy: who may use each root field, mutation, type and field. What
// is not listed is closed to everyone; a test checks that every root field,
// mutation and object type of the schema has an entry, so a new one needs a
// decision here before it can be used.
//
// Row rules (which members a peer supporter, house manager, family viewer or
// partner key reaches) are in reach.go; these tables say what kind of thing
// each audience may see at all.

// Queries are the root query fields.
var Queries = map[string]Audience{
	"viewer":     SignedIn,
	"node":       SignedIn, // what comes back is checked by its type and row
	"nodes":      SignedIn,
	"careLevels": SignedIn,

	"member":  Staff | MembersKey,
	"members": Staff | MembersKey,
	// The Today lists, for the staff's start page (each actor's reach, as
	// members); partner keys are not offered them.
	"upcomingMilestones":     Staff,
	"recentCareLevelChanges": Staff,
	// A rule over the catalogue, like careLevels: nothing about anyone.
	"careLevelTransition": SignedIn,

	"house":   Staff | DirectoryKey,
	"houses":  Staff | DirectoryKey,
	"group":   Staff | DirectoryKey,
	"groups":  Staff | DirectoryKey,
	"meeting": Staff | DirectoryKey,
	// meetings lists meetings of every group in a time window.
	"meetings": Staff | DirectoryKey,

	"peer":  Staff,
	"peers": Staff,

	"aftercarePlan":              Care | PeerSupporter,
	"aftercarePlansDueForReview": Care | PeerSupporter,

	"outcomes": Care | OutcomesKey,
	"apiKeys":  Admin,
	// Care staff pick a partner when they record a partner consent.
	"partners": Care,
	// User administration and the audit log.
	"users":       Admin,
	"auditEvents": Admin,
}

// MutationRule says who may run a mutation and, for actors bound by
// relations (peer supporters, house managers), which input IDs must lie in
// their reach. Targets are paths into the input, e.g. "memberId" or
// "entries.memberId"; an input ID not listed is not a target (a house
// manager moving someone into their house does not need to reach them yet).
type MutationRule struct {
	Audience Audience
	Targets  []string
}

// Mutations are the root mutation fields.
var Mutations = map[string]MutationRule{
	// Keys never hold sessions: a key request signing in would leave a
	// session row no cookie can carry.
	"signIn":  {Audience: Anonymous | Users},
	"signOut": {Audience: Users},
	// Anyone holding an invitation token: the token is the credential.
	"acceptInvitation": {Audience: Anonymous | Users},

	"createMember":           {Audience: Care},
	"updateMember":           {Audience: Care, Targets: []string{"memberId"}},
	"resetRecoveryStartDate": {Audience: Care, Targets: []string{"memberId"}},

	"admitMember":        {Audience: Care, Targets: []string{"memberId"}},
	"changeCareLevel":    {Audience: Care, Targets: []string{"memberId"}},
	"dischargeMember":    {Audience: Care, Targets: []string{"memberId"}},
	"correctCareEpisode": {Audience: Care, Targets: []string{"careEpisodeId"}},

	"createHouse":    {Audience: Care},
	"updateHouse":    {Audience: Care | HouseManager, Targets: []string{"houseId"}},
	"moveIntoHouse":  {Audience: Care | HouseManager, Targets: []string{"houseId"}},
	"moveOutOfHouse": {Audience: Care | HouseManager, Targets: []string{"memberId"}},

	"createPeer":          {Audience: Care},
	"updatePeer":          {Audience: Care},
	"assignPeer":          {Audience: Care},
	"endPeerAssignment":   {Audience: Care},
	"logPeerConversation": {Audience: Care | PeerSupporter, Targets: []string{"peerId", "memberId"}},

	"createGroup":      {Audience: Care},
	"updateGroup":      {Audience: Care, Targets: []string{"groupId"}},
	"joinGroup":        {Audience: Care | PeerSupporter, Targets: []string{"groupId", "memberId"}},
	"leaveGroup":       {Audience: Care | PeerSupporter, Targets: []string{"groupId", "memberId"}},
	"scheduleMeetings": {Audience: Care | PeerSupporter | HouseManager, Targets: []string{"groupId"}},
	"updateMeeting":    {Audience: Care | PeerSupporter | HouseManager, Targets: []string{"meetingId"}},
	"recordAttendance": {Audience: Staff, Targets: []string{"meetingId", "entries.memberId"}},

	"createAftercarePlan":       {Audience: Care, Targets: []string{"memberId"}},
	"updateAftercarePlan":       {Audience: Care, Targets: []string{"aftercarePlanId"}},
	"activateAftercarePlan":     {Audience: Care, Targets: []string{"aftercarePlanId"}},
	"completeAftercarePlan":     {Audience: Care, Targets: []string{"aftercarePlanId"}},
	"cancelAftercarePlan":       {Audience: Care, Targets: []string{"aftercarePlanId"}},
	"addAftercareGoal":          {Audience: Care, Targets: []string{"aftercarePlanId"}},
	"updateAftercareGoal":       {Audience: Care, Targets: []string{"aftercareGoalId"}},
	"addAftercareCommitment":    {Audience: Care, Targets: []string{"aftercarePlanId"}},
	"updateAftercareCommitment": {Audience: Care, Targets: []string{"aftercareCommitmentId"}},
	"removeAftercareCommitment": {Audience: Care, Targets: []string{"aftercareCommitmentId"}},
	"recordCheckIn":             {Audience: Care, Targets: []string{"aftercarePlanId"}},
	"recordRecoveryCapital":     {Audience: Care, Targets: []string{"memberId"}},

	// Peer supporters and house managers write non-clinical notes about the
	// members they reach.
	"postUpdate": {Audience: Staff, Targets: []string{"memberId"}},

	"addFamilyContact":       {Audience: Care, Targets: []string{"memberId"}},
	"inviteFamilyContact":    {Audience: Care, Targets: []string{"familyContactId"}},
	"grantConsent":           {Audience: Care, Targets: []string{"memberId"}},
	"revokeConsent":          {Audience: Care, Targets: []string{"consentId"}},
	"recordFamilyAttendance": {Audience: Care, Targets: []string{"meetingId"}},

	"createPartner":  {Audience: Admin},
	"createApiKey":   {Audience: Admin},
	"revokeApiKey":   {Audience: Admin},
	"createUser":     {Audience: Admin},
	"updateUserRole": {Audience: Admin},
	"deactivateUser": {Audience: Admin},

	// One's own account. A password reset link is issued by an admin and
	// used by whoever holds it: the token is the credential. Two-factor
	// sign-in is for staff; an admin may turn off another's (disableTotp
	// checks that in its rule).
	"changePassword":        {Audience: Users},
	"issuePasswordReset":    {Audience: Admin},
	"resetPassword":         {Audience: Anonymous | Users},
	"beginTotpEnrollment":   {Audience: Staff},
	"confirmTotpEnrollment": {Audience: Staff},
	"disableTotp":           {Audience: Staff},
}

// TypeRule says who may see the fields of an object type: Read for every
// field not listed, Fields for those with their own audience. An object is
// visible to the union of its fields' audiences.
type TypeRule struct {
	Read   Audience
	Fields map[string]Audience
	// Kinds are fields that a members:read key sees only when the member's
	// consent naming its partner covers that kind of information. Records
	// that belong to a member carry their own kind besides (domain.KindOf),
	// checked by the row rules wherever they are reached.
	Kinds map[string]domain.InformationKind
	// Own are fields a user may read of their own record even when the
	// field's audience does not admit them.
	Own map[string]bool
}

// Audiences used in the type table.
const (
	// directory is what partner tools and the public side of the product may
	// know about houses and groups: no personal data.
	directory = Staff | DirectoryKey
	// familyGroups are the parts of a FAMILY group a family viewer sees.
	familyGroups = directory | Family
	// partnerMember are the parts of a member record a members:read key sees.
	partnerMember = Staff | MembersKey
	// clinicalTeam sees aftercare plans; peer supporters help carry them out.
	planTeam = Care | PeerSupporter
	// outcomes are aggregates for the care team and outcome researchers.
	outcomes = Care | OutcomesKey
)

// passThrough types carry no data of their own: what they hold is checked
// by its own type.
func passThrough(typeName string) bool {
	switch typeName {
	case "PageInfo", "UserError":
		return true
	}
	return hasSuffix(typeName, "Connection") || hasSuffix(typeName, "Edge") || hasSuffix(typeName, "Payload")
}

func hasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// Types are the object types of the schema.
var Types = map[string]TypeRule{
	// A key asks who it is through viewer.apiKey; the other fields are null
	// or empty for it.
	"Viewer": {Read: SignedIn},
	// Accounts are not a directory (row rules in Guard.CanSee): staff see
	// their colleagues' names and roles, for "recorded by"; family accounts
	// are seen by the care team, who record their consents, and by their
	// owner; emails by admins and the owner; keys see no one.
	"User": {Read: Users, Fields: map[string]Audience{"isActive": Staff, "email": Admin, "isTotpEnabled": Admin}, Own: map[string]bool{"email": true}},
	// The census counts members, so it is for those who may list them.
	"CareLevel": {Read: SignedIn, Fields: map[string]Audience{"membersInCareCount": partnerMember}},

	"Member": {
		Read: Staff,
		Fields: map[string]Audience{
			"id": partnerMember, "firstName": partnerMember, "lastName": partnerMember,
			"preferredName": partnerMember, "displayName": partnerMember, "bornOn": partnerMember,
			"status":           partnerMember,
			"currentCareLevel": partnerMember, "currentEpisode": partnerMember, "careEpisodes": partnerMember,
			"recoveryStartedOn": partnerMember, "daysInRecovery": partnerMember, "milestones": partnerMember,
			"currentResidency": partnerMember, "residencies": partnerMember,
			"attendanceSummary": partnerMember,

			"recoveryCapital": Care,
			// The accounting of disclosures, for those who record consents.
			"disclosures":         Care,
			"aftercarePlans":      planTeam,
			"activeAftercarePlan": planTeam,
			"peerConversations":   planTeam,
			"familyContacts":      Care,
			"consents":            Care,
		},
		Kinds: map[string]domain.InformationKind{
			"firstName": domain.InfoIdentity, "lastName": domain.InfoIdentity, "preferredName": domain.InfoIdentity,
			"displayName": domain.InfoIdentity, "bornOn": domain.InfoIdentity,
			"status":           domain.InfoCareLevel,
			"currentCareLevel": domain.InfoCareLevel, "currentEpisode": domain.InfoCareLevel, "careEpisodes": domain.InfoCareLevel,
			"recoveryStartedOn": domain.InfoMilestones, "daysInRecovery": domain.InfoMilestones, "milestones": domain.InfoMilestones,
			"currentResidency": domain.InfoHousing, "residencies": domain.InfoHousing,
			"attendanceSummary": domain.InfoAttendanceSummary,
		},
	},
	"RecoveryStartDateChange": {Read: Staff, Fields: map[string]Audience{"reason": Care}},
	"Milestone":               {Read: partnerMember | Family},
	"Milestones":              {Read: partnerMember | Family},
	"UpcomingMilestone":       {Read: partnerMember},
	"CareLevelChange":         {Read: partnerMember},
	"CareEpisode": {
		Read: Staff,
		Fields: map[string]Audience{
			"id": partnerMember, "member": partnerMember, "careLevel": partnerMember, "startedAt": partnerMember,
			"endedAt": partnerMember, "transition": partnerMember,
			// Reasons can carry clinical detail.
			"reason": Care, "dischargeReason": Care, "supersedeReason": Care,
		},
	},

	// A members:read key sees the house of a residency its consent covers.
	"House": {
		Read: directory | MembersKey,
		Fields: map[string]Audience{
			"manager": Staff, "residents": Staff, "residencies": Staff,
			"occupancy": directory, "houseMeetingGroups": directory,
			"createdAt": Staff, "updatedAt": Staff,
		},
	},
	"Occupancy": {Read: directory},
	"Residency": {
		Read: Staff,
		Fields: map[string]Audience{
			"id": partnerMember, "member": partnerMember, "house": partnerMember, "moveInAt": partnerMember,
			"moveOutAt": partnerMember, "isCurrent": partnerMember,
			"moveOutReason": Care | HouseManager, "moveOutNote": Care | HouseManager,
		},
	},

	"Group": {
		Read: familyGroups,
		Fields: map[string]Audience{
			"facilitators": Staff, "members": Staff, "house": directory,
			"createdAt": Staff, "updatedAt": Staff,
		},
	},
	"ScheduleSlot": {Read: familyGroups},
	"Meeting": {
		Read: familyGroups,
		Fields: map[string]Audience{"facilitator": Staff, "attendance": Staff,
			"familyAttendance": Care, "viewerAttendance": Family},
	},
	"GroupMembership":   {Read: Staff},
	"Attendance":        {Read: Staff},
	"AttendanceSummary": {Read: partnerMember},
	"AttendanceWeek":    {Read: partnerMember | Family},

	"Peer":             {Read: Staff},
	"Certification":    {Read: Staff},
	"PeerAssignment":   {Read: Staff},
	"PeerConversation": {Read: planTeam},

	"AftercarePlan":             {Read: planTeam, Fields: map[string]Audience{"checkIns": Care}},
	"AftercareGoal":             {Read: planTeam},
	"AftercareCommitment":       {Read: planTeam},
	"CommitmentAdherence":       {Read: planTeam},
	"AdherenceWeek":             {Read: planTeam},
	"CheckIn":                   {Read: Care},
	"RecoveryCapitalAssessment": {Read: Care},

	"Update": {Read: Staff},

	// The family portal's own types: what a consent discloses, nothing else.
	"SharedMember":     {Read: Family},
	"SharedUpdate":     {Read: Family},
	"FamilyContact":    {Read: Care},
	"Consent":          {Read: Care, Fields: map[string]Audience{"apiKey": Admin}},
	"FamilyAttendance": {Read: Care},

	"ApiKey":          {Read: Admin},
	"Partner":         {Read: Care | Keys, Fields: map[string]Audience{"apiKeys": Admin, "createdAt": Care}},
	"ViewerApiKey":    {Read: Keys},
	"ConsentedMember": {Read: MembersKey},
	// Outcomes are counts with no identities, small cells suppressed.
	"Outcomes":                 {Read: outcomes},
	"OutcomeCount":             {Read: outcomes},
	"OutcomeFigure":            {Read: outcomes},
	"LevelOutcome":             {Read: outcomes},
	"RecoveryCohort":           {Read: outcomes},
	"RecoveryComparison":       {Read: outcomes},
	"AbstinenceCohort":         {Read: outcomes},
	"AftercareGroupComparison": {Read: outcomes},
	// Only Outcomes.period holds a DateRange so far; widen it with the next.
	"DateRange":  {Read: outcomes},
	"AuditEvent": {Read: Admin},
	"Disclosure": {Read: Care},
}

// FieldAudience returns who may read typeName.field, and whether the type
// is known to the policy at all.
func FieldAudience(typeName, field string) (Audience, bool) {
	if passThrough(typeName) {
		return Everyone, true
	}
	rule, ok := Types[typeName]
	if !ok {
		return 0, false
	}
	if aud, ok := rule.Fields[field]; ok {
		return aud, true
	}
	return rule.Read, true
}

// KindOf returns the information kind a members:read key needs for a
// member field, if the field is consent-bound.
func KindOf(typeName, field string) (domain.InformationKind, bool) {
	k, ok := Types[typeName].Kinds[field]
	return k, ok
}

// OwnField reports whether a user may read typeName.field of their own record.
func OwnField(typeName, field string) bool { return Types[typeName].Own[field] }

// ListConditions are the arguments of member lists that narrow or order
// them by a kind of information, as "argument.field" (or
// "argument.field=VALUE" for an enum value). A members:read key's list is
// cut to the members whose consent covers every kind its arguments use, so
// a filter, a search or a sort never tells a partner what the consent does
// not cover (by which members match, or in which order they come).
var ListConditions = map[string]map[string]domain.InformationKind{
	"Query.members": {
		"filter.search":         domain.InfoIdentity,
		"filter.careLevelCodes": domain.InfoCareLevel,
		"filter.statuses":       domain.InfoCareLevel,
		"filter.houseId":        domain.InfoHousing,
		"orderBy.field=NAME":    domain.InfoIdentity,
	},
	// The Today lists reveal their own kind by their very choice of members
	// (memberListScope's always), and a status filter the care level.
	"Query.upcomingMilestones": {
		"filter.withinDays": domain.InfoMilestones,
		"filter.statuses":   domain.InfoCareLevel,
	},
	"Query.recentCareLevelChanges": {
		"filter.withinDays": domain.InfoCareLevel,
		"filter.directions": domain.InfoCareLevel,
	},
}
