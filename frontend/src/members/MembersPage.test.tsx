import { render, screen, fireEvent } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Provider } from 'urql';
import { syncClient, type Call } from '../test/client';
import MembersPage from './MembersPage';

const page = {
  members: {
    __typename: 'MemberConnection',
    totalCount: 41,
    pageInfo: { __typename: 'PageInfo', hasNextPage: true, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c20' },
    nodes: [{
      __typename: 'Member', id: 'TWVtYmVyOjE', displayName: 'Ana Patel', status: 'ACTIVE', daysInRecovery: 42,
      currentCareLevel: { __typename: 'CareLevel', id: 'l1', name: 'Intensive outpatient' },
      currentResidency: { __typename: 'Residency', id: 'r1', bed: 'A2', house: { __typename: 'House', id: 'h1', name: 'Cedar House' } },
      currentPeer: { __typename: 'Peer', id: 'p1', name: 'Jordan Reyes' },
    }],
  },
};
const levels = {
  careLevels: [{ __typename: 'CareLevel', id: 'l1', code: 'IOP', name: 'Intensive outpatient' }],
  houses: { __typename: 'HouseConnection', nodes: [{ __typename: 'House', id: 'h1', name: 'Harbor House' }] },
};

function setup(url: string) {
  const calls: Call[] = [];
  const client = syncClient(({ text }) => (text.includes('careLevels') ? levels : page), calls);
  const router = createMemoryRouter([{ path: '/members', element: <MembersPage /> }], { initialEntries: [url] });
  render(<Provider value={client}><RouterProvider router={router} /></Provider>);
  return { calls, router };
}

describe('MembersPage', () => {
  it('shows the table, filters and pager the contract names', () => {
    setup('/members');
    expect(screen.getByRole('heading', { level: 1, name: 'Members' })).toBeTruthy();
    expect(screen.getByLabelText('Search members')).toBeTruthy();
    expect(screen.getByLabelText('Level of care')).toBeTruthy();
    expect(screen.getByLabelText('Status')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Members' });
    const link = table.querySelector('a[href="/members/TWVtYmVyOjE"]');
    expect(link?.textContent).toBe('Ana Patel');
    expect(screen.getByText('Cedar House')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Previous page' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('reads filters and the cursor from the URL and keeps them there', () => {
    const { calls, router } = setup('/members?level=IOP&status=ACTIVE&after=c20');
    const list = calls.find((c) => c.text.includes('query MembersList'));
    expect(list?.variables).toEqual({ first: 20, after: 'c20', filter: { careLevelCodes: ['IOP'], statuses: ['ACTIVE'] } });
    expect((screen.getByLabelText('Level of care') as HTMLSelectElement).value).toBe('IOP');
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(router.state.location.search).toBe('?level=IOP&status=ACTIVE&after=c20');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'ALUMNI' } });
    expect(router.state.location.search).toBe('?level=IOP&status=ALUMNI');
  });
});
