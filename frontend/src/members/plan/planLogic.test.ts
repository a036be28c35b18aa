import {
  adherenceBars, adherenceSummary, barcChanges, barcTotal, canCreatePlan, commitmentTarget, cravingDirection,
  cravingTrend, currentPlan, groupGoals,
} from './planLogic';

describe('groupGoals', () => {
  it('groups by category in the provider order and keeps goal order', () => {
    const goals = [
      { id: 'a', category: 'EMPLOYMENT' as const },
      { id: 'b', category: 'RELAPSE_PREVENTION' as const },
      { id: 'c', category: 'EMPLOYMENT' as const },
    ];
    const groups = groupGoals(goals);
    expect(groups.map((g) => g.label)).toEqual(['Relapse prevention', 'Employment']);
    expect(groups[1].goals.map((g) => g.id)).toEqual(['a', 'c']);
    expect(groupGoals([])).toEqual([]);
  });
});

describe('plans', () => {
  it('opens on the active plan, else the newest', () => {
    expect(currentPlan([{ id: '2', status: 'DRAFT' as const }, { id: '1', status: 'ACTIVE' as const }])?.id).toBe('1');
    expect(currentPlan([{ id: '2', status: 'COMPLETED' as const }, { id: '1', status: 'CANCELLED' as const }])?.id).toBe('2');
    expect(currentPlan([])).toBeNull();
  });

  it('offers a new plan only without an active or draft one', () => {
    expect(canCreatePlan([])).toBe(true);
    expect(canCreatePlan([{ id: '1', status: 'COMPLETED' }])).toBe(true);
    expect(canCreatePlan([{ id: '1', status: 'DRAFT' }])).toBe(false);
    expect(canCreatePlan([{ id: '1', status: 'ACTIVE' }])).toBe(false);
  });

  it('ties commitment kinds to a picker', () => {
    expect(commitmentTarget('MUTUAL_SUPPORT_GROUP')).toBe('group');
    expect(commitmentTarget('RECOVERY_HOUSING')).toBe('house');
    expect(commitmentTarget('PEER_MENTORING')).toBe('peer');
    expect(commitmentTarget('MEDICATION')).toBe('none');
  });
});

describe('adherenceBars', () => {
  const weeks = [
    { weekStart: '2026-01-05', attended: 3, target: 3, isMet: true },
    { weekStart: '2026-01-12', attended: 1, target: 3, isMet: false },
    { weekStart: '2026-01-19', attended: 6, target: 3, isMet: true },
    { weekStart: '2026-01-26', attended: 0, target: 3, isMet: false },
  ];

  it('puts every week on one scale and says met or not in words', () => {
    const bars = adherenceBars(weeks);
    expect(bars[0]).toMatchObject({ fill: 1, targetAt: 0.5, length: 0.5, text: '3 of 3 attended, target met' });
    expect(bars[1].fill).toBeCloseTo(1 / 3);
    expect(bars[1].text).toBe('1 of 3 attended, target not met');
    expect(bars[2]).toMatchObject({ fill: 1, length: 1 });
    expect(bars[3]).toMatchObject({ fill: 0, length: 0 });
  });

  it('does not divide by zero', () => {
    const [bar] = adherenceBars([{ weekStart: '2026-01-05', attended: 0, target: 0, isMet: true }]);
    expect(bar).toMatchObject({ fill: 1, targetAt: 0, length: 0 });
    expect(adherenceBars([])).toEqual([]);
  });

  it('summarises', () => {
    expect(adherenceSummary(weeks)).toBe('2 of 4 weeks met');
    expect(adherenceSummary([weeks[0]])).toBe('1 of 1 week met');
  });
});

describe('cravingTrend', () => {
  it('runs oldest to newest with 10 at the top', () => {
    const trend = cravingTrend([
      { occurredOn: '2026-01-03', craving: 0, isAbstinent: true },
      { occurredOn: '2026-01-02', craving: 5, isAbstinent: true },
      { occurredOn: '2026-01-01', craving: 10, isAbstinent: false },
    ], 100, 50, 0);
    expect(trend.points.map((p) => p.occurredOn)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(trend.points.map((p) => [p.x, p.y])).toEqual([[0, 0], [50, 25], [100, 50]]);
    expect(trend.path).toBe('M0 0 L50 25 L100 50');
  });

  it('centres a single point and draws nothing for none', () => {
    const one = cravingTrend([{ occurredOn: '2026-01-01', craving: 4, isAbstinent: true }], 100, 50, 5);
    expect(one.points[0].x).toBe(50);
    expect(one.points[0].y).toBe(29);
    expect(cravingTrend([]).path).toBe('');
  });

  it('says which way craving moved', () => {
    expect(cravingDirection([{ occurredOn: 'b', craving: 2, isAbstinent: true }, { occurredOn: 'a', craving: 6, isAbstinent: true }]))
      .toBe('Craving down from 6 to 2');
    expect(cravingDirection([{ occurredOn: 'b', craving: 6, isAbstinent: true }, { occurredOn: 'a', craving: 2, isAbstinent: true }]))
      .toBe('Craving up from 2 to 6');
    expect(cravingDirection([])).toBe('Not enough check-ins for a trend');
  });
});

describe('BARC-10', () => {
  it('totals and flags 47 or more once all ten are in', () => {
    expect(barcTotal(Array(10).fill(5))).toEqual({ total: 50, complete: true, likelyRemission: true });
    expect(barcTotal([...Array(9).fill(6), null])).toEqual({ total: 54, complete: false, likelyRemission: false });
    expect(barcTotal([...Array(7).fill(5), 4, 4, 4])).toMatchObject({ total: 47, likelyRemission: true });
    expect(barcTotal([...Array(6).fill(5), 4, 4, 4, 4])).toMatchObject({ total: 46, likelyRemission: false });
  });

  it('shows changes between assessments', () => {
    expect(barcChanges([40, 44, 44, 41])).toEqual([null, '+4', 'no change', '−3']);
  });
});
