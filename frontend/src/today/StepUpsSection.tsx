import { Link } from 'react-router';
import type { CombinedError } from 'urql';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { formatInstantDate } from '../ui/dates';
import { recentStepUps } from './stepUps';
import type { DigestMember } from './useMemberDigest';

/** People who may need attention: the latest transition is a step-up in the last 14 days. */
export default function StepUpsSection({ members, error, now }: {
  members: DigestMember[] | null; error: CombinedError | null; now: Date;
}) {
  const stepUps = members ? recentStepUps(members, now) : [];
  return (
    <section className="today-card" aria-labelledby="stepups-h">
      <h2 id="stepups-h">Recent step-ups</h2>
      {error ? <ErrorNote error={error} /> : !members ? <Loading />
        : stepUps.length === 0 ? <Empty>No step-ups in the last 14 days.</Empty>
        : (
          <ul className="plain-list">
            {stepUps.map((s) => (
              <li key={s.id}>
                <span className="transition-up" aria-hidden="true">▲</span>{' '}
                <Link to={`/members/${s.id}`}>{s.displayName}</Link>{' '}
                <span className="muted">
                  Step up on <time dateTime={s.startedAt}>{formatInstantDate(s.startedAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
    </section>
  );
}
