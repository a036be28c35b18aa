// Dates for people, with Intl.DateTimeFormat in the browser's locale and zone.
// The API gives `Date` as YYYY-MM-DD (a calendar day, no zone) and `DateTime`
// as RFC 3339 instants.

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit',
});

/** A calendar day `YYYY-MM-DD` as a local Date at midnight (never shifted by the zone). */
export function parseDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** A local Date as `YYYY-MM-DD`. */
export function toDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** `2026-03-01` → "1 Mar 2026" (in the reader's locale). */
export function formatDay(day: string): string {
  return dayFormat.format(parseDay(day));
}

/** A local day with its weekday, e.g. "Thursday, 26 Nov". */
export function formatWeekday(date: Date): string {
  return weekdayFormat.format(date);
}

/** The local time of an instant, e.g. "6:30 PM". */
export function formatTime(instant: string): string {
  return timeFormat.format(new Date(instant));
}

/** The local date and time of an instant. */
export function formatDateTime(instant: string): string {
  return dateTimeFormat.format(new Date(instant));
}

/** The value of a `datetime-local` input for an instant, in local time. */
export function toLocalInput(date: Date): string {
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  return `${toDay(date)}T${hh}:${mm}`;
}

/** A `datetime-local` value (local time) as an RFC 3339 instant; null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Whole days from `from` to `to` (calendar days, local). */
export function daysBetween(from: Date, to: Date): number {
  const a = Date.UTC(from.getFullYear(), from.getMonth(), from.getDate());
  const b = Date.UTC(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((b - a) / 86_400_000);
}
