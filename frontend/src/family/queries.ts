import { graphql } from '../gql';

// Only fields a family viewer may read: the server refuses anything else.
// Each part asks for itself so that every request stays cheap (a family
// viewer's rate-limit bucket pays the priced cost of lists, not their length).

/** Who shares with the viewer and the headline facts, plus the family groups. */
export const FamilyPortalQuery = graphql(`
  query FamilyPortal {
    viewer {
      # 20 keeps the page cheap (see above); the page says when more share.
      sharedMembers(first: 20) {
        totalCount
        nodes {
          id
          displayName
          sharedKinds
          consentExpiresAt
          consentExpiresOnEvent
          daysInRecovery
          milestones { next { label reachedOn } }
          currentCareLevel { id name }
          houseName
        }
      }
      familyGroups(first: 100) {
        nodes {
          id
          name
          description
          modality
          location
          timeZone
          schedule { dayOfWeek startTime durationMinutes }
          nextMeeting { id startsAt endsAt topic viewerAttendance }
        }
      }
    }
  }
`);

/** One page of a shared member's updates, newest first. */
export const SharedUpdatesQuery = graphql(`
  query SharedUpdates($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      id
      ... on SharedMember {
        sharedUpdates(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          nodes { id kind body occurredAt }
        }
      }
    }
  }
`);

/** Meetings attended per week over the last 90 days. */
export const SharedAttendanceQuery = graphql(`
  query SharedAttendance($id: ID!) {
    node(id: $id) {
      id
      ... on SharedMember {
        attendanceWeeks { weekStartsOn attended }
      }
    }
  }
`);
