import { useQuery } from 'urql';
import { ViewerQuery } from '../auth/viewer';
import type { Role } from '../gql/graphql';

/** Roles that may change plans, check-ins, BARC-10, family contacts and consents (the server decides; this only hides buttons). */
export function canManageCare(role: Role | null | undefined): boolean {
  return role === 'ADMIN' || role === 'CASE_MANAGER' || role === 'CLINICIAN';
}

/** Whether the signed-in user may manage care (from the session already loaded by the layout). */
export function useCanManageCare(): boolean {
  const [{ data }] = useQuery({ query: ViewerQuery, requestPolicy: 'cache-first' });
  return canManageCare(data?.viewer?.user?.role);
}
