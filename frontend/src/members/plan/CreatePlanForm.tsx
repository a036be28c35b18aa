import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CreatePlanMutation } from './planQueries';
import { useFormErrors } from '../../ui/useFormErrors';
import { LabelledField } from '../../ui/LabelledField';
import { FormFooter } from '../../ui/FormFooter';
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
  const [{ fetching, error }, create] = useMutation(CreatePlanMutation);
  const errs = useFormErrors(['startsOn', 'reviewOn']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await create({ input: { memberId, startsOn, reviewOn } });
    errs.show(r.data?.createAftercarePlan.userErrors);
    if (r.data?.createAftercarePlan.aftercarePlan) onDone('Plan created as a draft.');
  }

  return (
    <form onSubmit={submit} onChange={errs.onChange} noValidate>
      <div className="form-grid">
        <LabelledField label="Starts on" errorId="plan-starts-error" messages={errs.of('startsOn')}>
          <input type="date" name="startsOn" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)}
            aria-describedby="plan-starts-error" />
        </LabelledField>
        <LabelledField label="Review on" errorId="plan-review-error" messages={errs.of('reviewOn')}>
          <input type="date" name="reviewOn" required value={reviewOn} onChange={(e) => setReviewOn(e.target.value)}
            aria-describedby="plan-review-error" />
        </LabelledField>
      </div>
      <FormFooter errors={errs.form} error={error} saving={fetching} submitLabel="Save plan" onCancel={onCancel} />
    </form>
  );
}
