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
    "\n  query FamilyPortal {\n    viewer {\n      sharedMembers {\n        id\n        displayName\n        sharedKinds\n        consentExpiresAt\n        consentExpiresOnEvent\n        daysInRecovery\n        milestones { next { label date } }\n        currentCareLevel { id name }\n        houseName\n      }\n      familyGroups {\n        id\n        name\n        description\n        modality\n        location\n        timeZone\n        schedule { dayOfWeek startTime durationMinutes }\n        nextMeeting { id startsAt endsAt topic viewerAttendance }\n      }\n    }\n  }\n": typeof types.FamilyPortalDocument,
    "\n  query SharedUpdates($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        sharedUpdates(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes { id kind body occurredAt }\n        }\n      }\n    }\n  }\n": typeof types.SharedUpdatesDocument,
    "\n  query SharedAttendance($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        attendanceWeeks { weekStart attended }\n      }\n    }\n  }\n": typeof types.SharedAttendanceDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      user { id name email role }\n      sessionExpiresAt\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer { user { id name role } }\n      userErrors { field message code }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut { userErrors { message } }\n  }\n": types.SignOutDocument,
    "\n  query FamilyPortal {\n    viewer {\n      sharedMembers {\n        id\n        displayName\n        sharedKinds\n        consentExpiresAt\n        consentExpiresOnEvent\n        daysInRecovery\n        milestones { next { label date } }\n        currentCareLevel { id name }\n        houseName\n      }\n      familyGroups {\n        id\n        name\n        description\n        modality\n        location\n        timeZone\n        schedule { dayOfWeek startTime durationMinutes }\n        nextMeeting { id startsAt endsAt topic viewerAttendance }\n      }\n    }\n  }\n": types.FamilyPortalDocument,
    "\n  query SharedUpdates($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        sharedUpdates(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes { id kind body occurredAt }\n        }\n      }\n    }\n  }\n": types.SharedUpdatesDocument,
    "\n  query SharedAttendance($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        attendanceWeeks { weekStart attended }\n      }\n    }\n  }\n": types.SharedAttendanceDocument,
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
export function graphql(source: "\n  query FamilyPortal {\n    viewer {\n      sharedMembers {\n        id\n        displayName\n        sharedKinds\n        consentExpiresAt\n        consentExpiresOnEvent\n        daysInRecovery\n        milestones { next { label date } }\n        currentCareLevel { id name }\n        houseName\n      }\n      familyGroups {\n        id\n        name\n        description\n        modality\n        location\n        timeZone\n        schedule { dayOfWeek startTime durationMinutes }\n        nextMeeting { id startsAt endsAt topic viewerAttendance }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FamilyPortal {\n    viewer {\n      sharedMembers {\n        id\n        displayName\n        sharedKinds\n        consentExpiresAt\n        consentExpiresOnEvent\n        daysInRecovery\n        milestones { next { label date } }\n        currentCareLevel { id name }\n        houseName\n      }\n      familyGroups {\n        id\n        name\n        description\n        modality\n        location\n        timeZone\n        schedule { dayOfWeek startTime durationMinutes }\n        nextMeeting { id startsAt endsAt topic viewerAttendance }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharedUpdates($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        sharedUpdates(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes { id kind body occurredAt }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SharedUpdates($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        sharedUpdates(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes { id kind body occurredAt }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharedAttendance($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        attendanceWeeks { weekStart attended }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SharedAttendance($id: ID!) {\n    node(id: $id) {\n      id\n      ... on SharedMember {\n        attendanceWeeks { weekStart attended }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;