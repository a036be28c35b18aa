import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { RecordRecoveryCapitalMutation, RecoveryCapitalQuery } from './planQueries';
import { BARC10_ITEMS, BARC10_REMISSION_THRESHOLD, BARC10_SCALE, barcChanges, barcTotal } from './planLogic';
import { useFormErrors } from '../../ui/useFormErrors';
import { FieldError } from '../../ui/FieldError';
import { LabelledField } from '../../ui/LabelledField';
import { FormFooter } from '../../ui/FormFooter';
import ActionPanel from '../ActionPanel';
import { isRefused } from '../refusal';
import { Empty, ErrorNote, Loading } from '../../ui/States';
import { formatInstantDateTime, dateTimeLocalValueToRfc3339, toDateTimeLocalValue } from '../../ui/dates';

// A new assessment in a mutation result makes urql fetch the history again.
const context = { additionalTypenames: ['RecoveryCapitalAssessment'] };

/** BARC-10 totals over time (oldest first), 47+ marked, and the form to record one. */
export default function RecoveryCapital({ memberId, canEdit, onSaved }: { memberId: string; canEdit: boolean; onSaved: (m: string) => void }) {
  const [{ data, fetching, error }] = useQuery({ query: RecoveryCapitalQuery, variables: { id: memberId }, context });
  const assessments = data?.member?.recoveryCapital?.nodes;
  const changes = barcChanges(assessments?.map((a) => a.total) ?? []);
  const refused = isRefused(error);

  return (
    <section aria-labelledby="barc-heading">
      <h2 id="barc-heading">BARC-10 history</h2>
      <p className="hint">Brief Assessment of Recovery Capital: ten answers from 1 to 6, a total from 10 to 60;
        {' '}{BARC10_REMISSION_THRESHOLD} or more predicted sustained remission.</p>
      {canEdit && !refused && (
        <div className="actions">
          <ActionPanel label="Record BARC-10">
            {(close) => (
              <BarcForm memberId={memberId} onCancel={close}
                onDone={(m) => { close(); onSaved(m); }} />
            )}
          </ActionPanel>
        </div>
      )}
      {fetching && !data && <Loading label="Loading BARC-10 history" />}
      {error && !assessments && (refused
        ? <p className="state">BARC-10 results are not shown to your role.</p>
        : <ErrorNote error={error} />)}
      {assessments && assessments.length === 0 && <Empty>No BARC-10 recorded yet.</Empty>}
      {assessments && assessments.length > 0 && (
        <table className="data-table barc-table">
          <caption>BARC-10 totals over time</caption>
          <thead>
            <tr><th scope="col">Assessed</th><th scope="col">Total</th><th scope="col">Change</th><th scope="col">Outlook</th></tr>
          </thead>
          <tbody>
            {assessments.map((a, i) => (
              <tr key={a.id}>
                <td data-label="Assessed">{formatInstantDateTime(a.assessedAt)}</td>
                <td data-label="Total">
                  <span className="barc-total">{a.total} of 60</span>
                  <svg width={60} height={8} aria-hidden="true" focusable="false" className="barc-bar">
                    <rect x={0} y={0} width={60} height={8} className="bar-track" />
                    <rect x={0} y={0} width={a.total} height={8} className={a.isSustainedRemissionLikely ? 'bar-fill ok' : 'bar-fill'} />
                  </svg>
                </td>
                <td data-label="Change">{changes[i] ?? '—'}</td>
                <td data-label="Outlook">
                  {a.isSustainedRemissionLikely
                    ? <span className="badge badge-ok"><span aria-hidden="true">★ </span>Likely sustained remission</span>
                    : <span className="hint">Below {BARC10_REMISSION_THRESHOLD}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function BarcForm({ memberId, onDone, onCancel }: { memberId: string; onDone: (m: string) => void; onCancel: () => void }) {
  const [answers, setAnswers] = useState<(number | null)[]>(Array(10).fill(null));
  const [assessedAt, setAssessedAt] = useState(toDateTimeLocalValue(new Date()));
  const [missing, setMissing] = useState(false);
  const [{ fetching, error }, record] = useMutation(RecordRecoveryCapitalMutation);
  const errs = useFormErrors(['answers', 'assessedAt']);
  const sum = barcTotal(answers);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!sum.complete) { setMissing(true); return; }
    setMissing(false);
    const r = await record({
      input: { memberId, answers: answers as number[], assessedAt: dateTimeLocalValueToRfc3339(assessedAt) },
    });
    errs.show(r.data?.recordRecoveryCapital.userErrors);
    const a = r.data?.recordRecoveryCapital.recoveryCapitalAssessment;
    if (a) onDone(`BARC-10 recorded: ${a.total} of 60${a.isSustainedRemissionLikely ? ', likely sustained remission' : ''}.`);
  }

  return (
    <form onSubmit={submit} onChange={errs.onChange} noValidate>
      <fieldset>
        <legend>Answers: 1 strongly disagree – 6 strongly agree</legend>
        <ol className="barc-items">
          {BARC10_ITEMS.map((item, i) => {
            const itemErrors = [
              ...(missing && answers[i] == null ? ['Choose an answer.'] : []),
              ...errs.of(`answers.${i}`),
            ];
            return (
              <li key={item}>
                <div className="field">
                  <label>
                    <span>Item {i + 1}: {item}</span>
                    <select name={`answers.${i}`} value={answers[i] ?? ''} aria-describedby={`barc-item-${i}-error`} aria-invalid={itemErrors.length > 0 || undefined}
                      onChange={(e) => setAnswers((as) => as.map((a, j) => (j === i ? (e.target.value ? Number(e.target.value) : null) : a)))}>
                      <option value="">Choose…</option>
                      {BARC10_SCALE.map((s) => <option key={s.value} value={s.value}>{s.value} – {s.label}</option>)}
                    </select>
                  </label>
                  <FieldError id={`barc-item-${i}-error`} messages={itemErrors} />
                </div>
              </li>
            );
          })}
        </ol>
        <FieldError id="barc-answers-error" messages={errs.at('answers')} />
      </fieldset>
      <div className="form-grid">
        <LabelledField label="Assessed at" errorId="barc-at-error" messages={errs.of('assessedAt')}>
          <input type="datetime-local" name="assessedAt" value={assessedAt} onChange={(e) => setAssessedAt(e.target.value)} aria-describedby="barc-at-error" />
        </LabelledField>
      </div>
      <p role="status" className="barc-preview">
        Total {sum.total} of 60{sum.complete ? '' : ` (${answers.filter((a) => a != null).length} of 10 answered)`}
        {sum.likelyRemission ? ' — likely sustained remission' : ''}
      </p>
      <FormFooter errors={errs.form} error={error} saving={fetching} submitLabel="Save BARC-10" onCancel={onCancel} />
    </form>
  );
}
