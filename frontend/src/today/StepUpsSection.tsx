import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { formatInstantDate } from '../ui/dates';
import { StepUpsQuery } from './queries';

/** People who may need attention: a step-up in the last 14 days, as the server finds them. */
export default function StepUpsSection() {
  const [result] = useQuery({ query: StepUpsQuery });
  const conn = result.data?.recentCareLevelChanges;
  return (
    <section className="today-card" aria-labelledby="stepups-h">
      <h2 id="stepups-h">Recent step-ups</h2>
      {result.error ? <ErrorNote error={result.error} /> : !conn ? <Loading />
        : conn.nodes.length === 0 ? <Empty>No step-ups in the last 14 days.</Empty>
        : (
          <ul className="plain-list">
            {conn.nodes.map((s) => (
              <li key={`${s.member.id}-${s.changedAt}`}>
                <span className="transition-up" aria-hidden="true">▲</span>{' '}
                <Link to={`/members/${s.member.id}`}>{s.member.displayName}</Link>{' '}
                <span className="muted">
                  Step up on <time dateTime={s.changedAt}>{formatInstantDate(s.changedAt)}</time>
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
