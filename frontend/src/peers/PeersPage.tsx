import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PeersListQuery } from './queries';
import { caseloadLabel } from './certification';
import CertificationNote from './CertificationNote';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { DataTable } from '../ui/DataTable';
import '../ui/lists.css';
import './peers.css';

/** Peer supporters: alumni, certification and its expiry, languages, caseload against limit. */
export default function PeersPage() {
  const [today] = useState(() => new Date());
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: PeersListQuery, variables: { after } });
  const peers = data?.peers.nodes ?? [];
  return (
    <section>
      <h1>Peers</h1>
      {fetching && !data ? <Loading label="Loading peers" /> : error && !data ? <ErrorNote error={error} />
        : peers.length === 0 ? <Empty>No peer supporters yet.</Empty>
        : (
          <DataTable caption="Peer supporters" columns={['Name', 'Certification', 'Languages', { label: 'Caseload', className: 'num' }, 'Capacity']}>
            {peers.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/peers/${p.id}`}>{p.name}</Link>
                  {p.isAlumnus && <> <span className="badge alumnus">Alumnus</span></>}
                  {!p.isActive && <> <span className="badge muted">Inactive</span></>}
                </th>
                <td><CertificationNote cert={p.certification} today={today} /></td>
                <td>{p.languages.length ? p.languages.join(', ') : <span className="muted">—</span>}</td>
                <td className="num">{caseloadLabel(p.caseloadCount, p.caseloadLimit)}</td>
                <td>{!p.isActive ? <span className="muted">Not taking members</span> : p.hasCapacity ? <span className="flag-ok">✓ Can take more</span> : <span className="flag-bad">Full</span>}</td>
              </tr>
            ))}
          </DataTable>
        )}
      {(after || data?.peers.pageInfo.hasNextPage) && (
        <nav className="pager" aria-label="Pages">
          {after && <button type="button" className="secondary" onClick={() => setAfter(null)}>First page</button>}
          {data?.peers.pageInfo.hasNextPage && (
            <button type="button" className="secondary" onClick={() => setAfter(data.peers.pageInfo.endCursor ?? null)}>Next page</button>
          )}
        </nav>
      )}
    </section>
  );
}
