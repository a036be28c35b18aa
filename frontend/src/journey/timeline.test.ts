import {
  assignLanes,
  endedInDischarge,
  journeyEpisodes,
  layoutTimeline,
  orderLevels,
  previewTransition,
  timelineSummary,
  zoomWindow,
  type EpisodeInput,
  type LevelInput,
  type TimelineInput,
} from './timeline';

const levels: LevelInput[] = [
  { code: 'DETOX', name: 'Medically managed withdrawal (detox)', shortName: 'detox', intensity: 7 },
  { code: 'RESIDENTIAL', name: 'Residential treatment', shortName: 'residential treatment', intensity: 6 },
  { code: 'PHP', name: 'Partial hospitalization', shortName: 'PHP', intensity: 5 },
  { code: 'IOP', name: 'Intensive outpatient', shortName: 'IOP', intensity: 4 },
  { code: 'VIRTUAL_IOP', name: 'Virtual intensive outpatient', shortName: 'virtual IOP', intensity: 4 },
  { code: 'OUTPATIENT', name: 'Outpatient', shortName: 'outpatient', intensity: 3 },
  { code: 'CONTINUING_CARE', name: 'Continuing care', shortName: 'continuing care', intensity: 1 },
];

const now = new Date('2026-11-26T12:00:00Z');

function ep(id: string, levelCode: string, startedAt: string, endedAt: string | null, transition: EpisodeInput['transition'], extra: Partial<EpisodeInput> = {}): EpisodeInput {
  return { id, levelCode, startedAt, endedAt, transition, reason: `reason ${id}`, ...extra };
}

function layout(partial: Partial<TimelineInput>) {
  return layoutTimeline({ levels, episodes: [], zoom: 'all', now, width: 1000, ...partial });
}

// Residential → PHP → IOP → virtual IOP (lateral), discharged, readmitted to IOP after a gap, still open.
const journey: EpisodeInput[] = [
  ep('e1', 'RESIDENTIAL', '2026-01-05T10:00:00Z', '2026-02-10T10:00:00Z', 'ADMISSION'),
  ep('e2', 'PHP', '2026-02-10T10:00:00Z', '2026-03-15T10:00:00Z', 'STEP_DOWN'),
  ep('e3', 'IOP', '2026-03-15T10:00:00Z', '2026-05-01T10:00:00Z', 'STEP_DOWN'),
  ep('e4', 'VIRTUAL_IOP', '2026-05-01T10:00:00Z', '2026-06-20T10:00:00Z', 'LATERAL', { dischargeReason: 'Left against advice' }),
  ep('e5', 'IOP', '2026-09-01T10:00:00Z', null, 'READMISSION'),
];

describe('orderLevels', () => {
  it('puts the most intensive level on top and keeps catalogue order among equals', () => {
    const shuffled = [levels[6], levels[4], levels[0], levels[3], levels[2], levels[5], levels[1]];
    expect(orderLevels(shuffled).map((l) => l.code)).toEqual(['DETOX', 'RESIDENTIAL', 'PHP', 'VIRTUAL_IOP', 'IOP', 'OUTPATIENT', 'CONTINUING_CARE']);
    expect(orderLevels(levels).map((l) => l.code)).toEqual(levels.map((l) => l.code));
  });
});

describe('layoutTimeline: rows', () => {
  it('has one row per level, most intensive first, top to bottom', () => {
    const l = layout({ episodes: journey });
    expect(l.rows.map((r) => r.code)).toEqual(levels.map((l) => l.code));
    for (let i = 1; i < l.rows.length; i++) expect(l.rows[i].y).toBeGreaterThan(l.rows[i - 1].y);
  });
});

describe('layoutTimeline: steps and labels', () => {
  const l = layout({ episodes: journey });
  const row = (code: string) => l.rows.find((r) => r.code === code)!.y;

  it('draws one horizontal run per episode at its level', () => {
    expect(l.segments.map((s) => [s.episodeId, s.y])).toEqual([
      ['e1', row('RESIDENTIAL')],
      ['e2', row('PHP')],
      ['e3', row('IOP')],
      ['e4', row('VIRTUAL_IOP')],
      ['e5', row('IOP')],
    ]);
    // Runs are contiguous in time and go left to right.
    expect(l.segments[0].x2).toBeCloseTo(l.segments[1].x1);
    expect(l.segments[1].x2).toBeCloseTo(l.segments[2].x1);
    expect(l.segments[0].x1).toBeLessThan(l.segments[0].x2);
  });

  it('labels every change with its transition, direction and icon', () => {
    expect(l.changes.map((c) => [c.episodeId, c.label, c.direction, c.icon])).toEqual([
      ['e1', 'Admission', 'enter', '●'],
      ['e2', 'Step down', 'down', '▼'],
      ['e3', 'Step down', 'down', '▼'],
      ['e4', 'Lateral move', 'lateral', '◆'],
      ['e4', 'Discharge', 'exit', '■'],
      ['e5', 'Readmission', 'enter', '●'],
    ]);
  });

  it('joins consecutive levels with a vertical connector, but not across a discharge', () => {
    const [admission, down1, down2, lateral, discharge, readmission] = l.changes;
    expect(admission.connector).toBe(false);
    expect(down1).toMatchObject({ connector: true, y1: row('RESIDENTIAL'), y2: row('PHP') });
    expect(down2).toMatchObject({ connector: true, y1: row('PHP'), y2: row('IOP') });
    // IOP → virtual IOP is lateral: equal intensity, neighbouring rows.
    expect(lateral).toMatchObject({ kind: 'LATERAL', connector: true, y1: row('IOP'), y2: row('VIRTUAL_IOP') });
    expect(discharge.connector).toBe(false);
    expect(readmission).toMatchObject({ kind: 'READMISSION', connector: false, y1: row('IOP'), y2: row('IOP') });
  });

  it('leaves a gap from the discharge to the readmission', () => {
    expect(l.gaps).toHaveLength(1);
    expect(l.gaps[0].x1).toBeCloseTo(l.segments[3].x2);
    expect(l.gaps[0].x2).toBeCloseTo(l.segments[4].x1);
    expect(l.gaps[0].x2).toBeGreaterThan(l.gaps[0].x1);
  });

  it('runs an open episode to now, at the right edge', () => {
    const open = l.segments[4];
    expect(open.open).toBe(true);
    expect(open.end).toBeNull();
    expect(open.x2).toBeCloseTo(l.plot.right);
    expect(open.days).toBe(86);
  });

  it('counts lengths in days', () => {
    expect(l.segments[0].days).toBe(36);
  });

  it('treats an ended last episode as a discharge with a gap to now', () => {
    const done = layout({ episodes: [ep('a', 'IOP', '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z', 'ADMISSION')] });
    expect(done.changes.map((c) => c.label)).toEqual(['Admission', 'Discharge']);
    expect(done.gaps).toHaveLength(1);
    expect(done.gaps[0].x2).toBeCloseTo(done.plot.right);
  });

  it('leaves superseded episodes out', () => {
    const corrected = layout({
      episodes: [
        ep('a', 'IOP', '2026-09-01T00:00:00Z', null, 'ADMISSION', { superseded: true }),
        ep('b', 'PHP', '2026-09-01T00:00:00Z', null, 'ADMISSION'),
      ],
    });
    expect(corrected.segments.map((s) => s.episodeId)).toEqual(['b']);
  });

  it('hides text labels that would collide but keeps every icon', () => {
    const narrow = layout({ episodes: journey, width: 400 });
    expect(narrow.changes).toHaveLength(6);
    expect(narrow.changes.some((c) => !c.showLabel)).toBe(true);
    expect(narrow.changes[0].showLabel).toBe(true);
  });

  it('runs a label near the right edge leftwards', () => {
    const late = layout({
      episodes: [
        ep('a', 'IOP', '2026-01-01T00:00:00Z', '2026-11-26T10:00:00Z', 'ADMISSION'),
        ep('b', 'PHP', '2026-11-26T10:00:00Z', null, 'STEP_UP'),
      ],
    });
    expect(late.changes.map((c) => [c.label, c.labelAnchor])).toEqual([
      ['Admission', 'start'],
      ['Step up', 'end'],
    ]);
  });

  it('knows when an ended episode was a discharge', () => {
    const j = journeyEpisodes(journey);
    expect([0, 1, 2, 3, 4].map((i) => endedInDischarge(j, i))).toEqual([false, false, false, true, false]);
  });
});

describe('layoutTimeline: zoom', () => {
  it('windows end now: 3 months, 1 year, or from the first event', () => {
    expect(zoomWindow('3m', now, { episodes: journey }).start.toISOString()).toBe('2026-08-26T12:00:00.000Z');
    expect(zoomWindow('1y', now, { episodes: journey }).start.toISOString()).toBe('2025-11-26T12:00:00.000Z');
    const all = zoomWindow('all', now, { episodes: journey });
    expect(all.start.getTime()).toBeLessThan(new Date('2026-01-05T10:00:00Z').getTime());
    expect(all.end).toEqual(now);
  });

  it('clips to the window: only what shows, cut at the left edge', () => {
    const l = layout({ episodes: journey, zoom: '3m' });
    // Only the readmission episode lies in the last three months; the gap runs in from the left.
    expect(l.segments.map((s) => s.episodeId)).toEqual(['e5']);
    expect(l.changes.map((c) => c.label)).toEqual(['Readmission']);
    expect(l.gaps).toHaveLength(1);
    expect(l.gaps[0].x1).toBeCloseTo(l.plot.left);
  });

  it('marks a run that starts before the window as clipped and starts it at the edge', () => {
    const l = layout({ episodes: [ep('a', 'OUTPATIENT', '2025-01-01T00:00:00Z', null, 'ADMISSION')], zoom: '1y' });
    expect(l.segments[0]).toMatchObject({ clippedStart: true, clippedEnd: false, open: true });
    expect(l.segments[0].x1).toBeCloseTo(l.plot.left);
    expect(l.changes).toEqual([]);
  });

  it('ticks months for a year, half months for three months', () => {
    const year = layout({ episodes: journey, zoom: '1y' });
    expect(year.ticks.length).toBeGreaterThanOrEqual(11);
    expect(year.ticks.length).toBeLessThanOrEqual(13);
    const quarter = layout({ episodes: journey, zoom: '3m' });
    expect(quarter.ticks.map((t) => t.label)).toEqual(['Sep 2026', 'Sep 15', 'Oct 2026', 'Oct 15', 'Nov 2026', 'Nov 15']);
    for (const t of quarter.ticks) {
      expect(t.x).toBeGreaterThanOrEqual(quarter.plot.left);
      expect(t.x).toBeLessThanOrEqual(quarter.plot.right);
    }
  });
});

describe('layoutTimeline: housing, markers, attendance', () => {
  it('puts overlapping residencies on separate lanes, an open one to now', () => {
    const l = layout({
      episodes: journey,
      residencies: [
        { id: 'r1', houseName: 'Cedar House', moveInAt: '2026-02-12T00:00:00Z', moveOutAt: '2026-06-01T00:00:00Z' },
        { id: 'r2', houseName: 'Oak House', moveInAt: '2026-05-20T00:00:00Z', moveOutAt: '2026-07-01T00:00:00Z' },
        { id: 'r3', houseName: 'Elm House', moveInAt: '2026-09-02T00:00:00Z', moveOutAt: null },
      ],
    });
    expect(l.bands.map((b) => [b.houseName, b.lane])).toEqual([
      ['Cedar House', 0],
      ['Oak House', 1],
      ['Elm House', 0],
    ]);
    expect(l.lanes).toBe(2);
    expect(l.bands[1].y).toBeGreaterThan(l.bands[0].y);
    expect(l.bands[2]).toMatchObject({ open: true });
    expect(l.bands[2].x2).toBeCloseTo(l.plot.right);
    expect(l.attendanceTop).toBeGreaterThan(l.bands[1].y + l.bands[1].height);
  });

  it('assigns lanes greedily, reusing a lane once it is free', () => {
    const lanes = assignLanes([
      { start: 0, end: 10 },
      { start: 5, end: 15 },
      { start: 10, end: 20 },
      { start: 6, end: 8 },
    ]).map((p) => p.lane);
    expect(lanes).toEqual([0, 1, 2, 0]);
  });

  it('places milestones and updates inside the window only', () => {
    const l = layout({
      episodes: journey,
      zoom: '3m',
      markers: [
        { id: 'm1', at: '2026-10-01T00:00:00Z', kind: 'MILESTONE', label: '30 days' },
        { id: 'm2', at: '2026-03-01T00:00:00Z', kind: 'MILESTONE', label: '24 hours' },
        { id: 'u1', at: '2026-11-01T00:00:00Z', kind: 'NOTE', label: 'Started a job' },
      ],
    });
    expect(l.markers.map((m) => m.id)).toEqual(['m1', 'u1']);
    expect(l.markers[0].x).toBeLessThan(l.markers[1].x);
    expect(l.markers[0].y).toBeLessThan(l.plot.top);
  });

  it('draws weekly attendance bars scaled to the busiest week', () => {
    const l = layout({
      episodes: journey,
      zoom: '3m',
      attendance: [
        { weekStartsOn: '2026-03-02', attended: 9 },
        { weekStartsOn: '2026-11-09', attended: 2 },
        { weekStartsOn: '2026-11-16', attended: 4 },
        { weekStartsOn: '2026-11-23', attended: 0 },
      ],
    });
    expect(l.bars.map((b) => b.weekStartsOn)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
    expect(l.attendanceMax).toBe(4);
    expect(l.bars[1].height).toBeCloseTo(l.attendanceHeight);
    expect(l.bars[0].height).toBeCloseTo(l.attendanceHeight / 2);
    expect(l.bars[2].height).toBe(0);
    expect(l.bars[0].x).toBeLessThan(l.bars[1].x);
  });
});

describe('previewTransition', () => {
  const [, residential, php, iop, viop, op] = levels;
  it('names the move the server found', () => {
    expect(previewTransition(residential, php, 'STEP_DOWN')).toBe('Step down from Residential treatment to Partial hospitalization');
    expect(previewTransition(op, php, 'STEP_UP')).toBe('Step up from Outpatient to Partial hospitalization');
    expect(previewTransition(iop, viop, 'LATERAL')).toBe('Lateral move from Intensive outpatient to Virtual intensive outpatient');
  });
  it('says nothing while the direction is not known yet', () => {
    expect(previewTransition(iop, viop, undefined)).toBe('');
  });
  it('says nothing without a target, and notices the same level', () => {
    expect(previewTransition(iop, null)).toBe('');
    expect(previewTransition(iop, iop)).toBe('Already at Intensive outpatient');
  });
});

describe('timelineSummary', () => {
  it('tells the journey in one sentence', () => {
    const s = timelineSummary(levels, journey, now);
    expect(s).toMatch(/^Level of care timeline: 5 episodes; Admission to Residential treatment, Step down to Partial hospitalization/);
    expect(s).toContain('Lateral move to Virtual intensive outpatient');
    expect(s).toContain('Readmission to Intensive outpatient');
    expect(s).toMatch(/now at Intensive outpatient for 86 days\.$/);
  });
  it('says when there is nothing yet', () => {
    expect(timelineSummary(levels, [], now)).toBe('Level of care timeline: no care episodes yet.');
  });
});
