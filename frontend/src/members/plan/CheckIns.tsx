import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { PlanCheckInsQuery, RecordCheckInMutation } from './planQueries';
import CravingTrend from './CravingTrend';
import { useFormErrors } from '../../ui/useFormErrors';
import { FieldError } from '../../ui/FieldError';
import { LabelledField } from '../../ui/LabelledField';
import { FormFooter } from '../../ui/FormFooter';
import ActionPanel from '../ActionPanel';
import { isRefused } from '../refusal';
import { Empty, ErrorNote, Loading } from '../../ui/States';
import { formatCalendarDate, todayCalendarDate } from '../../ui/dates';

const PAGE = 20;
// A new check-in (a CheckIn in a mutation result) makes urql fetch the list again.
const context = { additionalTypenames: ['CheckIn'] };

/** The plan's check-ins, newest first, a page at a time: the craving trend and the table under it. */
export default function CheckIns({ planId, canRecord, onSaved }: { planId: string; canRecord: boolean; onSaved: (m: string) => void }) {
  // Cursors of the pages before this one; the last is this page's `after`.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const [{ data, fetching, error }] = useQuery({ query: PlanCheckInsQuery, variables: { id: planId, first: PAGE, after }, context });
  const connection = data?.aftercarePlan?.checkIns;

  function saved(message: string) {
    setCursors([null]);
    onSaved(message);
  }

  return (
    <section aria-labelledby="checkins-heading">
      <h3 id="checkins-heading">Check-ins</h3>
      {canRecord && (
        <div className="actions">
          <ActionPanel label="Record check-in">
            {(close) => <CheckInForm planId={planId} onCancel={close} onDone={(m) => { close(); saved(m); }} />}
          </ActionPanel>
        </div>
      )}
      {fetching && !data && <Loading label="Loading check-ins" />}
      {error && !connection && (isRefused(error)
        ? <p className="state">Check-ins are not shown to your role.</p>
        : <ErrorNote error={error} />)}
      {connection && connection.nodes.length === 0 && <Empty>No check-ins yet.</Empty>}
      {connection && connection.nodes.length > 0 && (
        <>
          <CravingTrend checkIns={connection.nodes} />
          <table className="data-table">
            <caption>Check-ins ({connection.totalCount})</caption>
            <thead>
              <tr><th scope="col">Date</th><th scope="col">Abstinent</th><th scope="col">Craving</th><th scope="col">Coping skills</th><th scope="col">Note</th></tr>
            </thead>
            <tbody>
              {connection.nodes.map((c) => (
                <tr key={c.id}>
                  <td data-label="Date">{formatCalendarDate(c.occurredOn)}</td>
                  <td data-label="Abstinent">{c.isAbstinent ? 'Yes' : <strong>No</strong>}</td>
                  <td data-label="Craving">{c.craving} of 10</td>
                  <td data-label="Coping skills">{c.copingSkills.join(', ') || '—'}</td>
                  <td data-label="Note">{c.note || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="secondary" disabled={cursors.length < 2}
              onClick={() => setCursors((cs) => cs.slice(0, -1))}>Newer check-ins</button>
            <button type="button" className="secondary" disabled={!connection.pageInfo.hasNextPage}
              onClick={() => setCursors((cs) => [...cs, connection.pageInfo.endCursor ?? null])}>Older check-ins</button>
          </div>
        </>
      )}
    </section>
  );
}

function CheckInForm({ planId, onDone, onCancel }: { planId: string; onDone: (m: string) => void; onCancel: () => void }) {
  const [occurredOn, setOccurredOn] = useState(todayCalendarDate());
  const [abstinent, setAbstinent] = useState<'yes' | 'no' | ''>('');
  const [craving, setCraving] = useState('');
  const [skills, setSkills] = useState('');
  const [note, setNote] = useState('');
  const [{ fetching, error }, record] = useMutation(RecordCheckInMutation);
  const errs = useFormErrors(['occurredOn', 'isAbstinent', 'craving', 'copingSkills', 'note']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const n = Number(craving);
    const problems = {
      isAbstinent: abstinent === '' ? 'Say whether they were abstinent since the last check-in.' : undefined,
      craving: craving.trim() === '' || !Number.isInteger(n) || n < 0 || n > 10 ? 'Enter craving from 0 to 10.' : undefined,
    };
    if (problems.isAbstinent || problems.craving) {
      errs.show([], problems);
      return;
    }
    const r = await record({
      input: {
        aftercarePlanId: planId,
        occurredOn,
        isAbstinent: abstinent === 'yes',
        craving: n,
        copingSkills: skills.split(',').map((s) => s.trim()).filter(Boolean),
        note: note.trim() || null,
      },
    });
    errs.show(r.data?.recordCheckIn.userErrors);
    if (r.data?.recordCheckIn.checkIn) onDone('Check-in recorded.');
  }

  return (
    <form onSubmit={submit} onChange={errs.onChange} noValidate>
      <div className="form-grid">
        <LabelledField label="Date" errorId="checkin-date-error" messages={errs.of('occurredOn')}>
          <input type="date" name="occurredOn" required max={todayCalendarDate()} value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)}
            aria-describedby="checkin-date-error" />
        </LabelledField>
        <fieldset aria-describedby="checkin-abstinent-error">
          <legend>Abstinent since the last check-in</legend>
          <label className="choice">
            <input type="radio" name="isAbstinent" value="yes" checked={abstinent === 'yes'} onChange={() => setAbstinent('yes')} /> Yes
          </label>
          <label className="choice">
            <input type="radio" name="isAbstinent" value="no" checked={abstinent === 'no'} onChange={() => setAbstinent('no')} /> No
          </label>
          <FieldError id="checkin-abstinent-error" messages={errs.of('isAbstinent')} />
        </fieldset>
        <LabelledField label={<>Craving <span className="hint">(0 none – 10 strongest)</span></>} errorId="checkin-craving-error" messages={errs.of('craving')}>
          <input type="number" name="craving" inputMode="numeric" min={0} max={10} required value={craving}
            onChange={(e) => setCraving(e.target.value)} aria-describedby="checkin-craving-error"
            aria-invalid={errs.of('craving').length > 0 || undefined} />
        </LabelledField>
        <LabelledField label={<>Coping skills <span className="hint">(separate with commas)</span></>} errorId="checkin-skills-error" messages={errs.of('copingSkills')} wide>
          <input type="text" name="copingSkills" value={skills} onChange={(e) => setSkills(e.target.value)} aria-describedby="checkin-skills-error" />
        </LabelledField>
        <LabelledField label="Note" errorId="checkin-note-error" messages={errs.of('note')} wide>
          <textarea rows={2} name="note" value={note} onChange={(e) => setNote(e.target.value)} aria-describedby="checkin-note-error" />
        </LabelledField>
      </div>
      <FormFooter errors={errs.form} error={error} saving={fetching} submitLabel="Save check-in" onCancel={onCancel} />
    </form>
  );
}
