import type { CombinedError } from 'urql';

/** Whether the server refused the viewer (their role does not reach this), as opposed to failing. */
export function isRefused(error: CombinedError | undefined): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === 'FORBIDDEN');
}
