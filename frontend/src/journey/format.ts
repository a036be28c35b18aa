// Dates for people, in the browser's time zone. Tiny on purpose.
const day = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dayTime = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  return day.format(typeof value === 'string' ? new Date(value) : value);
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  return dayTime.format(typeof value === 'string' ? new Date(value) : value);
}

/** "1 day", "38 days". */
export function formatDays(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** The value of a datetime-local input (with seconds, step 1) for an instant, in local time. */
export function toLocalInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** RFC 3339 with the local offset, from a datetime-local value. */
export function fromLocalInput(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString();
}
