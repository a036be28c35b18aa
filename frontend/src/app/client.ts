import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';

/** Where the app sends people whose session ended: sign-in, then back. */
export function signInPath(next: string = window.location.pathname + window.location.search, expired = false): string {
  const params = new URLSearchParams();
  if (next && !next.startsWith('/sign-in')) params.set('next', next);
  if (expired) params.set('expired', '1');
  const query = params.toString();
  return query ? `/sign-in?${query}` : '/sign-in';
}

/**
 * The one GraphQL client: same origin, the session cookie, and a check on
 * every result: when the server says UNAUTHENTICATED (the session expired
 * or was ended), go to sign-in and come back here afterwards.
 */
export function createClient(onSignedOut: () => void): Client {
  return new Client({
    url: '/graphql',
    fetchOptions: { credentials: 'same-origin', headers: { 'Content-Type': 'application/json' } },
    requestPolicy: 'cache-and-network',
    exchanges: [
      mapExchange({
        onResult(result) {
          const codes = result.error?.graphQLErrors.map((e) => e.extensions?.code) ?? [];
          if (codes.includes('UNAUTHENTICATED')) onSignedOut();
          return result;
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
