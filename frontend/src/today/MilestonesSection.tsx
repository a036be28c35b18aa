import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { formatCalendarDate, toCalendarDate } from '../ui/dates';
import { UpcomingMilestonesQuery } from './queries';

/** The days the section looks at: a week, today and the next 6 (a window includes its start and excludes its end). */
const withinDays = 7;

/** Sobriety milestones of members in care this week (today and the next 6 days), as the server counts them. */
export default function MilestonesSection({ now }: { now: Date }) {
  const [result] = useQuery({ query: UpcomingMilestonesQuery, variables: { withinDays } });
  const today = toCalendarDate(now);
  const conn = result.data?.upcomingMilestones;
  return (
    <section className="today-card" aria-labelledby="milestones-h">
      <h2 id="milestones-h">Milestones this week</h2>
      {result.error ? <ErrorNote error={result.error} /> : !conn ? <Loading />
        : conn.nodes.length === 0 ? <Empty>No milestones in the next 7 days.</Empty>
        : (
          <ul className="plain-list">
            {conn.nodes.map(({ member, milestone }) => (
              <li key={`${member.id}-${milestone.key}`}>
                <Link to={`/members/${member.id}`}>{member.displayName}</Link>{' '}
                <strong>{milestone.label}</strong>{' '}
                <span className="muted">
                  {milestone.reachedOn === today ? 'today,' : 'coming'}{' '}
                  <time dateTime={milestone.reachedOn}>{formatCalendarDate(milestone.reachedOn)}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
      {conn && conn.totalCount > conn.nodes.length && (
        <p className="today-note">Showing {conn.nodes.length} of {conn.totalCount}.</p>
      )}
    </section>
  );
}
