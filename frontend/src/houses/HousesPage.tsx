import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { HousesListQuery } from './queries';
import { genderLabels, narrLabel } from './beds';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { DataTable } from '../ui/DataTable';
import '../ui/lists.css';
import './houses.css';

/** Sober living houses: capacity, occupied and open beds, who they are for and the NARR level. */
export default function HousesPage() {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: HousesListQuery, variables: { after } });
  const houses = data?.houses.nodes ?? [];
  return (
    <section>
      <h1>Houses</h1>
      {fetching && !data ? <Loading label="Loading houses" /> : error && !data ? <ErrorNote error={error} />
        : houses.length === 0 ? <Empty>No houses yet.</Empty>
        : (
          <DataTable caption="Houses" columns={['House', 'For', 'NARR level', { label: 'Capacity', className: 'num' }, { label: 'Occupied', className: 'num' }, { label: 'Open beds', className: 'num' }]}>
            {houses.map((h) => (
              <tr key={h.id}>
                <th scope="row"><Link to={`/houses/${h.id}`}>{h.name}</Link></th>
                <td>{genderLabels[h.genderDesignation] ?? h.genderDesignation}</td>
                <td>{narrLabel(h.narrLevel)}</td>
                <td className="num">{h.capacity}</td>
                <td className="num">{h.occupancy?.occupied}</td>
                <td className="num">{h.occupancy?.available === 0 ? <strong className="full">Full</strong> : h.occupancy?.available}</td>
              </tr>
            ))}
          </DataTable>
        )}
      {(after || data?.houses.pageInfo.hasNextPage) && (
        <nav className="pager" aria-label="Pages">
          {after && <button type="button" className="secondary" onClick={() => setAfter(null)}>First page</button>}
          {data?.houses.pageInfo.hasNextPage && (
            <button type="button" className="secondary" onClick={() => setAfter(data.houses.pageInfo.endCursor ?? null)}>Next page</button>
          )}
        </nav>
      )}
    </section>
  );
}
