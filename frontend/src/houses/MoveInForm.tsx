import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { MoveInCandidatesQuery, MoveIntoHouseMutation } from './queries';
import { dateTimeLocalValueToRfc3339, toDateTimeLocalValue } from '../ui/dates';
import { useFormErrors } from '../ui/useFormErrors';
import { FieldError, FormError } from '../ui/FieldError';
import { ErrorNote } from '../ui/States';

/** Moves a member into this house: find them by name, pick a bed, say when. */
export default function MoveInForm({ houseId, freeBeds, full, onDone, onClose }: {
  houseId: string; freeBeds: string[]; full: boolean; onDone: () => void; onClose: () => void;
}) {
  const bedListId = useId();
  const memberFieldId = useId();
  const [search, setSearch] = useState('');
  const [memberId, setMemberId] = useState('');
  const [bed, setBed] = useState('');
  const [when, setWhen] = useState(() => toDateTimeLocalValue(new Date()));
  const [done, setDone] = useState<string | null>(null);
  const [candidates] = useQuery({
    query: MoveInCandidatesQuery,
    variables: { search: search.trim() },
    pause: search.trim().length < 2,
  });
  const [{ fetching, error }, moveIn] = useMutation(MoveIntoHouseMutation);
  const errs = useFormErrors(['memberId', 'bed', 'moveInAt']);
  const found = candidates.data?.members.nodes ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const moveInAt = dateTimeLocalValueToRfc3339(when);
    if (!memberId || !moveInAt) return;
    const result = await moveIn(
      { input: { memberId, houseId, bed: bed.trim() || null, moveInAt } },
      { additionalTypenames: ['Residency', 'House', 'Member'] },
    );
    errs.show(result.data?.moveIntoHouse.userErrors);
    const residency = result.data?.moveIntoHouse.residency;
    if (residency) {
      setDone(`${residency.member.displayName} moved in${residency.bed ? `, bed ${residency.bed}` : ''}.`);
      setMemberId('');
      setSearch('');
      setBed('');
      onDone();
    }
  }

  return (
    <form onSubmit={submit} onChange={errs.onChange} noValidate aria-label="Move a member in">
      {full && <p className="flag-bad" role="note">Every bed is taken: a move-in will be refused until someone moves out.</p>}
      <label>
        Find member
        <input type="search" value={search} onChange={(e) => { setSearch(e.target.value); setMemberId(''); errs.clear('memberId'); }}
          placeholder="First or last name" autoComplete="off" autoFocus />
      </label>
      <div className="field">
        <label htmlFor={memberFieldId}>Member</label>
        <select id={memberFieldId} name="memberId" value={memberId} onChange={(e) => setMemberId(e.target.value)} required
          aria-invalid={errs.of('memberId').length > 0} aria-describedby={`${memberFieldId}-error`}>
          <option value="">{search.trim().length < 2 ? 'Search first' : candidates.fetching ? 'Searching…' : found.length ? 'Choose a member' : 'Nobody found'}</option>
          {found.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}{m.currentResidency ? ` (lives in ${m.currentResidency.house.name})` : ''}
            </option>
          ))}
        </select>
      </div>
      <FieldError id={`${memberFieldId}-error`} messages={errs.of('memberId')} />
      <label>
        Bed
        <input name="bed" value={bed} onChange={(e) => setBed(e.target.value)} list={bedListId} placeholder="Optional, e.g. A2"
          aria-invalid={errs.of('bed').length > 0} aria-describedby={`${memberFieldId}-bed-error`} />
        <datalist id={bedListId}>{freeBeds.map((b) => <option key={b} value={b} />)}</datalist>
      </label>
      <FieldError id={`${memberFieldId}-bed-error`} messages={errs.of('bed')} />
      <label>
        Move-in date
        <input type="datetime-local" name="moveInAt" value={when} onChange={(e) => setWhen(e.target.value)} required
          aria-invalid={errs.of('moveInAt').length > 0} aria-describedby={`${memberFieldId}-when-error`} />
      </label>
      <FieldError id={`${memberFieldId}-when-error`} messages={errs.of('moveInAt')} />
      <FormError messages={errs.form} />
      {error && <ErrorNote error={error} />}
      {done && <p className="success" role="status">{done}</p>}
      <div className="actions">
        <button type="submit" disabled={fetching || !memberId || !when}>{fetching ? 'Saving…' : 'Save move-in'}</button>
        <button type="button" className="secondary" onClick={onClose}>Close</button>
      </div>
    </form>
  );
}
