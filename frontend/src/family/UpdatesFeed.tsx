import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { FEED_PAGE_SIZE, mergeUpdates, updateKindLabel, type FeedUpdate } from './feed';
import { formatInstantDate } from '../ui/dates';
import { SharedUpdatesQuery } from './queries';

/**
 * A member's shared updates, newest first, a page at a time: "Show more"
 * asks for the page after the last one shown and adds it to the list.
 */
export default function UpdatesFeed({ memberId, memberName }: { memberId: string; memberName: string }) {
  const [after, setAfter] = useState<string | null>(null);
  const [shown, setShown] = useState<FeedUpdate[]>([]);
  // Where the last page loaded ended; kept while the next one loads.
  const [last, setLast] = useState<{ hasNextPage: boolean; endCursor: string | null; totalCount: number } | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: SharedUpdatesQuery,
    variables: { id: memberId, first: FEED_PAGE_SIZE, after },
  });
  const page = data?.node && 'sharedUpdates' in data.node ? data.node.sharedUpdates : undefined;

  useEffect(() => {
    if (!page) return;
    setShown((s) => mergeUpdates(s, page.nodes));
    setLast({ ...page.pageInfo, totalCount: page.totalCount });
  }, [page]);

  const headingId = `updates-${memberId}`;
  return (
    <section className="feed" aria-labelledby={headingId}>
      <h3 id={headingId}>Updates</h3>
      {shown.length === 0 && fetching && <Loading label="Loading updates" />}
      {shown.length === 0 && !fetching && last && <Empty>No updates from {memberName} yet.</Empty>}
      {shown.length > 0 && (
        <ol className="feed-list">
          {shown.map((u) => (
            <li key={u.id} className={`feed-item feed-${u.kind.toLowerCase()}`}>
              <span className="feed-kind">{updateKindLabel(u.kind)}</span>
              <p className="feed-body">{u.body}</p>
              <time className="feed-date" dateTime={u.occurredAt}>{formatInstantDate(u.occurredAt)}</time>
            </li>
          ))}
        </ol>
      )}
      {error && <ErrorNote error={error} />}
      {last && shown.length > 0 && (
        <p className="feed-count" aria-live="polite">
          Showing {shown.length} of {Math.max(last.totalCount, shown.length)}
        </p>
      )}
      {last?.hasNextPage && (
        <button type="button" className="secondary" disabled={fetching}
          onClick={() => setAfter(last.endCursor)}>
          {fetching ? 'Loading…' : 'Show more'}
        </button>
      )}
    </section>
  );
}
