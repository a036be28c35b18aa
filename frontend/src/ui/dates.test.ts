import {
  calendarDateOfInstant, dateTimeLocalValueToRfc3339, daysBetween, endOfCalendarDateRfc3339, formatCalendarDate,
  formatCalendarDateWithWeekday, formatDayCount, formatInstantDate, formatInstantDateTime, formatInstantTime,
  parseCalendarDate, toCalendarDate, toDateTimeLocalValue, todayCalendarDate, weekContaining,
} from './dates';

describe('calendar dates', () => {
  it('formats a calendar date without shifting the day', () => {
    expect(formatCalendarDate('2026-03-01')).toMatch(/1/);
    expect(formatCalendarDate('2026-03-01')).toMatch(/2026/);
    expect(formatCalendarDate(null)).toBe('—');
  });
  it('never shifts a calendar day', () => {
    expect(formatCalendarDate('2026-12-04', 'en-US')).toBe('Dec 4, 2026');
  });
  it('names the weekday of a day heading', () => {
    expect(formatCalendarDateWithWeekday('2026-11-26', 'en-US')).toBe('Thursday, Nov 26');
  });
  it('reads a YYYY-MM-DD day as that local day', () => {
    const d = parseCalendarDate('2026-03-01');
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2026, 2, 1]);
    expect(toCalendarDate(d)).toBe('2026-03-01');
  });
  it('gives today as YYYY-MM-DD', () => {
    expect(todayCalendarDate(new Date(2026, 0, 5, 23, 0))).toBe('2026-01-05');
  });
  it('counts calendar days across a month end', () => {
    expect(daysBetween(parseCalendarDate('2026-01-30'), parseCalendarDate('2026-02-02'))).toBe(3);
    expect(daysBetween(parseCalendarDate('2026-02-02'), parseCalendarDate('2026-01-30'))).toBe(-3);
  });
  it('says a number of days', () => {
    expect(formatDayCount(1)).toBe('1 day');
    expect(formatDayCount(38)).toBe('38 days');
  });
  it('finds the week from Monday', () => {
    const { from, to } = weekContaining(new Date(2026, 10, 26, 15, 0)); // a Thursday
    expect([from.getDate(), from.getDay(), from.getHours()]).toEqual([23, 1, 0]);
    expect(to.getDate()).toBe(30);
    const next = weekContaining(new Date(2026, 10, 29, 23, 0), 1); // Sunday, next week
    expect(next.from.getDate()).toBe(30);
  });
});

describe('instants', () => {
  it('formats in the zone', () => {
    expect(formatInstantTime('2026-11-24T02:00:00Z', { timeZone: 'America/Los_Angeles', locale: 'en-GB' })).toBe('18:00');
    expect(formatInstantTime('2026-11-24T02:00:00Z', { timeZone: 'UTC', locale: 'en-GB' })).toBe('02:00');
    expect(calendarDateOfInstant('2026-11-24T02:00:00Z', 'UTC')).toBe('2026-11-24');
    expect(calendarDateOfInstant('2026-11-24T02:00:00Z', 'America/Los_Angeles')).toBe('2026-11-23');
  });
  it('gives the day of an instant in a zone', () => {
    expect(formatInstantDate('2027-05-26T00:00:00Z', { locale: 'en-US', timeZone: 'UTC' })).toBe('May 26, 2027');
    expect(formatInstantDate('2027-05-26T00:00:00Z', { locale: 'en-US', timeZone: 'America/New_York' })).toBe('May 25, 2027');
    expect(formatInstantDate(null)).toBe('—');
    expect(formatInstantDateTime(undefined)).toBe('—');
  });
  it('shows a meeting in its group’s time zone', () => {
    expect(formatInstantDateTime('2026-11-29T14:00:00Z', { locale: 'en-US', timeZone: 'America/New_York', weekday: true, year: false }))
      .toBe('Sun, Nov 29, 9:00 AM');
    expect(formatInstantDateTime('2026-11-23T19:00:00Z', { locale: 'en-GB', timeZone: 'UTC', weekday: true }))
      .toBe('Mon, 23 Nov 2026, 19:00');
  });
  it('shows seconds when asked', () => {
    expect(formatInstantDateTime('2026-11-26T07:10:05Z', { locale: 'en-GB', timeZone: 'UTC', seconds: true }))
      .toBe('26 Nov 2026, 07:10:05');
    expect(formatInstantDateTime('2026-11-26T07:10:05Z', { locale: 'en-US', timeZone: 'UTC' })).toBe('Nov 26, 2026, 7:10 AM');
  });
});

describe('datetime-local inputs', () => {
  it('turns a datetime-local value into RFC 3339 with an offset', () => {
    const v = dateTimeLocalValueToRfc3339('2026-03-01T09:30');
    expect(v).toMatch(/^2026-03-01T09:30:00[+-]\d{2}:\d{2}$/);
    // The same instant the browser meant.
    expect(new Date(v!).getTime()).toBe(new Date(2026, 2, 1, 9, 30).getTime());
    expect(dateTimeLocalValueToRfc3339('')).toBeNull();
    expect(dateTimeLocalValueToRfc3339('yesterday')).toBeNull();
  });
  it('round-trips a local time to an instant', () => {
    const local = new Date(2026, 10, 26, 9, 30);
    expect(toDateTimeLocalValue(local)).toBe('2026-11-26T09:30');
    expect(new Date(dateTimeLocalValueToRfc3339('2026-11-26T09:30')!).getTime()).toBe(local.getTime());
  });
  it('keeps seconds for inputs with step 1', () => {
    const local = new Date(2026, 10, 26, 9, 30, 7);
    expect(toDateTimeLocalValue(local, { seconds: true })).toBe('2026-11-26T09:30:07');
    expect(new Date(dateTimeLocalValueToRfc3339('2026-11-26T09:30:07')!).getTime()).toBe(local.getTime());
  });
  it('gives null for an empty or broken value', () => {
    expect(dateTimeLocalValueToRfc3339('')).toBeNull();
    expect(dateTimeLocalValueToRfc3339('not a date')).toBeNull();
  });
  it('gives the end of a day', () => {
    const v = endOfCalendarDateRfc3339('2026-12-31');
    expect(v).toMatch(/^2026-12-31T23:59:59[+-]\d{2}:\d{2}$/);
    expect(endOfCalendarDateRfc3339('31/12/2026')).toBeNull();
  });
});
