import { Link } from 'react-router';
import type { CombinedError } from 'urql';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { formatCalendarDate, toCalendarDate } from '../ui/dates';
import { milestonesInRange } from './milestones';
import { weekBounds } from './week';
import type { DigestMember } from './useMemberDigest';

/** Sobriety milestones of members in care falling this week (Monday to Sunday), counted from their recovery start dates. */
export default function MilestonesSection({ members, error, now }: {
  members: DigestMember[] | null; error: CombinedError | null; now: Date;
}) {
  const { start, end } = weekBounds(now);
  const sunday = new Date(end);
  sunday.setDate(sunday.getDate() - 1);
  const today = toCalendarDate(now);
  const list = members ? milestonesInRange(members, toCalendarDate(start), toCalendarDate(sunday)) : [];
  return (
    <section className="today-card" aria-labelledby="milestones-h">
      <h2 id="milestones-h">Milestones this week</h2>
      {error ? <ErrorNote error={error} /> : !members ? <Loading />
        : list.length === 0 ? <Empty>No milestones this week.</Empty>
        : (
          <ul className="plain-list">
            {list.map((m) => (
              <li key={`${m.memberId}-${m.label}`}>
                <Link to={`/members/${m.memberId}`}>{m.displayName}</Link>{' '}
                <strong>{m.label}</strong>{' '}
                <span className="muted">
                  {m.date < today ? 'reached' : m.date === today ? 'today,' : 'coming'}{' '}
                  <time dateTime={m.date}>{formatCalendarDate(m.date)}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
    </section>
  );
}
