import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import MemberTabs from './MemberTabs';

describe('MemberTabs', () => {
  it('links the three tabs and marks the current one', () => {
    render(
      <MemoryRouter initialEntries={['/members/M1/plan']}>
        <MemberTabs memberId="M1" />
      </MemoryRouter>,
    );
    const journey = screen.getByRole('link', { name: 'Journey' });
    expect(journey.getAttribute('href')).toBe('/members/M1');
    expect(journey.getAttribute('aria-current')).toBeNull();
    expect(screen.getByRole('link', { name: 'Aftercare plan' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Family' }).getAttribute('href')).toBe('/members/M1/family');
  });
});
