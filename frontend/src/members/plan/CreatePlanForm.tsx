import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CreatePlanMutation } from './planQueries';
import { errorsFor, otherErrors } from '../formErrors';
import { FieldErrors, FormErrors } from '../FieldErrors';
import { todayCalendarDate } from '../../ui/dates';

function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return todayCalendarDate(d);
}

/** Starts a plan as a draft: the first day and the review date. */
export default function CreatePlanForm({ memberId, onDone, onCancel }: {
  memberId: string; onDone: (message: string) => void; onCancel: () => void;
}) {
  const [startsOn, setStartsOn] = useState(todayCalendarDate());
  const [reviewOn, setReviewOn] = useState(inDays(90));
  const [{ fetching, data, error }, create] = useMutation(CreatePlanMutation);
  const errs = data?.createAftercarePlan.userErrors;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await create({ input: { memberId, startsOn, reviewOn } });
    if (r.data?.createAftercarePlan.aftercarePlan) onDone('Plan created as a draft.');
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="form-grid">
        <div className="field">
          <label>
            Starts on
            <input type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)}
              aria-describedby="plan-starts-error" />
          </label>
          <FieldErrors id="plan-starts-error" messages={errorsFor(errs, 'startsOn')} />
        </div>
        <div className="field">
          <label>
            Review on
            <input type="date" required value={reviewOn} onChange={(e) => setReviewOn(e.target.value)}
              aria-describedby="plan-review-error" />
          </label>
          <FieldErrors id="plan-review-error" messages={errorsFor(errs, 'reviewOn')} />
        </div>
      </div>
      <FormErrors messages={[...otherErrors(errs, ['startsOn', 'reviewOn']), ...(error ? [error.message] : [])]} />
      <div className="form-buttons">
        <button type="submit" disabled={fetching}>{fetching ? 'Saving…' : 'Save plan'}</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
