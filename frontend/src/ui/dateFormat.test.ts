import { daysBetween, fromLocalInput, parseDay, toDay, toLocalInput } from './dateFormat';

describe('calendar days', () => {
  it('reads a YYYY-MM-DD day as that local day', () => {
    const d = parseDay('2026-03-01');
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2026, 2, 1]);
    expect(toDay(d)).toBe('2026-03-01');
  });
  it('counts calendar days across a month end', () => {
    expect(daysBetween(parseDay('2026-01-30'), parseDay('2026-02-02'))).toBe(3);
    expect(daysBetween(parseDay('2026-02-02'), parseDay('2026-01-30'))).toBe(-3);
  });
});

describe('datetime-local inputs', () => {
  it('round-trips a local time to an instant', () => {
    const local = new Date(2026, 10, 26, 9, 30);
    expect(toLocalInput(local)).toBe('2026-11-26T09:30');
    expect(fromLocalInput('2026-11-26T09:30')).toBe(local.toISOString());
  });
  it('gives null for an empty or broken value', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('not a date')).toBeNull();
  });
});
