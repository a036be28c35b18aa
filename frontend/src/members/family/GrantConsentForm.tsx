import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { GrantConsentMutation } from './familyQueries';
import { INFORMATION_KINDS, INFORMATION_KIND_LABELS, grantConsentInput, type ClientError, type GrantForm } from './familyLogic';
import type { Contact } from './Contacts';
import { errorsFor, otherErrors, type UserErrorLike } from '../formErrors';
import { FieldErrors, FormErrors } from '../FieldErrors';
import { toDateTimeLocalValue } from '../../ui/dates';

const FIELDS = ['familyContactId', 'partnerName', 'apiKeyId', 'informationKinds', 'purpose', 'expiresAt', 'expiresOnEvent', 'signatureName', 'signedAt'];

/** The signed consent form (42 CFR Part 2 §2.31): recipient, what, why, until when, signature. */
export default function GrantConsentForm({ memberId, contacts, onDone, onCancel }: {
  memberId: string; contacts: Contact[]; onDone: (m: string) => void; onCancel: () => void;
}) {
  const [form, setForm] = useState<GrantForm>({
    recipientKind: contacts.length > 0 ? 'contact' : 'partner',
    familyContactId: contacts[0]?.id ?? '',
    partnerName: '',
    informationKinds: [],
    purpose: '',
    expiryKind: 'date',
    expiryDate: '',
    signatureName: '',
    signedAt: toDateTimeLocalValue(new Date()),
  });
  const [clientErrors, setClientErrors] = useState<ClientError[]>([]);
  const [{ fetching, data, error }, grant] = useMutation(GrantConsentMutation);
  const errs: UserErrorLike[] = [...clientErrors, ...(data?.grantConsent.userErrors ?? [])];
  const set = <K extends keyof GrantForm>(key: K, value: GrantForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { input, errors } = grantConsentInput(memberId, form);
    setClientErrors(errors);
    if (!input) return;
    const r = await grant({ input });
    if (r.data?.grantConsent.consent) onDone('Consent recorded.');
  }

  function toggleKind(kind: (typeof INFORMATION_KINDS)[number], on: boolean) {
    set('informationKinds', on ? [...form.informationKinds, kind] : form.informationKinds.filter((k) => k !== kind));
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="form-grid">
        <fieldset className="wide">
          <legend>Recipient</legend>
          <label className="choice">
            <input type="radio" name="recipientKind" checked={form.recipientKind === 'contact'} disabled={contacts.length === 0}
              onChange={() => set('recipientKind', 'contact')} />
            A family contact{contacts.length === 0 && <span className="hint"> (add one first)</span>}
          </label>
          <label className="choice">
            <input type="radio" name="recipientKind" checked={form.recipientKind === 'partner'} onChange={() => set('recipientKind', 'partner')} />
            A partner organisation, by name
          </label>
          {form.recipientKind === 'contact' ? (
            <div className="field">
              <label>
                Family contact
                <select value={form.familyContactId} onChange={(e) => set('familyContactId', e.target.value)} aria-describedby="grant-contact-error">
                  {contacts.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.relationship})</option>)}
                </select>
              </label>
              <FieldErrors id="grant-contact-error" messages={errorsFor(errs, 'familyContactId')} />
            </div>
          ) : (
            <div className="field">
              <label>
                Partner name
                <input type="text" value={form.partnerName} onChange={(e) => set('partnerName', e.target.value)} aria-describedby="grant-partner-error" />
              </label>
              <FieldErrors id="grant-partner-error" messages={[...errorsFor(errs, 'partnerName'), ...errorsFor(errs, 'apiKeyId')]} />
            </div>
          )}
        </fieldset>
        <fieldset className="wide" aria-describedby="grant-kinds-error">
          <legend>Information to disclose</legend>
          {INFORMATION_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="checkbox" checked={form.informationKinds.includes(k)} onChange={(e) => toggleKind(k, e.target.checked)} />
              {INFORMATION_KIND_LABELS[k]}
            </label>
          ))}
          <FieldErrors id="grant-kinds-error" messages={errorsFor(errs, 'informationKinds')} />
        </fieldset>
        <div className="field wide">
          <label>
            Purpose
            <input type="text" value={form.purpose} onChange={(e) => set('purpose', e.target.value)} aria-describedby="grant-purpose-error" />
          </label>
          <FieldErrors id="grant-purpose-error" messages={errorsFor(errs, 'purpose')} />
        </div>
        <fieldset className="wide">
          <legend>Expiry</legend>
          <label className="choice">
            <input type="radio" name="expiryKind" checked={form.expiryKind === 'date'} onChange={() => set('expiryKind', 'date')} />
            On a date
          </label>
          <label className="choice">
            <input type="radio" name="expiryKind" checked={form.expiryKind === 'event'} onChange={() => set('expiryKind', 'event')} />
            End of treatment <span className="hint">(the member’s first discharge after signing)</span>
          </label>
          {form.expiryKind === 'date' && (
            <label>
              Expiry date <span className="hint">(the consent ends at the end of that day)</span>
              <input type="date" value={form.expiryDate} onChange={(e) => set('expiryDate', e.target.value)} aria-describedby="grant-expiry-error" />
            </label>
          )}
          <FieldErrors id="grant-expiry-error" messages={[...errorsFor(errs, 'expiresAt'), ...errorsFor(errs, 'expiresOnEvent')]} />
        </fieldset>
        <div className="field">
          <label>
            Signature name
            <input type="text" value={form.signatureName} onChange={(e) => set('signatureName', e.target.value)} aria-describedby="grant-signature-error" />
          </label>
          <FieldErrors id="grant-signature-error" messages={errorsFor(errs, 'signatureName')} />
        </div>
        <div className="field">
          <label>
            Signed at
            <input type="datetime-local" value={form.signedAt} onChange={(e) => set('signedAt', e.target.value)} aria-describedby="grant-signed-error" />
          </label>
          <FieldErrors id="grant-signed-error" messages={errorsFor(errs, 'signedAt')} />
        </div>
      </div>
      <FormErrors messages={[...otherErrors(errs, FIELDS), ...(error ? [error.message] : [])]} />
      <div className="form-buttons">
        <button type="submit" disabled={fetching}>{fetching ? 'Saving…' : 'Save consent'}</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
