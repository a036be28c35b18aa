import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { AddFamilyContactMutation, InviteFamilyContactMutation } from './familyQueries';
import InvitationResult, { type Invitation } from './InvitationResult';
import { useFormErrors } from '../../ui/useFormErrors';
import { userErrorMessages } from '../../ui/userErrors';
import { FormError } from '../../ui/FieldError';
import { LabelledField } from '../../ui/LabelledField';
import { FormFooter } from '../../ui/FormFooter';
import ActionPanel from '../ActionPanel';
import { Empty } from '../../ui/States';

/** What a contact row (and the consent form's contact picker) shows; the family query and the add mutation spread it. */
export const FamilyContactFields = graphql(`
  fragment FamilyContactFields on FamilyContact {
    id name relationship email hasAccount
  }
`);

export interface Contact { id: string; name: string; relationship: string; email: string; hasAccount: boolean }

/** The member's family contacts: add one, invite one to the family portal (the link is shown once). */
export default function Contacts({ memberId, contacts, canEdit, onSaved }: {
  memberId: string; contacts: Contact[]; canEdit: boolean; onSaved: (m: string) => void;
}) {
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">Family contacts</h2>
      {canEdit && <div className="actions">
        <ActionPanel label="Add family contact">
          {(close) => <AddContactForm memberId={memberId} onCancel={close} onDone={(m) => { close(); onSaved(m); }} />}
        </ActionPanel>
      </div>}
      {invitation && <InvitationResult invitation={invitation} onDismiss={() => setInvitation(null)} />}
      {contacts.length === 0 ? <Empty>No family contacts yet.</Empty> : (
        <table className="data-table">
          <caption className="visually-hidden">Family contacts</caption>
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Relationship</th><th scope="col">Email</th><th scope="col">Family portal</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {contacts.map((c) => (
              <tr key={c.id}>
                <td data-label="Name">{c.name}</td>
                <td data-label="Relationship">{c.relationship}</td>
                <td data-label="Email">{c.email}</td>
                <td data-label="Family portal">
                  {c.hasAccount
                    ? <span className="badge badge-ok"><span aria-hidden="true">✓ </span>Has account</span>
                    : <span className="badge badge-muted">No account</span>}
                </td>
                <td>
                  {canEdit && !c.hasAccount && (
                    <InviteButton contact={c} onInvited={(inv) => { setInvitation(inv); onSaved(`Invitation created for ${c.name}.`); }} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function InviteButton({ contact, onInvited }: { contact: Contact; onInvited: (i: Invitation) => void }) {
  const [{ fetching, data, error }, invite] = useMutation(InviteFamilyContactMutation);
  const errs = userErrorMessages(data?.inviteFamilyContact.userErrors);

  async function doInvite() {
    const r = await invite({ input: { familyContactId: contact.id } });
    const p = r.data?.inviteFamilyContact;
    if (p?.invitationUrl && p.invitationToken) {
      onInvited({ name: contact.name, email: contact.email, url: p.invitationUrl, token: p.invitationToken, expiresAt: p.expiresAt ?? null });
    }
  }

  return (
    <>
      <button type="button" className="secondary" onClick={doInvite} disabled={fetching}
        aria-label={`Invite ${contact.name}`}>
        {fetching ? 'Inviting…' : 'Invite'}
      </button>
      <FormError messages={[...errs, ...(error ? [error.message] : [])]} />
    </>
  );
}

function AddContactForm({ memberId, onDone, onCancel }: { memberId: string; onDone: (m: string) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState('');
  const [email, setEmail] = useState('');
  const [{ fetching, error }, add] = useMutation(AddFamilyContactMutation);
  const errs = useFormErrors(['name', 'relationship', 'email']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await add({ input: { memberId, name: name.trim(), relationship: relationship.trim(), email: email.trim() } });
    errs.show(r.data?.addFamilyContact.userErrors);
    if (r.data?.addFamilyContact.familyContact) onDone(`${name.trim()} added as a family contact.`);
  }

  return (
    <form onSubmit={submit} onChange={errs.onChange} noValidate>
      <div className="form-grid">
        <LabelledField label="Name" errorId="contact-name-error" messages={errs.of('name')}>
          <input type="text" name="name" autoComplete="off" required value={name} onChange={(e) => setName(e.target.value)} aria-describedby="contact-name-error" />
        </LabelledField>
        <LabelledField label={<>Relationship <span className="hint">(e.g. Mother, Partner, Friend)</span></>} errorId="contact-relationship-error" messages={errs.of('relationship')}>
          <input type="text" name="relationship" autoComplete="off" required value={relationship} onChange={(e) => setRelationship(e.target.value)}
            aria-describedby="contact-relationship-error" />
        </LabelledField>
        <LabelledField label="Email" errorId="contact-email-error" messages={errs.of('email')}>
          <input type="email" name="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} aria-describedby="contact-email-error" />
        </LabelledField>
      </div>
      <FormFooter errors={errs.form} error={error} saving={fetching} submitLabel="Save contact" onCancel={onCancel} />
    </form>
  );
}
