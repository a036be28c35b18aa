import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CareLevelsQuery, CensusCountQuery, InCareCountQuery } from './queries';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { barPercent } from './bars';

/**
 * Members in care at each level now, as a bar (share of everyone in care)
 * and a number; each level links to the member list filtered by it. One
 * count request per level, 2 points each.
 */
export default function CensusSection() {
  const [levels] = useQuery({ query: CareLevelsQuery, requestPolicy: 'cache-first' });
  const [total] = useQuery({ query: InCareCountQuery, requestPolicy: 'cache-first' });
  const list = levels.data?.careLevels ?? [];
  const inCare = total.data?.members.totalCount ?? 0;
  const error = levels.error ?? total.error;
  return (
    <section className="today-card" aria-labelledby="census-h">
      <h2 id="census-h">Census by level of care</h2>
      {(levels.fetching && !levels.data) || (total.fetching && !total.data) ? <Loading />
        : error && (!levels.data || !total.data) ? <ErrorNote error={error} />
        : list.length === 0 ? <Empty>No levels of care are set up.</Empty>
        : (
          <>
            <p className="today-note">{inCare} {inCare === 1 ? 'member' : 'members'} in care.</p>
            <ul className="census">
              {list.map((l) => <CensusRow key={l.id} code={l.code} name={l.name} inCare={inCare} />)}
            </ul>
          </>
        )}
    </section>
  );
}

function CensusRow({ code, name, inCare }: { code: string; name: string; inCare: number }) {
  const [{ data, error }] = useQuery({ query: CensusCountQuery, variables: { code }, requestPolicy: 'cache-first' });
  const count = data?.members.totalCount;
  return (
    <li>
      <Link to={`/members?level=${encodeURIComponent(code)}`} className="census-name">{name}</Link>
      <span className="census-bar" aria-hidden="true">
        <span className="census-fill" style={{ width: `${barPercent(count ?? 0, inCare)}%` }} />
      </span>
      <span className="census-count">
        {count === undefined ? (error ? 'not available' : '…') : count}
      </span>
    </li>
  );
}
