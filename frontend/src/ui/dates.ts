// Dates and times, in one place. The API gives two kinds:
// - a calendar date, `Date`, as `YYYY-MM-DD`: a day with no time zone, never shifted;
// - an instant, `DateTime`, as RFC 3339: shown in the reader's time zone, or in a
//   given IANA zone (a group's meetings read in the group's own zone).
// Text is in the reader's locale (Intl) unless `locale` is given (tests pass one).

/** Where and how an instant is shown: the reader's zone and locale unless given. */
export interface Zone {
  timeZone?: string;
  locale?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale ?? '', options]);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    // A 24-hour clock reads "07:10", a 12-hour one "7:10 AM".
    const cycle = f.resolvedOptions().hourCycle;
    if (options.hour === 'numeric' && (cycle === 'h23' || cycle === 'h24')) {
      f = new Intl.DateTimeFormat(locale, { ...options, hour: '2-digit' });
    }
    formatters.set(key, f);
  }
  return f;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function asDate(instant: string | Date): Date {
  return typeof instant === 'string' ? new Date(instant) : instant;
}

// ── Calendar dates (`YYYY-MM-DD`) ────────────────────────────────────────────

/** A calendar date `YYYY-MM-DD` as a local `Date` at midnight of that day. */
export function parseCalendarDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** The local calendar day of a `Date` as `YYYY-MM-DD`. */
export function toCalendarDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today as `YYYY-MM-DD` in the reader's time zone. */
export function todayCalendarDate(now: Date = new Date()): string {
  return toCalendarDate(now);
}

/** The calendar day of an instant in `timeZone` (the reader's by default), as `YYYY-MM-DD`. */
export function calendarDateOfInstant(instant: string | Date, timeZone?: string): string {
  const parts = formatter('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: timeZone || undefined })
    .formatToParts(asDate(instant));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A calendar date for people, e.g. "Mar 1, 2026" or "1 Mar 2026"; "—" when there is none. */
export function formatCalendarDate(day: string | null | undefined, locale?: string): string {
  if (!day) return '—';
  return formatter(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(parseCalendarDate(day));
}

/** A calendar date with its weekday and no year, e.g. "Thursday, Nov 26" (a day heading in a week). */
export function formatCalendarDateWithWeekday(day: string, locale?: string): string {
  return formatter(locale, { weekday: 'long', day: 'numeric', month: 'short' }).format(parseCalendarDate(day));
}

/** Whole calendar days from `from` to `to` (local days; negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  const a = Date.UTC(from.getFullYear(), from.getMonth(), from.getDate());
  const b = Date.UTC(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((b - a) / 86_400_000);
}

/** A number of days in words: "1 day", "38 days". */
export function formatDayCount(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

/**
 * The week (Monday 00:00 to the next Monday 00:00, local time) holding `now`,
 * moved by `offsetWeeks` weeks.
 */
export function weekContaining(now: Date, offsetWeeks = 0): { from: Date; to: Date } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const sinceMonday = (from.getDay() + 6) % 7;
  from.setDate(from.getDate() - sinceMonday + offsetWeeks * 7);
  const to = new Date(from);
  to.setDate(to.getDate() + 7);
  return { from, to };
}

// ── Instants (RFC 3339) ──────────────────────────────────────────────────────

/** The day of an instant, e.g. "Nov 23, 2026", in the zone; "—" when there is none. */
export function formatInstantDate(instant: string | Date | null | undefined, zone: Zone = {}): string {
  if (!instant) return '—';
  return formatter(zone.locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone.timeZone || undefined })
    .format(asDate(instant));
}

/** What a date and time shows besides day, month, year, hour and minute. */
export interface DateTimeParts extends Zone {
  /** The short weekday first ("Mon, Nov 23, 2026, 7:00 PM"); for meetings. */
  weekday?: boolean;
  /** The year (default true); a coming meeting reads better without it. */
  year?: boolean;
  /** Seconds too; for the audit log. */
  seconds?: boolean;
}

/** The date and time of an instant, e.g. "Nov 23, 2026, 7:00 PM", in the zone; "—" when there is none. */
export function formatInstantDateTime(instant: string | Date | null | undefined, parts: DateTimeParts = {}): string {
  if (!instant) return '—';
  return formatter(parts.locale, {
    weekday: parts.weekday ? 'short' : undefined,
    day: 'numeric',
    month: 'short',
    year: parts.year === false ? undefined : 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: parts.seconds ? '2-digit' : undefined,
    timeZone: parts.timeZone || undefined,
  }).format(asDate(instant));
}

/** The time of day of an instant, e.g. "7:00 PM" or "19:00", in the zone. */
export function formatInstantTime(instant: string | Date, zone: Zone = {}): string {
  return formatter(zone.locale, { hour: 'numeric', minute: '2-digit', timeZone: zone.timeZone || undefined })
    .format(asDate(instant));
}

// ── `datetime-local` inputs ──────────────────────────────────────────────────

/**
 * The value of a `datetime-local` input for a moment, in local time:
 * `YYYY-MM-DDTHH:mm`, or with `:ss` for inputs with `step={1}`.
 */
export function toDateTimeLocalValue(date: Date, options: { seconds?: boolean } = {}): string {
  const minutes = `${toCalendarDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return options.seconds ? `${minutes}:${pad(date.getSeconds())}` : minutes;
}

/**
 * A `datetime-local` value (`YYYY-MM-DDTHH:mm[:ss]`, local time) as RFC 3339 with the
 * browser's offset for that moment, as the API requires. Null when empty or malformed.
 */
export function dateTimeLocalValueToRfc3339(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const local = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(local.getTime()) || local.getMonth() !== Number(mo) - 1 || local.getDate() !== Number(d)) return null;
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${utcOffset(local)}`;
}

/** The last second of a calendar day, in the reader's time zone, as RFC 3339; null when malformed. */
export function endOfCalendarDateRfc3339(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  return dateTimeLocalValueToRfc3339(`${day}T23:59:59`);
}

function utcOffset(at: Date): string {
  const minutes = -at.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
