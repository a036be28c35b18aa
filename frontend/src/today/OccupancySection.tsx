import { Link } from 'react-router';
import { useQuery } from 'urql';
import { OccupancyQuery } from './queries';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { barPercent } from './bars';

/** Each house: occupied of capacity and open beds. */
export default function OccupancySection() {
  const [{ data, fetching, error }] = useQuery({ query: OccupancyQuery, requestPolicy: 'cache-first' });
  // occupancy is null only where refused, which staff never are.
  const houses = (data?.houses.nodes ?? []).flatMap((h) => (h.occupancy ? [{ ...h, occupancy: h.occupancy }] : []));
  return (
    <section className="today-card" aria-labelledby="occupancy-h">
      <h2 id="occupancy-h">House occupancy</h2>
      {fetching && !data ? <Loading /> : error && !data ? <ErrorNote error={error} />
        : houses.length === 0 ? <Empty>No houses yet.</Empty>
        : (
          <ul className="occupancy">
            {houses.map((h) => (
              <li key={h.id}>
                <Link to={`/houses/${h.id}`} className="census-name">{h.name}</Link>
                <span className="census-bar" aria-hidden="true">
                  <span className={h.occupancy.available === 0 ? 'census-fill full' : 'census-fill'}
                    style={{ width: `${barPercent(h.occupancy.occupied, h.occupancy.capacity)}%` }} />
                </span>
                <span className="census-count">
                  {h.occupancy.occupied} of {h.occupancy.capacity},{' '}
                  {h.occupancy.available === 0 ? <strong>full</strong>
                    : `${h.occupancy.available} open ${h.occupancy.available === 1 ? 'bed' : 'beds'}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      {data && data.houses.totalCount > houses.length && (
        <p><Link to="/houses">All {data.houses.totalCount} houses</Link></p>
      )}
    </section>
  );
}
