import { useEffect, useState } from 'react';
import { useClient, type CombinedError, type OperationResult } from 'urql';
import { MemberDigestQuery } from './queries';
import type { TodayMemberDigestQuery } from '../gql/graphql';

export type DigestMember = TodayMemberDigestQuery['members']['nodes'][number];

const pageSize = 100;
const maxPages = 10;

/**
 * Every member in care or alumni, page after page (a few requests: 100 a
 * page, stopping after 1,000). Served from urql's cache when it has them.
 */
export function useMemberDigest(): { members: DigestMember[] | null; error: CombinedError | null; truncated: boolean } {
  const client = useClient();
  const [state, setState] = useState<{ members: DigestMember[] | null; error: CombinedError | null; truncated: boolean }>(
    { members: null, error: null, truncated: false },
  );
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const all: DigestMember[] = [];
      let after: string | null = null;
      for (let page = 0; page < maxPages; page++) {
        const result: OperationResult<TodayMemberDigestQuery> = await client
          .query(MemberDigestQuery, { first: pageSize, after }, { requestPolicy: 'cache-first' })
          .toPromise();
        if (cancelled) return;
        if (result.error || !result.data) {
          setState({ members: null, error: result.error ?? null /* no data without an error is unexpected */, truncated: false });
          return;
        }
        const conn: TodayMemberDigestQuery['members'] = result.data.members;
        all.push(...conn.nodes);
        if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor) {
          setState({ members: all, error: null, truncated: false });
          return;
        }
        after = conn.pageInfo.endCursor;
      }
      setState({ members: all, error: null, truncated: true });
    })();
    return () => { cancelled = true; };
  }, [client]);
  return state;
}
