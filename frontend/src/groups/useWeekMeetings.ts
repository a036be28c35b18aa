import { useEffect, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import type { OperationResult } from 'urql';
import type { GroupKind, WeekMeetingsQuery as Result, WeekMeetingsQueryVariables } from '../gql/graphql';
import { WeekMeetingsQuery } from './queries';

export type WeekMeeting = Result['meetings']['nodes'][number];

/** Most pages of 100 to read for one week (a busy provider has a few hundred meetings). */
const maxPages = 10;

/**
 * Every meeting of [from, to), page by page through the connection, so the
 * three parts of the week are complete before they are shown.
 */
export function useWeekMeetings(from: Date, to: Date, kind: GroupKind | '') {
  const client = useClient();
  const [state, setState] = useState<{ meetings?: WeekMeeting[]; error?: CombinedError; fetching: boolean }>({ fetching: true });
  const fromIso = from.toISOString();
  const toIso = to.toISOString();

  useEffect(() => {
    let cancelled = false;
    setState({ fetching: true });
    (async () => {
      const all: WeekMeeting[] = [];
      let after: string | null = null;
      for (let page = 0; page < maxPages; page++) {
        const result: OperationResult<Result, WeekMeetingsQueryVariables> = await client
          .query(WeekMeetingsQuery, { from: fromIso, to: toIso, after, kinds: kind ? [kind] : null }, { requestPolicy: 'network-only' })
          .toPromise();
        if (cancelled) return;
        if (result.error || !result.data) {
          setState({ error: result.error, fetching: false });
          return;
        }
        all.push(...result.data.meetings.nodes);
        const { hasNextPage, endCursor }: { hasNextPage: boolean; endCursor?: string | null } = result.data.meetings.pageInfo;
        if (!hasNextPage || !endCursor) break;
        after = endCursor;
      }
      setState({ meetings: all, fetching: false });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, fromIso, toIso, kind]);

  return state;
}
