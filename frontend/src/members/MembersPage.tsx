import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { MemberFilterLevelsQuery, MembersListQuery } from './queries';
import {
  listVariables, memberStatuses, readListState, statusLabels, withFilter, writeListState, type MemberListState,
} from './params';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { DataTable } from '../ui/DataTable';
import '../ui/lists.css';
import './members.css';

/**
 * The member list: search, level of care and status filters, and keyset
 * pages; all of it in the URL so a reload or a shared link shows the same.
 * (The API has no house filter for members, so there is none here.)
 */
export default function MembersPage() {
  const [params, setParams] = useSearchParams();
  const state = readListState(params);
  const [levels] = useQuery({ query: MemberFilterLevelsQuery, requestPolicy: 'cache-first' });
  const [{ data, fetching, error }] = useQuery({ query: MembersListQuery, variables: listVariables(state) });
  const [search, setSearch] = useState(state.search);
  // When the URL changes from outside (back button, a link), the box follows.
  const [urlSearch, setUrlSearch] = useState(state.search);
  if (state.search !== urlSearch) {
    setUrlSearch(state.search);
    setSearch(state.search);
  }

  // Search as you type, a moment after the last key.
  useEffect(() => {
    if (search === state.search || (!search.trim() && !state.search.trim())) return;
    const t = window.setTimeout(() => go(withFilter(state, { search })), 300);
    return () => window.clearTimeout(t);
  });

  function go(next: MemberListState) {
    setParams(writeListState(next));
  }

  const conn = data?.members;
  const members = conn?.nodes ?? [];
  return (
    <section className="members">
      <h1>Members</h1>
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); go(withFilter(state, { search })); }}>
        <label>
          Search members
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name" />
        </label>
        <div className="field">
          <label htmlFor="members-level">Level of care</label>
          <select id="members-level" value={state.level} onChange={(e) => go(withFilter(state, { level: e.target.value }))}>
            <option value="">All levels</option>
            {(levels.data?.careLevels ?? []).map((l) => <option key={l.id} value={l.code}>{l.name}</option>)}
            {state.level && !levels.data && <option value={state.level}>{state.level}</option>}
          </select>
        </div>
        <div className="field">
          <label htmlFor="members-status">Status</label>
          <select id="members-status" value={state.status} onChange={(e) => go(withFilter(state, { status: e.target.value }))}>
            <option value="">All statuses</option>
            {memberStatuses.map((s) => <option key={s} value={s}>{statusLabels[s]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="members-house">House</label>
          <select id="members-house" value={state.house} onChange={(e) => go(withFilter(state, { house: e.target.value }))}>
            <option value="">Any house</option>
            {(levels.data?.houses?.nodes ?? []).map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}
          </select>
        </div>
      </form>

      {fetching && !data ? <Loading label="Loading members" /> : error && !data ? <ErrorNote error={error} /> : (
        <>
          <p className="result-count" role="status">
            {conn ? `${conn.totalCount} ${conn.totalCount === 1 ? 'member' : 'members'}` : ''}
            {fetching ? ' (updating…)' : ''}
          </p>
          {members.length === 0 ? <Empty>No members match.</Empty> : (
            <DataTable caption="Members" columns={['Name', 'Level of care', 'Days in recovery', 'House', 'Peer']}>
              {members.map((m) => (
                <tr key={m.id}>
                  <th scope="row"><Link to={`/members/${m.id}`}>{m.displayName}</Link></th>
                  <td>{m.currentCareLevel?.name ?? <span className="muted">{m.status && statusLabels[m.status]}</span>}</td>
                  <td className="num">{m.daysInRecovery ?? <span className="muted">—</span>}</td>
                  <td>
                    {m.currentResidency ? (
                      <>
                        <Link to={`/houses/${m.currentResidency.house.id}`}>{m.currentResidency.house.name}</Link>
                        {m.currentResidency.bed && <span className="muted">, bed {m.currentResidency.bed}</span>}
                      </>
                    ) : <span className="muted">—</span>}
                  </td>
                  <td>{m.currentPeer ? <Link to={`/peers/${m.currentPeer.id}`}>{m.currentPeer.name}</Link> : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <nav className="pager" aria-label="Pages">
            <button type="button" className="secondary"
              disabled={!conn?.pageInfo.hasPreviousPage || !conn.pageInfo.startCursor}
              onClick={() => go({ ...state, after: null, before: conn!.pageInfo.startCursor })}>
              Previous page
            </button>
            <button type="button" className="secondary"
              disabled={!conn?.pageInfo.hasNextPage || !conn.pageInfo.endCursor}
              onClick={() => go({ ...state, before: null, after: conn!.pageInfo.endCursor })}>
              Next page
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
