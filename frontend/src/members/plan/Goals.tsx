import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { AddGoalMutation, UpdateGoalMutation } from './planQueries';
import { GOAL_CATEGORIES, GOAL_CATEGORY_LABELS, GOAL_STATUSES, GOAL_STATUS_LABELS, groupGoals } from './planLogic';
import { useFormErrors } from '../../ui/useFormErrors';
import { FieldError } from '../../ui/FieldError';
import { LabelledField } from '../../ui/LabelledField';
import { FormFooter } from '../../ui/FormFooter';
import ActionPanel from '../ActionPanel';
import { Empty } from '../../ui/States';
import { formatCalendarDate } from '../../ui/dates';
import type { AftercareGoalCategory, AftercareGoalStatus } from '../../gql/graphql';

/** What a goal row shows; the plan query and the goal mutations spread it. */
export const PlanGoalFields = graphql(`
  fragment PlanGoalFields on AftercareGoal {
    id category description targetOn status
  }
`);

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
  const [{ fetching, error }, update] = useMutation(UpdateGoalMutation);
  const errs = useFormErrors(['status']);
  const errorId = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await update({ input: { aftercareGoalId: goal.id, status } });
    errs.show(r.data?.updateAftercareGoal.userErrors);
    if (r.data?.updateAftercareGoal.aftercareGoal) onSaved(`Goal status set to ${GOAL_STATUS_LABELS[status]}.`);
  }

  return (
    <form className="inline-form" onSubmit={submit} onChange={errs.onChange}>
      <label>
        <span>New status<span className="visually-hidden"> for {goal.description}</span></span>
        <select name="status" value={status} onChange={(e) => setStatus(e.target.value as AftercareGoalStatus)} aria-describedby={errorId}>
          {GOAL_STATUSES.map((s) => <option key={s} value={s}>{GOAL_STATUS_LABELS[s]}</option>)}
        </select>
      </label>
      <button type="submit" className="secondary" disabled={fetching || status === goal.status}>
        {fetching ? 'Saving…' : 'Update goal status'}
      </button>
      <FieldError id={errorId} messages={[...errs.of('status'), ...errs.form, ...(error ? [error.message] : [])]} />
    </form>
  );
}

function AddGoalForm({ planId, onDone, onCancel }: { planId: string; onDone: (m: string) => void; onCancel: () => void }) {
  const [category, setCategory] = useState<AftercareGoalCategory>('RELAPSE_PREVENTION');
  const [description, setDescription] = useState('');
  const [targetOn, setTargetOn] = useState('');
  const [status, setStatus] = useState<AftercareGoalStatus>('NOT_STARTED');
  const [{ fetching, error }, add] = useMutation(AddGoalMutation);
  const errs = useFormErrors(['category', 'description', 'targetOn', 'status']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await add({
      input: { aftercarePlanId: planId, category, description: description.trim(), targetOn: targetOn || null, status },
    });
    errs.show(r.data?.addAftercareGoal.userErrors);
    if (r.data?.addAftercareGoal.aftercareGoal) onDone('Goal added.');
  }

  return (
    <form onSubmit={submit} onChange={errs.onChange} noValidate>
      <div className="form-grid">
        <LabelledField label="Category" errorId="goal-category-error" messages={errs.of('category')}>
          <select name="category" value={category} onChange={(e) => setCategory(e.target.value as AftercareGoalCategory)} aria-describedby="goal-category-error">
            {GOAL_CATEGORIES.map((c) => <option key={c} value={c}>{GOAL_CATEGORY_LABELS[c]}</option>)}
          </select>
        </LabelledField>
        <LabelledField label="Goal" errorId="goal-description-error" messages={errs.of('description')} wide>
          <input type="text" name="description" required value={description} onChange={(e) => setDescription(e.target.value)}
            aria-describedby="goal-description-error" />
        </LabelledField>
        <LabelledField label={<>Target date <span className="hint">(optional)</span></>} errorId="goal-target-error" messages={errs.of('targetOn')}>
          <input type="date" name="targetOn" value={targetOn} onChange={(e) => setTargetOn(e.target.value)} aria-describedby="goal-target-error" />
        </LabelledField>
        <LabelledField label="Status" errorId="goal-status-error" messages={errs.of('status')}>
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value as AftercareGoalStatus)} aria-describedby="goal-status-error">
            {GOAL_STATUSES.map((s) => <option key={s} value={s}>{GOAL_STATUS_LABELS[s]}</option>)}
          </select>
        </LabelledField>
      </div>
      <FormFooter errors={errs.form} error={error} saving={fetching} submitLabel="Save goal" onCancel={onCancel} />
    </form>
  );
}
