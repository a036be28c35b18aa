import { useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { WeekMeetingsQuery } from './queries';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { dayBounds, groupByDay, weekBounds } from './week';
import { formatInstantTime, formatCalendarDateWithWeekday, toCalendarDate } from '../ui/dates';

type MeetingRow = { id: string; startsAt: string; topic: string | null; group: { id: string; name: string } };

/** Today's meetings, then the rest of this week's by day (one request from today to Sunday night). */
export default function MeetingsSection({ now }: { now: Date }) {
  const variables = useMemo(() => {
    const today = dayBounds(now);
    return { from: today.start.toISOString(), to: weekBounds(now).end.toISOString() };
  }, [now]);
  const [{ data, fetching, error }] = useQuery({ query: WeekMeetingsQuery, variables, requestPolicy: 'cache-first' });
  const todayKey = toCalendarDate(now);
  const groups = groupByDay<MeetingRow>(data?.meetings.nodes ?? []);
  const today = groups.find((g) => g.day === todayKey)?.items ?? [];
  const later = groups.filter((g) => g.day !== todayKey);

  const state = fetching && !data ? <Loading /> : error && !data ? <ErrorNote error={error} /> : null;
  return (
    <>
      <section className="today-card" aria-labelledby="meetings-today-h">
        <h2 id="meetings-today-h">Meetings today</h2>
        {state ?? (today.length === 0 ? <Empty>No meetings today.</Empty> : <MeetingList meetings={today} />)}
      </section>
      <section className="today-card" aria-labelledby="meetings-week-h">
        <h2 id="meetings-week-h">Later this week</h2>
        {state ?? (later.length === 0 ? <Empty>No more meetings this week.</Empty> : (
          later.map((g) => (
            <div key={g.day} className="meeting-day">
              <h3>{formatCalendarDateWithWeekday(g.day)}</h3>
              <MeetingList meetings={g.items} />
            </div>
          ))
        ))}
        {data?.meetings.pageInfo.hasNextPage && (
          <p className="today-note">Showing the first {data.meetings.nodes.length} of {data.meetings.totalCount} meetings; see <Link to="/groups">Groups</Link>.</p>
        )}
      </section>
    </>
  );
}

function MeetingList({ meetings }: { meetings: MeetingRow[] }) {
  return (
    <ul className="meetings">
      {meetings.map((m) => (
        <li key={m.id}>
          <time dateTime={m.startsAt}>{formatInstantTime(m.startsAt)}</time>{' '}
          <Link to={`/meetings/${m.id}`}>{m.group.name}</Link>
          {m.topic && <span className="muted"> — {m.topic}</span>}
        </li>
      ))}
    </ul>
  );
}
