import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { MoveInCandidatesQuery, MoveIntoHouseMutation } from './queries';
import { dateTimeLocalValueToRfc3339, toDateTimeLocalValue } from '../ui/dates';
import { errorsFor, otherErrors } from './userErrors';
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
  const [{ data, fetching, error }, moveIn] = useMutation(MoveIntoHouseMutation);
  const userErrors = data?.moveIntoHouse.userErrors ?? [];
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
    <form onSubmit={submit} noValidate aria-label="Move a member in">
      {full && <p className="flag-bad" role="note">Every bed is taken: a move-in will be refused until someone moves out.</p>}
      <label>
        Find member
        <input type="search" value={search} onChange={(e) => { setSearch(e.target.value); setMemberId(''); }}
          placeholder="First or last name" autoComplete="off" autoFocus />
      </label>
      <div className="field">
        <label htmlFor={memberFieldId}>Member</label>
        <select id={memberFieldId} value={memberId} onChange={(e) => setMemberId(e.target.value)} required
          aria-invalid={errorsFor(userErrors, 'memberId').length > 0}>
          <option value="">{search.trim().length < 2 ? 'Search first' : candidates.fetching ? 'Searching…' : found.length ? 'Choose a member' : 'Nobody found'}</option>
          {found.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}{m.currentResidency ? ` (lives in ${m.currentResidency.house.name})` : ''}
            </option>
          ))}
        </select>
      </div>
      {errorsFor(userErrors, 'memberId').map((u) => <p key={u.message} className="field-error" role="alert">{u.message}</p>)}
      <label>
        Bed
        <input value={bed} onChange={(e) => setBed(e.target.value)} list={bedListId} placeholder="Optional, e.g. A2"
          aria-invalid={errorsFor(userErrors, 'bed').length > 0} />
        <datalist id={bedListId}>{freeBeds.map((b) => <option key={b} value={b} />)}</datalist>
      </label>
      {errorsFor(userErrors, 'bed').map((u) => <p key={u.message} className="field-error" role="alert">{u.message}</p>)}
      <label>
        Move-in date
        <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} required
          aria-invalid={errorsFor(userErrors, 'moveInAt').length > 0} />
      </label>
      {errorsFor(userErrors, 'moveInAt').map((u) => <p key={u.message} className="field-error" role="alert">{u.message}</p>)}
      {otherErrors(userErrors, ['memberId', 'bed', 'moveInAt']).map((u) => (
        <p key={u.code + u.message} className="field-error" role="alert">{u.message}</p>
      ))}
      {error && <ErrorNote error={error} />}
      {done && <p className="success" role="status">{done}</p>}
      <div className="actions">
        <button type="submit" disabled={fetching || !memberId || !when}>{fetching ? 'Saving…' : 'Save move-in'}</button>
        <button type="button" className="secondary" onClick={onClose}>Close</button>
      </div>
    </form>
  );
}
