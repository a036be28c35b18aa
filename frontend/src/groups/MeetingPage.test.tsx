import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Provider } from 'urql';
import { syncClient, type Call } from '../test/client';
import MeetingPage from './MeetingPage';

const meeting = {
  __typename: 'Meeting',
  id: 'M1',
  startsAt: '2026-11-19T12:00:00Z',
  endsAt: '2026-11-19T13:00:00Z',
  topic: 'Gratitude',
  group: {
    __typename: 'Group',
    id: 'G1',
    name: 'Morning Circle',
    timeZone: 'UTC',
    members: {
      __typename: 'GroupMembershipConnection',
      nodes: [
        { __typename: 'GroupMembership', member: { __typename: 'Member', id: 'a', displayName: 'Ana Patel' } },
        { __typename: 'GroupMembership', member: { __typename: 'Member', id: 'b', displayName: 'Ben Okafor' } },
      ],
    },
  },
  attendance: {
    __typename: 'AttendanceConnection',
    nodes: [
      { __typename: 'Attendance', status: 'LATE', recordedAt: '2026-11-19T13:00:00Z', member: { __typename: 'Member', id: 'a', displayName: 'Ana Patel' } },
    ],
  },
};

function setup(mutationResult: unknown) {
  const calls: Call[] = [];
  const client = syncClient(({ name }) => (name === 'RecordAttendance' ? mutationResult : { meeting }), calls);
  render(
    <Provider value={client}>
      <RouterProvider router={createMemoryRouter([{ path: '/meetings/:id', element: <MeetingPage /> }], { initialEntries: ['/meetings/M1'] })} />
    </Provider>,
  );
  // The saves sent.
  return () => calls.filter((c) => c.name === 'RecordAttendance');
}

describe('MeetingPage', () => {
  it('pre-fills, marks everyone and saves the whole group in one call', async () => {
    const user = userEvent.setup();
    const save = setup({
      recordAttendance: {
        __typename: 'RecordAttendancePayload',
        meeting: { __typename: 'Meeting', id: 'M1', attendance: { __typename: 'AttendanceConnection', nodes: [] } },
        userErrors: [],
      },
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Morning Circle');
    const ana = screen.getByRole('radiogroup', { name: 'Ana Patel' });
    expect((within(ana).getByRole('radio', { name: /Late/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Mark all present' }));
    await user.click(within(screen.getByRole('radiogroup', { name: 'Ben Okafor' })).getByRole('radio', { name: /Absent/ }));
    await user.click(screen.getByRole('button', { name: 'Save attendance' }));
    expect(save()).toHaveLength(1);
    expect(save()[0].variables).toEqual({
      input: { meetingId: 'M1', entries: [{ memberId: 'a', status: 'PRESENT' }, { memberId: 'b', status: 'ABSENT' }] },
    });
    expect((await screen.findByText('Attendance saved')).getAttribute('role')).toBe('status');
  });

  it('shows a line’s error on its row and the meeting not started clearly', async () => {
    const user = userEvent.setup();
    setup({
      recordAttendance: {
        __typename: 'RecordAttendancePayload',
        meeting: null,
        userErrors: [{ __typename: 'UserError', field: ['input', 'entries', '1', 'status'], message: 'Only EXCUSED ahead of it.', code: 'MEETING_NOT_STARTED' }],
      },
    });
    await user.click(screen.getByRole('button', { name: 'Mark all present' }));
    await user.click(screen.getByRole('button', { name: 'Save attendance' }));
    const ben = screen.getByRole('radiogroup', { name: 'Ben Okafor' });
    expect((await within(ben).findByText('Only EXCUSED ahead of it.')).getAttribute('role')).toBe('alert');
    expect(within(screen.getByRole('radiogroup', { name: 'Ana Patel' })).getByRole('alert').textContent).toBe('');
    expect(screen.getByText('The meeting has not started.')).toBeTruthy();
    expect(screen.queryByText('Attendance saved')).toBeNull();
    // Marking Ben again drops his line's error.
    await user.click(within(ben).getAllByRole('radio')[1]);
    expect(within(ben).queryByText('Only EXCUSED ahead of it.')).toBeNull();
  });
});
