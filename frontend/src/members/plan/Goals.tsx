import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { AddGoalMutation, UpdateGoalMutation } from './planQueries';
import { GOAL_CATEGORIES, GOAL_CATEGORY_LABELS, GOAL_STATUSES, GOAL_STATUS_LABELS, groupGoals } from './planLogic';
import { errorsFor, otherErrors } from '../formErrors';
import { FieldErrors, FormErrors } from '../FieldErrors';
import ActionPanel from '../ActionPanel';
import { Empty } from '../../ui/States';
import { formatCalendarDate } from '../../ui/dates';
import type { AftercareGoalCategory, AftercareGoalStatus } from '../../gql/graphql';

export interface Goal {
  id: string;
  category: AftercareGoalCategory;
  description: string;
  targetOn?: string | null;
  status: AftercareGoalStatus;
}

const statusBadge: Record<AftercareGoalStatus, string> = {
  NOT_STARTED: 'badge-muted', IN_PROGRESS: 'badge-accent', ACHIEVED: 'badge-ok', DEFERRED: 'badge-warn',
};
const statusIcon: Record<AftercareGoalStatus, string> = {
  NOT_STARTED: '○', IN_PROGRESS: '◐', ACHIEVED: '✓', DEFERRED: '⏸',
};

export function GoalStatusBadge({ status }: { status: AftercareGoalStatus }) {
  return (
    <span className={`badge ${statusBadge[status]}`}>
      <span aria-hidden="true">{statusIcon[status]} </span>{GOAL_STATUS_LABELS[status]}
    </span>
  );
}

/** The plan's goals by category, each with its status, and the forms to add one or change a status. */
export default function Goals({ planId, goals, editable, onSaved }: {
  planId: string; goals: Goal[]; editable: boolean; onSaved: (message: string) => void;
}) {
  const groups = groupGoals(goals);
  return (
    <section aria-labelledby="goals-heading">
      <h3 id="goals-heading">Goals</h3>
      {editable && (
        <div className="actions">
          <ActionPanel label="Add goal">
            {(close) => <AddGoalForm planId={planId} onCancel={close} onDone={(m) => { close(); onSaved(m); }} />}
          </ActionPanel>
        </div>
      )}
      {groups.length === 0 && <Empty>No goals yet.</Empty>}
      {groups.map((g) => (
        <div key={g.category} className="goal-group">
          <h4>{g.label}</h4>
          <ul className="plain-list">
            {g.goals.map((goal) => (
              <li key={goal.id} className="card goal">
                <div className="goal-head">
                  <span className="goal-text">{goal.description}</span>
                  <GoalStatusBadge status={goal.status} />
                </div>
                {goal.targetOn && <p className="hint">Target {formatCalendarDate(goal.targetOn)}</p>}
                {editable && <GoalStatusForm goal={goal} onSaved={onSaved} />}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function GoalStatusForm({ goal, onSaved }: { goal: Goal; onSaved: (message: string) => void }) {
  const [status, setStatus] = useState<AftercareGoalStatus>(goal.status);
  const [{ fetching, data, error }, update] = useMutation(UpdateGoalMutation);
  const errs = data?.updateAftercareGoal.userErrors;
  const errorId = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await update({ input: { aftercareGoalId: goal.id, status } });
    if (r.data?.updateAftercareGoal.aftercareGoal) onSaved(`Goal status set to ${GOAL_STATUS_LABELS[status]}.`);
  }

  return (
    <form className="inline-form" onSubmit={submit}>
      <label>
        <span>New status<span className="visually-hidden"> for {goal.description}</span></span>
        <select value={status} onChange={(e) => setStatus(e.target.value as AftercareGoalStatus)} aria-describedby={errorId}>
          {GOAL_STATUSES.map((s) => <option key={s} value={s}>{GOAL_STATUS_LABELS[s]}</option>)}
        </select>
      </label>
      <button type="submit" className="secondary" disabled={fetching || status === goal.status}>
        {fetching ? 'Saving…' : 'Update goal status'}
      </button>
      <FieldErrors id={errorId} messages={[...errorsFor(errs, 'status'), ...otherErrors(errs, ['status']), ...(error ? [error.message] : [])]} />
    </form>
  );
}

function AddGoalForm({ planId, onDone, onCancel }: { planId: string; onDone: (m: string) => void; onCancel: () => void }) {
  const [category, setCategory] = useState<AftercareGoalCategory>('RELAPSE_PREVENTION');
  const [description, setDescription] = useState('');
  const [targetOn, setTargetDate] = useState('');
  const [status, setStatus] = useState<AftercareGoalStatus>('NOT_STARTED');
  const [{ fetching, data, error }, add] = useMutation(AddGoalMutation);
  const errs = data?.addAftercareGoal.userErrors;
  const fields = ['category', 'description', 'targetOn', 'status'];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await add({
      input: { aftercarePlanId: planId, category, description: description.trim(), targetOn: targetOn || null, status },
    });
    if (r.data?.addAftercareGoal.aftercareGoal) onDone('Goal added.');
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="form-grid">
        <div className="field">
          <label>
            Category
            <select value={category} onChange={(e) => setCategory(e.target.value as AftercareGoalCategory)} aria-describedby="goal-category-error">
              {GOAL_CATEGORIES.map((c) => <option key={c} value={c}>{GOAL_CATEGORY_LABELS[c]}</option>)}
            </select>
          </label>
          <FieldErrors id="goal-category-error" messages={errorsFor(errs, 'category')} />
        </div>
        <div className="field wide">
          <label>
            Goal
            <input type="text" required value={description} onChange={(e) => setDescription(e.target.value)}
              aria-describedby="goal-description-error" />
          </label>
          <FieldErrors id="goal-description-error" messages={errorsFor(errs, 'description')} />
        </div>
        <div className="field">
          <label>
            Target date <span className="hint">(optional)</span>
            <input type="date" value={targetOn} onChange={(e) => setTargetDate(e.target.value)} aria-describedby="goal-target-error" />
          </label>
          <FieldErrors id="goal-target-error" messages={errorsFor(errs, 'targetOn')} />
        </div>
        <div className="field">
          <label>
            Status
            <select value={status} onChange={(e) => setStatus(e.target.value as AftercareGoalStatus)} aria-describedby="goal-status-error">
              {GOAL_STATUSES.map((s) => <option key={s} value={s}>{GOAL_STATUS_LABELS[s]}</option>)}
            </select>
          </label>
          <FieldErrors id="goal-status-error" messages={errorsFor(errs, 'status')} />
        </div>
      </div>
      <FormErrors messages={[...otherErrors(errs, fields), ...(error ? [error.message] : [])]} />
      <div className="form-buttons">
        <button type="submit" disabled={fetching}>{fetching ? 'Saving…' : 'Save goal'}</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
