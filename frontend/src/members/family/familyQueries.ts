import { graphql } from '../../gql';

export const FamilyMemberQuery = graphql(`
  query FamilyMember($id: ID!) {
    member(id: $id) {
      id
      displayName
      familyContacts(first: 100) { nodes { ...FamilyContactFields } }
      consents(first: 100) { nodes { ...ConsentFields } }
    }
  }
`);

export const DisclosuresQuery = graphql(`
  query MemberDisclosures($id: ID!, $first: Int!, $after: String) {
    member(id: $id) {
      id
      disclosures(first: $first, after: $after) {
        nodes { occurredAt recipientKind recipientName operationName }
        pageInfo { hasNextPage endCursor }
        totalCount
      }
    }
  }
`);

export const AddFamilyContactMutation = graphql(`
  mutation AddFamilyContact($input: AddFamilyContactInput!) {
    addFamilyContact(input: $input) {
      familyContact { ...FamilyContactFields }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const InviteFamilyContactMutation = graphql(`
  mutation InviteFamilyContact($input: InviteFamilyContactInput!) {
    inviteFamilyContact(input: $input) {
      familyContact { id }
      invitationUrl
      invitationToken
      expiresAt
      userErrors { ...UserErrorFields }
    }
  }
`);

export const GrantConsentMutation = graphql(`
  mutation GrantConsent($input: GrantConsentInput!) {
    grantConsent(input: $input) {
      consent { ...ConsentFields }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const RevokeConsentMutation = graphql(`
  mutation RevokeConsent($input: RevokeConsentInput!) {
    revokeConsent(input: $input) {
      consent { ...ConsentFields }
      userErrors { ...UserErrorFields }
    }
  }
`);
