import { fireEvent, render, screen, within } from '@testing-library/react';
import PlanPage from './PlanPage';
import { adminViewer, testClient, type Call } from '../../test/client';
import { renderAt } from '../../test/renderAt';

const plan = {
  __typename: 'AftercarePlan', id: 'P1', status: 'ACTIVE', startsOn: '2026-09-01', reviewOn: '2026-11-01', isReviewDue: true,
  createdAt: '2026-09-01T10:00:00Z', activatedAt: '2026-09-01T10:00:00Z', closedAt: null,
};
const oldPlan = { ...plan, id: 'P0', status: 'COMPLETED', startsOn: '2026-03-01', reviewOn: '2026-06-01', isReviewDue: false };
const goal = (id: string, category: string, description: string, status: string) =>
  ({ __typename: 'AftercareGoal', id, category, description, targetOn: null, status });

function setup(checkIns: 'ok' | 'forbidden' = 'ok') {
  const calls: Call[] = [];
  const client = testClient({
    Viewer: adminViewer,
    PlanMember: () => ({ data: { member: { __typename: 'Member', id: 'M1', displayName: 'Sam Doe', aftercarePlans: { __typename: 'AftercarePlanConnection', nodes: [plan, oldPlan] } } } }),
    PlanDetail: () => ({ data: { aftercarePlan: {
      __typename: 'AftercarePlan', id: 'P1', status: 'ACTIVE',
      goals: { __typename: 'AftercareGoalConnection', nodes: [goal('G1', 'EMPLOYMENT', 'Find work', 'IN_PROGRESS'), goal('G2', 'RELAPSE_PREVENTION', 'Know my triggers', 'ACHIEVED')] },
      commitments: { __typename: 'AftercareCommitmentConnection', nodes: [{ __typename: 'AftercareCommitment', id: 'AC1', kind: 'MUTUAL_SUPPORT_GROUP', description: 'SMART', targetPerWeek: 2,
        group: { __typename: 'Group', id: 'GR1', name: 'SMART Tuesday' }, house: null, peer: null }] },
      adherence: [{ __typename: 'CommitmentAdherence', commitment: { __typename: 'AftercareCommitment', id: 'AC1' }, weeks: [
        { __typename: 'AdherenceWeek', weekStartsOn: '2026-11-09', attended: 2, target: 2, isMet: true },
        { __typename: 'AdherenceWeek', weekStartsOn: '2026-11-16', attended: 1, target: 2, isMet: false },
      ] }],
    } } }),
    PlanCheckIns: () => (checkIns === 'ok'
      ? { data: { aftercarePlan: { __typename: 'AftercarePlan', id: 'P1', checkIns: {
        __typename: 'CheckInConnection', totalCount: 2, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        nodes: [
          { __typename: 'CheckIn', id: 'CI2', occurredOn: '2026-11-20', isAbstinent: true, craving: 2, copingSkills: ['Walk'], note: '' },
          { __typename: 'CheckIn', id: 'CI1', occurredOn: '2026-11-13', isAbstinent: false, craving: 7, copingSkills: [], note: 'Hard week' },
        ] } } } }
      // A refused field is null with FORBIDDEN; its plan stays.
      : { data: { aftercarePlan: { __typename: 'AftercarePlan', id: 'P1', checkIns: null } },
        errors: [{ message: 'No.', path: ['aftercarePlan', 'checkIns'], extensions: { code: 'FORBIDDEN' } }] }),
    RecoveryCapital: () => ({ data: { member: { __typename: 'Member', id: 'M1', recoveryCapital: { __typename: 'RecoveryCapitalAssessmentConnection', nodes: [
      { __typename: 'RecoveryCapitalAssessment', id: 'B1', total: 40, isSustainedRemissionLikely: false, assessedAt: '2026-09-01T10:00:00Z' },
      { __typename: 'RecoveryCapitalAssessment', id: 'B2', total: 49, isSustainedRemissionLikely: true, assessedAt: '2026-11-01T10:00:00Z' },
    ] } } } }),
    RecordRecoveryCapital: () => ({ data: { recordRecoveryCapital: { __typename: 'RecordRecoveryCapitalPayload', assessment: null, userErrors: [
      { __typename: 'UserError', field: ['input', 'answers', '2'], message: 'Each answer is 1-6.', code: 'INVALID_INPUT' },
    ] } } }),
  }, calls);
  render(renderAt(client, '/members/M1/plan', '/members/:id/plan', <PlanPage />));
  return calls;
}

describe('PlanPage', () => {
  it('shows the plan: status, overdue review, goals by category, adherence, check-ins, BARC-10', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Sam Doe' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Aftercare plan' })).toBeTruthy();
    expect(screen.getByText(/Review overdue/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Complete' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create plan' })).toBeNull();
    const categories = (await screen.findAllByRole('heading', { level: 4 })).map((h) => h.textContent);
    expect(categories).toEqual(['Relapse prevention', 'Employment']);
    expect(screen.getByText('1 of 2 weeks met', { exact: false })).toBeTruthy();
    expect(screen.getByText(/1 of 2 attended, target not met/)).toBeTruthy();
    const checkIns = await screen.findByRole('table', { name: /Check-ins/ });
    expect(within(checkIns).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('img', { name: /Craving down from 7 to 2/ })).toBeTruthy();
    const barc = await screen.findByRole('table', { name: 'BARC-10 totals over time' });
    expect(barc.textContent).toContain('Likely sustained remission');
    expect(barc.textContent).toContain('+9');
    expect(screen.getByRole('button', { name: /View plan starting/ })).toBeTruthy();
  });

  it('says politely when check-ins are not for this role', async () => {
    setup('forbidden');
    expect(await screen.findByText('Check-ins are not shown to your role.')).toBeTruthy();
  });

  it('puts a BARC-10 answer error next to its item', async () => {
    const calls = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Record BARC-10' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save BARC-10' }));
    expect(screen.getAllByText('Choose an answer.')).toHaveLength(10);
    for (let i = 1; i <= 10; i++) {
      fireEvent.change(screen.getByRole('combobox', { name: new RegExp(`^Item ${i}:`) }), { target: { value: '5' } });
    }
    expect(screen.getByText(/Total 50 of 60 — likely sustained remission/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save BARC-10' }));
    expect((await screen.findByText('Each answer is 1-6.')).id).toBe('barc-item-2-error');
    expect(calls.find((c) => c.name === 'RecordRecoveryCapital')?.variables).toMatchObject({ input: { memberId: 'M1', answers: Array(10).fill(5) } });
  });
});
