import { caseloadLabel, certificationState } from './certification';

const today = new Date(2026, 10, 26);

describe('certificationState', () => {
  it('flags expired and soon-expiring certifications', () => {
    expect(certificationState({ expiresOn: '2026-11-01', isExpired: true }, today)).toBe('expired');
    expect(certificationState({ expiresOn: '2026-11-25', isExpired: false }, today)).toBe('expired');
    expect(certificationState({ expiresOn: '2026-11-26', isExpired: false }, today)).toBe('expiring');
    expect(certificationState({ expiresOn: '2027-01-25', isExpired: false }, today)).toBe('expiring');
    expect(certificationState({ expiresOn: '2027-01-26', isExpired: false }, today)).toBe('valid');
  });
  it('knows certifications without expiry and peers without one', () => {
    expect(certificationState({ expiresOn: null, isExpired: false }, today)).toBe('no-expiry');
    expect(certificationState(null, today)).toBe('none');
  });
});

describe('caseloadLabel', () => {
  it('reads count against limit', () => {
    expect(caseloadLabel(3, 8)).toBe('3 of 8');
  });
});
