/** The member list's state as it lives in the URL, so reloads and links keep it. */
export interface MemberListState {
  search: string;
  level: string;
  status: string;
  /** A house's ID: members who live there now. */
  house: string;
  after: string | null;
  before: string | null;
}

export const memberStatuses = ['PREADMISSION', 'ACTIVE', 'DISCHARGED', 'ALUMNI'] as const;
export type MemberStatusValue = (typeof memberStatuses)[number];

export const statusLabels: Record<MemberStatusValue, string> = {
  PREADMISSION: 'Pre-admission',
  ACTIVE: 'In care',
  DISCHARGED: 'Discharged',
  ALUMNI: 'Alumni',
};

/** 20 a page: the list costs 2 + 5 points a member against the rate limit. */
export const pageSize = 20;

export function readListState(params: URLSearchParams): MemberListState {
  const status = params.get('status') ?? '';
  return {
    search: params.get('q') ?? '',
    level: params.get('level') ?? '',
    status: (memberStatuses as readonly string[]).includes(status) ? status : '',
    house: params.get('house') ?? '',
    after: params.get('after'),
    before: params.get('before'),
  };
}

/** URL params for a state; empty values are left out. */
export function writeListState(state: MemberListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search.trim()) params.set('q', state.search);
  if (state.level) params.set('level', state.level);
  if (state.status) params.set('status', state.status);
  if (state.house) params.set('house', state.house);
  if (state.before) params.set('before', state.before);
  else if (state.after) params.set('after', state.after);
  return params;
}

/** A filter change starts again from the first page. */
export function withFilter(state: MemberListState, change: Partial<Pick<MemberListState, 'search' | 'level' | 'status' | 'house'>>): MemberListState {
  return { ...state, ...change, after: null, before: null };
}

/** The `members` query variables: forward with first/after, backward with last/before. */
export function listVariables(state: MemberListState) {
  const filter = {
    ...(state.search.trim() ? { search: state.search.trim() } : {}),
    ...(state.level ? { careLevelCodes: [state.level] } : {}),
    ...(state.status ? { statuses: [state.status as MemberStatusValue] } : {}),
    ...(state.house ? { houseId: state.house } : {}),
  };
  const page = state.before
    ? { last: pageSize, before: state.before }
    : { first: pageSize, ...(state.after ? { after: state.after } : {}) };
  return { ...page, filter };
}
