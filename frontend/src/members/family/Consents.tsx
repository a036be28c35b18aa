import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { RevokeConsentMutation } from './familyQueries';
import { CONSENT_STATUS_LABELS, INFORMATION_KIND_LABELS, consentExpiry, consentRecipient } from './familyLogic';
import GrantConsentForm from './GrantConsentForm';
import type { Contact } from './Contacts';
import { useFormErrors } from '../../ui/useFormErrors';
import { FieldError } from '../../ui/FieldError';
import { FormFooter } from '../../ui/FormFooter';
import ActionPanel from '../ActionPanel';
import { Empty } from '../../ui/States';
import { formatInstantDateTime } from '../../ui/dates';
import type { ConsentStatus, InformationKind } from '../../gql/graphql';

/** What a consent row shows; the family query and the consent mutations spread it. */
export const ConsentFields = graphql(`
  fragment ConsentFields on Consent {
    id
    familyContact { id name relationship }
    partnerName
    purpose
    informationKinds
    expiresAt
    expiresOnEvent
    signatureName
    signedAt
    status
    revokedAt
    revocationReason
    recordedAt
  }
`);

export interface ConsentRow {
  id: string;
  familyContact?: { id: string; name: string; relationship: string } | null;
  partnerName?: string | null;
  purpose: string;
  informationKinds: InformationKind[];
  expiresAt?: string | null;
  expiresOnEvent?: string | null;
  signatureName: string;
  signedAt: string;
  status: ConsentStatus;
  revokedAt?: string | null;
  revocationReason?: string | null;
}

const statusBadge: Record<ConsentStatus, string> = { ACTIVE: 'badge-ok', EXPIRED: 'badge-muted', REVOKED: 'badge-danger' };
const statusIcon: Record<ConsentStatus, string> = { ACTIVE: '✓', EXPIRED: '○', REVOKED: '✗' };

/** The member's consents (newest signature first), granting one, revoking one with a reason. */
export default function Consents({ memberId, contacts, consents, canEdit, onSaved }: {
  memberId: string; contacts: Contact[]; consents: ConsentRow[]; canEdit: boolean; onSaved: (m: string) => void;
}) {
  return (
    <section aria-labelledby="consents-heading">
      <h2 id="consents-heading">Consents</h2>
      {canEdit && <div className="actions">
        <ActionPanel label="Grant consent">
          {(close) => <GrantConsentForm memberId={memberId} contacts={contacts} onCancel={close} onDone={(m) => { close(); onSaved(m); }} />}
        </ActionPanel>
      </div>}
      {consents.length === 0 ? <Empty>No consents recorded.</Empty> : (
        <table className="data-table consents">
          <caption className="visually-hidden">Consents</caption>
          <thead>
            <tr>
              <th scope="col">Recipient</th><th scope="col">Information</th><th scope="col">Purpose</th>
              <th scope="col">Expires</th><th scope="col">Status</th><th scope="col">Signed</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {consents.map((c) => (
              <tr key={c.id}>
                <td data-label="Recipient">{consentRecipient(c)}</td>
                <td data-label="Information">{c.informationKinds.map((k) => INFORMATION_KIND_LABELS[k]).join(', ')}</td>
                <td data-label="Purpose">{c.purpose}</td>
                <td data-label="Expires">{consentExpiry(c)}</td>
                <td data-label="Status">
                  <span className={`badge ${statusBadge[c.status]}`}>
                    <span aria-hidden="true">{statusIcon[c.status]} </span>{CONSENT_STATUS_LABELS[c.status]}
                  </span>
                  {c.status === 'REVOKED' && (
                    <span className="hint revoked-note">
                      {' '}on {formatInstantDateTime(c.revokedAt)}{c.revocationReason ? `: ${c.revocationReason}` : ''}
                    </span>
                  )}
                </td>
                <td data-label="Signed">{c.signatureName}, {formatInstantDateTime(c.signedAt)}</td>
                <td>
                  {canEdit && c.status !== 'REVOKED' && <RevokeConsent consent={c} onSaved={onSaved} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RevokeConsent({ consent, onSaved }: { consent: ConsentRow; onSaved: (m: string) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [{ fetching, error }, revoke] = useMutation(RevokeConsentMutation);
  const errs = useFormErrors(['reason']);
  const who = consentRecipient(consent);
  const errorId = `revoke-${consent.id}-error`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await revoke({ input: { consentId: consent.id, reason: reason.trim() } });
    errs.show(r.data?.revokeConsent.userErrors);
    if (r.data?.revokeConsent.consent) { setOpen(false); onSaved(`Consent for ${who} revoked.`); }
  }

  if (!open) {
    return (
      <button type="button" className="secondary" aria-label={`Revoke consent for ${who}`} onClick={() => setOpen(true)}>
        Revoke
      </button>
    );
  }
  return (
    <form className="revoke-form" onSubmit={submit} onChange={errs.onChange} noValidate>
      <div className="field">
        <label>
          Reason for revoking<span className="visually-hidden"> the consent for {who}</span>
          <input type="text" name="reason" required value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={errorId} autoFocus />
        </label>
        <FieldError id={errorId} messages={errs.of('reason')} />
      </div>
      <FormFooter errors={errs.form} error={error} saving={fetching} submitLabel="Confirm revoke" savingLabel="Revoking…" onCancel={() => setOpen(false)} />
    </form>
  );
}
