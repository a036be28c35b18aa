import { milestoneAt, milestonesBetween, milestonesInRange } from './milestones';

describe('milestoneAt', () => {
  it('counts the fixed milestones and then years', () => {
    const start = '2025-01-10';
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => milestoneAt(start, n))).toEqual([
      { label: '24 hours', date: '2025-01-11' },
      { label: '30 days', date: '2025-02-09' },
      { label: '60 days', date: '2025-03-11' },
      { label: '90 days', date: '2025-04-10' },
      { label: '6 months', date: '2025-07-10' },
      { label: '9 months', date: '2025-10-10' },
      { label: '1 year', date: '2026-01-10' },
      { label: '2 years', date: '2027-01-10' },
    ]);
  });
  it('overflows month ends like the server', () => {
    expect(milestoneAt('2025-08-31', 4).date).toBe('2026-03-03');
  });
});

describe('milestonesBetween', () => {
  it('finds the milestones inside the range, ends included', () => {
    expect(milestonesBetween('2025-11-26', '2026-11-23', '2026-11-29')).toEqual([{ label: '1 year', date: '2026-11-26' }]);
    expect(milestonesBetween('2026-10-27', '2026-11-26', '2026-11-26')).toEqual([{ label: '30 days', date: '2026-11-26' }]);
    expect(milestonesBetween('2026-01-01', '2026-11-23', '2026-11-29')).toEqual([]);
  });
});

describe('milestonesInRange', () => {
  it('lists members by date and skips those without a date', () => {
    const result = milestonesInRange([
      { id: 'b', displayName: 'Bea', recoveryStartDate: '2025-11-25' },
      { id: 'a', displayName: 'Al', recoveryStartDate: '2026-11-24' },
      { id: 'c', displayName: 'Cy', recoveryStartDate: null },
    ], '2026-11-23', '2026-11-29');
    expect(result.map((m) => [m.displayName, m.label, m.date])).toEqual([
      ['Bea', '1 year', '2026-11-25'],
      ['Al', '24 hours', '2026-11-25'],
    ].sort((x, y) => x[2].localeCompare(y[2]) || x[0].localeCompare(y[0])));
  });
});
