/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AdminUsers($after: String) {\n    users(first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id name email role isActive }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user { id name email role isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUserRole($input: UpdateUserRoleInput!) {\n    updateUserRole(input: $input) {\n      user { id role isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.UpdateUserRoleDocument,
    "\n  mutation DeactivateUser($input: DeactivateUserInput!) {\n    deactivateUser(input: $input) {\n      user { id role isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  query AdminApiKeys($after: String) {\n    apiKeys(first: 25, after: $after, includeRevoked: true) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id partnerName scopes secretPrefix createdAt createdBy { id name } lastUsedAt revokedAt isActive }\n    }\n  }\n": typeof types.AdminApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey { id partnerName scopes secretPrefix createdAt lastUsedAt revokedAt isActive }\n      secret\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { id revokedAt isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query AuditActors {\n    users(first: 50) { nodes { id name } }\n    apiKeys(first: 50, includeRevoked: true) { nodes { id partnerName secretPrefix } }\n  }\n": typeof types.AuditActorsDocument,
    "\n  query AuditEvents($after: String, $filter: AuditEventFilter) {\n    auditEvents(first: 25, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        occurredAt\n        actorKind\n        actor { id name }\n        actorRole\n        apiKeyId\n        apiKey { id partnerName secretPrefix }\n        action\n        operationName\n        field\n        member { id displayName }\n        objectType\n        objectId\n        clientAddress\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query Viewer {\n    viewer {\n      user { id name email role }\n      sessionExpiresAt\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer { user { id name role } }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut { userErrors { ...UserErrorFields } }\n  }\n": typeof types.SignOutDocument,
    "\n  query FamilyPortal {\n    viewer {\n      # 20 keeps the page cheap (see above); the page says when more share.\n      sharedMembers(first: 20) {\n        totalCount\n        nodes {\n          id\n          displayName\n          sharedKinds\n          consentExpiresAt\n          consentExpiresOnEvent\n          daysInRecovery\n          milestones { next { label reachedOn } }\n          currentCareLevel { id name }\n          houseName\n        }\n      }\n      familyGroups(first: 100) {\n        nodes {\n          id\n          name\n          description\n          modality\n          location\n          timeZone\n          schedule { dayOfWeek startTime durationMinutes }\n          nextMeeting { id startsAt endsAt topic viewerAttendance }\n        }\n      }\n    }\n  }\n": typeof types.FamilyPortalDocument,
    "\n  query SharedUpdates($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        sharedUpdates(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes { id kind body occurredAt }\n        }\n      }\n    }\n  }\n": typeof types.SharedUpdatesDocument,
    "\n  query SharedAttendance($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        attendanceWeeks { weekStartsOn attended }\n      }\n    }\n  }\n": typeof types.SharedAttendanceDocument,
    "\n  query WeekMeetings($from: DateTime!, $to: DateTime!, $after: String, $kinds: [GroupKind!]) {\n    meetings(first: 100, after: $after, filter: { startsWithin: { startAt: $from, endAt: $to }, kinds: $kinds }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        startsAt\n        endsAt\n        timeOfDay\n        group { id name kind modality location timeZone }\n      }\n    }\n  }\n": typeof types.WeekMeetingsDocument,
    "\n  query GroupPage($id: ID!, $from: DateTime!, $to: DateTime!) {\n    group(id: $id) {\n      id\n      name\n      kind\n      description\n      modality\n      location\n      timeZone\n      isActive\n      schedule { dayOfWeek startTime durationMinutes timeOfDay }\n      facilitators {\n        __typename\n        ... on Peer { id name }\n        ... on User { id name }\n      }\n      house { id name }\n      members(first: 100) { totalCount nodes { joinedAt member { id displayName } } }\n      meetings(first: 60, filter: { startsWithin: { startAt: $from, endAt: $to } }) {\n        nodes { id startsAt topic }\n      }\n    }\n  }\n": typeof types.GroupPageDocument,
    "\n  query MeetingAttendance($id: ID!) {\n    meeting(id: $id) {\n      id\n      startsAt\n      endsAt\n      topic\n      group {\n        id\n        name\n        timeZone\n        members(first: 100) { nodes { member { id displayName } } }\n      }\n      attendance(first: 100) { nodes { status recordedAt member { id displayName } } }\n    }\n  }\n": typeof types.MeetingAttendanceDocument,
    "\n  mutation RecordAttendance($input: RecordAttendanceInput!) {\n    recordAttendance(input: $input) {\n      meeting { id attendance(first: 100) { nodes { status recordedAt member { id displayName } } } }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.RecordAttendanceDocument,
    "\n  query HousesList($after: String) {\n    houses(first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id name capacity genderDesignation narrLevel\n        occupancy { occupied available }\n      }\n    }\n  }\n": typeof types.HousesListDocument,
    "\n  query House($id: ID!) {\n    house(id: $id) {\n      id name address phone capacity genderDesignation narrLevel\n      occupancy { capacity occupied available }\n      residents { id bed moveInAt member { id displayName } }\n      residencies(first: 100) { nodes { id bed } }\n      houseMeetingGroups(first: 100) { totalCount nodes { id name nextMeeting { id startsAt } } }\n    }\n  }\n": typeof types.HouseDocument,
    "\n  query MoveInCandidates($search: String!) {\n    members(first: 10, filter: { search: $search }) {\n      nodes { id displayName currentResidency { id house { id name } } }\n    }\n  }\n": typeof types.MoveInCandidatesDocument,
    "\n  mutation HouseMoveIntoHouse($input: MoveIntoHouseInput!) {\n    moveIntoHouse(input: $input) {\n      residency { id bed member { id displayName } house { id occupancy { capacity occupied available } } }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.HouseMoveIntoHouseDocument,
    "\n  fragment EpisodeTable_member on Member {\n    careEpisodes(first: 100) {\n      nodes {\n        id\n        careLevel { id code name }\n        startedAt\n        endedAt\n        transition\n        reason @include(if: $clinical)\n        dischargeReason @include(if: $clinical)\n      }\n    }\n  }\n": typeof types.EpisodeTable_MemberFragmentDoc,
    "\n  fragment JourneyActions_member on Member {\n    id\n    status\n    currentCareLevel { id code }\n    currentResidency { id house { id name } }\n    currentPeer { id }\n    activeAftercarePlan @include(if: $clinical) { id }\n  }\n": typeof types.JourneyActions_MemberFragmentDoc,
    "\n  fragment TimelineEpisodes_member on Member {\n    id\n    careEpisodes(first: 100) {\n      nodes {\n        id\n        careLevel { id code }\n        startedAt\n        endedAt\n        transition\n        reason @include(if: $clinical)\n        dischargeReason @include(if: $clinical)\n      }\n    }\n    residencies(first: 100) {\n      nodes {\n        id\n        house { id name }\n        moveInAt\n        moveOutAt\n      }\n    }\n    milestones {\n      reached { key label reachedOn }\n    }\n    updates(first: 30, filter: { kinds: [NOTE] }) {\n      nodes { id kind body occurredAt }\n    }\n  }\n": typeof types.TimelineEpisodes_MemberFragmentDoc,
    "\n  query TimelineAttendance($id: ID!, $from: DateTime!) {\n    member(id: $id) {\n      id\n      attendanceSummary(period: { startAt: $from }) {\n        weeks { weekStartsOn attended }\n      }\n    }\n  }\n": typeof types.TimelineAttendanceDocument,
    "\n  mutation AdmitMember($input: AdmitMemberInput!) {\n    admitMember(input: $input) {\n      careEpisode { id transition }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.AdmitMemberDocument,
    "\n  query PeersWithCapacity {\n    peers(first: 50, filter: { isActive: true, hasCapacity: true }) {\n      nodes { id name caseloadCount caseloadLimit isAlumnus }\n    }\n  }\n": typeof types.PeersWithCapacityDocument,
    "\n  mutation AssignPeer($input: AssignPeerInput!) {\n    assignPeer(input: $input) {\n      peerAssignment { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.AssignPeerDocument,
    "\n  mutation ChangeCareLevel($input: ChangeCareLevelInput!) {\n    changeCareLevel(input: $input) {\n      careEpisode { id transition }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.ChangeCareLevelDocument,
    "\n  query CareLevelTransition($from: String!, $to: String!) {\n    careLevelTransition(fromCareLevelCode: $from, toCareLevelCode: $to)\n  }\n": typeof types.CareLevelTransitionDocument,
    "\n  mutation JourneyRecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.JourneyRecordCheckInDocument,
    "\n  mutation DischargeMember($input: DischargeMemberInput!) {\n    dischargeMember(input: $input) {\n      careEpisode { id endedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.DischargeMemberDocument,
    "\n  query OpenHouses {\n    houses(first: 50, filter: { hasOpenBeds: true }) {\n      nodes { id name occupancy { available } }\n    }\n  }\n": typeof types.OpenHousesDocument,
    "\n  mutation JourneyMoveIntoHouse($input: MoveIntoHouseInput!) {\n    moveIntoHouse(input: $input) {\n      residency { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.JourneyMoveIntoHouseDocument,
    "\n  mutation MoveOutOfHouse($input: MoveOutOfHouseInput!) {\n    moveOutOfHouse(input: $input) {\n      residency { id moveOutAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.MoveOutOfHouseDocument,
    "\n  mutation PostUpdate($input: PostUpdateInput!) {\n    postUpdate(input: $input) {\n      update { id isShareable }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.PostUpdateDocument,
    "\n  query MemberName($id: ID!) {\n    member(id: $id) { id displayName }\n  }\n": typeof types.MemberNameDocument,
    "\n  query MemberJourney($id: ID!, $clinical: Boolean!) {\n    careLevels { id code name shortName intensity }\n    member(id: $id) {\n      id\n      ...MemberSummary_member\n      ...TimelineEpisodes_member\n      ...EpisodeTable_member\n      ...JourneyActions_member\n    }\n  }\n": typeof types.MemberJourneyDocument,
    "\n  fragment MemberSummary_member on Member {\n    id\n    displayName\n    status\n    daysInRecovery\n    currentCareLevel { id name }\n    currentResidency { id bed house { id name } }\n    currentPeer { id name }\n  }\n": typeof types.MemberSummary_MemberFragmentDoc,
    "\n  fragment ConsentFields on Consent {\n    id\n    familyContact { id name relationship }\n    partnerName\n    purpose\n    informationKinds\n    expiresAt\n    expiresOnEvent\n    signatureName\n    signedAt\n    status\n    revokedAt\n    revocationReason\n    recordedAt\n  }\n": typeof types.ConsentFieldsFragmentDoc,
    "\n  fragment FamilyContactFields on FamilyContact {\n    id name relationship email hasAccount\n  }\n": typeof types.FamilyContactFieldsFragmentDoc,
    "\n  query FamilyMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      familyContacts(first: 100) { nodes { ...FamilyContactFields } }\n      consents(first: 100) { nodes { ...ConsentFields } }\n    }\n  }\n": typeof types.FamilyMemberDocument,
    "\n  query MemberDisclosures($id: ID!, $first: Int!, $after: String) {\n    member(id: $id) {\n      id\n      disclosures(first: $first, after: $after) {\n        nodes { occurredAt recipientKind recipientName operationName }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n": typeof types.MemberDisclosuresDocument,
    "\n  mutation AddFamilyContact($input: AddFamilyContactInput!) {\n    addFamilyContact(input: $input) {\n      familyContact { ...FamilyContactFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.AddFamilyContactDocument,
    "\n  mutation InviteFamilyContact($input: InviteFamilyContactInput!) {\n    inviteFamilyContact(input: $input) {\n      familyContact { id }\n      invitationUrl\n      invitationToken\n      expiresAt\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.InviteFamilyContactDocument,
    "\n  mutation GrantConsent($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.GrantConsentDocument,
    "\n  mutation RevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.RevokeConsentDocument,
    "\n  fragment PlanCommitmentFields on AftercareCommitment {\n    id kind description targetPerWeek\n    group { id name }\n    house { id name }\n    peer { id name }\n  }\n": typeof types.PlanCommitmentFieldsFragmentDoc,
    "\n  fragment PlanGoalFields on AftercareGoal {\n    id category description targetOn status\n  }\n": typeof types.PlanGoalFieldsFragmentDoc,
    "\n  query PlanMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      aftercarePlans(first: 100) { nodes { id status startsOn reviewOn isReviewDue createdAt activatedAt closedAt } }\n    }\n  }\n": typeof types.PlanMemberDocument,
    "\n  query PlanDetail($id: ID!) {\n    aftercarePlan(id: $id) {\n      id\n      status\n      goals(first: 100) { nodes { ...PlanGoalFields } }\n      commitments(first: 100) { nodes { ...PlanCommitmentFields } }\n      adherence(weeks: 8) {\n        commitment { id }\n        weeks { weekStartsOn attended target isMet }\n      }\n    }\n  }\n": typeof types.PlanDetailDocument,
    "\n  query PlanCheckIns($id: ID!, $first: Int!, $after: String) {\n    aftercarePlan(id: $id) {\n      id\n      checkIns(first: $first, after: $after) {\n        nodes { id occurredOn isAbstinent craving copingSkills note }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n": typeof types.PlanCheckInsDocument,
    "\n  query RecoveryCapital($id: ID!) {\n    member(id: $id) {\n      id\n      recoveryCapital(first: 100) { nodes { id total isSustainedRemissionLikely assessedAt } }\n    }\n  }\n": typeof types.RecoveryCapitalDocument,
    "\n  query GroupPicker {\n    groups(first: 100) { nodes { id name } }\n  }\n": typeof types.GroupPickerDocument,
    "\n  query HousePicker {\n    houses(first: 100) { nodes { id name } }\n  }\n": typeof types.HousePickerDocument,
    "\n  query PeerPicker {\n    peers(first: 100, filter: { isActive: true }) { nodes { id name } }\n  }\n": typeof types.PeerPickerDocument,
    "\n  mutation CreateAftercarePlan($input: CreateAftercarePlanInput!) {\n    createAftercarePlan(input: $input) {\n      aftercarePlan { id status }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.CreateAftercarePlanDocument,
    "\n  mutation ActivateAftercarePlan($input: ActivateAftercarePlanInput!) {\n    activateAftercarePlan(input: $input) {\n      aftercarePlan { id status activatedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.ActivateAftercarePlanDocument,
    "\n  mutation CompleteAftercarePlan($input: CompleteAftercarePlanInput!) {\n    completeAftercarePlan(input: $input) {\n      aftercarePlan { id status closedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.CompleteAftercarePlanDocument,
    "\n  mutation AddAftercareGoal($input: AddAftercareGoalInput!) {\n    addAftercareGoal(input: $input) {\n      aftercareGoal { ...PlanGoalFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.AddAftercareGoalDocument,
    "\n  mutation UpdateAftercareGoal($input: UpdateAftercareGoalInput!) {\n    updateAftercareGoal(input: $input) {\n      aftercareGoal { ...PlanGoalFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.UpdateAftercareGoalDocument,
    "\n  mutation AddAftercareCommitment($input: AddAftercareCommitmentInput!) {\n    addAftercareCommitment(input: $input) {\n      aftercareCommitment { ...PlanCommitmentFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.AddAftercareCommitmentDocument,
    "\n  mutation RemoveAftercareCommitment($input: RemoveAftercareCommitmentInput!) {\n    removeAftercareCommitment(input: $input) {\n      aftercareCommitment { id removedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.RemoveAftercareCommitmentDocument,
    "\n  mutation PlanRecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id occurredOn isAbstinent craving }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.PlanRecordCheckInDocument,
    "\n  mutation RecordRecoveryCapital($input: RecordRecoveryCapitalInput!) {\n    recordRecoveryCapital(input: $input) {\n      recoveryCapitalAssessment { id total isSustainedRemissionLikely assessedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": typeof types.RecordRecoveryCapitalDocument,
    "\n  query MembersList($first: Int, $after: String, $last: Int, $before: String, $filter: MemberFilter) {\n    members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      nodes {\n        id\n        displayName\n        status\n        daysInRecovery\n        currentCareLevel { id name }\n        currentResidency { id bed house { id name } }\n        currentPeer { id name }\n      }\n    }\n  }\n": typeof types.MembersListDocument,
    "\n  query MemberFilterLevels {\n    careLevels { id code name }\n    houses(first: 100) { nodes { id name } }\n  }\n": typeof types.MemberFilterLevelsDocument,
    "\n  query PeersList($after: String) {\n    peers(first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id name isAlumnus isActive languages caseloadCount caseloadLimit hasCapacity\n        certification { kind expiresOn isExpired }\n      }\n    }\n  }\n": typeof types.PeersListDocument,
    "\n  query Peer($id: ID!) {\n    peer(id: $id) {\n      id name bio isAlumnus isActive daysInRecovery languages specialties caseloadCount caseloadLimit hasCapacity\n      certification { kind number expiresOn isExpired }\n      caseload(first: 50) {\n        totalCount\n        nodes { id startedAt focus member { id displayName currentCareLevel { id name } } }\n      }\n      facilitatedGroups(first: 100) { totalCount nodes { id name } }\n    }\n  }\n": typeof types.PeerDocument,
    "\n  query TodayCensus {\n    members(first: 0, filter: { statuses: [ACTIVE] }) { totalCount }\n    careLevels { id code name shortName membersInCareCount }\n  }\n": typeof types.TodayCensusDocument,
    "\n  query TodayOccupancy {\n    houses(first: 20) {\n      totalCount\n      nodes { id name occupancy { capacity occupied available } }\n    }\n  }\n": typeof types.TodayOccupancyDocument,
    "\n  query TodayMeetings($from: DateTime!, $to: DateTime!) {\n    meetings(first: 50, filter: { startsWithin: { startAt: $from, endAt: $to } }) {\n      totalCount\n      pageInfo { hasNextPage }\n      nodes { id startsAt topic group { id name } }\n    }\n  }\n": typeof types.TodayMeetingsDocument,
    "\n  query TodayPlansDue {\n    aftercarePlansDueForReview(first: 20) { nodes { id reviewOn member { id displayName } } }\n  }\n": typeof types.TodayPlansDueDocument,
    "\n  query TodayMilestones($withinDays: Int!) {\n    upcomingMilestones(first: 20, filter: { withinDays: $withinDays, statuses: [ACTIVE] }) {\n      totalCount\n      nodes {\n        member { id displayName }\n        milestone { key label reachedOn }\n      }\n    }\n  }\n": typeof types.TodayMilestonesDocument,
    "\n  query TodayStepUps {\n    recentCareLevelChanges(first: 20, filter: { withinDays: 14, directions: [STEP_UP] }) {\n      totalCount\n      nodes {\n        changedAt\n        member { id displayName }\n      }\n    }\n  }\n": typeof types.TodayStepUpsDocument,
    "\n  fragment UserErrorFields on UserError { field message code }\n": typeof types.UserErrorFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  query AdminUsers($after: String) {\n    users(first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id name email role isActive }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user { id name email role isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUserRole($input: UpdateUserRoleInput!) {\n    updateUserRole(input: $input) {\n      user { id role isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.UpdateUserRoleDocument,
    "\n  mutation DeactivateUser($input: DeactivateUserInput!) {\n    deactivateUser(input: $input) {\n      user { id role isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  query AdminApiKeys($after: String) {\n    apiKeys(first: 25, after: $after, includeRevoked: true) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id partnerName scopes secretPrefix createdAt createdBy { id name } lastUsedAt revokedAt isActive }\n    }\n  }\n": types.AdminApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey { id partnerName scopes secretPrefix createdAt lastUsedAt revokedAt isActive }\n      secret\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { id revokedAt isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query AuditActors {\n    users(first: 50) { nodes { id name } }\n    apiKeys(first: 50, includeRevoked: true) { nodes { id partnerName secretPrefix } }\n  }\n": types.AuditActorsDocument,
    "\n  query AuditEvents($after: String, $filter: AuditEventFilter) {\n    auditEvents(first: 25, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        occurredAt\n        actorKind\n        actor { id name }\n        actorRole\n        apiKeyId\n        apiKey { id partnerName secretPrefix }\n        action\n        operationName\n        field\n        member { id displayName }\n        objectType\n        objectId\n        clientAddress\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  query Viewer {\n    viewer {\n      user { id name email role }\n      sessionExpiresAt\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer { user { id name role } }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut { userErrors { ...UserErrorFields } }\n  }\n": types.SignOutDocument,
    "\n  query FamilyPortal {\n    viewer {\n      # 20 keeps the page cheap (see above); the page says when more share.\n      sharedMembers(first: 20) {\n        totalCount\n        nodes {\n          id\n          displayName\n          sharedKinds\n          consentExpiresAt\n          consentExpiresOnEvent\n          daysInRecovery\n          milestones { next { label reachedOn } }\n          currentCareLevel { id name }\n          houseName\n        }\n      }\n      familyGroups(first: 100) {\n        nodes {\n          id\n          name\n          description\n          modality\n          location\n          timeZone\n          schedule { dayOfWeek startTime durationMinutes }\n          nextMeeting { id startsAt endsAt topic viewerAttendance }\n        }\n      }\n    }\n  }\n": types.FamilyPortalDocument,
    "\n  query SharedUpdates($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        sharedUpdates(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes { id kind body occurredAt }\n        }\n      }\n    }\n  }\n": types.SharedUpdatesDocument,
    "\n  query SharedAttendance($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        attendanceWeeks { weekStartsOn attended }\n      }\n    }\n  }\n": types.SharedAttendanceDocument,
    "\n  query WeekMeetings($from: DateTime!, $to: DateTime!, $after: String, $kinds: [GroupKind!]) {\n    meetings(first: 100, after: $after, filter: { startsWithin: { startAt: $from, endAt: $to }, kinds: $kinds }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        startsAt\n        endsAt\n        timeOfDay\n        group { id name kind modality location timeZone }\n      }\n    }\n  }\n": types.WeekMeetingsDocument,
    "\n  query GroupPage($id: ID!, $from: DateTime!, $to: DateTime!) {\n    group(id: $id) {\n      id\n      name\n      kind\n      description\n      modality\n      location\n      timeZone\n      isActive\n      schedule { dayOfWeek startTime durationMinutes timeOfDay }\n      facilitators {\n        __typename\n        ... on Peer { id name }\n        ... on User { id name }\n      }\n      house { id name }\n      members(first: 100) { totalCount nodes { joinedAt member { id displayName } } }\n      meetings(first: 60, filter: { startsWithin: { startAt: $from, endAt: $to } }) {\n        nodes { id startsAt topic }\n      }\n    }\n  }\n": types.GroupPageDocument,
    "\n  query MeetingAttendance($id: ID!) {\n    meeting(id: $id) {\n      id\n      startsAt\n      endsAt\n      topic\n      group {\n        id\n        name\n        timeZone\n        members(first: 100) { nodes { member { id displayName } } }\n      }\n      attendance(first: 100) { nodes { status recordedAt member { id displayName } } }\n    }\n  }\n": types.MeetingAttendanceDocument,
    "\n  mutation RecordAttendance($input: RecordAttendanceInput!) {\n    recordAttendance(input: $input) {\n      meeting { id attendance(first: 100) { nodes { status recordedAt member { id displayName } } } }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.RecordAttendanceDocument,
    "\n  query HousesList($after: String) {\n    houses(first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id name capacity genderDesignation narrLevel\n        occupancy { occupied available }\n      }\n    }\n  }\n": types.HousesListDocument,
    "\n  query House($id: ID!) {\n    house(id: $id) {\n      id name address phone capacity genderDesignation narrLevel\n      occupancy { capacity occupied available }\n      residents { id bed moveInAt member { id displayName } }\n      residencies(first: 100) { nodes { id bed } }\n      houseMeetingGroups(first: 100) { totalCount nodes { id name nextMeeting { id startsAt } } }\n    }\n  }\n": types.HouseDocument,
    "\n  query MoveInCandidates($search: String!) {\n    members(first: 10, filter: { search: $search }) {\n      nodes { id displayName currentResidency { id house { id name } } }\n    }\n  }\n": types.MoveInCandidatesDocument,
    "\n  mutation HouseMoveIntoHouse($input: MoveIntoHouseInput!) {\n    moveIntoHouse(input: $input) {\n      residency { id bed member { id displayName } house { id occupancy { capacity occupied available } } }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.HouseMoveIntoHouseDocument,
    "\n  fragment EpisodeTable_member on Member {\n    careEpisodes(first: 100) {\n      nodes {\n        id\n        careLevel { id code name }\n        startedAt\n        endedAt\n        transition\n        reason @include(if: $clinical)\n        dischargeReason @include(if: $clinical)\n      }\n    }\n  }\n": types.EpisodeTable_MemberFragmentDoc,
    "\n  fragment JourneyActions_member on Member {\n    id\n    status\n    currentCareLevel { id code }\n    currentResidency { id house { id name } }\n    currentPeer { id }\n    activeAftercarePlan @include(if: $clinical) { id }\n  }\n": types.JourneyActions_MemberFragmentDoc,
    "\n  fragment TimelineEpisodes_member on Member {\n    id\n    careEpisodes(first: 100) {\n      nodes {\n        id\n        careLevel { id code }\n        startedAt\n        endedAt\n        transition\n        reason @include(if: $clinical)\n        dischargeReason @include(if: $clinical)\n      }\n    }\n    residencies(first: 100) {\n      nodes {\n        id\n        house { id name }\n        moveInAt\n        moveOutAt\n      }\n    }\n    milestones {\n      reached { key label reachedOn }\n    }\n    updates(first: 30, filter: { kinds: [NOTE] }) {\n      nodes { id kind body occurredAt }\n    }\n  }\n": types.TimelineEpisodes_MemberFragmentDoc,
    "\n  query TimelineAttendance($id: ID!, $from: DateTime!) {\n    member(id: $id) {\n      id\n      attendanceSummary(period: { startAt: $from }) {\n        weeks { weekStartsOn attended }\n      }\n    }\n  }\n": types.TimelineAttendanceDocument,
    "\n  mutation AdmitMember($input: AdmitMemberInput!) {\n    admitMember(input: $input) {\n      careEpisode { id transition }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.AdmitMemberDocument,
    "\n  query PeersWithCapacity {\n    peers(first: 50, filter: { isActive: true, hasCapacity: true }) {\n      nodes { id name caseloadCount caseloadLimit isAlumnus }\n    }\n  }\n": types.PeersWithCapacityDocument,
    "\n  mutation AssignPeer($input: AssignPeerInput!) {\n    assignPeer(input: $input) {\n      peerAssignment { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.AssignPeerDocument,
    "\n  mutation ChangeCareLevel($input: ChangeCareLevelInput!) {\n    changeCareLevel(input: $input) {\n      careEpisode { id transition }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.ChangeCareLevelDocument,
    "\n  query CareLevelTransition($from: String!, $to: String!) {\n    careLevelTransition(fromCareLevelCode: $from, toCareLevelCode: $to)\n  }\n": types.CareLevelTransitionDocument,
    "\n  mutation JourneyRecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.JourneyRecordCheckInDocument,
    "\n  mutation DischargeMember($input: DischargeMemberInput!) {\n    dischargeMember(input: $input) {\n      careEpisode { id endedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.DischargeMemberDocument,
    "\n  query OpenHouses {\n    houses(first: 50, filter: { hasOpenBeds: true }) {\n      nodes { id name occupancy { available } }\n    }\n  }\n": types.OpenHousesDocument,
    "\n  mutation JourneyMoveIntoHouse($input: MoveIntoHouseInput!) {\n    moveIntoHouse(input: $input) {\n      residency { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.JourneyMoveIntoHouseDocument,
    "\n  mutation MoveOutOfHouse($input: MoveOutOfHouseInput!) {\n    moveOutOfHouse(input: $input) {\n      residency { id moveOutAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.MoveOutOfHouseDocument,
    "\n  mutation PostUpdate($input: PostUpdateInput!) {\n    postUpdate(input: $input) {\n      update { id isShareable }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.PostUpdateDocument,
    "\n  query MemberName($id: ID!) {\n    member(id: $id) { id displayName }\n  }\n": types.MemberNameDocument,
    "\n  query MemberJourney($id: ID!, $clinical: Boolean!) {\n    careLevels { id code name shortName intensity }\n    member(id: $id) {\n      id\n      ...MemberSummary_member\n      ...TimelineEpisodes_member\n      ...EpisodeTable_member\n      ...JourneyActions_member\n    }\n  }\n": types.MemberJourneyDocument,
    "\n  fragment MemberSummary_member on Member {\n    id\n    displayName\n    status\n    daysInRecovery\n    currentCareLevel { id name }\n    currentResidency { id bed house { id name } }\n    currentPeer { id name }\n  }\n": types.MemberSummary_MemberFragmentDoc,
    "\n  fragment ConsentFields on Consent {\n    id\n    familyContact { id name relationship }\n    partnerName\n    purpose\n    informationKinds\n    expiresAt\n    expiresOnEvent\n    signatureName\n    signedAt\n    status\n    revokedAt\n    revocationReason\n    recordedAt\n  }\n": types.ConsentFieldsFragmentDoc,
    "\n  fragment FamilyContactFields on FamilyContact {\n    id name relationship email hasAccount\n  }\n": types.FamilyContactFieldsFragmentDoc,
    "\n  query FamilyMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      familyContacts(first: 100) { nodes { ...FamilyContactFields } }\n      consents(first: 100) { nodes { ...ConsentFields } }\n    }\n  }\n": types.FamilyMemberDocument,
    "\n  query MemberDisclosures($id: ID!, $first: Int!, $after: String) {\n    member(id: $id) {\n      id\n      disclosures(first: $first, after: $after) {\n        nodes { occurredAt recipientKind recipientName operationName }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n": types.MemberDisclosuresDocument,
    "\n  mutation AddFamilyContact($input: AddFamilyContactInput!) {\n    addFamilyContact(input: $input) {\n      familyContact { ...FamilyContactFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.AddFamilyContactDocument,
    "\n  mutation InviteFamilyContact($input: InviteFamilyContactInput!) {\n    inviteFamilyContact(input: $input) {\n      familyContact { id }\n      invitationUrl\n      invitationToken\n      expiresAt\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.InviteFamilyContactDocument,
    "\n  mutation GrantConsent($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.GrantConsentDocument,
    "\n  mutation RevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.RevokeConsentDocument,
    "\n  fragment PlanCommitmentFields on AftercareCommitment {\n    id kind description targetPerWeek\n    group { id name }\n    house { id name }\n    peer { id name }\n  }\n": types.PlanCommitmentFieldsFragmentDoc,
    "\n  fragment PlanGoalFields on AftercareGoal {\n    id category description targetOn status\n  }\n": types.PlanGoalFieldsFragmentDoc,
    "\n  query PlanMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      aftercarePlans(first: 100) { nodes { id status startsOn reviewOn isReviewDue createdAt activatedAt closedAt } }\n    }\n  }\n": types.PlanMemberDocument,
    "\n  query PlanDetail($id: ID!) {\n    aftercarePlan(id: $id) {\n      id\n      status\n      goals(first: 100) { nodes { ...PlanGoalFields } }\n      commitments(first: 100) { nodes { ...PlanCommitmentFields } }\n      adherence(weeks: 8) {\n        commitment { id }\n        weeks { weekStartsOn attended target isMet }\n      }\n    }\n  }\n": types.PlanDetailDocument,
    "\n  query PlanCheckIns($id: ID!, $first: Int!, $after: String) {\n    aftercarePlan(id: $id) {\n      id\n      checkIns(first: $first, after: $after) {\n        nodes { id occurredOn isAbstinent craving copingSkills note }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n": types.PlanCheckInsDocument,
    "\n  query RecoveryCapital($id: ID!) {\n    member(id: $id) {\n      id\n      recoveryCapital(first: 100) { nodes { id total isSustainedRemissionLikely assessedAt } }\n    }\n  }\n": types.RecoveryCapitalDocument,
    "\n  query GroupPicker {\n    groups(first: 100) { nodes { id name } }\n  }\n": types.GroupPickerDocument,
    "\n  query HousePicker {\n    houses(first: 100) { nodes { id name } }\n  }\n": types.HousePickerDocument,
    "\n  query PeerPicker {\n    peers(first: 100, filter: { isActive: true }) { nodes { id name } }\n  }\n": types.PeerPickerDocument,
    "\n  mutation CreateAftercarePlan($input: CreateAftercarePlanInput!) {\n    createAftercarePlan(input: $input) {\n      aftercarePlan { id status }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.CreateAftercarePlanDocument,
    "\n  mutation ActivateAftercarePlan($input: ActivateAftercarePlanInput!) {\n    activateAftercarePlan(input: $input) {\n      aftercarePlan { id status activatedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.ActivateAftercarePlanDocument,
    "\n  mutation CompleteAftercarePlan($input: CompleteAftercarePlanInput!) {\n    completeAftercarePlan(input: $input) {\n      aftercarePlan { id status closedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.CompleteAftercarePlanDocument,
    "\n  mutation AddAftercareGoal($input: AddAftercareGoalInput!) {\n    addAftercareGoal(input: $input) {\n      aftercareGoal { ...PlanGoalFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.AddAftercareGoalDocument,
    "\n  mutation UpdateAftercareGoal($input: UpdateAftercareGoalInput!) {\n    updateAftercareGoal(input: $input) {\n      aftercareGoal { ...PlanGoalFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.UpdateAftercareGoalDocument,
    "\n  mutation AddAftercareCommitment($input: AddAftercareCommitmentInput!) {\n    addAftercareCommitment(input: $input) {\n      aftercareCommitment { ...PlanCommitmentFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.AddAftercareCommitmentDocument,
    "\n  mutation RemoveAftercareCommitment($input: RemoveAftercareCommitmentInput!) {\n    removeAftercareCommitment(input: $input) {\n      aftercareCommitment { id removedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.RemoveAftercareCommitmentDocument,
    "\n  mutation PlanRecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id occurredOn isAbstinent craving }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.PlanRecordCheckInDocument,
    "\n  mutation RecordRecoveryCapital($input: RecordRecoveryCapitalInput!) {\n    recordRecoveryCapital(input: $input) {\n      recoveryCapitalAssessment { id total isSustainedRemissionLikely assessedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n": types.RecordRecoveryCapitalDocument,
    "\n  query MembersList($first: Int, $after: String, $last: Int, $before: String, $filter: MemberFilter) {\n    members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      nodes {\n        id\n        displayName\n        status\n        daysInRecovery\n        currentCareLevel { id name }\n        currentResidency { id bed house { id name } }\n        currentPeer { id name }\n      }\n    }\n  }\n": types.MembersListDocument,
    "\n  query MemberFilterLevels {\n    careLevels { id code name }\n    houses(first: 100) { nodes { id name } }\n  }\n": types.MemberFilterLevelsDocument,
    "\n  query PeersList($after: String) {\n    peers(first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id name isAlumnus isActive languages caseloadCount caseloadLimit hasCapacity\n        certification { kind expiresOn isExpired }\n      }\n    }\n  }\n": types.PeersListDocument,
    "\n  query Peer($id: ID!) {\n    peer(id: $id) {\n      id name bio isAlumnus isActive daysInRecovery languages specialties caseloadCount caseloadLimit hasCapacity\n      certification { kind number expiresOn isExpired }\n      caseload(first: 50) {\n        totalCount\n        nodes { id startedAt focus member { id displayName currentCareLevel { id name } } }\n      }\n      facilitatedGroups(first: 100) { totalCount nodes { id name } }\n    }\n  }\n": types.PeerDocument,
    "\n  query TodayCensus {\n    members(first: 0, filter: { statuses: [ACTIVE] }) { totalCount }\n    careLevels { id code name shortName membersInCareCount }\n  }\n": types.TodayCensusDocument,
    "\n  query TodayOccupancy {\n    houses(first: 20) {\n      totalCount\n      nodes { id name occupancy { capacity occupied available } }\n    }\n  }\n": types.TodayOccupancyDocument,
    "\n  query TodayMeetings($from: DateTime!, $to: DateTime!) {\n    meetings(first: 50, filter: { startsWithin: { startAt: $from, endAt: $to } }) {\n      totalCount\n      pageInfo { hasNextPage }\n      nodes { id startsAt topic group { id name } }\n    }\n  }\n": types.TodayMeetingsDocument,
    "\n  query TodayPlansDue {\n    aftercarePlansDueForReview(first: 20) { nodes { id reviewOn member { id displayName } } }\n  }\n": types.TodayPlansDueDocument,
    "\n  query TodayMilestones($withinDays: Int!) {\n    upcomingMilestones(first: 20, filter: { withinDays: $withinDays, statuses: [ACTIVE] }) {\n      totalCount\n      nodes {\n        member { id displayName }\n        milestone { key label reachedOn }\n      }\n    }\n  }\n": types.TodayMilestonesDocument,
    "\n  query TodayStepUps {\n    recentCareLevelChanges(first: 20, filter: { withinDays: 14, directions: [STEP_UP] }) {\n      totalCount\n      nodes {\n        changedAt\n        member { id displayName }\n      }\n    }\n  }\n": types.TodayStepUpsDocument,
    "\n  fragment UserErrorFields on UserError { field message code }\n": types.UserErrorFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($after: String) {\n    users(first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id name email role isActive }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($after: String) {\n    users(first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id name email role isActive }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user { id name email role isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user { id name email role isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUserRole($input: UpdateUserRoleInput!) {\n    updateUserRole(input: $input) {\n      user { id role isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUserRole($input: UpdateUserRoleInput!) {\n    updateUserRole(input: $input) {\n      user { id role isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($input: DeactivateUserInput!) {\n    deactivateUser(input: $input) {\n      user { id role isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($input: DeactivateUserInput!) {\n    deactivateUser(input: $input) {\n      user { id role isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminApiKeys($after: String) {\n    apiKeys(first: 25, after: $after, includeRevoked: true) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id partnerName scopes secretPrefix createdAt createdBy { id name } lastUsedAt revokedAt isActive }\n    }\n  }\n"): (typeof documents)["\n  query AdminApiKeys($after: String) {\n    apiKeys(first: 25, after: $after, includeRevoked: true) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id partnerName scopes secretPrefix createdAt createdBy { id name } lastUsedAt revokedAt isActive }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey { id partnerName scopes secretPrefix createdAt lastUsedAt revokedAt isActive }\n      secret\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey { id partnerName scopes secretPrefix createdAt lastUsedAt revokedAt isActive }\n      secret\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { id revokedAt isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { id revokedAt isActive }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActors {\n    users(first: 50) { nodes { id name } }\n    apiKeys(first: 50, includeRevoked: true) { nodes { id partnerName secretPrefix } }\n  }\n"): (typeof documents)["\n  query AuditActors {\n    users(first: 50) { nodes { id name } }\n    apiKeys(first: 50, includeRevoked: true) { nodes { id partnerName secretPrefix } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($after: String, $filter: AuditEventFilter) {\n    auditEvents(first: 25, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        occurredAt\n        actorKind\n        actor { id name }\n        actorRole\n        apiKeyId\n        apiKey { id partnerName secretPrefix }\n        action\n        operationName\n        field\n        member { id displayName }\n        objectType\n        objectId\n        clientAddress\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($after: String, $filter: AuditEventFilter) {\n    auditEvents(first: 25, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        occurredAt\n        actorKind\n        actor { id name }\n        actorRole\n        apiKeyId\n        apiKey { id partnerName secretPrefix }\n        action\n        operationName\n        field\n        member { id displayName }\n        objectType\n        objectId\n        clientAddress\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      user { id name email role }\n      sessionExpiresAt\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      user { id name email role }\n      sessionExpiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer { user { id name role } }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer { user { id name role } }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut { userErrors { ...UserErrorFields } }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut { userErrors { ...UserErrorFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FamilyPortal {\n    viewer {\n      # 20 keeps the page cheap (see above); the page says when more share.\n      sharedMembers(first: 20) {\n        totalCount\n        nodes {\n          id\n          displayName\n          sharedKinds\n          consentExpiresAt\n          consentExpiresOnEvent\n          daysInRecovery\n          milestones { next { label reachedOn } }\n          currentCareLevel { id name }\n          houseName\n        }\n      }\n      familyGroups(first: 100) {\n        nodes {\n          id\n          name\n          description\n          modality\n          location\n          timeZone\n          schedule { dayOfWeek startTime durationMinutes }\n          nextMeeting { id startsAt endsAt topic viewerAttendance }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FamilyPortal {\n    viewer {\n      # 20 keeps the page cheap (see above); the page says when more share.\n      sharedMembers(first: 20) {\n        totalCount\n        nodes {\n          id\n          displayName\n          sharedKinds\n          consentExpiresAt\n          consentExpiresOnEvent\n          daysInRecovery\n          milestones { next { label reachedOn } }\n          currentCareLevel { id name }\n          houseName\n        }\n      }\n      familyGroups(first: 100) {\n        nodes {\n          id\n          name\n          description\n          modality\n          location\n          timeZone\n          schedule { dayOfWeek startTime durationMinutes }\n          nextMeeting { id startsAt endsAt topic viewerAttendance }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharedUpdates($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        sharedUpdates(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes { id kind body occurredAt }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SharedUpdates($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        sharedUpdates(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes { id kind body occurredAt }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharedAttendance($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        attendanceWeeks { weekStartsOn attended }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SharedAttendance($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        attendanceWeeks { weekStartsOn attended }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WeekMeetings($from: DateTime!, $to: DateTime!, $after: String, $kinds: [GroupKind!]) {\n    meetings(first: 100, after: $after, filter: { startsWithin: { startAt: $from, endAt: $to }, kinds: $kinds }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        startsAt\n        endsAt\n        timeOfDay\n        group { id name kind modality location timeZone }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WeekMeetings($from: DateTime!, $to: DateTime!, $after: String, $kinds: [GroupKind!]) {\n    meetings(first: 100, after: $after, filter: { startsWithin: { startAt: $from, endAt: $to }, kinds: $kinds }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        startsAt\n        endsAt\n        timeOfDay\n        group { id name kind modality location timeZone }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupPage($id: ID!, $from: DateTime!, $to: DateTime!) {\n    group(id: $id) {\n      id\n      name\n      kind\n      description\n      modality\n      location\n      timeZone\n      isActive\n      schedule { dayOfWeek startTime durationMinutes timeOfDay }\n      facilitators {\n        __typename\n        ... on Peer { id name }\n        ... on User { id name }\n      }\n      house { id name }\n      members(first: 100) { totalCount nodes { joinedAt member { id displayName } } }\n      meetings(first: 60, filter: { startsWithin: { startAt: $from, endAt: $to } }) {\n        nodes { id startsAt topic }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupPage($id: ID!, $from: DateTime!, $to: DateTime!) {\n    group(id: $id) {\n      id\n      name\n      kind\n      description\n      modality\n      location\n      timeZone\n      isActive\n      schedule { dayOfWeek startTime durationMinutes timeOfDay }\n      facilitators {\n        __typename\n        ... on Peer { id name }\n        ... on User { id name }\n      }\n      house { id name }\n      members(first: 100) { totalCount nodes { joinedAt member { id displayName } } }\n      meetings(first: 60, filter: { startsWithin: { startAt: $from, endAt: $to } }) {\n        nodes { id startsAt topic }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingAttendance($id: ID!) {\n    meeting(id: $id) {\n      id\n      startsAt\n      endsAt\n      topic\n      group {\n        id\n        name\n        timeZone\n        members(first: 100) { nodes { member { id displayName } } }\n      }\n      attendance(first: 100) { nodes { status recordedAt member { id displayName } } }\n    }\n  }\n"): (typeof documents)["\n  query MeetingAttendance($id: ID!) {\n    meeting(id: $id) {\n      id\n      startsAt\n      endsAt\n      topic\n      group {\n        id\n        name\n        timeZone\n        members(first: 100) { nodes { member { id displayName } } }\n      }\n      attendance(first: 100) { nodes { status recordedAt member { id displayName } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAttendance($input: RecordAttendanceInput!) {\n    recordAttendance(input: $input) {\n      meeting { id attendance(first: 100) { nodes { status recordedAt member { id displayName } } } }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordAttendance($input: RecordAttendanceInput!) {\n    recordAttendance(input: $input) {\n      meeting { id attendance(first: 100) { nodes { status recordedAt member { id displayName } } } }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HousesList($after: String) {\n    houses(first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id name capacity genderDesignation narrLevel\n        occupancy { occupied available }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HousesList($after: String) {\n    houses(first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id name capacity genderDesignation narrLevel\n        occupancy { occupied available }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query House($id: ID!) {\n    house(id: $id) {\n      id name address phone capacity genderDesignation narrLevel\n      occupancy { capacity occupied available }\n      residents { id bed moveInAt member { id displayName } }\n      residencies(first: 100) { nodes { id bed } }\n      houseMeetingGroups(first: 100) { totalCount nodes { id name nextMeeting { id startsAt } } }\n    }\n  }\n"): (typeof documents)["\n  query House($id: ID!) {\n    house(id: $id) {\n      id name address phone capacity genderDesignation narrLevel\n      occupancy { capacity occupied available }\n      residents { id bed moveInAt member { id displayName } }\n      residencies(first: 100) { nodes { id bed } }\n      houseMeetingGroups(first: 100) { totalCount nodes { id name nextMeeting { id startsAt } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MoveInCandidates($search: String!) {\n    members(first: 10, filter: { search: $search }) {\n      nodes { id displayName currentResidency { id house { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query MoveInCandidates($search: String!) {\n    members(first: 10, filter: { search: $search }) {\n      nodes { id displayName currentResidency { id house { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HouseMoveIntoHouse($input: MoveIntoHouseInput!) {\n    moveIntoHouse(input: $input) {\n      residency { id bed member { id displayName } house { id occupancy { capacity occupied available } } }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation HouseMoveIntoHouse($input: MoveIntoHouseInput!) {\n    moveIntoHouse(input: $input) {\n      residency { id bed member { id displayName } house { id occupancy { capacity occupied available } } }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EpisodeTable_member on Member {\n    careEpisodes(first: 100) {\n      nodes {\n        id\n        careLevel { id code name }\n        startedAt\n        endedAt\n        transition\n        reason @include(if: $clinical)\n        dischargeReason @include(if: $clinical)\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment EpisodeTable_member on Member {\n    careEpisodes(first: 100) {\n      nodes {\n        id\n        careLevel { id code name }\n        startedAt\n        endedAt\n        transition\n        reason @include(if: $clinical)\n        dischargeReason @include(if: $clinical)\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JourneyActions_member on Member {\n    id\n    status\n    currentCareLevel { id code }\n    currentResidency { id house { id name } }\n    currentPeer { id }\n    activeAftercarePlan @include(if: $clinical) { id }\n  }\n"): (typeof documents)["\n  fragment JourneyActions_member on Member {\n    id\n    status\n    currentCareLevel { id code }\n    currentResidency { id house { id name } }\n    currentPeer { id }\n    activeAftercarePlan @include(if: $clinical) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimelineEpisodes_member on Member {\n    id\n    careEpisodes(first: 100) {\n      nodes {\n        id\n        careLevel { id code }\n        startedAt\n        endedAt\n        transition\n        reason @include(if: $clinical)\n        dischargeReason @include(if: $clinical)\n      }\n    }\n    residencies(first: 100) {\n      nodes {\n        id\n        house { id name }\n        moveInAt\n        moveOutAt\n      }\n    }\n    milestones {\n      reached { key label reachedOn }\n    }\n    updates(first: 30, filter: { kinds: [NOTE] }) {\n      nodes { id kind body occurredAt }\n    }\n  }\n"): (typeof documents)["\n  fragment TimelineEpisodes_member on Member {\n    id\n    careEpisodes(first: 100) {\n      nodes {\n        id\n        careLevel { id code }\n        startedAt\n        endedAt\n        transition\n        reason @include(if: $clinical)\n        dischargeReason @include(if: $clinical)\n      }\n    }\n    residencies(first: 100) {\n      nodes {\n        id\n        house { id name }\n        moveInAt\n        moveOutAt\n      }\n    }\n    milestones {\n      reached { key label reachedOn }\n    }\n    updates(first: 30, filter: { kinds: [NOTE] }) {\n      nodes { id kind body occurredAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TimelineAttendance($id: ID!, $from: DateTime!) {\n    member(id: $id) {\n      id\n      attendanceSummary(period: { startAt: $from }) {\n        weeks { weekStartsOn attended }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TimelineAttendance($id: ID!, $from: DateTime!) {\n    member(id: $id) {\n      id\n      attendanceSummary(period: { startAt: $from }) {\n        weeks { weekStartsOn attended }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdmitMember($input: AdmitMemberInput!) {\n    admitMember(input: $input) {\n      careEpisode { id transition }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation AdmitMember($input: AdmitMemberInput!) {\n    admitMember(input: $input) {\n      careEpisode { id transition }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeersWithCapacity {\n    peers(first: 50, filter: { isActive: true, hasCapacity: true }) {\n      nodes { id name caseloadCount caseloadLimit isAlumnus }\n    }\n  }\n"): (typeof documents)["\n  query PeersWithCapacity {\n    peers(first: 50, filter: { isActive: true, hasCapacity: true }) {\n      nodes { id name caseloadCount caseloadLimit isAlumnus }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignPeer($input: AssignPeerInput!) {\n    assignPeer(input: $input) {\n      peerAssignment { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignPeer($input: AssignPeerInput!) {\n    assignPeer(input: $input) {\n      peerAssignment { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeCareLevel($input: ChangeCareLevelInput!) {\n    changeCareLevel(input: $input) {\n      careEpisode { id transition }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeCareLevel($input: ChangeCareLevelInput!) {\n    changeCareLevel(input: $input) {\n      careEpisode { id transition }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CareLevelTransition($from: String!, $to: String!) {\n    careLevelTransition(fromCareLevelCode: $from, toCareLevelCode: $to)\n  }\n"): (typeof documents)["\n  query CareLevelTransition($from: String!, $to: String!) {\n    careLevelTransition(fromCareLevelCode: $from, toCareLevelCode: $to)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JourneyRecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation JourneyRecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DischargeMember($input: DischargeMemberInput!) {\n    dischargeMember(input: $input) {\n      careEpisode { id endedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation DischargeMember($input: DischargeMemberInput!) {\n    dischargeMember(input: $input) {\n      careEpisode { id endedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenHouses {\n    houses(first: 50, filter: { hasOpenBeds: true }) {\n      nodes { id name occupancy { available } }\n    }\n  }\n"): (typeof documents)["\n  query OpenHouses {\n    houses(first: 50, filter: { hasOpenBeds: true }) {\n      nodes { id name occupancy { available } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JourneyMoveIntoHouse($input: MoveIntoHouseInput!) {\n    moveIntoHouse(input: $input) {\n      residency { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation JourneyMoveIntoHouse($input: MoveIntoHouseInput!) {\n    moveIntoHouse(input: $input) {\n      residency { id }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveOutOfHouse($input: MoveOutOfHouseInput!) {\n    moveOutOfHouse(input: $input) {\n      residency { id moveOutAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation MoveOutOfHouse($input: MoveOutOfHouseInput!) {\n    moveOutOfHouse(input: $input) {\n      residency { id moveOutAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostUpdate($input: PostUpdateInput!) {\n    postUpdate(input: $input) {\n      update { id isShareable }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation PostUpdate($input: PostUpdateInput!) {\n    postUpdate(input: $input) {\n      update { id isShareable }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberName($id: ID!) {\n    member(id: $id) { id displayName }\n  }\n"): (typeof documents)["\n  query MemberName($id: ID!) {\n    member(id: $id) { id displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberJourney($id: ID!, $clinical: Boolean!) {\n    careLevels { id code name shortName intensity }\n    member(id: $id) {\n      id\n      ...MemberSummary_member\n      ...TimelineEpisodes_member\n      ...EpisodeTable_member\n      ...JourneyActions_member\n    }\n  }\n"): (typeof documents)["\n  query MemberJourney($id: ID!, $clinical: Boolean!) {\n    careLevels { id code name shortName intensity }\n    member(id: $id) {\n      id\n      ...MemberSummary_member\n      ...TimelineEpisodes_member\n      ...EpisodeTable_member\n      ...JourneyActions_member\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberSummary_member on Member {\n    id\n    displayName\n    status\n    daysInRecovery\n    currentCareLevel { id name }\n    currentResidency { id bed house { id name } }\n    currentPeer { id name }\n  }\n"): (typeof documents)["\n  fragment MemberSummary_member on Member {\n    id\n    displayName\n    status\n    daysInRecovery\n    currentCareLevel { id name }\n    currentResidency { id bed house { id name } }\n    currentPeer { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsentFields on Consent {\n    id\n    familyContact { id name relationship }\n    partnerName\n    purpose\n    informationKinds\n    expiresAt\n    expiresOnEvent\n    signatureName\n    signedAt\n    status\n    revokedAt\n    revocationReason\n    recordedAt\n  }\n"): (typeof documents)["\n  fragment ConsentFields on Consent {\n    id\n    familyContact { id name relationship }\n    partnerName\n    purpose\n    informationKinds\n    expiresAt\n    expiresOnEvent\n    signatureName\n    signedAt\n    status\n    revokedAt\n    revocationReason\n    recordedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FamilyContactFields on FamilyContact {\n    id name relationship email hasAccount\n  }\n"): (typeof documents)["\n  fragment FamilyContactFields on FamilyContact {\n    id name relationship email hasAccount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FamilyMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      familyContacts(first: 100) { nodes { ...FamilyContactFields } }\n      consents(first: 100) { nodes { ...ConsentFields } }\n    }\n  }\n"): (typeof documents)["\n  query FamilyMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      familyContacts(first: 100) { nodes { ...FamilyContactFields } }\n      consents(first: 100) { nodes { ...ConsentFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberDisclosures($id: ID!, $first: Int!, $after: String) {\n    member(id: $id) {\n      id\n      disclosures(first: $first, after: $after) {\n        nodes { occurredAt recipientKind recipientName operationName }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberDisclosures($id: ID!, $first: Int!, $after: String) {\n    member(id: $id) {\n      id\n      disclosures(first: $first, after: $after) {\n        nodes { occurredAt recipientKind recipientName operationName }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddFamilyContact($input: AddFamilyContactInput!) {\n    addFamilyContact(input: $input) {\n      familyContact { ...FamilyContactFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation AddFamilyContact($input: AddFamilyContactInput!) {\n    addFamilyContact(input: $input) {\n      familyContact { ...FamilyContactFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteFamilyContact($input: InviteFamilyContactInput!) {\n    inviteFamilyContact(input: $input) {\n      familyContact { id }\n      invitationUrl\n      invitationToken\n      expiresAt\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteFamilyContact($input: InviteFamilyContactInput!) {\n    inviteFamilyContact(input: $input) {\n      familyContact { id }\n      invitationUrl\n      invitationToken\n      expiresAt\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantConsent($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation GrantConsent($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanCommitmentFields on AftercareCommitment {\n    id kind description targetPerWeek\n    group { id name }\n    house { id name }\n    peer { id name }\n  }\n"): (typeof documents)["\n  fragment PlanCommitmentFields on AftercareCommitment {\n    id kind description targetPerWeek\n    group { id name }\n    house { id name }\n    peer { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanGoalFields on AftercareGoal {\n    id category description targetOn status\n  }\n"): (typeof documents)["\n  fragment PlanGoalFields on AftercareGoal {\n    id category description targetOn status\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      aftercarePlans(first: 100) { nodes { id status startsOn reviewOn isReviewDue createdAt activatedAt closedAt } }\n    }\n  }\n"): (typeof documents)["\n  query PlanMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      aftercarePlans(first: 100) { nodes { id status startsOn reviewOn isReviewDue createdAt activatedAt closedAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanDetail($id: ID!) {\n    aftercarePlan(id: $id) {\n      id\n      status\n      goals(first: 100) { nodes { ...PlanGoalFields } }\n      commitments(first: 100) { nodes { ...PlanCommitmentFields } }\n      adherence(weeks: 8) {\n        commitment { id }\n        weeks { weekStartsOn attended target isMet }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlanDetail($id: ID!) {\n    aftercarePlan(id: $id) {\n      id\n      status\n      goals(first: 100) { nodes { ...PlanGoalFields } }\n      commitments(first: 100) { nodes { ...PlanCommitmentFields } }\n      adherence(weeks: 8) {\n        commitment { id }\n        weeks { weekStartsOn attended target isMet }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanCheckIns($id: ID!, $first: Int!, $after: String) {\n    aftercarePlan(id: $id) {\n      id\n      checkIns(first: $first, after: $after) {\n        nodes { id occurredOn isAbstinent craving copingSkills note }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlanCheckIns($id: ID!, $first: Int!, $after: String) {\n    aftercarePlan(id: $id) {\n      id\n      checkIns(first: $first, after: $after) {\n        nodes { id occurredOn isAbstinent craving copingSkills note }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecoveryCapital($id: ID!) {\n    member(id: $id) {\n      id\n      recoveryCapital(first: 100) { nodes { id total isSustainedRemissionLikely assessedAt } }\n    }\n  }\n"): (typeof documents)["\n  query RecoveryCapital($id: ID!) {\n    member(id: $id) {\n      id\n      recoveryCapital(first: 100) { nodes { id total isSustainedRemissionLikely assessedAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupPicker {\n    groups(first: 100) { nodes { id name } }\n  }\n"): (typeof documents)["\n  query GroupPicker {\n    groups(first: 100) { nodes { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HousePicker {\n    houses(first: 100) { nodes { id name } }\n  }\n"): (typeof documents)["\n  query HousePicker {\n    houses(first: 100) { nodes { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeerPicker {\n    peers(first: 100, filter: { isActive: true }) { nodes { id name } }\n  }\n"): (typeof documents)["\n  query PeerPicker {\n    peers(first: 100, filter: { isActive: true }) { nodes { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAftercarePlan($input: CreateAftercarePlanInput!) {\n    createAftercarePlan(input: $input) {\n      aftercarePlan { id status }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAftercarePlan($input: CreateAftercarePlanInput!) {\n    createAftercarePlan(input: $input) {\n      aftercarePlan { id status }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateAftercarePlan($input: ActivateAftercarePlanInput!) {\n    activateAftercarePlan(input: $input) {\n      aftercarePlan { id status activatedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateAftercarePlan($input: ActivateAftercarePlanInput!) {\n    activateAftercarePlan(input: $input) {\n      aftercarePlan { id status activatedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteAftercarePlan($input: CompleteAftercarePlanInput!) {\n    completeAftercarePlan(input: $input) {\n      aftercarePlan { id status closedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteAftercarePlan($input: CompleteAftercarePlanInput!) {\n    completeAftercarePlan(input: $input) {\n      aftercarePlan { id status closedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAftercareGoal($input: AddAftercareGoalInput!) {\n    addAftercareGoal(input: $input) {\n      aftercareGoal { ...PlanGoalFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation AddAftercareGoal($input: AddAftercareGoalInput!) {\n    addAftercareGoal(input: $input) {\n      aftercareGoal { ...PlanGoalFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAftercareGoal($input: UpdateAftercareGoalInput!) {\n    updateAftercareGoal(input: $input) {\n      aftercareGoal { ...PlanGoalFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAftercareGoal($input: UpdateAftercareGoalInput!) {\n    updateAftercareGoal(input: $input) {\n      aftercareGoal { ...PlanGoalFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAftercareCommitment($input: AddAftercareCommitmentInput!) {\n    addAftercareCommitment(input: $input) {\n      aftercareCommitment { ...PlanCommitmentFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation AddAftercareCommitment($input: AddAftercareCommitmentInput!) {\n    addAftercareCommitment(input: $input) {\n      aftercareCommitment { ...PlanCommitmentFields }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveAftercareCommitment($input: RemoveAftercareCommitmentInput!) {\n    removeAftercareCommitment(input: $input) {\n      aftercareCommitment { id removedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveAftercareCommitment($input: RemoveAftercareCommitmentInput!) {\n    removeAftercareCommitment(input: $input) {\n      aftercareCommitment { id removedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanRecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id occurredOn isAbstinent craving }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation PlanRecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id occurredOn isAbstinent craving }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordRecoveryCapital($input: RecordRecoveryCapitalInput!) {\n    recordRecoveryCapital(input: $input) {\n      recoveryCapitalAssessment { id total isSustainedRemissionLikely assessedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordRecoveryCapital($input: RecordRecoveryCapitalInput!) {\n    recordRecoveryCapital(input: $input) {\n      recoveryCapitalAssessment { id total isSustainedRemissionLikely assessedAt }\n      userErrors { ...UserErrorFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembersList($first: Int, $after: String, $last: Int, $before: String, $filter: MemberFilter) {\n    members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      nodes {\n        id\n        displayName\n        status\n        daysInRecovery\n        currentCareLevel { id name }\n        currentResidency { id bed house { id name } }\n        currentPeer { id name }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MembersList($first: Int, $after: String, $last: Int, $before: String, $filter: MemberFilter) {\n    members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      nodes {\n        id\n        displayName\n        status\n        daysInRecovery\n        currentCareLevel { id name }\n        currentResidency { id bed house { id name } }\n        currentPeer { id name }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberFilterLevels {\n    careLevels { id code name }\n    houses(first: 100) { nodes { id name } }\n  }\n"): (typeof documents)["\n  query MemberFilterLevels {\n    careLevels { id code name }\n    houses(first: 100) { nodes { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeersList($after: String) {\n    peers(first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id name isAlumnus isActive languages caseloadCount caseloadLimit hasCapacity\n        certification { kind expiresOn isExpired }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PeersList($after: String) {\n    peers(first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id name isAlumnus isActive languages caseloadCount caseloadLimit hasCapacity\n        certification { kind expiresOn isExpired }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Peer($id: ID!) {\n    peer(id: $id) {\n      id name bio isAlumnus isActive daysInRecovery languages specialties caseloadCount caseloadLimit hasCapacity\n      certification { kind number expiresOn isExpired }\n      caseload(first: 50) {\n        totalCount\n        nodes { id startedAt focus member { id displayName currentCareLevel { id name } } }\n      }\n      facilitatedGroups(first: 100) { totalCount nodes { id name } }\n    }\n  }\n"): (typeof documents)["\n  query Peer($id: ID!) {\n    peer(id: $id) {\n      id name bio isAlumnus isActive daysInRecovery languages specialties caseloadCount caseloadLimit hasCapacity\n      certification { kind number expiresOn isExpired }\n      caseload(first: 50) {\n        totalCount\n        nodes { id startedAt focus member { id displayName currentCareLevel { id name } } }\n      }\n      facilitatedGroups(first: 100) { totalCount nodes { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TodayCensus {\n    members(first: 0, filter: { statuses: [ACTIVE] }) { totalCount }\n    careLevels { id code name shortName membersInCareCount }\n  }\n"): (typeof documents)["\n  query TodayCensus {\n    members(first: 0, filter: { statuses: [ACTIVE] }) { totalCount }\n    careLevels { id code name shortName membersInCareCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TodayOccupancy {\n    houses(first: 20) {\n      totalCount\n      nodes { id name occupancy { capacity occupied available } }\n    }\n  }\n"): (typeof documents)["\n  query TodayOccupancy {\n    houses(first: 20) {\n      totalCount\n      nodes { id name occupancy { capacity occupied available } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TodayMeetings($from: DateTime!, $to: DateTime!) {\n    meetings(first: 50, filter: { startsWithin: { startAt: $from, endAt: $to } }) {\n      totalCount\n      pageInfo { hasNextPage }\n      nodes { id startsAt topic group { id name } }\n    }\n  }\n"): (typeof documents)["\n  query TodayMeetings($from: DateTime!, $to: DateTime!) {\n    meetings(first: 50, filter: { startsWithin: { startAt: $from, endAt: $to } }) {\n      totalCount\n      pageInfo { hasNextPage }\n      nodes { id startsAt topic group { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TodayPlansDue {\n    aftercarePlansDueForReview(first: 20) { nodes { id reviewOn member { id displayName } } }\n  }\n"): (typeof documents)["\n  query TodayPlansDue {\n    aftercarePlansDueForReview(first: 20) { nodes { id reviewOn member { id displayName } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TodayMilestones($withinDays: Int!) {\n    upcomingMilestones(first: 20, filter: { withinDays: $withinDays, statuses: [ACTIVE] }) {\n      totalCount\n      nodes {\n        member { id displayName }\n        milestone { key label reachedOn }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TodayMilestones($withinDays: Int!) {\n    upcomingMilestones(first: 20, filter: { withinDays: $withinDays, statuses: [ACTIVE] }) {\n      totalCount\n      nodes {\n        member { id displayName }\n        milestone { key label reachedOn }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TodayStepUps {\n    recentCareLevelChanges(first: 20, filter: { withinDays: 14, directions: [STEP_UP] }) {\n      totalCount\n      nodes {\n        changedAt\n        member { id displayName }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TodayStepUps {\n    recentCareLevelChanges(first: 20, filter: { withinDays: 14, directions: [STEP_UP] }) {\n      totalCount\n      nodes {\n        changedAt\n        member { id displayName }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserErrorFields on UserError { field message code }\n"): (typeof documents)["\n  fragment UserErrorFields on UserError { field message code }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;