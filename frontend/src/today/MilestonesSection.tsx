import { Link } from 'react-router';
import { useQuery } from 'urql';
import { formatCalendarDate, toCalendarDate } from '../ui/dates';
import { ListCard } from './ListCard';
import { UpcomingMilestonesQuery } from './queries';

/** The days the section looks at: a week, today and the next 6 (a window includes its start and excludes its end). */
const withinDays = 7;

/** Sobriety milestones of members in care this week (today and the next 6 days), as the server counts them. */
export default function MilestonesSection({ now }: { now: Date }) {
  const [result] = useQuery({ query: UpcomingMilestonesQuery, variables: { withinDays } });
  const today = toCalendarDate(now);
  return (
    <ListCard
      id="milestones-h"
      title="Milestones this week"
      error={result.error}
      conn={result.data?.upcomingMilestones}
      empty="No milestones in the next 7 days."
      keyOf={({ member, milestone }) => `${member.id}-${milestone.key}`}
      item={({ member, milestone }) => (
        <>
          <Link to={`/members/${member.id}`}>{member.displayName}</Link>{' '}
          <strong>{milestone.label}</strong>{' '}
          <span className="muted">
            {milestone.reachedOn === today ? 'today,' : 'coming'}{' '}
            <time dateTime={milestone.reachedOn}>{formatCalendarDate(milestone.reachedOn)}</time>
          </span>
        </>
      )}
    />
  );
}
