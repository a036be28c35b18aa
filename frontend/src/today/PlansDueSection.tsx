import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PlansDueQuery } from './queries';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { formatCalendarDate } from '../ui/dates';

/** Active aftercare plans whose review date has come, soonest first (house managers may not read plans). */
export default function PlansDueSection({ today, allowed }: { today: string; allowed: boolean }) {
  const [{ data, fetching, error }] = useQuery({ query: PlansDueQuery, requestPolicy: 'cache-first', pause: !allowed });
  const plans = data?.aftercarePlansDueForReview.nodes ?? [];
  return (
    <section className="today-card" aria-labelledby="plans-h">
      <h2 id="plans-h">Plans due for review</h2>
      {!allowed ? <Empty>Aftercare plans are not shown to your role.</Empty>
        : fetching && !data ? <Loading /> : error && !data ? <ErrorNote error={error} />
        : plans.length === 0 ? <Empty>No plans are due for review.</Empty>
        : (
          <ul className="plain-list">
            {plans.map((p) => (
              <li key={p.id}>
                <Link to={`/members/${p.member.id}/plan`}>{p.member.displayName}</Link>{' '}
                <span className={p.reviewOn < today ? 'overdue' : 'muted'}>
                  {p.reviewOn < today ? 'overdue since ' : 'due '}
                  <time dateTime={p.reviewOn}>{formatCalendarDate(p.reviewOn)}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
    </section>
  );
}
