import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import FamilyPage from './FamilyPage';
import { adminViewer, testClient, type Call } from '../../test/client';
import { renderAt } from '../../test/renderAt';

const contact = { __typename: 'FamilyContact', id: 'FC1', name: 'Ann Doe', relationship: 'Mother', email: 'ann@example.test', hasAccount: false };
const consent = {
  __typename: 'Consent', id: 'C1', familyContact: { __typename: 'FamilyContact', id: 'FC1', name: 'Ann Doe', relationship: 'Mother' },
  partnerName: null, purpose: 'Family support', informationKinds: ['MILESTONES'], expiresAt: null, expiresOnEvent: 'END_OF_TREATMENT',
  signatureName: 'Sam Doe', signedAt: '2026-11-01T10:00:00Z', status: 'ACTIVE', revokedAt: null, revocationReason: null,
  recordedAt: '2026-11-01T10:00:00Z',
};

function setup() {
  const calls: Call[] = [];
  const client = testClient({
    Viewer: adminViewer,
    FamilyMember: () => ({ data: { member: { __typename: 'Member', id: 'M1', displayName: 'Sam Doe', familyContacts: { __typename: 'FamilyContactConnection', nodes: [contact] }, consents: { __typename: 'ConsentConnection', nodes: [consent] } } } }),
    MemberDisclosures: () => ({
      data: { member: { __typename: 'Member', id: 'M1', disclosures: null } },
      errors: [{ message: 'You may not read this.', path: ['member', 'disclosures'], extensions: { code: 'FORBIDDEN' } }],
    }),
    AddFamilyContact: () => ({
      data: { addFamilyContact: { __typename: 'AddFamilyContactPayload', familyContact: null, userErrors: [
        { __typename: 'UserError', field: ['input', 'email'], message: 'Sam Doe has a contact with this address already.', code: 'DUPLICATE' },
      ] } },
    }),
  }, calls);
  render(renderAt(client, '/members/M1/family', '/members/:id/family', <FamilyPage />));
  return calls;
}

describe('FamilyPage', () => {
  it('shows the member, contacts and consents, and refuses disclosures politely', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Sam Doe' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Family' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('table', { name: 'Family contacts' }).textContent).toContain('ann@example.test');
    const consents = screen.getByRole('table', { name: 'Consents' });
    expect(consents.textContent).toContain('Ann Doe (Mother)');
    expect(consents.textContent).toContain('End of treatment');
    expect(consents.textContent).toContain('Active');
    expect(await screen.findByText(/open to administrators, case managers and clinicians only/)).toBeTruthy();
  });

  it('puts a userError next to its field', async () => {
    const calls = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Add family contact' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Ann Two' } });
    fireEvent.change(screen.getByLabelText(/^Relationship/), { target: { value: 'Sister' } });
    const email = screen.getByLabelText('Email');
    fireEvent.change(email, { target: { value: 'ann@example.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(document.getElementById('contact-email-error')?.textContent).toBe('Sam Doe has a contact with this address already.'));
    expect(email.getAttribute('aria-describedby')).toBe('contact-email-error');
    expect(calls.find((c) => c.name === 'AddFamilyContact')?.variables).toEqual({
      input: { memberId: 'M1', name: 'Ann Two', relationship: 'Sister', email: 'ann@example.test' },
    });
  });

  it('validates the consent form before sending', async () => {
    const calls = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Grant consent' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save consent' }));
    expect(await screen.findByText('Choose at least one kind of information.')).toBeTruthy();
    expect(screen.getByText('Enter the expiry date.')).toBeTruthy();
    expect(calls.some((c) => c.name === 'GrantConsent')).toBe(false);
  });
});
