import { graphql } from '../gql';

export const PeersListQuery = graphql(`
  query PeersList($after: String) {
    peers(first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id name isAlumnus active languages caseloadCount caseloadLimit hasCapacity
        certification { kind expiresOn expired }
      }
    }
  }
`);

export const PeerQuery = graphql(`
  query Peer($id: ID!) {
    peer(id: $id) {
      id name bio isAlumnus active daysInRecovery languages specialties caseloadCount caseloadLimit hasCapacity
      certification { kind number expiresOn expired }
      caseload(first: 50) {
        totalCount
        nodes { id startedAt focus member { id displayName currentCareLevel { id name } } }
      }
      facilitatedGroups { id name }
    }
  }
`);
