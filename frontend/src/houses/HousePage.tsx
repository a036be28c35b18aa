import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { HouseQuery } from './queries';
import { ViewerQuery } from '../auth/viewer';
import { bedBoard, freeBeds, genderLabels, narrLabel } from './beds';
import MoveInForm from './MoveInForm';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { DataTable } from '../ui/DataTable';
import { formatInstantDate, formatInstantDateTime } from '../ui/dates';
import '../ui/lists.css';
import './houses.css';

/** One house: its beds and who sleeps in them, open beds, residents, house meetings and move-ins. */
export default function HousePage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: HouseQuery, variables: { id } });
  const [moving, setMoving] = useState(false);
  const [viewer] = useQuery({ query: ViewerQuery, requestPolicy: 'cache-first' });
  // Peer supporters may not move people in; the server would refuse anyway.
  const canMoveIn = viewer.data?.viewer?.user?.role !== 'PEER_SUPPORTER';
  const house = data?.house;

  if (fetching && !data) return <Loading label="Loading the house" />;
  if (error && !house) return <ErrorNote error={error} />;
  if (!house) return <Empty>This house was not found.</Empty>;

  // Refused fields are null (the SPA's staff are never refused these).
  const residents = house.residents ?? [];
  const houseMeetingGroups = house.houseMeetingGroups?.nodes ?? [];
  const houseMeetingCount = house.houseMeetingGroups?.totalCount ?? houseMeetingGroups.length;
  const rows = bedBoard(residents, (house.residencies?.nodes ?? []).map((r) => r.bed));
  const occupancy = house.occupancy ?? { occupied: residents.length, capacity: house.capacity, available: 0 };
  // Residents outside the viewer's reach (a peer sees only their own members)
  // are left out of the lists; then a bed without a listed resident may be taken.
  const hidden = Math.max(0, occupancy.occupied - residents.length);
  const free = hidden > 0 ? [] : freeBeds(rows);
  return (
    <section>
      <p><Link to="/houses">All houses</Link></p>
      <h1>{house.name}</h1>
      <ul className="house-facts">
        {house.address && <li>{house.address}</li>}
        <li>{genderLabels[house.genderDesignation] ?? house.genderDesignation}</li>
        <li>NARR {narrLabel(house.narrLevel)}</li>
        {house.phone && <li>Phone {house.phone}</li>}
      </ul>
      <p role="status">
        {occupancy.occupied} of {occupancy.capacity} beds taken,{' '}
        {occupancy.available === 0 ? <strong className="full">no open beds (full)</strong>
          : <strong>{occupancy.available} open {occupancy.available === 1 ? 'bed' : 'beds'}</strong>}
      </p>

      <div className="house-cols">
        <section className="panel" aria-labelledby="beds-h">
          <h2 id="beds-h">Beds</h2>
          {rows.length === 0 ? <Empty>No named beds and no residents.</Empty> : (
            <DataTable caption="Beds and residents" columns={['Bed', 'Resident']}>
              {rows.map((r) => (
                <tr key={r.bed ?? `none-${r.resident?.id}`}>
                  <th scope="row">{r.bed ?? <span className="muted">No bed named</span>}</th>
                  <td>{r.resident ? <Link to={`/members/${r.resident.id}`}>{r.resident.displayName}</Link> : hidden > 0 ? <span className="muted">Not listed</span> : <span className="flag-ok">Open</span>}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <p className="muted">
            {occupancy.available} open {occupancy.available === 1 ? 'bed' : 'beds'}
            {free.length > 0 && <>; known free beds: {free.join(', ')}</>}.
          </p>
        </section>

        <section className="panel" aria-labelledby="residents-h">
          <h2 id="residents-h">Residents</h2>
          {hidden > 0 && <p className="muted">{hidden} {hidden === 1 ? 'resident is' : 'residents are'} not listed: you do not support them.</p>}
          {residents.length === 0 ? (hidden > 0 ? null : <Empty>Nobody lives here now.</Empty>) : (
            <ul className="plain-list">
              {residents.map((r) => (
                <li key={r.id}>
                  <Link to={`/members/${r.member.id}`}>{r.member.displayName}</Link>{' '}
                  <span className="muted">since <time dateTime={r.moveInAt}>{formatInstantDate(r.moveInAt)}</time>{r.bed ? `, bed ${r.bed}` : ''}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="panel" aria-labelledby="house-meetings-h">
          <h2 id="house-meetings-h">House meetings</h2>
          {houseMeetingGroups.length === 0 ? <Empty>No house meetings.</Empty> : (
            <ul className="plain-list">
              {houseMeetingGroups.map((g) => (
                <li key={g.id}>
                  <Link to={`/groups/${g.id}`}>{g.name}</Link>{' '}
                  {g.nextMeeting ? (
                    <span className="muted">next <Link to={`/meetings/${g.nextMeeting.id}`}><time dateTime={g.nextMeeting.startsAt}>{formatInstantDateTime(g.nextMeeting.startsAt)}</time></Link></span>
                  ) : <span className="muted">no meeting scheduled</span>}
                </li>
              ))}
            </ul>
          )}
          {houseMeetingCount > houseMeetingGroups.length && <p className="muted">Showing {houseMeetingGroups.length} of {houseMeetingCount}.</p>}
        </section>

        {canMoveIn && <section className="panel move-in" aria-labelledby="move-in-h">
          <h2 id="move-in-h">Move-ins</h2>
          {!moving ? (
            <button type="button" onClick={() => setMoving(true)}>Move in</button>
          ) : (
            <MoveInForm houseId={house.id} freeBeds={free} full={occupancy.available === 0}
              onDone={() => refetch({ requestPolicy: 'network-only' })} onClose={() => setMoving(false)} />
          )}
        </section>}
      </div>
    </section>
  );
}
