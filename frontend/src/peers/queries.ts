import { graphql } from '../gql';

export const PeersListQuery = graphql(`
  query PeersList($after: String) {
    peers(first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id name isAlumnus isActive languages caseloadCount caseloadLimit hasCapacity
        certification { kind expiresOn isExpired }
      }
    }
  }
`);

export const PeerQuery = graphql(`
  query Peer($id: ID!) {
    peer(id: $id) {
      id name bio isAlumnus isActive daysInRecovery languages specialties caseloadCount caseloadLimit hasCapacity
      certification { kind number expiresOn isExpired }
      caseload(first: 50) {
        totalCount
        nodes { id startedAt focus member { id displayName currentCareLevel { id name } } }
      }
      facilitatedGroups(first: 100) { totalCount nodes { id name } }
    }
  }
`);
