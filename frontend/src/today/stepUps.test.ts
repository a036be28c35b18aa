import { recentStepUps, type EpisodeSummary } from './stepUps';

const now = new Date('2026-11-26T12:00:00Z');
const member = (id: string, transition: string | null, startedAt = '2026-11-20T10:00:00Z'): EpisodeSummary => ({
  id,
  displayName: `Member ${id}`,
  currentEpisode: transition ? { transition, startedAt } : null,
});

describe('recentStepUps', () => {
  it('keeps only step-ups of the last 14 days, newest first', () => {
    const result = recentStepUps([
      member('a', 'STEP_UP', '2026-11-20T10:00:00Z'),
      member('b', 'STEP_DOWN'),
      member('c', 'STEP_UP', '2026-11-01T10:00:00Z'),
      member('d', null),
      member('e', 'STEP_UP', '2026-11-25T10:00:00Z'),
      member('f', 'LATERAL'),
    ], now);
    expect(result.map((s) => s.id)).toEqual(['e', 'a']);
    expect(result[0]).toEqual({ id: 'e', displayName: 'Member e', startedAt: '2026-11-25T10:00:00Z' });
  });
  it('includes the boundary and leaves out future-dated steps', () => {
    const result = recentStepUps([
      member('edge', 'STEP_UP', '2026-11-12T12:00:00Z'),
      member('future', 'STEP_UP', '2026-11-27T10:00:00Z'),
    ], now);
    expect(result.map((s) => s.id)).toEqual(['edge']);
  });
});
