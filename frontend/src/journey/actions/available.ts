// Which journey actions apply: to the member's situation and the viewer's role.

export type ActionKey = 'changeLevel' | 'discharge' | 'admit' | 'moveIn' | 'moveOut' | 'assignPeer' | 'checkIn' | 'postUpdate';

export interface Situation {
  role: string;
  status: 'PREADMISSION' | 'ACTIVE' | 'DISCHARGED' | 'ALUMNI';
  inCare: boolean;
  inHouse: boolean;
  hasActivePlan: boolean;
}

export const ACTION_LABEL: Record<ActionKey, string> = {
  changeLevel: 'Change level of care',
  discharge: 'Discharge',
  admit: 'Readmit',
  moveIn: 'Move into house',
  moveOut: 'Move out of house',
  assignPeer: 'Assign peer',
  checkIn: 'Record check-in',
  postUpdate: 'Post update',
};

/** Roles that may do every care operation. */
export function isClinical(role: string | undefined): boolean {
  return role === 'ADMIN' || role === 'CASE_MANAGER' || role === 'CLINICIAN';
}

export function availableActions(s: Situation): ActionKey[] {
  const clinical = isClinical(s.role);
  const out: ActionKey[] = [];
  if (clinical && s.inCare) out.push('changeLevel', 'discharge');
  if (clinical && !s.inCare) out.push('admit');
  if (clinical || s.role === 'HOUSE_MANAGER') out.push(s.inHouse ? 'moveOut' : 'moveIn');
  if (clinical) out.push('assignPeer');
  if (clinical && s.hasActivePlan) out.push('checkIn');
  if (clinical || s.role === 'PEER_SUPPORTER' || s.role === 'HOUSE_MANAGER') out.push('postUpdate');
  return out;
}

/** "Readmit" after a discharge; "Admit" for a member never admitted. */
export function actionLabel(key: ActionKey, s: Pick<Situation, 'status'>): string {
  if (key === 'admit' && s.status === 'PREADMISSION') return 'Admit';
  return ACTION_LABEL[key];
}
