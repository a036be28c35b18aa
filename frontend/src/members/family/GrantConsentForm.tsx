import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { GrantConsentMutation } from './familyQueries';
import { INFORMATION_KINDS, INFORMATION_KIND_LABELS, grantConsentInput, type GrantForm } from './familyLogic';
import type { Contact } from './Contacts';
import { useFormErrors } from '../../ui/useFormErrors';
import { FieldError } from '../../ui/FieldError';
import { LabelledField } from '../../ui/LabelledField';
import { FormFooter } from '../../ui/FormFooter';
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
  const [{ fetching, error }, grant] = useMutation(GrantConsentMutation);
  const errs = useFormErrors(FIELDS);
  const set = <K extends keyof GrantForm>(key: K, value: GrantForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { input, errors } = grantConsentInput(memberId, form);
    if (!input) {
      errs.show(errors);
      return;
    }
    const r = await grant({ input });
    errs.show(r.data?.grantConsent.userErrors);
    if (r.data?.grantConsent.consent) onDone('Consent recorded.');
  }

  function toggleKind(kind: (typeof INFORMATION_KINDS)[number], on: boolean) {
    set('informationKinds', on ? [...form.informationKinds, kind] : form.informationKinds.filter((k) => k !== kind));
  }

  return (
    <form onSubmit={submit} onChange={errs.onChange} noValidate>
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
            <LabelledField label="Family contact" errorId="grant-contact-error" messages={errs.of('familyContactId')}>
              <select name="familyContactId" value={form.familyContactId} onChange={(e) => set('familyContactId', e.target.value)} aria-describedby="grant-contact-error">
                {contacts.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.relationship})</option>)}
              </select>
            </LabelledField>
          ) : (
            <LabelledField label="Partner name" errorId="grant-partner-error" messages={[...errs.of('partnerName'), ...errs.of('apiKeyId')]}>
              <input type="text" name="partnerName" value={form.partnerName} onChange={(e) => set('partnerName', e.target.value)} aria-describedby="grant-partner-error" />
            </LabelledField>
          )}
        </fieldset>
        <fieldset className="wide" aria-describedby="grant-kinds-error">
          <legend>Information to disclose</legend>
          {INFORMATION_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="checkbox" name="informationKinds" checked={form.informationKinds.includes(k)} onChange={(e) => toggleKind(k, e.target.checked)} />
              {INFORMATION_KIND_LABELS[k]}
            </label>
          ))}
          <FieldError id="grant-kinds-error" messages={errs.of('informationKinds')} />
        </fieldset>
        <LabelledField label="Purpose" errorId="grant-purpose-error" messages={errs.of('purpose')} wide>
          <input type="text" name="purpose" value={form.purpose} onChange={(e) => set('purpose', e.target.value)} aria-describedby="grant-purpose-error" />
        </LabelledField>
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
              <input type="date" name="expiresAt" value={form.expiryDate} onChange={(e) => set('expiryDate', e.target.value)} aria-describedby="grant-expiry-error" />
            </label>
          )}
          <FieldError id="grant-expiry-error" messages={[...errs.of('expiresAt'), ...errs.of('expiresOnEvent')]} />
        </fieldset>
        <LabelledField label="Signature name" errorId="grant-signature-error" messages={errs.of('signatureName')}>
          <input type="text" name="signatureName" value={form.signatureName} onChange={(e) => set('signatureName', e.target.value)} aria-describedby="grant-signature-error" />
        </LabelledField>
        <LabelledField label="Signed at" errorId="grant-signed-error" messages={errs.of('signedAt')}>
          <input type="datetime-local" name="signedAt" value={form.signedAt} onChange={(e) => set('signedAt', e.target.value)} aria-describedby="grant-signed-error" />
        </LabelledField>
      </div>
      <FormFooter errors={errs.form} error={error} saving={fetching} submitLabel="Save consent" onCancel={onCancel} />
    </form>
  );
}
