import type { AuditAction, AuditActorKind, AuditEventFilter } from '../gql/graphql';

/** The audit log's filter form, as typed. */
export interface AuditFilterForm {
  memberId: string;
  actorId: string;
  action: AuditAction | '';
  /** `datetime-local` values, local time. */
  from: string;
  to: string;
}

export const emptyAuditFilter: AuditFilterForm = { memberId: '', actorId: '', action: '', from: '', to: '' };

/** A `datetime-local` value as an RFC 3339 instant; null when empty or invalid. */
export function localToInstant(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The API filter for the form: only what is set. */
export function auditFilterVariables(form: AuditFilterForm): AuditEventFilter {
  const filter: AuditEventFilter = {};
  if (form.memberId.trim()) filter.memberId = form.memberId.trim();
  if (form.actorId) filter.actorId = form.actorId;
  if (form.action) filter.action = form.action;
  const from = localToInstant(form.from);
  const to = localToInstant(form.to);
  // A range includes its start and excludes its end, as everywhere in the API.
  if (from || to) filter.occurredWithin = { startAt: from, endAt: to };
  return filter;
}

/** Problems with the form before it is sent. */
export function auditFilterProblems(form: AuditFilterForm): Partial<Record<keyof AuditFilterForm, string>> {
  const problems: Partial<Record<keyof AuditFilterForm, string>> = {};
  const from = localToInstant(form.from);
  const to = localToInstant(form.to);
  if (form.from && !from) problems.from = 'Enter a date and time.';
  if (form.to && !to) problems.to = 'Enter a date and time.';
  if (from && to && Date.parse(from) >= Date.parse(to)) problems.to = '“To” must be after “From”.';
  return problems;
}

/** Who acted, in words. */
export function actorLabel(e: {
  actorKind: AuditActorKind;
  actor?: { name: string } | null;
  apiKey?: { partnerName: string; secretPrefix: string } | null;
  apiKeyId?: string | null;
}): string {
  switch (e.actorKind) {
    case 'USER':
      return e.actor?.name ?? 'A user';
    case 'API_KEY':
      return e.apiKey ? `API key: ${e.apiKey.partnerName} (cjk_${e.apiKey.secretPrefix}…)` : 'An API key';
    case 'SYSTEM':
      return 'The system';
    case 'ANONYMOUS':
      return e.actor ? `Nobody signed in (tried ${e.actor.name})` : 'Nobody signed in';
  }
}

export const actionLabels: Record<AuditAction, string> = {
  READ: 'Read',
  WRITE: 'Write',
  SIGN_IN: 'Sign-in',
  SIGN_IN_FAILED: 'Failed sign-in',
  SIGN_OUT: 'Sign-out',
  DENIED: 'Denied',
  SEARCH: 'Search',
};

export const auditActions = Object.keys(actionLabels) as AuditAction[];

/** A stack of cursors for "Next page" / "Previous page" over a forward connection. */
export function nextCursors(stack: readonly (string | null)[], endCursor: string | null | undefined): (string | null)[] {
  return endCursor ? [...stack, endCursor] : [...stack];
}
export function previousCursors(stack: readonly (string | null)[]): (string | null)[] {
  return stack.length > 1 ? stack.slice(0, -1) : [null];
}
