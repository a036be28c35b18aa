import type { ApiScope, Role } from '../gql/graphql';
import { readUserErrors, type UserErrorRefs } from '../ui/userErrors';

export const roleLabels: Record<Role, string> = {
  ADMIN: 'Admin',
  CASE_MANAGER: 'Case manager',
  CLINICIAN: 'Clinician',
  PEER_SUPPORTER: 'Peer supporter',
  HOUSE_MANAGER: 'House manager',
  FAMILY: 'Family',
};

/** Roles an admin can give: family accounts come from invitations. */
export const staffRoles: Role[] = ['ADMIN', 'CASE_MANAGER', 'CLINICIAN', 'PEER_SUPPORTER', 'HOUSE_MANAGER'];

export const scopeLabels: Record<ApiScope, { code: string; what: string }> = {
  DIRECTORY_READ: { code: 'directory:read', what: 'houses with open beds, groups and schedules; no personal data' },
  OUTCOMES_READ: { code: 'outcomes:read', what: 'aggregate outcomes with no identities' },
  MEMBERS_READ: { code: 'members:read', what: 'identified records, only of members whose consent names this organisation' },
};

export const apiScopes = Object.keys(scopeLabels) as ApiScope[];

/** The messages of a row action's user errors, shown together; LAST_ADMIN gets a lead that says what rule was met. */
export function messageOf(errors: UserErrorRefs): string {
  return readUserErrors(errors)
    .map((e) => (e.code === 'LAST_ADMIN' ? `Last administrator: ${e.message}` : e.message))
    .join(' ');
}
