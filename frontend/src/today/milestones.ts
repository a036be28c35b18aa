import { parseCalendarDate, toCalendarDate } from '../ui/dates';

/**
 * Sobriety milestones as the server counts them (server/domain/milestones.go):
 * 24 hours, 30, 60 and 90 days, 6 and 9 months, 1 year, then every year.
 * Dates overflow like Go's AddDate (31 Aug + 6 months = 3 Mar).
 */
const fixed: { label: string; months: number; days: number }[] = [
  { label: '24 hours', months: 0, days: 1 },
  { label: '30 days', months: 0, days: 30 },
  { label: '60 days', months: 0, days: 60 },
  { label: '90 days', months: 0, days: 90 },
  { label: '6 months', months: 6, days: 0 },
  { label: '9 months', months: 9, days: 0 },
];

export interface MilestoneDate {
  label: string;
  /** YYYY-MM-DD */
  date: string;
}

/** The n-th milestone (0-based) after the recovery start date. */
export function milestoneAt(start: string, n: number): MilestoneDate {
  const s = parseCalendarDate(start);
  if (n < fixed.length) {
    const f = fixed[n];
    return { label: f.label, date: toCalendarDate(new Date(s.getFullYear(), s.getMonth() + f.months, s.getDate() + f.days)) };
  }
  const years = n - fixed.length + 1;
  return {
    label: years === 1 ? '1 year' : `${years} years`,
    date: toCalendarDate(new Date(s.getFullYear() + years, s.getMonth(), s.getDate())),
  };
}

/** Milestones falling on days from `from` to `to` (YYYY-MM-DD, both included). */
export function milestonesBetween(start: string, from: string, to: string): MilestoneDate[] {
  const out: MilestoneDate[] = [];
  for (let n = 0; n < fixed.length + 120; n++) {
    const m = milestoneAt(start, n);
    if (m.date > to) break;
    if (m.date >= from) out.push(m);
  }
  return out;
}

export interface MilestoneMember {
  id: string;
  displayName: string;
  recoveryStartDate?: string | null;
}

export interface MemberMilestone extends MilestoneDate {
  memberId: string;
  displayName: string;
}

/** Every member's milestones within [from, to], by date then name. */
export function milestonesInRange(members: readonly MilestoneMember[], from: string, to: string): MemberMilestone[] {
  const out: MemberMilestone[] = [];
  for (const m of members) {
    if (!m.recoveryStartDate) continue;
    for (const ms of milestonesBetween(m.recoveryStartDate, from, to)) {
      out.push({ ...ms, memberId: m.id, displayName: m.displayName });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.displayName.localeCompare(b.displayName));
}
