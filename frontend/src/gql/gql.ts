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
    "\n  query Viewer {\n    viewer {\n      user { id name email role }\n      sessionExpiresAt\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer { user { id name role } }\n      userErrors { field message code }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut { userErrors { message } }\n  }\n": typeof types.SignOutDocument,
    "\n  query MemberName($id: ID!) {\n    member(id: $id) { id displayName }\n  }\n": typeof types.MemberNameDocument,
    "\n  fragment FamilyContactFields on FamilyContact {\n    id name relationship email hasAccount\n  }\n": typeof types.FamilyContactFieldsFragmentDoc,
    "\n  fragment ConsentFields on Consent {\n    id\n    familyContact { id name relationship }\n    partnerName\n    purpose\n    informationKinds\n    expiresAt\n    expiresOnEvent\n    signatureName\n    signedAt\n    status\n    revokedAt\n    revocationReason\n    recordedAt\n  }\n": typeof types.ConsentFieldsFragmentDoc,
    "\n  query FamilyMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      familyContacts { ...FamilyContactFields }\n      consents { ...ConsentFields }\n    }\n  }\n": typeof types.FamilyMemberDocument,
    "\n  query MemberDisclosures($id: ID!, $first: Int!, $after: String) {\n    member(id: $id) {\n      id\n      disclosures(first: $first, after: $after) {\n        nodes { occurredAt recipientKind recipientName operationName }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n": typeof types.MemberDisclosuresDocument,
    "\n  mutation AddFamilyContact($input: AddFamilyContactInput!) {\n    addFamilyContact(input: $input) {\n      familyContact { ...FamilyContactFields }\n      userErrors { field message code }\n    }\n  }\n": typeof types.AddFamilyContactDocument,
    "\n  mutation InviteFamilyContact($input: InviteFamilyContactInput!) {\n    inviteFamilyContact(input: $input) {\n      familyContact { id }\n      invitationUrl\n      invitationToken\n      expiresAt\n      userErrors { field message code }\n    }\n  }\n": typeof types.InviteFamilyContactDocument,
    "\n  mutation GrantConsent($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { field message code }\n    }\n  }\n": typeof types.GrantConsentDocument,
    "\n  mutation RevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { field message code }\n    }\n  }\n": typeof types.RevokeConsentDocument,
    "\n  query PlanMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      aftercarePlans { id status startsOn reviewOn reviewDue createdAt activatedAt closedAt }\n    }\n  }\n": typeof types.PlanMemberDocument,
    "\n  fragment PlanGoalFields on AftercareGoal {\n    id category description targetDate status\n  }\n": typeof types.PlanGoalFieldsFragmentDoc,
    "\n  fragment PlanCommitmentFields on AftercareCommitment {\n    id kind description targetPerWeek\n    group { id name }\n    house { id name }\n    peer { id name }\n  }\n": typeof types.PlanCommitmentFieldsFragmentDoc,
    "\n  query PlanDetail($id: ID!) {\n    aftercarePlan(id: $id) {\n      id\n      status\n      goals { ...PlanGoalFields }\n      commitments { ...PlanCommitmentFields }\n      adherence(weeks: 8) {\n        commitment { id }\n        weeks { weekStart attended target met }\n      }\n    }\n  }\n": typeof types.PlanDetailDocument,
    "\n  query PlanCheckIns($id: ID!, $first: Int!, $after: String) {\n    aftercarePlan(id: $id) {\n      id\n      checkIns(first: $first, after: $after) {\n        nodes { id occurredOn abstinent craving copingSkills note }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n": typeof types.PlanCheckInsDocument,
    "\n  query RecoveryCapital($id: ID!) {\n    member(id: $id) {\n      id\n      recoveryCapital { id total sustainedRemissionLikely assessedAt }\n    }\n  }\n": typeof types.RecoveryCapitalDocument,
    "\n  query GroupPicker {\n    groups(first: 100) { nodes { id name } }\n  }\n": typeof types.GroupPickerDocument,
    "\n  query HousePicker {\n    houses(first: 100) { nodes { id name } }\n  }\n": typeof types.HousePickerDocument,
    "\n  query PeerPicker {\n    peers(first: 100, filter: { active: true }) { nodes { id name } }\n  }\n": typeof types.PeerPickerDocument,
    "\n  mutation CreateAftercarePlan($input: CreateAftercarePlanInput!) {\n    createAftercarePlan(input: $input) {\n      plan { id status }\n      userErrors { field message code }\n    }\n  }\n": typeof types.CreateAftercarePlanDocument,
    "\n  mutation ActivateAftercarePlan($input: AftercarePlanStatusInput!) {\n    activateAftercarePlan(input: $input) {\n      plan { id status activatedAt }\n      userErrors { field message code }\n    }\n  }\n": typeof types.ActivateAftercarePlanDocument,
    "\n  mutation CompleteAftercarePlan($input: AftercarePlanStatusInput!) {\n    completeAftercarePlan(input: $input) {\n      plan { id status closedAt }\n      userErrors { field message code }\n    }\n  }\n": typeof types.CompleteAftercarePlanDocument,
    "\n  mutation AddAftercareGoal($input: AddAftercareGoalInput!) {\n    addAftercareGoal(input: $input) {\n      goal { ...PlanGoalFields }\n      userErrors { field message code }\n    }\n  }\n": typeof types.AddAftercareGoalDocument,
    "\n  mutation UpdateAftercareGoal($input: UpdateAftercareGoalInput!) {\n    updateAftercareGoal(input: $input) {\n      goal { ...PlanGoalFields }\n      userErrors { field message code }\n    }\n  }\n": typeof types.UpdateAftercareGoalDocument,
    "\n  mutation AddAftercareCommitment($input: AddAftercareCommitmentInput!) {\n    addAftercareCommitment(input: $input) {\n      commitment { ...PlanCommitmentFields }\n      userErrors { field message code }\n    }\n  }\n": typeof types.AddAftercareCommitmentDocument,
    "\n  mutation RemoveAftercareCommitment($input: RemoveAftercareCommitmentInput!) {\n    removeAftercareCommitment(input: $input) {\n      commitment { id removedAt }\n      userErrors { field message code }\n    }\n  }\n": typeof types.RemoveAftercareCommitmentDocument,
    "\n  mutation RecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id occurredOn abstinent craving }\n      userErrors { field message code }\n    }\n  }\n": typeof types.RecordCheckInDocument,
    "\n  mutation RecordRecoveryCapital($input: RecordRecoveryCapitalInput!) {\n    recordRecoveryCapital(input: $input) {\n      assessment { id total sustainedRemissionLikely assessedAt }\n      userErrors { field message code }\n    }\n  }\n": typeof types.RecordRecoveryCapitalDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      user { id name email role }\n      sessionExpiresAt\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer { user { id name role } }\n      userErrors { field message code }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut { userErrors { message } }\n  }\n": types.SignOutDocument,
    "\n  query MemberName($id: ID!) {\n    member(id: $id) { id displayName }\n  }\n": types.MemberNameDocument,
    "\n  fragment FamilyContactFields on FamilyContact {\n    id name relationship email hasAccount\n  }\n": types.FamilyContactFieldsFragmentDoc,
    "\n  fragment ConsentFields on Consent {\n    id\n    familyContact { id name relationship }\n    partnerName\n    purpose\n    informationKinds\n    expiresAt\n    expiresOnEvent\n    signatureName\n    signedAt\n    status\n    revokedAt\n    revocationReason\n    recordedAt\n  }\n": types.ConsentFieldsFragmentDoc,
    "\n  query FamilyMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      familyContacts { ...FamilyContactFields }\n      consents { ...ConsentFields }\n    }\n  }\n": types.FamilyMemberDocument,
    "\n  query MemberDisclosures($id: ID!, $first: Int!, $after: String) {\n    member(id: $id) {\n      id\n      disclosures(first: $first, after: $after) {\n        nodes { occurredAt recipientKind recipientName operationName }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n": types.MemberDisclosuresDocument,
    "\n  mutation AddFamilyContact($input: AddFamilyContactInput!) {\n    addFamilyContact(input: $input) {\n      familyContact { ...FamilyContactFields }\n      userErrors { field message code }\n    }\n  }\n": types.AddFamilyContactDocument,
    "\n  mutation InviteFamilyContact($input: InviteFamilyContactInput!) {\n    inviteFamilyContact(input: $input) {\n      familyContact { id }\n      invitationUrl\n      invitationToken\n      expiresAt\n      userErrors { field message code }\n    }\n  }\n": types.InviteFamilyContactDocument,
    "\n  mutation GrantConsent($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { field message code }\n    }\n  }\n": types.GrantConsentDocument,
    "\n  mutation RevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { field message code }\n    }\n  }\n": types.RevokeConsentDocument,
    "\n  query PlanMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      aftercarePlans { id status startsOn reviewOn reviewDue createdAt activatedAt closedAt }\n    }\n  }\n": types.PlanMemberDocument,
    "\n  fragment PlanGoalFields on AftercareGoal {\n    id category description targetDate status\n  }\n": types.PlanGoalFieldsFragmentDoc,
    "\n  fragment PlanCommitmentFields on AftercareCommitment {\n    id kind description targetPerWeek\n    group { id name }\n    house { id name }\n    peer { id name }\n  }\n": types.PlanCommitmentFieldsFragmentDoc,
    "\n  query PlanDetail($id: ID!) {\n    aftercarePlan(id: $id) {\n      id\n      status\n      goals { ...PlanGoalFields }\n      commitments { ...PlanCommitmentFields }\n      adherence(weeks: 8) {\n        commitment { id }\n        weeks { weekStart attended target met }\n      }\n    }\n  }\n": types.PlanDetailDocument,
    "\n  query PlanCheckIns($id: ID!, $first: Int!, $after: String) {\n    aftercarePlan(id: $id) {\n      id\n      checkIns(first: $first, after: $after) {\n        nodes { id occurredOn abstinent craving copingSkills note }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n": types.PlanCheckInsDocument,
    "\n  query RecoveryCapital($id: ID!) {\n    member(id: $id) {\n      id\n      recoveryCapital { id total sustainedRemissionLikely assessedAt }\n    }\n  }\n": types.RecoveryCapitalDocument,
    "\n  query GroupPicker {\n    groups(first: 100) { nodes { id name } }\n  }\n": types.GroupPickerDocument,
    "\n  query HousePicker {\n    houses(first: 100) { nodes { id name } }\n  }\n": types.HousePickerDocument,
    "\n  query PeerPicker {\n    peers(first: 100, filter: { active: true }) { nodes { id name } }\n  }\n": types.PeerPickerDocument,
    "\n  mutation CreateAftercarePlan($input: CreateAftercarePlanInput!) {\n    createAftercarePlan(input: $input) {\n      plan { id status }\n      userErrors { field message code }\n    }\n  }\n": types.CreateAftercarePlanDocument,
    "\n  mutation ActivateAftercarePlan($input: AftercarePlanStatusInput!) {\n    activateAftercarePlan(input: $input) {\n      plan { id status activatedAt }\n      userErrors { field message code }\n    }\n  }\n": types.ActivateAftercarePlanDocument,
    "\n  mutation CompleteAftercarePlan($input: AftercarePlanStatusInput!) {\n    completeAftercarePlan(input: $input) {\n      plan { id status closedAt }\n      userErrors { field message code }\n    }\n  }\n": types.CompleteAftercarePlanDocument,
    "\n  mutation AddAftercareGoal($input: AddAftercareGoalInput!) {\n    addAftercareGoal(input: $input) {\n      goal { ...PlanGoalFields }\n      userErrors { field message code }\n    }\n  }\n": types.AddAftercareGoalDocument,
    "\n  mutation UpdateAftercareGoal($input: UpdateAftercareGoalInput!) {\n    updateAftercareGoal(input: $input) {\n      goal { ...PlanGoalFields }\n      userErrors { field message code }\n    }\n  }\n": types.UpdateAftercareGoalDocument,
    "\n  mutation AddAftercareCommitment($input: AddAftercareCommitmentInput!) {\n    addAftercareCommitment(input: $input) {\n      commitment { ...PlanCommitmentFields }\n      userErrors { field message code }\n    }\n  }\n": types.AddAftercareCommitmentDocument,
    "\n  mutation RemoveAftercareCommitment($input: RemoveAftercareCommitmentInput!) {\n    removeAftercareCommitment(input: $input) {\n      commitment { id removedAt }\n      userErrors { field message code }\n    }\n  }\n": types.RemoveAftercareCommitmentDocument,
    "\n  mutation RecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id occurredOn abstinent craving }\n      userErrors { field message code }\n    }\n  }\n": types.RecordCheckInDocument,
    "\n  mutation RecordRecoveryCapital($input: RecordRecoveryCapitalInput!) {\n    recordRecoveryCapital(input: $input) {\n      assessment { id total sustainedRemissionLikely assessedAt }\n      userErrors { field message code }\n    }\n  }\n": types.RecordRecoveryCapitalDocument,
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
export function graphql(source: "\n  query Viewer {\n    viewer {\n      user { id name email role }\n      sessionExpiresAt\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      user { id name email role }\n      sessionExpiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer { user { id name role } }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer { user { id name role } }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut { userErrors { message } }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut { userErrors { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberName($id: ID!) {\n    member(id: $id) { id displayName }\n  }\n"): (typeof documents)["\n  query MemberName($id: ID!) {\n    member(id: $id) { id displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FamilyContactFields on FamilyContact {\n    id name relationship email hasAccount\n  }\n"): (typeof documents)["\n  fragment FamilyContactFields on FamilyContact {\n    id name relationship email hasAccount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsentFields on Consent {\n    id\n    familyContact { id name relationship }\n    partnerName\n    purpose\n    informationKinds\n    expiresAt\n    expiresOnEvent\n    signatureName\n    signedAt\n    status\n    revokedAt\n    revocationReason\n    recordedAt\n  }\n"): (typeof documents)["\n  fragment ConsentFields on Consent {\n    id\n    familyContact { id name relationship }\n    partnerName\n    purpose\n    informationKinds\n    expiresAt\n    expiresOnEvent\n    signatureName\n    signedAt\n    status\n    revokedAt\n    revocationReason\n    recordedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FamilyMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      familyContacts { ...FamilyContactFields }\n      consents { ...ConsentFields }\n    }\n  }\n"): (typeof documents)["\n  query FamilyMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      familyContacts { ...FamilyContactFields }\n      consents { ...ConsentFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberDisclosures($id: ID!, $first: Int!, $after: String) {\n    member(id: $id) {\n      id\n      disclosures(first: $first, after: $after) {\n        nodes { occurredAt recipientKind recipientName operationName }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberDisclosures($id: ID!, $first: Int!, $after: String) {\n    member(id: $id) {\n      id\n      disclosures(first: $first, after: $after) {\n        nodes { occurredAt recipientKind recipientName operationName }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddFamilyContact($input: AddFamilyContactInput!) {\n    addFamilyContact(input: $input) {\n      familyContact { ...FamilyContactFields }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation AddFamilyContact($input: AddFamilyContactInput!) {\n    addFamilyContact(input: $input) {\n      familyContact { ...FamilyContactFields }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteFamilyContact($input: InviteFamilyContactInput!) {\n    inviteFamilyContact(input: $input) {\n      familyContact { id }\n      invitationUrl\n      invitationToken\n      expiresAt\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteFamilyContact($input: InviteFamilyContactInput!) {\n    inviteFamilyContact(input: $input) {\n      familyContact { id }\n      invitationUrl\n      invitationToken\n      expiresAt\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantConsent($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation GrantConsent($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent { ...ConsentFields }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      aftercarePlans { id status startsOn reviewOn reviewDue createdAt activatedAt closedAt }\n    }\n  }\n"): (typeof documents)["\n  query PlanMember($id: ID!) {\n    member(id: $id) {\n      id\n      displayName\n      aftercarePlans { id status startsOn reviewOn reviewDue createdAt activatedAt closedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanGoalFields on AftercareGoal {\n    id category description targetDate status\n  }\n"): (typeof documents)["\n  fragment PlanGoalFields on AftercareGoal {\n    id category description targetDate status\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanCommitmentFields on AftercareCommitment {\n    id kind description targetPerWeek\n    group { id name }\n    house { id name }\n    peer { id name }\n  }\n"): (typeof documents)["\n  fragment PlanCommitmentFields on AftercareCommitment {\n    id kind description targetPerWeek\n    group { id name }\n    house { id name }\n    peer { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanDetail($id: ID!) {\n    aftercarePlan(id: $id) {\n      id\n      status\n      goals { ...PlanGoalFields }\n      commitments { ...PlanCommitmentFields }\n      adherence(weeks: 8) {\n        commitment { id }\n        weeks { weekStart attended target met }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlanDetail($id: ID!) {\n    aftercarePlan(id: $id) {\n      id\n      status\n      goals { ...PlanGoalFields }\n      commitments { ...PlanCommitmentFields }\n      adherence(weeks: 8) {\n        commitment { id }\n        weeks { weekStart attended target met }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanCheckIns($id: ID!, $first: Int!, $after: String) {\n    aftercarePlan(id: $id) {\n      id\n      checkIns(first: $first, after: $after) {\n        nodes { id occurredOn abstinent craving copingSkills note }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlanCheckIns($id: ID!, $first: Int!, $after: String) {\n    aftercarePlan(id: $id) {\n      id\n      checkIns(first: $first, after: $after) {\n        nodes { id occurredOn abstinent craving copingSkills note }\n        pageInfo { hasNextPage endCursor }\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecoveryCapital($id: ID!) {\n    member(id: $id) {\n      id\n      recoveryCapital { id total sustainedRemissionLikely assessedAt }\n    }\n  }\n"): (typeof documents)["\n  query RecoveryCapital($id: ID!) {\n    member(id: $id) {\n      id\n      recoveryCapital { id total sustainedRemissionLikely assessedAt }\n    }\n  }\n"];
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
export function graphql(source: "\n  query PeerPicker {\n    peers(first: 100, filter: { active: true }) { nodes { id name } }\n  }\n"): (typeof documents)["\n  query PeerPicker {\n    peers(first: 100, filter: { active: true }) { nodes { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAftercarePlan($input: CreateAftercarePlanInput!) {\n    createAftercarePlan(input: $input) {\n      plan { id status }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAftercarePlan($input: CreateAftercarePlanInput!) {\n    createAftercarePlan(input: $input) {\n      plan { id status }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateAftercarePlan($input: AftercarePlanStatusInput!) {\n    activateAftercarePlan(input: $input) {\n      plan { id status activatedAt }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateAftercarePlan($input: AftercarePlanStatusInput!) {\n    activateAftercarePlan(input: $input) {\n      plan { id status activatedAt }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteAftercarePlan($input: AftercarePlanStatusInput!) {\n    completeAftercarePlan(input: $input) {\n      plan { id status closedAt }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteAftercarePlan($input: AftercarePlanStatusInput!) {\n    completeAftercarePlan(input: $input) {\n      plan { id status closedAt }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAftercareGoal($input: AddAftercareGoalInput!) {\n    addAftercareGoal(input: $input) {\n      goal { ...PlanGoalFields }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation AddAftercareGoal($input: AddAftercareGoalInput!) {\n    addAftercareGoal(input: $input) {\n      goal { ...PlanGoalFields }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAftercareGoal($input: UpdateAftercareGoalInput!) {\n    updateAftercareGoal(input: $input) {\n      goal { ...PlanGoalFields }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAftercareGoal($input: UpdateAftercareGoalInput!) {\n    updateAftercareGoal(input: $input) {\n      goal { ...PlanGoalFields }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAftercareCommitment($input: AddAftercareCommitmentInput!) {\n    addAftercareCommitment(input: $input) {\n      commitment { ...PlanCommitmentFields }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation AddAftercareCommitment($input: AddAftercareCommitmentInput!) {\n    addAftercareCommitment(input: $input) {\n      commitment { ...PlanCommitmentFields }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveAftercareCommitment($input: RemoveAftercareCommitmentInput!) {\n    removeAftercareCommitment(input: $input) {\n      commitment { id removedAt }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveAftercareCommitment($input: RemoveAftercareCommitmentInput!) {\n    removeAftercareCommitment(input: $input) {\n      commitment { id removedAt }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id occurredOn abstinent craving }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id occurredOn abstinent craving }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordRecoveryCapital($input: RecordRecoveryCapitalInput!) {\n    recordRecoveryCapital(input: $input) {\n      assessment { id total sustainedRemissionLikely assessedAt }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordRecoveryCapital($input: RecordRecoveryCapitalInput!) {\n    recordRecoveryCapital(input: $input) {\n      assessment { id total sustainedRemissionLikely assessedAt }\n      userErrors { field message code }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;