/**
 * Times of meetings, shown in the group's own time zone (a schedule says
 * "19:00 in Portland" whatever the reader's clock), and the week's range.
 */

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', options);
    cache.set(key, f);
  }
  return f;
}

function zoneOrUndefined(timeZone?: string): string | undefined {
  return timeZone || undefined;
}

/** `19:00`, 24-hour, in the zone. */
export function formatTime(iso: string, timeZone?: string): string {
  const tz = zoneOrUndefined(timeZone);
  return fmt(`t|${tz}`, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: tz }).format(new Date(iso));
}

/** `Monday 23 November`, in the zone. */
export function formatDay(iso: string, timeZone?: string): string {
  const tz = zoneOrUndefined(timeZone);
  return fmt(`d|${tz}`, { weekday: 'long', day: 'numeric', month: 'long', timeZone: tz }).format(new Date(iso));
}

/** `Mon 23 Nov 2026, 19:00`, in the zone. */
export function formatDateTime(iso: string, timeZone?: string): string {
  const tz = zoneOrUndefined(timeZone);
  return fmt(`dt|${tz}`, {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hour12: false, timeZone: tz,
  }).format(new Date(iso));
}

/** `23 Nov 2026`. */
export function formatDate(iso: string, timeZone?: string): string {
  const tz = zoneOrUndefined(timeZone);
  return fmt(`D|${tz}`, { day: 'numeric', month: 'short', year: 'numeric', timeZone: tz }).format(new Date(iso));
}

/** The calendar day of an instant in a zone, `YYYY-MM-DD` (to group by). */
export function dayKey(iso: string, timeZone?: string): string {
  const tz = zoneOrUndefined(timeZone);
  const parts = fmt(`k|${tz}`, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: tz }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * The week (Monday 00:00 to the next Monday 00:00, local time) holding
 * `now`, moved by `offset` weeks.
 */
export function weekRange(now: Date, offset = 0): { from: Date; to: Date } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const sinceMonday = (from.getDay() + 6) % 7;
  from.setDate(from.getDate() - sinceMonday + offset * 7);
  const to = new Date(from);
  to.setDate(to.getDate() + 7);
  return { from, to };
}
