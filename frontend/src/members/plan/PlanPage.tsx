import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { PlanMemberQuery } from './planQueries';
import { canCreatePlan, currentPlan } from './planLogic';
import PlanSummary, { PlanStatusBadge } from './PlanSummary';
import PlanDetail from './PlanDetail';
import CheckIns from './CheckIns';
import RecoveryCapital from './RecoveryCapital';
import CreatePlanForm from './CreatePlanForm';
import MemberHeader, { RefusedTab } from '../MemberHeader';
import { useCanManageCare } from '../careRole';
import ActionPanel from '../ActionPanel';
import { isRefused } from '../refusal';
import { Empty, ErrorNote, Loading } from '../../ui/States';
import { formatCalendarDate } from '../../ui/dates';
import './plan.css';

// A plan created or changed (an AftercarePlan in a mutation result) makes urql fetch the list again.
const context = { additionalTypenames: ['AftercarePlan'] };

/** `/members/:id/plan`: the aftercare plan tab. */
export default function PlanPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: PlanMemberQuery, variables: { id }, context });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const canEdit = useCanManageCare();

  if (fetching && !data) return <Loading label="Loading the aftercare plan" />;
  const member = data?.member;
  // Refused, the plans are null with FORBIDDEN (the member itself stays).
  if (!member || !member.aftercarePlans) {
    if (error && isRefused(error)) return <RefusedTab memberId={id} message="Aftercare plans are not shown to your role." />;
    return error ? <ErrorNote error={error} /> : <Empty>No such member.</Empty>;
  }

  const plans = member.aftercarePlans.nodes;
  const plan = plans.find((p) => p.id === selectedId) ?? currentPlan(plans);
  const others = plans.filter((p) => p.id !== plan?.id);
  function saved(message: string) {
    setNotice(message);
  }
  function planChanged(message: string) {
    setNotice(message);
  }

  return (
    <div className="member-page plan-page">
      <MemberHeader memberId={member.id} displayName={member.displayName ?? 'Member'} />
      <p role="status" className="notice">{notice}</p>
      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">Aftercare plan</h2>
        {plan ? (
          <>
            {plan.status !== 'ACTIVE' && plans.some((p) => p.status === 'ACTIVE') && (
              <p className="hint">You are looking at an earlier plan. <button type="button" className="link" onClick={() => setSelectedId(null)}>Back to the active plan</button></p>
            )}
            <PlanSummary plan={plan} canEdit={canEdit} onChanged={planChanged} />
          </>
        ) : (
          <Empty>No aftercare plan yet.</Empty>
        )}
        {canEdit && canCreatePlan(plans) && (
          <div className="actions">
            <ActionPanel label="Create plan">
              {(close) => (
                <CreatePlanForm memberId={member.id} onCancel={close}
                  onDone={(m) => { close(); setSelectedId(null); planChanged(m); }} />
              )}
            </ActionPanel>
          </div>
        )}
        {plan && <PlanDetail key={plan.id} planId={plan.id} canEdit={canEdit} onSaved={saved} />}
        {plan && <CheckIns key={`c-${plan.id}`} planId={plan.id} canRecord={canEdit && plan.status === 'ACTIVE'} onSaved={saved} />}
        {others.length > 0 && (
          <section aria-labelledby="other-plans-heading">
            <h3 id="other-plans-heading">Other plans</h3>
            <ul className="plain-list">
              {others.map((p) => (
                <li key={p.id} className="card other-plan">
                  <PlanStatusBadge status={p.status} />{' '}
                  {formatCalendarDate(p.startsOn)} – review {formatCalendarDate(p.reviewOn)}{' '}
                  <button type="button" className="link" onClick={() => setSelectedId(p.id)}>
                    View plan starting {formatCalendarDate(p.startsOn)}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </section>
      <RecoveryCapital memberId={member.id} canEdit={canEdit} onSaved={saved} />
    </div>
  );
}
