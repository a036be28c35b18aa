import type { AttendanceStatus, ConsentEvent, DayOfWeek, Modality, UpdateKind } from '../gql/graphql';

/** How many updates a page of the feed asks for. */
export const FEED_PAGE_SIZE = 10;

export interface FeedUpdate {
  id: string;
  kind: UpdateKind;
  body: string;
  occurredAt: string;
}

const kindLabels: Record<UpdateKind, string> = {
  MILESTONE: 'Milestone',
  CARE_LEVEL_CHANGE: 'Level of care',
  HOUSING_CHANGE: 'Housing',
  NOTE: 'Note',
};

/** A word for what an update reports (shown beside its colour, never instead). */
export function updateKindLabel(kind: UpdateKind): string {
  return kindLabels[kind] ?? 'Update';
}

/** The feed so far plus a newly loaded page: each update once, newest first. */
export function mergeUpdates(shown: readonly FeedUpdate[], page: readonly FeedUpdate[]): FeedUpdate[] {
  const byId = new Map<string, FeedUpdate>();
  for (const u of shown) byId.set(u.id, u);
  for (const u of page) byId.set(u.id, u);
  return [...byId.values()].sort(
    (a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
}

/** "52 days in recovery", "1 day in recovery". */
export function daysInRecoveryText(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'} in recovery`;
}

/** Until when the member shares: a date, the end of treatment, or nothing known. */
export function sharedUntilText(expiresAt: string | null, onEvent: ConsentEvent | null, formatDate: (s: string) => string): string | null {
  if (expiresAt) return `Shared with you until ${formatDate(expiresAt)}.`;
  if (onEvent === 'END_OF_TREATMENT') return 'Shared with you until the end of treatment.';
  return null;
}

export interface AttendanceWeekIn {
  weekStartsOn: string;
  attended: number;
}

export interface AttendanceBar {
  weekStartsOn: string;
  attended: number;
  /** Height as a share of the tallest bar, 0-1 (0 for an empty week). */
  share: number;
}

export interface AttendanceChartData {
  bars: AttendanceBar[];
  total: number;
  max: number;
  /** The chart in words, shown under it for everyone. */
  summary: string;
  /** The chart's accessible name: every week's count, which the summary leaves out. */
  label: string;
}

/** Bars for meetings attended per week, scaled to the busiest week, and a sentence that says the same. */
export function attendanceChart(weeks: readonly AttendanceWeekIn[], formatDay: (d: string) => string): AttendanceChartData {
  const total = weeks.reduce((n, w) => n + w.attended, 0);
  const max = weeks.reduce((n, w) => Math.max(n, w.attended), 0);
  const bars = weeks.map((w) => ({ weekStartsOn: w.weekStartsOn, attended: w.attended, share: max === 0 ? 0 : w.attended / max }));
  const label = `Meetings attended per week, oldest first: ${weeks.map((w) => w.attended).join(', ')}`;
  if (weeks.length === 0) return { bars, total, max, summary: 'No weeks to show yet.', label };
  const last = weeks[weeks.length - 1];
  const span = `${weeks.length} ${weeks.length === 1 ? 'week' : 'weeks'} from ${formatDay(weeks[0].weekStartsOn)}`;
  const meetings = (n: number) => `${n} ${n === 1 ? 'meeting' : 'meetings'}`;
  const summary = total === 0
    ? `No meetings attended in the last ${span}.`
    : `${meetings(total)} attended in the last ${span}; ${meetings(last.attended)} in the week of ${formatDay(last.weekStartsOn)}; at most ${max} in a week.`;
  return { bars, total, max, summary, label };
}

const dayNames: Record<DayOfWeek, string> = {
  MONDAY: 'Mondays', TUESDAY: 'Tuesdays', WEDNESDAY: 'Wednesdays', THURSDAY: 'Thursdays',
  FRIDAY: 'Fridays', SATURDAY: 'Saturdays', SUNDAY: 'Sundays',
};

/** A group's weekly times: "Tuesdays 19:30, Sundays 14:00". */
export function scheduleText(schedule: readonly { dayOfWeek: DayOfWeek; startTime: string }[]): string {
  return schedule.map((s) => `${dayNames[s.dayOfWeek]} ${s.startTime}`).join(', ');
}

const modalities: Record<Modality, string> = { IN_PERSON: 'In person', VIRTUAL: 'By video', HYBRID: 'In person and by video' };

export function modalityText(m: Modality): string {
  return modalities[m] ?? m;
}

const statuses: Record<AttendanceStatus, string> = { PRESENT: 'Present', LATE: 'Late', EXCUSED: 'Excused', ABSENT: 'Absent' };

/** How the viewer was recorded at a meeting, in words. */
export function attendanceStatusText(s: AttendanceStatus): string {
  return statuses[s] ?? s;
}
