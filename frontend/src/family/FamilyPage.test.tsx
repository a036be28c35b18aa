import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import FamilyPage from './FamilyPage';
import { syncClient, type Call } from '../test/client';

const member = {
  id: 'U2hhcmVkTWVtYmVyOjk',
  displayName: 'Emily Delgado',
  sharedKinds: ['MILESTONES', 'CARE_LEVEL', 'ATTENDANCE_SUMMARY'],
  consentExpiresAt: null,
  consentExpiresOnEvent: 'END_OF_TREATMENT',
  daysInRecovery: 52,
  milestones: { next: { label: '60 days', reachedOn: '2026-12-04' } },
  currentCareLevel: { id: 'Q2FyZUxldmVsOlBIUA', name: 'Partial hospitalization' },
  houseName: null,
};
const group = {
  id: 'R3JvdXA6MTU', name: 'Family Recovery Group', description: 'For families.', modality: 'HYBRID',
  location: 'Room 204', timeZone: 'UTC', schedule: [{ dayOfWeek: 'SUNDAY', startTime: '14:00', durationMinutes: 90 }],
  nextMeeting: { id: 'TWVldGluZzo4NDQ', startsAt: '2026-11-29T14:00:00Z', endsAt: '2026-11-29T15:30:00Z', topic: 'Boundaries', viewerAttendance: null },
};
const update = (n: number) => ({ id: `u${n}`, kind: 'MILESTONE', body: `Update ${n}`, occurredAt: new Date(Date.UTC(2026, 10, 30 - n)).toISOString() });

function portal(sharedMembers: unknown[], totalCount = sharedMembers.length) {
  const seen: Call[] = [];
  const client = syncClient(({ name, variables: vars }) => {
    if (name === 'FamilyPortal') return { viewer: { sharedMembers: { __typename: 'SharedMemberConnection', totalCount, nodes: sharedMembers }, familyGroups: { __typename: 'GroupConnection', nodes: [group] } } };
    if (name === 'SharedAttendance') return { node: { id: vars.id, attendanceWeeks: [{ weekStartsOn: '2026-11-16', attended: 3 }, { weekStartsOn: '2026-11-23', attended: 1 }] } };
    if (name === 'SharedUpdates') {
      const first = vars.after ? [11, 12] : Array.from({ length: 10 }, (_, i) => i + 1);
      return {
        node: {
          id: vars.id,
          sharedUpdates: {
            totalCount: 12,
            pageInfo: { hasNextPage: !vars.after, endCursor: vars.after ? 'c2' : 'c1' },
            nodes: first.map(update),
          },
        },
      };
    }
    throw new Error(`unexpected operation ${name}`);
  }, seen);
  return { client, seen };
}

describe('FamilyPage', () => {
  it('shows each shared member with their facts, a paged feed and attendance, then the family group', async () => {
    const { client, seen } = portal([member]);
    render(<Provider value={client}><FamilyPage /></Provider>);

    expect(screen.getByRole('heading', { level: 1, name: 'Updates' })).toBeTruthy();
    const section = screen.getByRole('region', { name: 'Emily Delgado' });
    expect(within(section).getByText('52 days in recovery')).toBeTruthy();
    expect(within(section).getByText('Partial hospitalization')).toBeTruthy();
    expect(within(section).getByText('Shared with you until the end of treatment.')).toBeTruthy();

    const feed = within(section).getByRole('region', { name: 'Updates' });
    expect(within(feed).getAllByRole('listitem')).toHaveLength(10);
    expect(within(feed).getAllByRole('listitem')[0].textContent).toContain('Update 1');
    expect(within(feed).getAllByRole('listitem')[0].querySelector('time')?.getAttribute('datetime')).toBe(update(1).occurredAt);

    await userEvent.click(within(feed).getByRole('button', { name: 'Show more' }));
    expect(within(feed).getAllByRole('listitem')).toHaveLength(12);
    expect(within(feed).getAllByRole('listitem')[11].textContent).toContain('Update 12');
    expect(within(feed).queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(seen.find((s) => s.name === 'SharedUpdates' && s.variables.after === 'c1')).toBeTruthy();

    const chart = within(section).getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe('Meetings attended per week, oldest first: 3, 1');
    expect(within(section).getByText(/4 meetings attended in the last 2 weeks/)).toBeTruthy();

    const groups = screen.getByRole('region', { name: 'Family group' });
    expect(within(groups).getByRole('heading', { name: 'Family Recovery Group' })).toBeTruthy();
    expect(within(groups).getByText(/Boundaries/)).toBeTruthy();
  });

  it('asks only for fields a family viewer may read', () => {
    const { client, seen } = portal([member]);
    render(<Provider value={client}><FamilyPage /></Provider>);
    const text = seen.map((s) => s.text).join('\n');
    for (const staffOnly of ['members', 'careEpisodes', 'author', 'facilitators', 'attendance {', 'familyContacts', 'consents']) {
      expect(text).not.toContain(staffOnly);
    }
  });

  it('says so when nothing is shared', () => {
    const { client } = portal([]);
    render(<Provider value={client}><FamilyPage /></Provider>);
    expect(screen.getByText('Nothing is shared with you right now.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Family group' })).toBeTruthy();
  });

  it('says how many share when more than the page shows', () => {
    const { client } = portal([member], 21);
    render(<Provider value={client}><FamilyPage /></Provider>);
    expect(screen.getByText('Showing 1 of the 21 members who share with you.')).toBeTruthy();
  });

  it('leaves out what is not shared', () => {
    const { client } = portal([{ ...member, sharedKinds: ['NOTES'], daysInRecovery: null, milestones: null, currentCareLevel: null }]);
    render(<Provider value={client}><FamilyPage /></Provider>);
    const section = screen.getByRole('region', { name: 'Emily Delgado' });
    expect(within(section).queryByText(/in recovery/)).toBeNull();
    expect(within(section).queryByRole('region', { name: 'Weekly attendance' })).toBeNull();
  });
});
