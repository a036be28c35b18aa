// Dates for people, with Intl. `locale` is the browser's unless given (tests
// pass one so that they read the same everywhere).

/** A `YYYY-MM-DD` calendar day: "4 Dec 2026" (never shifted by time zone). */
export function formatDay(day: string, locale?: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** The day of an RFC 3339 instant, in `timeZone` (the browser's by default). */
export function formatDate(instant: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone })
    .format(new Date(instant));
}

/** Weekday, day and time of an instant, in `timeZone` (a group's): "Sun, 29 Nov, 14:00". */
export function formatMeetingTime(instant: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone,
  }).format(new Date(instant));
}
