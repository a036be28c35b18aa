import { graphql } from '../gql';

export const CareLevelsQuery = graphql(`
  query TodayCareLevels {
    careLevels { id code name shortName }
  }
`);

/** Members in care now: only the count. */
export const InCareCountQuery = graphql(`
  query TodayInCareCount {
    members(first: 0, filter: { status: [ACTIVE] }) { totalCount }
  }
`);

/** Members at one level now: only the count (costs 2 points). */
export const CensusCountQuery = graphql(`
  query TodayCensusCount($code: String!) {
    members(first: 0, filter: { careLevelCodes: [$code], status: [ACTIVE] }) { totalCount }
  }
`);

export const OccupancyQuery = graphql(`
  query TodayOccupancy {
    houses(first: 20) {
      totalCount
      nodes { id name occupancy { capacity occupied available } }
    }
  }
`);

export const WeekMeetingsQuery = graphql(`
  query TodayMeetings($from: DateTime!, $to: DateTime!) {
    meetings(from: $from, to: $to, first: 50) {
      totalCount
      pageInfo { hasNextPage }
      nodes { id startsAt topic group { id name } }
    }
  }
`);

export const PlansDueQuery = graphql(`
  query TodayPlansDue {
    aftercarePlansDueForReview(first: 20) { nodes { id reviewOn member { id displayName } } }
  }
`);

/**
 * Members in care with what the step-ups and milestones need:
 * the open episode (its transition is the latest) and the recovery start
 * date (milestones are counted from it here, as the server counts them).
 * Two points a member; pages sized to the count so no point is wasted.
 */
export const MemberDigestQuery = graphql(`
  query TodayMemberDigest($first: Int!, $after: String) {
    members(first: $first, after: $after, filter: { status: [ACTIVE] }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        displayName
        recoveryStartDate
        currentEpisode { transition startedAt }
      }
    }
  }
`);
