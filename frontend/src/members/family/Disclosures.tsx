import { useState } from 'react';
import { useQuery } from 'urql';
import { DisclosuresQuery } from './familyQueries';
import { isRefused } from '../refusal';
import { Empty, ErrorNote, Loading } from '../../ui/States';
import { formatInstantDateTime } from '../../ui/dates';

const PAGE = 20;

/** Who was shown the record and when (an accounting of disclosures). Admins, case managers and clinicians only. */
export default function Disclosures({ memberId }: { memberId: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const [{ data, fetching, error }] = useQuery({
    query: DisclosuresQuery, variables: { id: memberId, first: PAGE, after }, requestPolicy: 'cache-and-network',
  });
  const connection = data?.member?.disclosures;
  return (
    <section aria-labelledby="disclosures-heading">
      <h2 id="disclosures-heading">Disclosures</h2>
      <p className="hint">Every time this record was shown to a family contact or a partner, newest first.</p>
      {fetching && !data && <Loading label="Loading disclosures" />}
      {error && !connection && (isRefused(error)
        ? <p className="state">The accounting of disclosures is open to administrators, case managers and clinicians only.</p>
        : <ErrorNote error={error} />)}
      {connection && connection.nodes.length === 0 && <Empty>The record has not been shown to anyone outside the provider.</Empty>}
      {connection && connection.nodes.length > 0 && (
        <>
          <table className="data-table">
            <caption>Disclosures ({connection.totalCount})</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Shown to</th><th scope="col">Via</th></tr></thead>
            <tbody>
              {connection.nodes.map((d, i) => (
                <tr key={`${d.occurredAt}-${i}`}>
                  <td data-label="When">{formatInstantDateTime(d.occurredAt)}</td>
                  <td data-label="Shown to">{d.recipientName}</td>
                  <td data-label="Via">
                    {d.recipientKind === 'FAMILY_CONTACT' ? 'Family portal' : 'Partner API'}
                    {d.operationName && <span className="hint"> ({d.operationName})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="secondary" disabled={cursors.length < 2}
              onClick={() => setCursors((cs) => cs.slice(0, -1))}>Newer disclosures</button>
            <button type="button" className="secondary" disabled={!connection.pageInfo.hasNextPage}
              onClick={() => setCursors((cs) => [...cs, connection.pageInfo.endCursor ?? null])}>Older disclosures</button>
          </div>
        </>
      )}
    </section>
  );
}
