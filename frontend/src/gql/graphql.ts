/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How someone attended a meeting. */
export type AttendanceStatus =
  /** Not there. */
  | 'ABSENT'
  /** Not there, excused. */
  | 'EXCUSED'
  /** There, late. */
  | 'LATE'
  /** There on time. */
  | 'PRESENT';

/** An event that ends a consent. */
export type ConsentEvent =
  /** The member's first discharge after the consent was signed. */
  | 'END_OF_TREATMENT';

/** A day of the week. */
export type DayOfWeek =
  /** Friday. */
  | 'FRIDAY'
  /** Monday. */
  | 'MONDAY'
  /** Saturday. */
  | 'SATURDAY'
  /** Sunday. */
  | 'SUNDAY'
  /** Thursday. */
  | 'THURSDAY'
  /** Tuesday. */
  | 'TUESDAY'
  /** Wednesday. */
  | 'WEDNESDAY';

/** A kind of information a consent lets the provider disclose. */
export type InformationKind =
  /** Weekly counts of meetings attended; no groups, names or notes. */
  | 'ATTENDANCE_SUMMARY'
  /** The current level of care and changes to it (CARE_LEVEL_CHANGE updates). */
  | 'CARE_LEVEL'
  /** The current house and moves in and out (HOUSING_CHANGE updates). */
  | 'HOUSING'
  /** Sobriety milestones and days in recovery (MILESTONE updates). */
  | 'MILESTONES'
  /** Notes marked shareable by their author (NOTE updates). */
  | 'NOTES';

/** How a group meets. */
export type Modality =
  /** Both: in a room with a video link. */
  | 'HYBRID'
  /** In a room. */
  | 'IN_PERSON'
  /** By video. */
  | 'VIRTUAL';

/** What a signed-in person may do. */
export type Role =
  /** Everything, including users, keys and the audit log. */
  | 'ADMIN'
  /** Members, episodes, plans, houses, groups, attendance, updates and consents. */
  | 'CASE_MANAGER'
  /** Like a case manager, with clinical detail. */
  | 'CLINICIAN'
  /** A member's family contact: only updates the member consented to share. */
  | 'FAMILY'
  /** Residents of their house, house meetings and attendance. */
  | 'HOUSE_MANAGER'
  /** Members on their caseload and the groups they facilitate; no clinical detail. */
  | 'PEER_SUPPORTER';

/** Credentials for `signIn`. */
export type SignInInput = {
  /** The account's email. */
  email: string;
  /** The account's password. */
  password: string;
};

/** What an update reports. */
export type UpdateKind =
  /** A change of level of care, admission or discharge (written automatically). */
  | 'CARE_LEVEL_CHANGE'
  /** A move into or out of a house (written automatically). */
  | 'HOUSING_CHANGE'
  /** A sobriety milestone was reached (written automatically). */
  | 'MILESTONE'
  /** A note by staff or a peer. */
  | 'NOTE';

/** What kind of problem a `UserError` reports. */
export type UserErrorCode =
  /** The member has an active aftercare plan already. */
  | 'ACTIVE_PLAN_EXISTS'
  /** The member already has an open care episode. */
  | 'ALREADY_IN_CARE'
  /** The member lives in a house already; move them out first. */
  | 'ALREADY_IN_HOUSE'
  /** The consent or key was revoked already. */
  | 'ALREADY_REVOKED'
  /** The episode was already corrected; correct its replacement instead. */
  | 'ALREADY_SUPERSEDED'
  /** Someone else lives in that bed. */
  | 'BED_TAKEN'
  /** The time is before the start of the current episode or the last discharge. */
  | 'BEFORE_CURRENT_EPISODE'
  /** More residents live in the house than the new capacity allows. */
  | 'CAPACITY_BELOW_OCCUPANCY'
  /** The peer's caseload is full. */
  | 'CASELOAD_FULL'
  /** Someone else changed the same record at the same moment; reload and try again. */
  | 'CONFLICT'
  /** A record with the same unique value (such as an email) exists already. */
  | 'DUPLICATE'
  /** The episode would overlap another episode of the same member. */
  | 'EPISODE_OVERLAP'
  /** Your role does not allow this. */
  | 'FORBIDDEN'
  /** The family contact has an account already; they sign in with it. */
  | 'HAS_ACCOUNT'
  /** Every bed of the house is taken. */
  | 'HOUSE_FULL'
  /** The email and password do not match an active account. */
  | 'INVALID_CREDENTIALS'
  /** A value is missing, malformed or out of range. */
  | 'INVALID_INPUT'
  /** The record cannot move from its current status to the one asked for. */
  | 'INVALID_STATUS_CHANGE'
  /** The invitation is unknown, used already or expired; ask for a new one. */
  | 'INVITATION_INVALID'
  /** The time or date lies in the future. */
  | 'IN_FUTURE'
  /** The change would leave no active administrator. */
  | 'LAST_ADMIN'
  /** The meeting has not started yet, so no one can have been there. */
  | 'MEETING_NOT_STARTED'
  /** A referenced record does not exist (or is not visible to you). */
  | 'NOT_FOUND'
  /** The member has no open care episode. */
  | 'NOT_IN_CARE'
  /** The member does not live in a house. */
  | 'NOT_IN_HOUSE'
  /** The peer is no longer active. */
  | 'PEER_INACTIVE'
  /** The plan is completed or cancelled and can no longer change. */
  | 'PLAN_CLOSED'
  /** The member is already at that level of care. */
  | 'SAME_CARE_LEVEL'
  /** Too many failed sign-ins for this account or address; wait and try again. */
  | 'TOO_MANY_ATTEMPTS'
  /** You must sign in first. */
  | 'UNAUTHENTICATED'
  /** No level of care has this code; see `careLevels`. */
  | 'UNKNOWN_CARE_LEVEL';

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { sessionExpiresAt: string, user: { id: string, name: string, email: string, role: Role } } };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { viewer: { user: { id: string, name: string, role: Role } } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: { userErrors: Array<{ message: string }> } };

export type FamilyPortalQueryVariables = Exact<{ [key: string]: never; }>;


export type FamilyPortalQuery = { viewer: { sharedMembers: Array<{ id: string, displayName: string, sharedKinds: Array<InformationKind>, consentExpiresAt: string | null, consentExpiresOnEvent: ConsentEvent | null, daysInRecovery: number | null, houseName: string | null, milestones: { next: { label: string, date: string } } | null, currentCareLevel: { id: string, name: string } | null }>, familyGroups: Array<{ id: string, name: string, description: string, modality: Modality, location: string, timeZone: string, schedule: Array<{ dayOfWeek: DayOfWeek, startTime: string, durationMinutes: number }>, nextMeeting: { id: string, startsAt: string, endsAt: string, topic: string, viewerAttendance: AttendanceStatus | null } | null }> } };

export type SharedUpdatesQueryVariables = Exact<{
  id: string;
  first: number;
  after?: string | null | undefined;
}>;


export type SharedUpdatesQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string, sharedUpdates: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: UpdateKind, body: string, occurredAt: string }> } }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type SharedAttendanceQueryVariables = Exact<{
  id: string;
}>;


export type SharedAttendanceQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string, attendanceWeeks: Array<{ weekStart: string, attended: number }> | null }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };


export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessionExpiresAt"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const FamilyPortalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FamilyPortal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sharedMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"sharedKinds"}},{"kind":"Field","name":{"kind":"Name","value":"consentExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"consentExpiresOnEvent"}},{"kind":"Field","name":{"kind":"Name","value":"daysInRecovery"}},{"kind":"Field","name":{"kind":"Name","value":"milestones"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"next"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"date"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentCareLevel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"houseName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"familyGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"modality"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextMeeting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"viewerAttendance"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FamilyPortalQuery, FamilyPortalQueryVariables>;
export const SharedUpdatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SharedUpdates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SharedMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sharedUpdates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SharedUpdatesQuery, SharedUpdatesQueryVariables>;
export const SharedAttendanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SharedAttendance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SharedMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attendanceWeeks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekStart"}},{"kind":"Field","name":{"kind":"Name","value":"attended"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SharedAttendanceQuery, SharedAttendanceQueryVariables>;