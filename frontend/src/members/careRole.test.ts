import { canManageCare } from './careRole';

describe('canManageCare', () => {
  it('lets admins, case managers and clinicians change care records', () => {
    expect(canManageCare('ADMIN')).toBe(true);
    expect(canManageCare('CASE_MANAGER')).toBe(true);
    expect(canManageCare('CLINICIAN')).toBe(true);
    expect(canManageCare('PEER_SUPPORTER')).toBe(false);
    expect(canManageCare('HOUSE_MANAGER')).toBe(false);
    expect(canManageCare('FAMILY')).toBe(false);
    expect(canManageCare(undefined)).toBe(false);
  });
});
