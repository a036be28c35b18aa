import { useEffect, useState } from 'react';
import { useClient, useQuery, type CombinedError, type OperationResult } from 'urql';
import { InCareCountQuery, MemberDigestQuery } from './queries';
import type { TodayMemberDigestQuery } from '../gql/graphql';
import { digestPageSize } from './digestPages';

export type DigestMember = TodayMemberDigestQuery['members']['nodes'][number];

const maxMembers = 1000;

interface DigestState { members: DigestMember[] | null; error: CombinedError | null; truncated: boolean }

/**
 * Every member in care, page after page. The query is priced by its `first`,
 * so each page asks for exactly what is left (the count comes from the
 * census's own count query): 114 members cost 202 + 30 points, not 2 × 202.
 * Served from urql's cache when it has them.
 */
export function useMemberDigest(): DigestState {
  const client = useClient();
  const [count] = useQuery({ query: InCareCountQuery, requestPolicy: 'cache-first' });
  const total = count.data?.members.totalCount;
  const [state, setState] = useState<DigestState>({ members: null, error: null, truncated: false });
  useEffect(() => {
    if (total === undefined) return;
    let cancelled = false;
    (async () => {
      const all: DigestMember[] = [];
      let after: string | null = null;
      while (true) {
        const first = digestPageSize(total, all.length, maxMembers);
        if (first === 0) {
          setState({ members: all, error: null, truncated: total > maxMembers });
          return;
        }
        const result: OperationResult<TodayMemberDigestQuery> = await client
          .query(MemberDigestQuery, { first, after }, { requestPolicy: 'cache-first' })
          .toPromise();
        if (cancelled) return;
        if (!result.data) {
          setState({ members: null, error: result.error ?? null, truncated: false });
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
    })();
    return () => { cancelled = true; };
  }, [client, total]);
  return { ...state, error: state.error ?? (count.data ? null : count.error ?? null) };
}
