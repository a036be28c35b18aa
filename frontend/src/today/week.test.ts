import { dayBounds, groupByDay, weekBounds } from './week';
import { toCalendarDate } from '../ui/dates';

describe('weekBounds', () => {
  it('runs Monday to Monday around a Thursday', () => {
    const { start, end } = weekBounds(new Date(2026, 10, 26, 15, 0));
    expect(toCalendarDate(start)).toBe('2026-11-23');
    expect(toCalendarDate(end)).toBe('2026-11-30');
    expect(start.getHours()).toBe(0);
  });
  it('keeps a Sunday in the week that began the Monday before', () => {
    expect(toCalendarDate(weekBounds(new Date(2026, 10, 29, 23, 0)).start)).toBe('2026-11-23');
  });
  it('starts a Monday on itself', () => {
    expect(toCalendarDate(weekBounds(new Date(2026, 10, 30, 0, 5)).start)).toBe('2026-11-30');
  });
});

describe('dayBounds', () => {
  it('is local midnight to midnight', () => {
    const { start, end } = dayBounds(new Date(2026, 10, 26, 15, 0));
    expect(toCalendarDate(start)).toBe('2026-11-26');
    expect(toCalendarDate(end)).toBe('2026-11-27');
  });
});

describe('groupByDay', () => {
  it('groups by local day in time order', () => {
    const at = (d: number, h: number) => new Date(2026, 10, d, h).toISOString();
    const groups = groupByDay([
      { id: 'c', startsAt: at(27, 9) },
      { id: 'b', startsAt: at(26, 18) },
      { id: 'a', startsAt: at(26, 9) },
    ]);
    expect(groups.map((g) => [g.day, g.items.map((i) => i.id)])).toEqual([
      ['2026-11-26', ['a', 'b']],
      ['2026-11-27', ['c']],
    ]);
  });
  it('gives no groups for no items', () => {
    expect(groupByDay([])).toEqual([]);
  });
});
