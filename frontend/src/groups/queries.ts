import { graphql } from '../gql';

export const WeekMeetingsQuery = graphql(`
  query WeekMeetings($from: DateTime!, $to: DateTime!, $after: String, $kinds: [GroupKind!]) {
    meetings(first: 100, after: $after, filter: { startsWithin: { startAt: $from, endAt: $to }, kinds: $kinds }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        startsAt
        endsAt
        timeOfDay
        group { id name kind modality location timeZone }
      }
    }
  }
`);

export const GroupQuery = graphql(`
  query GroupPage($id: ID!, $from: DateTime!, $to: DateTime!) {
    group(id: $id) {
      id
      name
      kind
      description
      modality
      location
      timeZone
      isActive
      schedule { dayOfWeek startTime durationMinutes timeOfDay }
      facilitators {
        __typename
        ... on Peer { id name }
        ... on User { id name }
      }
      house { id name }
      members(first: 100) { totalCount nodes { joinedAt member { id displayName } } }
      meetings(first: 60, filter: { startsWithin: { startAt: $from, endAt: $to } }) {
        nodes { id startsAt topic }
      }
    }
  }
`);

export const MeetingQuery = graphql(`
  query MeetingAttendance($id: ID!) {
    meeting(id: $id) {
      id
      startsAt
      endsAt
      topic
      group {
        id
        name
        timeZone
        members(first: 100) { nodes { member { id displayName } } }
      }
      attendance(first: 100) { nodes { status recordedAt member { id displayName } } }
    }
  }
`);

export const RecordAttendanceMutation = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      meeting { id attendance(first: 100) { nodes { status recordedAt member { id displayName } } } }
      userErrors { ...UserErrorFields }
    }
  }
`);
