import { actionLabel, availableActions, type Situation } from './available';

const base: Situation = { role: 'CASE_MANAGER', status: 'ACTIVE', inCare: true, inHouse: false, hasActivePlan: false };

describe('availableActions', () => {
  it('offers level changes and discharge only in care, readmission only out of it', () => {
    expect(availableActions(base)).toEqual(['changeLevel', 'discharge', 'moveIn', 'assignPeer', 'postUpdate']);
    const out = availableActions({ ...base, status: 'DISCHARGED', inCare: false });
    expect(out).toContain('admit');
    expect(out).not.toContain('changeLevel');
    expect(out).not.toContain('discharge');
  });
  it('offers move-out to a resident and move-in to anyone else', () => {
    expect(availableActions({ ...base, inHouse: true })).toContain('moveOut');
    expect(availableActions({ ...base, inHouse: true })).not.toContain('moveIn');
  });
  it('offers a check-in only on an active plan', () => {
    expect(availableActions({ ...base, hasActivePlan: true })).toContain('checkIn');
    expect(availableActions(base)).not.toContain('checkIn');
  });
  it('follows the role', () => {
    expect(availableActions({ ...base, role: 'HOUSE_MANAGER', inHouse: true })).toEqual(['moveOut', 'postUpdate']);
    expect(availableActions({ ...base, role: 'PEER_SUPPORTER', hasActivePlan: true })).toEqual(['postUpdate']);
    expect(availableActions({ ...base, role: 'FAMILY' })).toEqual([]);
  });
});

describe('actionLabel', () => {
  it('says Readmit after a discharge and Admit before the first admission', () => {
    expect(actionLabel('admit', { status: 'DISCHARGED' })).toBe('Readmit');
    expect(actionLabel('admit', { status: 'ALUMNI' })).toBe('Readmit');
    expect(actionLabel('admit', { status: 'PREADMISSION' })).toBe('Admit');
    expect(actionLabel('changeLevel', { status: 'ACTIVE' })).toBe('Change level of care');
  });
});
