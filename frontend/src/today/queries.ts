import { graphql } from '../gql';

/** The census: members in care now, and how many at each level (one statement for all levels). */
export const CensusQuery = graphql(`
  query TodayCensus {
    members(first: 0, filter: { statuses: [ACTIVE] }) { totalCount }
    careLevels { id code name shortName membersInCareCount }
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
    meetings(first: 50, filter: { startsWithin: { startAt: $from, endAt: $to } }) {
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

/** Sobriety milestones of members in care on the `withinDays` days from today (today included; the server counts them). */
export const UpcomingMilestonesQuery = graphql(`
  query TodayMilestones($withinDays: Int!) {
    upcomingMilestones(first: 20, filter: { withinDays: $withinDays, statuses: [ACTIVE] }) {
      totalCount
      nodes {
        member { id displayName }
        milestone { key label reachedOn }
      }
    }
  }
`);

/** Step-ups of the last 14 days, most recent first (the server decides the direction). */
export const StepUpsQuery = graphql(`
  query TodayStepUps {
    recentCareLevelChanges(first: 20, filter: { withinDays: 14, directions: [STEP_UP] }) {
      totalCount
      nodes {
        changedAt
        member { id displayName }
      }
    }
  }
`);
