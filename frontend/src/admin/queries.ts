import { graphql } from '../gql';

export const UsersQuery = graphql(`
  query AdminUsers($after: String) {
    users(first: 25, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id name email role isActive }
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user { id name email role isActive }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const UpdateUserRoleMutation = graphql(`
  mutation UpdateUserRole($input: UpdateUserRoleInput!) {
    updateUserRole(input: $input) {
      user { id role isActive }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($input: DeactivateUserInput!) {
    deactivateUser(input: $input) {
      user { id role isActive }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const ApiKeysQuery = graphql(`
  query AdminApiKeys($after: String) {
    apiKeys(first: 25, after: $after, includeRevoked: true) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id partnerName scopes secretPrefix createdAt createdBy { id name } lastUsedAt revokedAt isActive }
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      apiKey { id partnerName scopes secretPrefix createdAt lastUsedAt revokedAt isActive }
      secret
      userErrors { ...UserErrorFields }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey { id revokedAt isActive }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const AuditActorsQuery = graphql(`
  query AuditActors {
    users(first: 50) { nodes { id name } }
    apiKeys(first: 50, includeRevoked: true) { nodes { id partnerName secretPrefix } }
  }
`);

export const AuditEventsQuery = graphql(`
  query AuditEvents($after: String, $filter: AuditEventFilter) {
    auditEvents(first: 25, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        occurredAt
        actorKind
        actor { id name }
        actorRole
        apiKeyId
        apiKey { id partnerName secretPrefix }
        action
        operationName
        field
        member { id displayName }
        objectType
        objectId
        clientAddress
      }
    }
  }
`);
