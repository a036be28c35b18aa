import { aroundNow, splitWeek } from './schedule';

const m = (id: string, startsAt: string, timeOfDay: 'DAY' | 'EVENING' | 'WEEKEND', timeZone = 'UTC') => ({
  id, startsAt, timeOfDay, group: { timeZone },
});

describe('splitWeek', () => {
  it('puts meetings in their part, by day and time', () => {
    const parts = splitWeek([
      m('e1', '2026-11-24T19:00:00Z', 'EVENING'),
      m('d2', '2026-11-24T09:00:00Z', 'DAY'),
      m('d1', '2026-11-23T13:00:00Z', 'DAY'),
      m('d3', '2026-11-24T08:00:00Z', 'DAY'),
      m('w1', '2026-11-29T08:30:00Z', 'WEEKEND'),
    ]);
    expect(parts.map((p) => p.timeOfDay)).toEqual(['DAY', 'EVENING', 'WEEKEND']);
    expect(parts[0].days.map((d) => [d.day, d.meetings.map((x) => x.id)])).toEqual([
      ['2026-11-23', ['d1']],
      ['2026-11-24', ['d3', 'd2']],
    ]);
    expect(parts[1].days[0].meetings.map((x) => x.id)).toEqual(['e1']);
    expect(parts[2].days[0].day).toBe('2026-11-29');
  });

  it('takes the day in the group’s zone', () => {
    // 02:00 UTC on Tuesday is 18:00 on Monday in Los Angeles.
    const parts = splitWeek([m('x', '2026-11-24T02:00:00Z', 'EVENING', 'America/Los_Angeles')]);
    expect(parts[1].days[0].day).toBe('2026-11-23');
  });

  it('leaves empty parts empty', () => {
    expect(splitWeek([]).every((p) => p.days.length === 0)).toBe(true);
  });
});

describe('aroundNow', () => {
  it('splits upcoming and recent, recent newest first', () => {
    const ms = ['2026-11-20', '2026-11-22', '2026-11-27', '2026-11-29'].map((d, i) => ({ id: String(i), startsAt: `${d}T10:00:00Z` }));
    const { upcoming, recent } = aroundNow(ms, new Date('2026-11-26T00:00:00Z'), 5);
    expect(upcoming.map((x) => x.id)).toEqual(['2', '3']);
    expect(recent.map((x) => x.id)).toEqual(['1', '0']);
  });
});
