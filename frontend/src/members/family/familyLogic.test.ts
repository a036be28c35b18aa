import { consentExpiry, consentRecipient, grantConsentInput, type GrantForm } from './familyLogic';

const form: GrantForm = {
  recipientKind: 'contact',
  familyContactId: 'FC1',
  partnerName: '',
  informationKinds: ['NOTES', 'MILESTONES'],
  purpose: ' Family support ',
  expiryKind: 'date',
  expiryDate: '2027-01-31',
  signatureName: 'Sam Doe',
  signedAt: '2026-11-20T10:15',
};

describe('grantConsentInput', () => {
  it('builds the input for a family contact with a dated expiry', () => {
    const { input, errors } = grantConsentInput('M1', form);
    expect(errors).toEqual([]);
    expect(input).toMatchObject({
      memberId: 'M1', familyContactId: 'FC1', purpose: 'Family support',
      informationKinds: ['MILESTONES', 'NOTES'], signatureName: 'Sam Doe',
    });
    expect(input!.partnerName).toBeUndefined();
    expect(input!.expiresOnEvent).toBeUndefined();
    expect(input!.expiresAt).toMatch(/^2027-01-31T23:59:59[+-]\d\d:\d\d$/);
    expect(input!.signedAt).toMatch(/^2026-11-20T10:15:00[+-]\d\d:\d\d$/);
  });

  it('names a partner and ends at the end of treatment', () => {
    const { input } = grantConsentInput('M1', { ...form, recipientKind: 'partner', partnerName: 'Recovery Outcomes Lab', expiryKind: 'event', expiryDate: '' });
    expect(input).toMatchObject({ partnerName: 'Recovery Outcomes Lab', expiresOnEvent: 'END_OF_TREATMENT' });
    expect(input!.familyContactId).toBeUndefined();
    expect(input!.expiresAt).toBeUndefined();
  });

  it('reports what is missing on the API field paths', () => {
    const { input, errors } = grantConsentInput('M1', {
      ...form, familyContactId: '', informationKinds: [], purpose: ' ', expiryDate: '', signatureName: '', signedAt: '',
    });
    expect(input).toBeNull();
    expect(errors.map((e) => e.field[1])).toEqual(['familyContactId', 'informationKinds', 'purpose', 'expiresAt', 'signatureName', 'signedAt']);
  });
});

describe('consent labels', () => {
  it('names the recipient', () => {
    expect(consentRecipient({ familyContact: { name: 'Ann', relationship: 'Mother' } })).toBe('Ann (Mother)');
    expect(consentRecipient({ partnerName: 'Lab' })).toBe('Lab (partner)');
    expect(consentRecipient({})).toBe('A partner API key');
  });

  it('says when it ends', () => {
    expect(consentExpiry({ expiresOnEvent: 'END_OF_TREATMENT' })).toBe('End of treatment');
    expect(consentExpiry({})).toBe('—');
    expect(consentExpiry({ expiresAt: '2027-01-31T23:59:59Z' })).toMatch(/2027/);
  });
});
