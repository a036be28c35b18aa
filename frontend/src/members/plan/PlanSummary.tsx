import { useMutation } from 'urql';
import { ActivatePlanMutation, CompletePlanMutation } from './planQueries';
import { PLAN_STATUS_LABELS } from './planLogic';
import { userErrorMessages } from '../../ui/userErrors';
import { FormError } from '../../ui/FieldError';
import { formatCalendarDate } from '../../ui/dates';
import type { AftercarePlanStatus } from '../../gql/graphql';

export interface PlanSummaryData {
  id: string;
  status: AftercarePlanStatus;
  startsOn: string;
  reviewOn: string;
  isReviewDue: boolean;
}

const statusBadge: Record<AftercarePlanStatus, string> = {
  DRAFT: 'badge-muted', ACTIVE: 'badge-ok', COMPLETED: 'badge-accent', CANCELLED: 'badge-muted',
};

export function PlanStatusBadge({ status }: { status: AftercarePlanStatus }) {
  return <span className={`badge ${statusBadge[status]}`}>{PLAN_STATUS_LABELS[status]}</span>;
}

/** Status, dates and the plan's life-cycle actions (activate a draft, complete an active plan). */
export default function PlanSummary({ plan, canEdit, onChanged }: {
  plan: PlanSummaryData; canEdit: boolean; onChanged: (message: string) => void;
}) {
  const [activation, activate] = useMutation(ActivatePlanMutation);
  const [completion, complete] = useMutation(CompletePlanMutation);
  const busy = activation.fetching || completion.fetching;
  const errs = [
    ...userErrorMessages(activation.data?.activateAftercarePlan.userErrors),
    ...userErrorMessages(completion.data?.completeAftercarePlan.userErrors),
    ...[activation.error, completion.error].filter((e) => !!e).map((e) => e!.message),
  ];

  async function doActivate() {
    const r = await activate({ input: { aftercarePlanId: plan.id } });
    if (r.data?.activateAftercarePlan.aftercarePlan) onChanged('Plan activated.');
  }
  async function doComplete() {
    const r = await complete({ input: { aftercarePlanId: plan.id } });
    if (r.data?.completeAftercarePlan.aftercarePlan) onChanged('Plan completed.');
  }

  return (
    <div className="card plan-summary">
      <dl className="facts">
        <div><dt>Status</dt><dd><PlanStatusBadge status={plan.status} /></dd></div>
        <div><dt>Starts</dt><dd>{formatCalendarDate(plan.startsOn)}</dd></div>
        <div>
          <dt>Review date</dt>
          <dd>
            {formatCalendarDate(plan.reviewOn)}{' '}
            {plan.isReviewDue && <span className="badge badge-danger">⚠ Review overdue</span>}
          </dd>
        </div>
      </dl>
      {canEdit && (plan.status === 'DRAFT' || plan.status === 'ACTIVE') && (
        <div className="actions">
          {plan.status === 'DRAFT' && (
            <button type="button" onClick={doActivate} disabled={busy}>{activation.fetching ? 'Activating…' : 'Activate'}</button>
          )}
          {plan.status === 'ACTIVE' && (
            <button type="button" onClick={doComplete} disabled={busy}>{completion.fetching ? 'Completing…' : 'Complete'}</button>
          )}
        </div>
      )}
      <FormError messages={errs} />
    </div>
  );
}
