import { endOfDayRfc3339, formatDate, localInputToRfc3339, todayISO } from './format';

describe('format', () => {
  it('formats a calendar date without shifting the day', () => {
    expect(formatDate('2026-03-01')).toMatch(/1/);
    expect(formatDate('2026-03-01')).toMatch(/2026/);
    expect(formatDate(null)).toBe('—');
  });

  it('turns a datetime-local value into RFC 3339 with an offset', () => {
    const v = localInputToRfc3339('2026-03-01T09:30');
    expect(v).toMatch(/^2026-03-01T09:30:00[+-]\d{2}:\d{2}$/);
    // The same instant the browser meant.
    expect(new Date(v!).getTime()).toBe(new Date(2026, 2, 1, 9, 30).getTime());
    expect(localInputToRfc3339('')).toBeNull();
    expect(localInputToRfc3339('yesterday')).toBeNull();
  });

  it('gives the end of a day', () => {
    const v = endOfDayRfc3339('2026-12-31');
    expect(v).toMatch(/^2026-12-31T23:59:59[+-]\d{2}:\d{2}$/);
    expect(endOfDayRfc3339('31/12/2026')).toBeNull();
  });

  it('gives today as YYYY-MM-DD', () => {
    expect(todayISO(new Date(2026, 0, 5, 23, 0))).toBe('2026-01-05');
  });
});
