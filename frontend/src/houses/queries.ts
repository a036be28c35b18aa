import { graphql } from '../gql';

export const HousesListQuery = graphql(`
  query HousesList($after: String) {
    houses(first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id name capacity genderDesignation narrLevel
        occupancy { occupied available }
      }
    }
  }
`);

export const HouseQuery = graphql(`
  query House($id: ID!) {
    house(id: $id) {
      id name address phone capacity genderDesignation narrLevel
      occupancy { capacity occupied available }
      residents { id bed moveInAt member { id displayName } }
      residencies(first: 100) { nodes { id bed } }
      houseMeetingGroups(first: 100) { totalCount nodes { id name nextMeeting { id startsAt } } }
    }
  }
`);

export const MoveInCandidatesQuery = graphql(`
  query MoveInCandidates($search: String!) {
    members(first: 10, filter: { search: $search }) {
      nodes { id displayName currentResidency { id house { id name } } }
    }
  }
`);

export const MoveIntoHouseMutation = graphql(`
  mutation HouseMoveIntoHouse($input: MoveIntoHouseInput!) {
    moveIntoHouse(input: $input) {
      residency { id bed member { id displayName } house { id occupancy { capacity occupied available } } }
      userErrors { ...UserErrorFields }
    }
  }
`);
