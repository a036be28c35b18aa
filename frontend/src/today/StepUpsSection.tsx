import { Link } from 'react-router';
import { useQuery } from 'urql';
import { formatInstantDate } from '../ui/dates';
import { ListCard } from './ListCard';
import { StepUpsQuery } from './queries';

/** People who may need attention: a step-up in the last 14 days, as the server finds them. */
export default function StepUpsSection() {
  const [result] = useQuery({ query: StepUpsQuery });
  return (
    <ListCard
      id="stepups-h"
      title="Recent step-ups"
      error={result.error}
      conn={result.data?.recentCareLevelChanges}
      empty="No step-ups in the last 14 days."
      keyOf={(s) => `${s.member.id}-${s.changedAt}`}
      item={(s) => (
        <>
          <span className="transition-up" aria-hidden="true">▲</span>{' '}
          <Link to={`/members/${s.member.id}`}>{s.member.displayName}</Link>{' '}
          <span className="muted">
            Step up on <time dateTime={s.changedAt}>{formatInstantDate(s.changedAt)}</time>
          </span>
        </>
      )}
    />
  );
}
