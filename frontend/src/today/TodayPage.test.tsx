import { render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Provider } from 'urql';
import { syncClient } from '../test/client';
import TodayPage from './TodayPage';
import { toCalendarDate } from '../ui/dates';

const now = new Date();
const stepUpAt = new Date(now.getTime() - 2 * 86_400_000).toISOString();
const today = toCalendarDate(now);

function dataFor(text: string): unknown {
  if (text.includes('query Viewer')) return { viewer: { user: { id: 'u', name: 'Case', email: 'c@x', role: 'CASE_MANAGER' }, sessionExpiresAt: null } };
  if (text.includes('query TodayCensus')) {
    return { members: { totalCount: 2 }, careLevels: [{ id: 'l1', code: 'IOP', name: 'Intensive outpatient', shortName: 'IOP', membersInCareCount: 2 }] };
  }
  if (text.includes('query TodayOccupancy')) return { houses: { totalCount: 1, nodes: [{ id: 'h1', name: 'Cedar House', occupancy: { capacity: 12, occupied: 6, available: 6 } }] } };
  if (text.includes('query TodayMeetings')) return { meetings: { totalCount: 0, pageInfo: { hasNextPage: false }, nodes: [] } };
  if (text.includes('query TodayPlansDue')) return { aftercarePlansDueForReview: { nodes: [] } };
  // The server filters the step-ups and finds the milestones; the page shows what it gets.
  if (text.includes('query TodayStepUps')) {
    return { recentCareLevelChanges: { totalCount: 1, nodes: [{ changedAt: stepUpAt, member: { id: 'm1', displayName: 'Ana Patel' } }] } };
  }
  if (text.includes('query TodayMilestones')) {
    return {
      upcomingMilestones: {
        totalCount: 1,
        nodes: [{ member: { id: 'm2', displayName: 'Bo Lee' }, milestone: { key: 'DAYS_30', label: '30 days', date: today } }],
      },
    };
  }
  throw new Error(`unexpected query ${text}`);
}

function setup() {
  const client = syncClient(({ text }) => dataFor(text));
  const router = createMemoryRouter([{ path: '/', element: <TodayPage /> }], { initialEntries: ['/'] });
  render(<Provider value={client}><RouterProvider router={router} /></Provider>);
}

describe('TodayPage', () => {
  it('has the sections the contract names, each with its state', async () => {
    setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toBeTruthy();
    for (const name of ['Census by level of care', 'House occupancy', 'Meetings today', 'Plans due for review', 'Recent step-ups', 'Milestones this week']) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy();
    }
    expect(screen.getByRole('link', { name: 'Intensive outpatient' }).getAttribute('href')).toBe('/members?level=IOP');
    expect(screen.getByText('No meetings today.')).toBeTruthy();
    expect(screen.getByText('No plans are due for review.')).toBeTruthy();
    const stepUps = screen.getByRole('region', { name: 'Recent step-ups' });
    await waitFor(() => expect(within(stepUps).getByRole('link', { name: 'Ana Patel' })).toBeTruthy());
    expect(within(stepUps).queryByText('Bo Lee')).toBeNull();
    const milestones = screen.getByRole('region', { name: 'Milestones this week' });
    expect(within(milestones).getByRole('link', { name: 'Bo Lee' })).toBeTruthy();
    expect(within(milestones).getByText('30 days')).toBeTruthy();
  });
});
