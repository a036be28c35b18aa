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
    "\n  fragment EpisodeTable_member on Member {\n    careEpisodes {\n      id\n      careLevel { id code name }\n      startedAt\n      endedAt\n      transition\n      reason @include(if: $clinical)\n      dischargeReason @include(if: $clinical)\n    }\n  }\n": typeof types.EpisodeTable_MemberFragmentDoc,
    "\n  fragment JourneyActions_member on Member {\n    id\n    status\n    currentCareLevel { id code }\n    currentResidency { id house { id name } }\n    currentPeer { id }\n    activeAftercarePlan @include(if: $clinical) { id }\n  }\n": typeof types.JourneyActions_MemberFragmentDoc,
    "\n  fragment TimelineEpisodes_member on Member {\n    id\n    careEpisodes {\n      id\n      careLevel { id code }\n      startedAt\n      endedAt\n      transition\n      reason @include(if: $clinical)\n      dischargeReason @include(if: $clinical)\n    }\n    residencies {\n      id\n      house { id name }\n      moveInAt\n      moveOutAt\n    }\n    milestones {\n      reached { key label date }\n    }\n    updates(first: 30, kinds: [NOTE]) {\n      nodes { id kind body occurredAt }\n    }\n  }\n": typeof types.TimelineEpisodes_MemberFragmentDoc,
    "\n  query TimelineAttendance($id: ID!, $from: DateTime!) {\n    member(id: $id) {\n      id\n      attendanceSummary(from: $from) {\n        weeks { weekStart attended }\n      }\n    }\n  }\n": typeof types.TimelineAttendanceDocument,
    "\n  mutation AdmitMember($input: AdmitMemberInput!) {\n    admitMember(input: $input) {\n      episode { id transition }\n      userErrors { field message code }\n    }\n  }\n": typeof types.AdmitMemberDocument,
    "\n  query PeersWithCapacity {\n    peers(first: 50, filter: { active: true, hasCapacity: true }) {\n      nodes { id name caseloadCount caseloadLimit isAlumnus }\n    }\n  }\n": typeof types.PeersWithCapacityDocument,
    "\n  mutation AssignPeer($input: AssignPeerInput!) {\n    assignPeer(input: $input) {\n      assignment { id }\n      userErrors { field message code }\n    }\n  }\n": typeof types.AssignPeerDocument,
    "\n  mutation ChangeCareLevel($input: ChangeCareLevelInput!) {\n    changeCareLevel(input: $input) {\n      episode { id transition }\n      userErrors { field message code }\n    }\n  }\n": typeof types.ChangeCareLevelDocument,
    "\n  mutation RecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id }\n      userErrors { field message code }\n    }\n  }\n": typeof types.RecordCheckInDocument,
    "\n  mutation DischargeMember($input: DischargeMemberInput!) {\n    dischargeMember(input: $input) {\n      episode { id endedAt }\n      userErrors { field message code }\n    }\n  }\n": typeof types.DischargeMemberDocument,
    "\n  query OpenHouses {\n    houses(first: 50, filter: { hasOpenBeds: true }) {\n      nodes { id name occupancy { available } }\n    }\n  }\n": typeof types.OpenHousesDocument,
    "\n  mutation MoveIntoHouse($input: MoveIntoHouseInput!) {\n    moveIntoHouse(input: $input) {\n      residency { id }\n      userErrors { field message code }\n    }\n  }\n": typeof types.MoveIntoHouseDocument,
    "\n  mutation MoveOutOfHouse($input: MoveOutOfHouseInput!) {\n    moveOutOfHouse(input: $input) {\n      residency { id moveOutAt }\n      userErrors { field message code }\n    }\n  }\n": typeof types.MoveOutOfHouseDocument,
    "\n  mutation PostUpdate($input: PostUpdateInput!) {\n    postUpdate(input: $input) {\n      update { id shareable }\n      userErrors { field message code }\n    }\n  }\n": typeof types.PostUpdateDocument,
    "\n  fragment MemberHeader_member on Member {\n    id\n    displayName\n    status\n    daysInRecovery\n    currentCareLevel { id name }\n    currentResidency { id bed house { id name } }\n    currentPeer { id name }\n  }\n": typeof types.MemberHeader_MemberFragmentDoc,
    "\n  query MemberJourney($id: ID!, $clinical: Boolean!) {\n    careLevels { id code name shortName intensity }\n    member(id: $id) {\n      id\n      ...MemberHeader_member\n      ...TimelineEpisodes_member\n      ...EpisodeTable_member\n      ...JourneyActions_member\n    }\n  }\n": typeof types.MemberJourneyDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      user { id name email role }\n      sessionExpiresAt\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer { user { id name role } }\n      userErrors { field message code }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut { userErrors { message } }\n  }\n": types.SignOutDocument,
    "\n  fragment EpisodeTable_member on Member {\n    careEpisodes {\n      id\n      careLevel { id code name }\n      startedAt\n      endedAt\n      transition\n      reason @include(if: $clinical)\n      dischargeReason @include(if: $clinical)\n    }\n  }\n": types.EpisodeTable_MemberFragmentDoc,
    "\n  fragment JourneyActions_member on Member {\n    id\n    status\n    currentCareLevel { id code }\n    currentResidency { id house { id name } }\n    currentPeer { id }\n    activeAftercarePlan @include(if: $clinical) { id }\n  }\n": types.JourneyActions_MemberFragmentDoc,
    "\n  fragment TimelineEpisodes_member on Member {\n    id\n    careEpisodes {\n      id\n      careLevel { id code }\n      startedAt\n      endedAt\n      transition\n      reason @include(if: $clinical)\n      dischargeReason @include(if: $clinical)\n    }\n    residencies {\n      id\n      house { id name }\n      moveInAt\n      moveOutAt\n    }\n    milestones {\n      reached { key label date }\n    }\n    updates(first: 30, kinds: [NOTE]) {\n      nodes { id kind body occurredAt }\n    }\n  }\n": types.TimelineEpisodes_MemberFragmentDoc,
    "\n  query TimelineAttendance($id: ID!, $from: DateTime!) {\n    member(id: $id) {\n      id\n      attendanceSummary(from: $from) {\n        weeks { weekStart attended }\n      }\n    }\n  }\n": types.TimelineAttendanceDocument,
    "\n  mutation AdmitMember($input: AdmitMemberInput!) {\n    admitMember(input: $input) {\n      episode { id transition }\n      userErrors { field message code }\n    }\n  }\n": types.AdmitMemberDocument,
    "\n  query PeersWithCapacity {\n    peers(first: 50, filter: { active: true, hasCapacity: true }) {\n      nodes { id name caseloadCount caseloadLimit isAlumnus }\n    }\n  }\n": types.PeersWithCapacityDocument,
    "\n  mutation AssignPeer($input: AssignPeerInput!) {\n    assignPeer(input: $input) {\n      assignment { id }\n      userErrors { field message code }\n    }\n  }\n": types.AssignPeerDocument,
    "\n  mutation ChangeCareLevel($input: ChangeCareLevelInput!) {\n    changeCareLevel(input: $input) {\n      episode { id transition }\n      userErrors { field message code }\n    }\n  }\n": types.ChangeCareLevelDocument,
    "\n  mutation RecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id }\n      userErrors { field message code }\n    }\n  }\n": types.RecordCheckInDocument,
    "\n  mutation DischargeMember($input: DischargeMemberInput!) {\n    dischargeMember(input: $input) {\n      episode { id endedAt }\n      userErrors { field message code }\n    }\n  }\n": types.DischargeMemberDocument,
    "\n  query OpenHouses {\n    houses(first: 50, filter: { hasOpenBeds: true }) {\n      nodes { id name occupancy { available } }\n    }\n  }\n": types.OpenHousesDocument,
    "\n  mutation MoveIntoHouse($input: MoveIntoHouseInput!) {\n    moveIntoHouse(input: $input) {\n      residency { id }\n      userErrors { field message code }\n    }\n  }\n": types.MoveIntoHouseDocument,
    "\n  mutation MoveOutOfHouse($input: MoveOutOfHouseInput!) {\n    moveOutOfHouse(input: $input) {\n      residency { id moveOutAt }\n      userErrors { field message code }\n    }\n  }\n": types.MoveOutOfHouseDocument,
    "\n  mutation PostUpdate($input: PostUpdateInput!) {\n    postUpdate(input: $input) {\n      update { id shareable }\n      userErrors { field message code }\n    }\n  }\n": types.PostUpdateDocument,
    "\n  fragment MemberHeader_member on Member {\n    id\n    displayName\n    status\n    daysInRecovery\n    currentCareLevel { id name }\n    currentResidency { id bed house { id name } }\n    currentPeer { id name }\n  }\n": types.MemberHeader_MemberFragmentDoc,
    "\n  query MemberJourney($id: ID!, $clinical: Boolean!) {\n    careLevels { id code name shortName intensity }\n    member(id: $id) {\n      id\n      ...MemberHeader_member\n      ...TimelineEpisodes_member\n      ...EpisodeTable_member\n      ...JourneyActions_member\n    }\n  }\n": types.MemberJourneyDocument,
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
export function graphql(source: "\n  fragment EpisodeTable_member on Member {\n    careEpisodes {\n      id\n      careLevel { id code name }\n      startedAt\n      endedAt\n      transition\n      reason @include(if: $clinical)\n      dischargeReason @include(if: $clinical)\n    }\n  }\n"): (typeof documents)["\n  fragment EpisodeTable_member on Member {\n    careEpisodes {\n      id\n      careLevel { id code name }\n      startedAt\n      endedAt\n      transition\n      reason @include(if: $clinical)\n      dischargeReason @include(if: $clinical)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JourneyActions_member on Member {\n    id\n    status\n    currentCareLevel { id code }\n    currentResidency { id house { id name } }\n    currentPeer { id }\n    activeAftercarePlan @include(if: $clinical) { id }\n  }\n"): (typeof documents)["\n  fragment JourneyActions_member on Member {\n    id\n    status\n    currentCareLevel { id code }\n    currentResidency { id house { id name } }\n    currentPeer { id }\n    activeAftercarePlan @include(if: $clinical) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimelineEpisodes_member on Member {\n    id\n    careEpisodes {\n      id\n      careLevel { id code }\n      startedAt\n      endedAt\n      transition\n      reason @include(if: $clinical)\n      dischargeReason @include(if: $clinical)\n    }\n    residencies {\n      id\n      house { id name }\n      moveInAt\n      moveOutAt\n    }\n    milestones {\n      reached { key label date }\n    }\n    updates(first: 30, kinds: [NOTE]) {\n      nodes { id kind body occurredAt }\n    }\n  }\n"): (typeof documents)["\n  fragment TimelineEpisodes_member on Member {\n    id\n    careEpisodes {\n      id\n      careLevel { id code }\n      startedAt\n      endedAt\n      transition\n      reason @include(if: $clinical)\n      dischargeReason @include(if: $clinical)\n    }\n    residencies {\n      id\n      house { id name }\n      moveInAt\n      moveOutAt\n    }\n    milestones {\n      reached { key label date }\n    }\n    updates(first: 30, kinds: [NOTE]) {\n      nodes { id kind body occurredAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TimelineAttendance($id: ID!, $from: DateTime!) {\n    member(id: $id) {\n      id\n      attendanceSummary(from: $from) {\n        weeks { weekStart attended }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TimelineAttendance($id: ID!, $from: DateTime!) {\n    member(id: $id) {\n      id\n      attendanceSummary(from: $from) {\n        weeks { weekStart attended }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdmitMember($input: AdmitMemberInput!) {\n    admitMember(input: $input) {\n      episode { id transition }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation AdmitMember($input: AdmitMemberInput!) {\n    admitMember(input: $input) {\n      episode { id transition }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeersWithCapacity {\n    peers(first: 50, filter: { active: true, hasCapacity: true }) {\n      nodes { id name caseloadCount caseloadLimit isAlumnus }\n    }\n  }\n"): (typeof documents)["\n  query PeersWithCapacity {\n    peers(first: 50, filter: { active: true, hasCapacity: true }) {\n      nodes { id name caseloadCount caseloadLimit isAlumnus }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignPeer($input: AssignPeerInput!) {\n    assignPeer(input: $input) {\n      assignment { id }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignPeer($input: AssignPeerInput!) {\n    assignPeer(input: $input) {\n      assignment { id }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeCareLevel($input: ChangeCareLevelInput!) {\n    changeCareLevel(input: $input) {\n      episode { id transition }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeCareLevel($input: ChangeCareLevelInput!) {\n    changeCareLevel(input: $input) {\n      episode { id transition }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      checkIn { id }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DischargeMember($input: DischargeMemberInput!) {\n    dischargeMember(input: $input) {\n      episode { id endedAt }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation DischargeMember($input: DischargeMemberInput!) {\n    dischargeMember(input: $input) {\n      episode { id endedAt }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenHouses {\n    houses(first: 50, filter: { hasOpenBeds: true }) {\n      nodes { id name occupancy { available } }\n    }\n  }\n"): (typeof documents)["\n  query OpenHouses {\n    houses(first: 50, filter: { hasOpenBeds: true }) {\n      nodes { id name occupancy { available } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveIntoHouse($input: MoveIntoHouseInput!) {\n    moveIntoHouse(input: $input) {\n      residency { id }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation MoveIntoHouse($input: MoveIntoHouseInput!) {\n    moveIntoHouse(input: $input) {\n      residency { id }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveOutOfHouse($input: MoveOutOfHouseInput!) {\n    moveOutOfHouse(input: $input) {\n      residency { id moveOutAt }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation MoveOutOfHouse($input: MoveOutOfHouseInput!) {\n    moveOutOfHouse(input: $input) {\n      residency { id moveOutAt }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostUpdate($input: PostUpdateInput!) {\n    postUpdate(input: $input) {\n      update { id shareable }\n      userErrors { field message code }\n    }\n  }\n"): (typeof documents)["\n  mutation PostUpdate($input: PostUpdateInput!) {\n    postUpdate(input: $input) {\n      update { id shareable }\n      userErrors { field message code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberHeader_member on Member {\n    id\n    displayName\n    status\n    daysInRecovery\n    currentCareLevel { id name }\n    currentResidency { id bed house { id name } }\n    currentPeer { id name }\n  }\n"): (typeof documents)["\n  fragment MemberHeader_member on Member {\n    id\n    displayName\n    status\n    daysInRecovery\n    currentCareLevel { id name }\n    currentResidency { id bed house { id name } }\n    currentPeer { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberJourney($id: ID!, $clinical: Boolean!) {\n    careLevels { id code name shortName intensity }\n    member(id: $id) {\n      id\n      ...MemberHeader_member\n      ...TimelineEpisodes_member\n      ...EpisodeTable_member\n      ...JourneyActions_member\n    }\n  }\n"): (typeof documents)["\n  query MemberJourney($id: ID!, $clinical: Boolean!) {\n    careLevels { id code name shortName intensity }\n    member(id: $id) {\n      id\n      ...MemberHeader_member\n      ...TimelineEpisodes_member\n      ...EpisodeTable_member\n      ...JourneyActions_member\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;