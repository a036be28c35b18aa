import type { CombinedError } from 'urql';

/** Loading, empty and error states: every list shows one of them. */
export function Loading({ label = 'Loading' }: { label?: string }) {
  return <p className="state state-loading" role="status" aria-live="polite">{label}…</p>;
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

export function ErrorNote({ error }: { error: CombinedError }) {
  const message = error.networkError
    ? 'The server could not be reached. Check the connection and try again.'
    : error.graphQLErrors.map((e) => e.message).join(' ');
  return <p className="state state-error" role="alert">{message}</p>;
}
