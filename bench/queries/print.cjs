// Writes the app's documents that pages 1, 2 and 5 send, exactly as the app's
// GraphQL client sends them: urql's cacheExchange adds __typename to every
// selection (formatDocument) and fetchExchange prints the document with its
// fragments (stringifyDocument). Run from the repository root after
// `npm ci` when the app's documents change: node bench/queries/print.cjs
const fs = require('fs');
const path = require('path');
const { formatDocument, stringifyDocument } = require('@urql/core');

const files = {
  MembersList: 'members.graphql',
  MemberJourney: 'journey1_member.graphql',
  TimelineAttendance: 'journey2_attendance.graphql',
  TodayCensus: 'today1_census.graphql',
  TodayOccupancy: 'today2_occupancy.graphql',
  TodayMeetings: 'today3_meetings.graphql',
  TodayPlansDue: 'today4_plansdue.graphql',
  TodayMilestones: 'today5_milestones.graphql',
  TodayStepUps: 'today6_stepups.graphql',
};

// graphql.ts holds each document as a JSON literal on one line.
const source = fs.readFileSync('frontend/src/gql/graphql.ts', 'utf8');
for (const [name, file] of Object.entries(files)) {
  const match = source.match(new RegExp('^export const ' + name + 'Document = (\\{.*\\}) as unknown as', 'm'));
  if (!match) throw new Error('no document ' + name + ' in frontend/src/gql/graphql.ts');
  const text = stringifyDocument(formatDocument(JSON.parse(match[1])));
  fs.writeFileSync(path.join('bench/queries', file), text + '\n');
}
