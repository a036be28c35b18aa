// The level-of-care timeline as plain data: where every row, step, band,
// marker, bar and tick goes. No React here; Timeline.tsx only draws this.
import { formatDayCount, formatInstantDate } from '../ui/dates';

export type Transition = 'ADMISSION' | 'STEP_DOWN' | 'STEP_UP' | 'LATERAL' | 'READMISSION';
export type ChangeKind = Transition | 'DISCHARGE';
/** Drives colour, icon and text together, so colour is never alone. */
export type Direction = 'down' | 'up' | 'lateral' | 'enter' | 'exit';
export type Zoom = '3m' | '1y' | 'all';

export interface LevelInput {
  code: string;
  name: string;
  shortName: string;
  intensity: number;
}

export interface EpisodeInput {
  id: string;
  levelCode: string;
  startedAt: string;
  endedAt: string | null;
  transition: Transition;
  reason: string | null;
  dischargeReason?: string | null;
  /** Corrected episodes are history, not journey: left out. */
  superseded?: boolean;
}

export interface ResidencyInput {
  id: string;
  houseName: string;
  moveInAt: string;
  moveOutAt: string | null;
}

export interface MarkerInput {
  id: string;
  at: string;
  kind: 'MILESTONE' | 'CARE_LEVEL_CHANGE' | 'HOUSING_CHANGE' | 'NOTE';
  label: string;
}

export interface AttendanceWeekInput {
  weekStartsOn: string;
  attended: number;
}

export interface TimelineInput {
  levels: LevelInput[];
  episodes: EpisodeInput[];
  residencies?: ResidencyInput[];
  markers?: MarkerInput[];
  attendance?: AttendanceWeekInput[];
  zoom: Zoom;
  now: Date;
  width: number;
}

export interface Row {
  code: string;
  name: string;
  shortName: string;
  intensity: number;
  /** Centre line of the row. */
  y: number;
  top: number;
  height: number;
}

export interface Segment {
  episodeId: string;
  levelCode: string;
  levelName: string;
  x1: number;
  x2: number;
  y: number;
  /** The episode is open: it runs to now. */
  open: boolean;
  start: Date;
  end: Date | null;
  days: number;
  transition: Transition;
  reason: string;
  /** Cut by the window on the left or right. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface Change {
  key: string;
  episodeId: string;
  kind: ChangeKind;
  label: string;
  direction: Direction;
  icon: string;
  x: number;
  /** Vertical connector from the previous level's row (y1) to the new one (y2); equal when there is none. */
  y1: number;
  y2: number;
  connector: boolean;
  at: Date;
  /** Whether the text label fits without running into the previous one. */
  showLabel: boolean;
  /** Labels near the right edge run leftwards so they stay inside the drawing. */
  labelAnchor: 'start' | 'end';
}

export interface Gap {
  x1: number;
  x2: number;
}

export interface Band {
  id: string;
  houseName: string;
  x1: number;
  x2: number;
  lane: number;
  y: number;
  height: number;
  open: boolean;
}

export interface Marker {
  id: string;
  kind: MarkerInput['kind'];
  label: string;
  x: number;
  y: number;
  at: Date;
}

export interface Bar {
  weekStartsOn: string;
  attended: number;
  x: number;
  width: number;
  y: number;
  height: number;
}

export interface Tick {
  x: number;
  label: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  start: Date;
  end: Date;
  plot: { left: number; right: number; top: number; bottom: number };
  markerY: number;
  rows: Row[];
  segments: Segment[];
  changes: Change[];
  gaps: Gap[];
  bands: Band[];
  housingTop: number;
  lanes: number;
  markers: Marker[];
  bars: Bar[];
  attendanceTop: number;
  attendanceHeight: number;
  attendanceMax: number;
  ticks: Tick[];
  axisY: number;
}

export const DAY = 86_400_000;

/** Geometry of the drawing, in SVG units. */
export const GEOMETRY = {
  gutter: 150,
  rightPad: 16,
  markerRow: 26,
  rowHeight: 30,
  laneHeight: 20,
  lanePad: 6,
  attendanceHeight: 40,
  axisHeight: 28,
  minLabelGap: 96,
} as const;

export const TRANSITION_LABEL: Record<ChangeKind, string> = {
  ADMISSION: 'Admission',
  READMISSION: 'Readmission',
  STEP_DOWN: 'Step down',
  STEP_UP: 'Step up',
  LATERAL: 'Lateral move',
  DISCHARGE: 'Discharge',
};

export const DIRECTION: Record<ChangeKind, Direction> = {
  ADMISSION: 'enter',
  READMISSION: 'enter',
  STEP_DOWN: 'down',
  STEP_UP: 'up',
  LATERAL: 'lateral',
  DISCHARGE: 'exit',
};

export const ICON: Record<Direction, string> = {
  down: '▼',
  up: '▲',
  lateral: '◆',
  enter: '●',
  exit: '■',
};

const time = (s: string) => new Date(s).getTime();

/** Levels as ladder rows: most intensive first, catalogue order among equals. */
export function orderLevels(levels: LevelInput[]): LevelInput[] {
  return levels
    .map((l, i) => ({ l, i }))
    .sort((a, b) => b.l.intensity - a.l.intensity || a.i - b.i)
    .map(({ l }) => l);
}

/** The journey as kept: no superseded episodes, oldest first. */
/** A member's care episodes from the API (the connection's nodes), as the timeline's input. */
export function episodesOf(careEpisodes: readonly {
  id: string;
  careLevel: { code: string };
  startedAt: string;
  endedAt?: string | null;
  transition: Transition;
  reason?: string | null;
  dischargeReason?: string | null;
}[] | null | undefined): EpisodeInput[] {
  return (careEpisodes ?? []).map((e) => ({
    id: e.id,
    levelCode: e.careLevel.code,
    startedAt: e.startedAt,
    endedAt: e.endedAt ?? null,
    transition: e.transition,
    reason: e.reason ?? null,
    dischargeReason: e.dischargeReason ?? null,
  }));
}

export function journeyEpisodes(episodes: EpisodeInput[]): EpisodeInput[] {
  return episodes.filter((e) => !e.superseded).sort((a, b) => time(a.startedAt) - time(b.startedAt));
}

/** An ended episode not followed at once by the next one ended in a discharge. */
export function endedInDischarge(episodes: EpisodeInput[], index: number): boolean {
  const e = episodes[index];
  if (!e.endedAt) return false;
  const next = episodes[index + 1];
  return !next || next.transition === 'READMISSION' || time(next.startedAt) > time(e.endedAt);
}

/** The window a zoom shows, ending now. "All" starts at the first episode, move-in or mark. */
export function zoomWindow(zoom: Zoom, now: Date, input: Pick<TimelineInput, 'episodes' | 'residencies' | 'markers'>): { start: Date; end: Date } {
  const end = now;
  if (zoom === '3m') {
    const s = new Date(now);
    s.setUTCMonth(s.getUTCMonth() - 3);
    return { start: s, end };
  }
  if (zoom === '1y') {
    const s = new Date(now);
    s.setUTCFullYear(s.getUTCFullYear() - 1);
    return { start: s, end };
  }
  const starts = [
    ...journeyEpisodes(input.episodes).map((e) => time(e.startedAt)),
    ...(input.residencies ?? []).map((r) => time(r.moveInAt)),
  ].filter((t) => t < now.getTime());
  if (starts.length === 0) {
    const s = new Date(now);
    s.setUTCMonth(s.getUTCMonth() - 3);
    return { start: s, end };
  }
  const first = Math.min(...starts);
  // A little room before the first event so its label is not on the edge.
  const pad = Math.max(3 * DAY, (now.getTime() - first) * 0.03);
  return { start: new Date(first - pad), end };
}

/** Whole days between two instants, at least 1 for any stretch that began. */
export function lengthInDays(start: Date, end: Date): number {
  return Math.max(1, Math.round((end.getTime() - start.getTime()) / DAY));
}

/** Puts overlapping intervals on separate lanes (greedy, by start). */
export function assignLanes<T extends { start: number; end: number }>(items: T[]): { item: T; lane: number }[] {
  const laneEnds: number[] = [];
  return [...items]
    .sort((a, b) => a.start - b.start)
    .map((item) => {
      let lane = laneEnds.findIndex((end) => end <= item.start);
      if (lane === -1) {
        lane = laneEnds.length;
        laneEnds.push(item.end);
      } else {
        laneEnds[lane] = item.end;
      }
      return { item, lane };
    });
}

const monthFmt = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });
const monthYearFmt = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayMonthFmt = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Axis ticks: half months for a short window, months, quarters or years for longer ones. */
export function axisTicks(start: Date, end: Date, x: (t: number) => number): Tick[] {
  const span = (end.getTime() - start.getTime()) / DAY;
  const ticks: Tick[] = [];
  const s = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  if (span <= 120) {
    for (let d = new Date(s); d <= end; d.setUTCMonth(d.getUTCMonth() + 1)) {
      for (const day of [1, 15]) {
        const t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), day);
        if (t >= start.getTime() && t <= end.getTime()) {
          ticks.push({ x: x(t), label: day === 1 ? monthYearFmt.format(t) : dayMonthFmt.format(t) });
        }
      }
    }
    return ticks;
  }
  const step = span <= 400 ? 1 : span <= 1200 ? 3 : 12;
  if (step === 12) s.setUTCMonth(0);
  else if (step === 3) s.setUTCMonth(s.getUTCMonth() - (s.getUTCMonth() % 3));
  for (let d = new Date(s); d <= end; d.setUTCMonth(d.getUTCMonth() + step)) {
    const t = d.getTime();
    if (t < start.getTime()) continue;
    const label = step === 12 ? String(d.getUTCFullYear()) : d.getUTCMonth() === 0 || step === 3 ? monthYearFmt.format(t) : monthFmt.format(t);
    ticks.push({ x: x(t), label });
  }
  return ticks;
}

/** Lays out the whole timeline for one window and width. */
export function layoutTimeline(input: TimelineInput): TimelineLayout {
  const g = GEOMETRY;
  const { start, end } = zoomWindow(input.zoom, input.now, input);
  const t0 = start.getTime();
  const t1 = end.getTime();
  const width = Math.max(input.width, g.gutter + 120);
  const left = g.gutter;
  const right = width - g.rightPad;
  const x = (t: number) => left + ((Math.min(Math.max(t, t0), t1) - t0) / (t1 - t0)) * (right - left);
  const inWindow = (t: number) => t >= t0 && t <= t1;

  const markerY = g.markerRow / 2;
  const top = g.markerRow;
  const rows: Row[] = orderLevels(input.levels).map((l, i) => ({
    code: l.code,
    name: l.name,
    shortName: l.shortName,
    intensity: l.intensity,
    top: top + i * g.rowHeight,
    height: g.rowHeight,
    y: top + i * g.rowHeight + g.rowHeight / 2,
  }));
  const rowOf = new Map(rows.map((r) => [r.code, r]));
  const bottom = top + rows.length * g.rowHeight;

  const episodes = journeyEpisodes(input.episodes);
  const segments: Segment[] = [];
  const changes: Change[] = [];
  const gaps: Gap[] = [];
  const now = input.now.getTime();

  episodes.forEach((e, i) => {
    const row = rowOf.get(e.levelCode);
    if (!row) return;
    const s = time(e.startedAt);
    const en = e.endedAt ? time(e.endedAt) : now;
    const prev = i > 0 ? episodes[i - 1] : undefined;
    const prevRow = prev ? rowOf.get(prev.levelCode) : undefined;
    const continuous = prev && prev.endedAt && e.transition !== 'READMISSION' && time(prev.endedAt) >= s;

    if (en >= t0 && s <= t1) {
      segments.push({
        episodeId: e.id,
        levelCode: e.levelCode,
        levelName: row.name,
        x1: x(s),
        x2: x(en),
        y: row.y,
        open: !e.endedAt,
        start: new Date(s),
        end: e.endedAt ? new Date(en) : null,
        days: lengthInDays(new Date(s), new Date(en)),
        transition: e.transition,
        reason: e.reason ?? '',
        clippedStart: s < t0,
        clippedEnd: en > t1,
      });
    }
    if (inWindow(s)) {
      const connector = Boolean(continuous && prevRow);
      changes.push({
        key: `${e.id}:start`,
        episodeId: e.id,
        kind: e.transition,
        label: TRANSITION_LABEL[e.transition],
        direction: DIRECTION[e.transition],
        icon: ICON[DIRECTION[e.transition]],
        x: x(s),
        y1: connector && prevRow ? prevRow.y : row.y,
        y2: row.y,
        connector,
        at: new Date(s),
        showLabel: true,
        labelAnchor: 'start',
      });
    }
    if (endedInDischarge(episodes, i)) {
      const next = episodes[i + 1];
      const gapEnd = next ? time(next.startedAt) : now;
      if (gapEnd >= t0 && en <= t1) gaps.push({ x1: x(en), x2: x(gapEnd) });
      if (inWindow(en)) {
        changes.push({
          key: `${e.id}:end`,
          episodeId: e.id,
          kind: 'DISCHARGE',
          label: TRANSITION_LABEL.DISCHARGE,
          direction: 'exit',
          icon: ICON.exit,
          x: x(en),
          y1: row.y,
          y2: row.y,
          connector: false,
          at: new Date(en),
          showLabel: true,
          labelAnchor: 'start',
        });
      }
    }
  });

  // Text labels only where they fit; icons always show.
  let lastLabelX = -Infinity;
  for (const c of changes) {
    c.labelAnchor = right - c.x < g.minLabelGap ? 'end' : 'start';
    c.showLabel = c.x - lastLabelX >= g.minLabelGap;
    if (c.showLabel) lastLabelX = c.x;
  }

  // Housing: overlapping residencies go on separate lanes.
  const housingTop = bottom + g.lanePad;
  const placed = assignLanes(
    (input.residencies ?? []).map((r) => ({
      r,
      start: time(r.moveInAt),
      end: r.moveOutAt ? time(r.moveOutAt) : now,
    })),
  );
  const lanes = placed.reduce((n, p) => Math.max(n, p.lane + 1), 0);
  const bands: Band[] = placed
    .filter(({ item }) => item.end >= t0 && item.start <= t1)
    .map(({ item, lane }) => ({
      id: item.r.id,
      houseName: item.r.houseName,
      x1: x(item.start),
      x2: x(item.end),
      lane,
      y: housingTop + lane * g.laneHeight,
      height: g.laneHeight - 4,
      open: !item.r.moveOutAt,
    }));

  const markers: Marker[] = (input.markers ?? [])
    .filter((m) => inWindow(time(m.at)))
    .map((m) => ({ id: m.id, kind: m.kind, label: m.label, x: x(time(m.at)), y: markerY, at: new Date(m.at) }));

  const attendanceTop = housingTop + Math.max(lanes, 1) * g.laneHeight + g.lanePad;
  const weeks = (input.attendance ?? []).filter((w) => {
    const s = time(`${w.weekStartsOn}T00:00:00Z`);
    return s + 7 * DAY > t0 && s <= t1;
  });
  const attendanceMax = weeks.reduce((m, w) => Math.max(m, w.attended), 0);
  const bars: Bar[] = weeks.map((w) => {
    const s = time(`${w.weekStartsOn}T00:00:00Z`);
    const bx1 = x(s);
    const bx2 = x(s + 7 * DAY);
    const h = attendanceMax > 0 ? (w.attended / attendanceMax) * g.attendanceHeight : 0;
    return {
      weekStartsOn: w.weekStartsOn,
      attended: w.attended,
      x: bx1 + 0.5,
      width: Math.max(1, bx2 - bx1 - 1),
      y: attendanceTop + g.attendanceHeight - h,
      height: h,
    };
  });

  const axisY = attendanceTop + g.attendanceHeight + 4;
  return {
    width,
    height: axisY + g.axisHeight,
    start,
    end,
    plot: { left, right, top, bottom },
    markerY,
    rows,
    segments,
    changes,
    gaps,
    bands,
    housingTop,
    lanes,
    markers,
    bars,
    attendanceTop,
    attendanceHeight: g.attendanceHeight,
    attendanceMax,
    ticks: axisTicks(start, end, x),
    axisY,
  };
}

/**
 * The live preview of a level change. The direction of a move (`kind`) is
 * the server's (`careLevelTransition`); empty while it is not known yet.
 */
export function previewTransition(from: LevelInput | null | undefined, to: LevelInput | null | undefined, kind?: Transition | null): string {
  if (!to) return '';
  if (!from) return `Admission to ${to.name}`;
  if (from.code === to.code) return `Already at ${to.name}`;
  if (!kind) return '';
  return `${TRANSITION_LABEL[kind]} from ${from.name} to ${to.name}`;
}

/** The sentence a screen reader gets for the whole drawing. */
export function timelineSummary(levels: LevelInput[], episodes: EpisodeInput[], now: Date): string {
  const journey = journeyEpisodes(episodes);
  if (journey.length === 0) return 'Level of care timeline: no care episodes yet.';
  const names = new Map(levels.map((l) => [l.code, l.name]));
  const steps = journey.map((e) => `${TRANSITION_LABEL[e.transition]} to ${names.get(e.levelCode) ?? e.levelCode}`);
  const last = journey[journey.length - 1];
  const current = last.endedAt
    ? `discharged on ${formatInstantDate(last.endedAt)}`
    : `now at ${names.get(last.levelCode) ?? last.levelCode} for ${formatDayCount(lengthInDays(new Date(last.startedAt), now))}`;
  const count = journey.length === 1 ? '1 episode' : `${journey.length} episodes`;
  return `Level of care timeline: ${count}; ${steps.join(', ')}; ${current}.`;
}

