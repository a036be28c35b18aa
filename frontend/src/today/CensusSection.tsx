import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CensusQuery } from './queries';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { barPercent } from './bars';

/**
 * Members in care at each level now, as a bar (share of everyone in care)
 * and a number; each level links to the member list filtered by it. One
 * request: the server counts every level in one statement.
 */
export default function CensusSection() {
  const [{ data, fetching, error }] = useQuery({ query: CensusQuery, requestPolicy: 'cache-first' });
  const list = data?.careLevels ?? [];
  const inCare = data?.members.totalCount ?? 0;
  return (
    <section className="today-card" aria-labelledby="census-h">
      <h2 id="census-h">Census by level of care</h2>
      {fetching && !data ? <Loading />
        : error && !data ? <ErrorNote error={error} />
        : list.length === 0 ? <Empty>No levels of care are set up.</Empty>
        : (
          <>
            <p className="today-note">{inCare} {inCare === 1 ? 'member' : 'members'} in care.</p>
            <ul className="census">
              {list.map((l) => (
                <CensusRow key={l.id} code={l.code} name={l.name} count={l.membersInCareCount ?? undefined} inCare={inCare} />
              ))}
            </ul>
          </>
        )}
    </section>
  );
}

function CensusRow({ code, name, count, inCare }: { code: string; name: string; count: number | undefined; inCare: number }) {
  return (
    <li>
      <Link to={`/members?level=${encodeURIComponent(code)}`} className="census-name">{name}</Link>
      <span className="census-bar" aria-hidden="true">
        <span className="census-fill" style={{ width: `${barPercent(count ?? 0, inCare)}%` }} />
      </span>
      <span className="census-count">{count === undefined ? 'not available' : count}</span>
    </li>
  );
}
