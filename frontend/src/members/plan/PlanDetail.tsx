import { useMemo } from 'react';
import { useQuery } from 'urql';
import { PlanDetailQuery } from './planQueries';
import { isOpen, type WeekLike } from './planLogic';
import Goals, { PlanGoalFields } from './Goals';
import Commitments, { PlanCommitmentFields } from './Commitments';
import { isRefused } from '../refusal';
import { ErrorNote, Loading } from '../../ui/States';
import { getFragmentData } from '../../gql';

// Goals and commitments added or changed (in mutation results) make urql fetch the plan again.
const context = { additionalTypenames: ['AftercareGoal', 'AftercareCommitment'] };

/** Goals and commitments (with adherence) of one plan. */
export default function PlanDetail({ planId, canEdit, onSaved }: { planId: string; canEdit: boolean; onSaved: (message: string) => void }) {
  const [{ data, fetching, error }] = useQuery({ query: PlanDetailQuery, variables: { id: planId }, context });
  const plan = data?.aftercarePlan;
  const adherence = useMemo(() => {
    const byCommitment = new Map<string, WeekLike[]>();
    for (const a of plan?.adherence ?? []) byCommitment.set(a.commitment.id, a.weeks);
    return byCommitment;
  }, [plan]);

  if (fetching && !data) return <Loading label="Loading goals and commitments" />;
  if (!plan) {
    if (error && isRefused(error)) return <p className="state">This plan’s goals and commitments are not shown to your role.</p>;
    return error ? <ErrorNote error={error} /> : null;
  }
  const editable = canEdit && isOpen(plan.status);
  return (
    <>
      <Goals planId={plan.id} goals={[...getFragmentData(PlanGoalFields, plan.goals.nodes)]} editable={editable} onSaved={onSaved} />
      <Commitments planId={plan.id} commitments={[...getFragmentData(PlanCommitmentFields, plan.commitments.nodes)]}
        adherence={adherence} editable={editable} onSaved={onSaved} />
    </>
  );
}
