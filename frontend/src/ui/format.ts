// Dates for people: the API gives RFC 3339 `DateTime` and `YYYY-MM-DD` `Date`.
const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit',
});

/** A calendar date (`YYYY-MM-DD`), shown as that day wherever the browser is. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return dateFormat.format(new Date(y, m - 1, d));
}

/** An instant (RFC 3339), in the browser's time zone. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  return dateTimeFormat.format(new Date(instant));
}

/** Today as `YYYY-MM-DD` in the browser's time zone. */
export function todayISO(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Now as a `datetime-local` input value (minutes). */
export function nowLocalInput(now: Date = new Date()): string {
  return `${todayISO(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/**
 * A `datetime-local` value (`YYYY-MM-DDTHH:mm`) as RFC 3339 with the
 * browser's offset for that moment, as the API requires. Null when empty or malformed.
 */
export function localInputToRfc3339(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const local = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${offset(local)}`;
}

/** The last second of a calendar day, in the browser's time zone, as RFC 3339. */
export function endOfDayRfc3339(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return localInputToRfc3339(`${date}T23:59:59`);
}

function offset(at: Date): string {
  const minutes = -at.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
