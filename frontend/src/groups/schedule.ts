import type { TimeOfDay } from '../gql/graphql';
import { timesOfDay } from './labels';
import { calendarDateOfInstant } from '../ui/dates';

/** What the schedule needs of a meeting. */
export interface ScheduledMeeting {
  id: string;
  startsAt: string;
  timeOfDay: TimeOfDay;
  group: { timeZone: string };
}

/** The meetings of one day of one part of the week. */
export interface ScheduleDay<M> {
  day: string;
  /** Any meeting of the day, for its label. */
  first: M;
  meetings: M[];
}

/** One part of the week: day, evening or weekend. */
export interface SchedulePart<M> {
  timeOfDay: TimeOfDay;
  days: ScheduleDay<M>[];
}

/**
 * Splits a week's meetings into its three parts (the API's timeOfDay),
 * each by day (in the group's zone) and time, earliest first.
 */
export function splitWeek<M extends ScheduledMeeting>(meetings: readonly M[]): SchedulePart<M>[] {
  const sorted = [...meetings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return timesOfDay.map((tod) => {
    const days: ScheduleDay<M>[] = [];
    for (const m of sorted) {
      if (m.timeOfDay !== tod) continue;
      const day = calendarDateOfInstant(m.startsAt, m.group.timeZone);
      let d = days.find((x) => x.day === day);
      if (!d) {
        d = { day, first: m, meetings: [] };
        days.push(d);
      }
      d.meetings.push(m);
    }
    days.sort((a, b) => a.day.localeCompare(b.day));
    return { timeOfDay: tod, days };
  });
}

/** Splits a group's meetings around `now`: the next few and the last few (newest first). */
export function aroundNow<M extends { startsAt: string }>(meetings: readonly M[], now: Date, count = 5): { upcoming: M[]; recent: M[] } {
  const t = now.getTime();
  const sorted = [...meetings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return {
    upcoming: sorted.filter((m) => Date.parse(m.startsAt) >= t).slice(0, count),
    recent: sorted.filter((m) => Date.parse(m.startsAt) < t).reverse().slice(0, count),
  };
}
