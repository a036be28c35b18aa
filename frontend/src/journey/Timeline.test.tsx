import { fireEvent, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { makeFragmentData } from '../gql';
import Timeline, { TimelineEpisodesFragment } from './Timeline';
import EpisodeTable, { EpisodeTableFragment } from './EpisodeTable';
import { testClient } from '../test/client';
import type { LevelInput } from './timeline';

const levels: LevelInput[] = [
  { code: 'RESIDENTIAL', name: 'Residential treatment', shortName: 'residential treatment', intensity: 6 },
  { code: 'IOP', name: 'Intensive outpatient', shortName: 'IOP', intensity: 4 },
  { code: 'VIRTUAL_IOP', name: 'Virtual intensive outpatient', shortName: 'virtual IOP', intensity: 4 },
];
const now = new Date('2026-11-26T12:00:00Z');
const level = (code: string) => ({ __typename: 'CareLevel' as const, id: code, code, name: levels.find((l) => l.code === code)!.name });
const episodes = [
  { __typename: 'CareEpisode' as const, id: 'e1', careLevel: level('RESIDENTIAL'), startedAt: '2026-06-01T10:00:00Z', endedAt: '2026-07-01T10:00:00Z', transition: 'ADMISSION' as const, reason: 'Intake', dischargeReason: null },
  { __typename: 'CareEpisode' as const, id: 'e2', careLevel: level('IOP'), startedAt: '2026-07-01T10:00:00Z', endedAt: '2026-09-01T10:00:00Z', transition: 'STEP_DOWN' as const, reason: 'Stable', dischargeReason: null },
  { __typename: 'CareEpisode' as const, id: 'e3', careLevel: level('VIRTUAL_IOP'), startedAt: '2026-09-01T10:00:00Z', endedAt: null, transition: 'LATERAL' as const, reason: 'Moved away', dischargeReason: null },
];

function renderTimeline() {
  const member = makeFragmentData(
    {
      __typename: 'Member',
      id: 'M1',
      careEpisodes: { __typename: 'CareEpisodeConnection', nodes: episodes },
      residencies: {
        __typename: 'ResidencyConnection',
        nodes: [{ __typename: 'Residency', id: 'r1', house: { __typename: 'House', id: 'h1', name: 'Cedar House' }, moveInAt: '2026-07-02T00:00:00Z', moveOutAt: null }],
      },
      milestones: { __typename: 'Milestones', reached: [{ __typename: 'Milestone', key: 'DAYS_30', label: '30 days', reachedOn: '2026-07-01' }] },
      updates: { __typename: 'UpdateConnection', nodes: [] },
    },
    TimelineEpisodesFragment,
  );
  const client = testClient({
    TimelineAttendance: () => ({ data: {
      member: { __typename: 'Member', id: 'M1', attendanceSummary: { __typename: 'AttendanceSummary', weeks: [{ __typename: 'AttendanceWeek', weekStartsOn: '2026-11-16', attended: 3 }] } },
    } }),
  });
  return render(
    <Provider value={client}>
      <Timeline member={member} levels={levels} now={now} />
    </Provider>,
  );
}

describe('Timeline', () => {
  it('is one labelled image with the level names, steps, icons and words', () => {
    renderTimeline();
    const svg = screen.getByRole('img', { name: /^Level of care timeline: 3 episodes/ });
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.textContent).toContain('Residential treatment');
    expect(svg.textContent).toContain('▼');
    expect(svg.textContent).toContain('Step down');
    expect(svg.textContent).toContain('◆');
    expect(svg.textContent).toContain('Lateral move');
    expect(svg.textContent).toContain('Cedar House');
  });

  it('zooms with pressed buttons', () => {
    renderTimeline();
    const all = screen.getByRole('button', { name: 'All' });
    const quarter = screen.getByRole('button', { name: '3 months' });
    expect(all.getAttribute('aria-pressed')).toBe('true');
    expect(quarter.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(quarter);
    expect(quarter.getAttribute('aria-pressed')).toBe('true');
    expect(all.getAttribute('aria-pressed')).toBe('false');
    // Three months back from 26 Nov shows only the lateral move and its open episode.
    expect(document.querySelectorAll('.tl-episode')).toHaveLength(2);
  });

  it('makes every episode focusable, with a tooltip on focus and arrow keys between them', () => {
    renderTimeline();
    const steps = Array.from(document.querySelectorAll<SVGGElement>('.tl-episode'));
    expect(steps).toHaveLength(3);
    for (const s of steps) expect(s.getAttribute('tabindex')).toBe('0');
    fireEvent.focus(steps[1]);
    const tip = screen.getByRole('tooltip');
    expect(tip.textContent).toContain('Intensive outpatient');
    expect(tip.textContent).toContain('Step down');
    expect(tip.textContent).toContain('62 days');
    expect(tip.textContent).toContain('Reason: Stable');
    steps[1].focus();
    fireEvent.keyDown(steps[1], { key: 'ArrowRight' });
    expect(document.activeElement).toBe(steps[2]);
  });
});

describe('EpisodeTable', () => {
  it('lists each episode with level, transition, dates, length and reason', () => {
    const member = makeFragmentData({ __typename: 'Member', careEpisodes: { __typename: 'CareEpisodeConnection', nodes: episodes } }, EpisodeTableFragment);
    render(<EpisodeTable member={member} now={now} />);
    const table = screen.getByRole('table', { name: 'Care episodes' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)[0]).toBe('LevelTransitionStartEndLengthReason');
    expect(rows[2].textContent).toContain('Intensive outpatient');
    expect(rows[2].textContent).toContain('Step down');
    expect(rows[2].textContent).toContain('62 days');
    expect(rows[3].textContent).toContain('Lateral move');
    expect(rows[3].textContent).toContain('Current');
  });
});
