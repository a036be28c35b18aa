import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PeerQuery } from './queries';
import { caseloadLabel } from './certification';
import CertificationNote from './CertificationNote';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { DataTable } from '../ui/DataTable';
import { formatInstantDate } from '../ui/dates';
import '../ui/lists.css';
import './peers.css';

/** One peer supporter and the members they support now. */
export default function PeerPage() {
  const { id = '' } = useParams();
  const [today] = useState(() => new Date());
  const [{ data, fetching, error }] = useQuery({ query: PeerQuery, variables: { id } });
  const peer = data?.peer;
  if (fetching && !data) return <Loading label="Loading the peer" />;
  if (error && !peer) return <ErrorNote error={error} />;
  if (!peer) return <Empty>This peer was not found.</Empty>;
  const caseload = peer.caseload.nodes;
  return (
    <section>
      <p><Link to="/peers">All peers</Link></p>
      <h1>{peer.name}</h1>
      <p>
        {peer.isAlumnus && <><span className="badge alumnus">Alumnus</span>{' '}</>}
        {!peer.isActive && <><span className="badge muted">Inactive</span>{' '}</>}
        <CertificationNote cert={peer.certification} today={today} />
      </p>
      {peer.bio && <p>{peer.bio}</p>}
      <dl className="peer-facts">
        <div><dt>Caseload</dt><dd>{caseloadLabel(peer.caseloadCount, peer.caseloadLimit)}{peer.hasCapacity ? ', can take more' : ', full'}</dd></div>
        <div><dt>Languages</dt><dd>{peer.languages.join(', ') || '—'}</dd></div>
        {peer.specialties.length > 0 && <div><dt>Focus</dt><dd>{peer.specialties.join(', ')}</dd></div>}
        {peer.daysInRecovery != null && <div><dt>Days in recovery</dt><dd>{peer.daysInRecovery}</dd></div>}
      </dl>
      <h2>Caseload</h2>
      {caseload.length === 0 ? <Empty>Nobody on the caseload now.</Empty> : (
        <DataTable caption="Members supported now" columns={['Member', 'Level of care', 'Since', 'Focus']}>
          {caseload.map((a) => (
            <tr key={a.id}>
              <th scope="row"><Link to={`/members/${a.member.id}`}>{a.member.displayName}</Link></th>
              <td>{a.member.currentCareLevel?.name ?? <span className="muted">—</span>}</td>
              <td><time dateTime={a.startedAt}>{formatInstantDate(a.startedAt)}</time></td>
              <td>{a.focus || <span className="muted">—</span>}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {peer.caseload.totalCount > caseload.length && <p className="muted">Showing {caseload.length} of {peer.caseload.totalCount}.</p>}
      <h2>Groups</h2>
      {peer.facilitatedGroups.nodes.length === 0 ? <Empty>Facilitates no groups.</Empty> : (
        <ul className="plain-list">
          {peer.facilitatedGroups.nodes.map((g) => <li key={g.id}><Link to={`/groups/${g.id}`}>{g.name}</Link></li>)}
        </ul>
      )}
      {peer.facilitatedGroups.totalCount > peer.facilitatedGroups.nodes.length && (
        <p className="muted">Showing {peer.facilitatedGroups.nodes.length} of {peer.facilitatedGroups.totalCount}.</p>
      )}
    </section>
  );
}
