import { graphql } from '../gql';

export const MembersListQuery = graphql(`
  query MembersList($first: Int, $after: String, $last: Int, $before: String, $filter: MemberFilter) {
    members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes {
        id
        displayName
        status
        daysInRecovery
        currentCareLevel { id name }
        currentResidency { id bed house { id name } }
        currentPeer { id name }
      }
    }
  }
`);

export const MemberFilterLevelsQuery = graphql(`
  query MemberFilterLevels {
    careLevels { id code name }
    houses(first: 100) { nodes { id name } }
  }
`);
