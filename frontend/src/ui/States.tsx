import type { CombinedError } from 'urql';

/** Loading, empty and error states: every list shows one of them. */
export function Loading({ label = 'Loading' }: { label?: string }) {
  return <p className="state state-loading" role="status" aria-live="polite">{label}…</p>;
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/**
 * What a failed request means for the person: the server out of reach, too
 * many requests in a short time (the API's rate limit, with when to try
 * again), or the server's own words.
 */
export function errorMessage(error: CombinedError): string {
  const throttled = error.graphQLErrors.find((e) => e.extensions?.code === 'THROTTLED');
  if (throttled) {
    const seconds = Number(throttled.extensions?.retryAfterSeconds);
    return Number.isFinite(seconds) && seconds > 0
      ? `Too many requests in a short time. Try again in ${Math.ceil(seconds)} seconds.`
      : 'Too many requests in a short time. Try again in a moment.';
  }
  if (error.networkError || error.graphQLErrors.length === 0) {
    return 'The server could not be reached. Check the connection and try again.';
  }
  return error.graphQLErrors.map((e) => e.message).join(' ');
}

export function ErrorNote({ error }: { error: CombinedError }) {
  return <p className="state state-error" role="alert">{errorMessage(error)}</p>;
}
