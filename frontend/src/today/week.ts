import { toCalendarDate } from '../ui/dates';

/** Monday 00:00 (local) of the week that holds `now`, and the Monday after. */
export function weekBounds(now: Date): { start: Date; end: Date } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const back = (start.getDay() + 6) % 7; // days since Monday
  start.setDate(start.getDate() - back);
  const end = new Date(start);
  end.setDate(end.getDate() + 7);
  return { start, end };
}

/** Local midnight of `now` and of the day after. */
export function dayBounds(now: Date): { start: Date; end: Date } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { start, end };
}

export interface DayGroup<T> {
  /** The local day, YYYY-MM-DD. */
  day: string;
  items: T[];
}

/** Items with a start instant grouped by local day, days and items in time order. */
export function groupByDay<T extends { startsAt: string }>(items: readonly T[]): DayGroup<T>[] {
  const sorted = [...items].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const groups: DayGroup<T>[] = [];
  for (const item of sorted) {
    const day = toCalendarDate(new Date(item.startsAt));
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}
