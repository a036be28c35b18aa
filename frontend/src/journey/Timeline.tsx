import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { graphql, getFragmentData, type FragmentType } from '../gql';
import { formatCalendarDate, formatDayCount, formatInstantDate } from '../ui/dates';
import {
  layoutTimeline,
  timelineSummary,
  zoomWindow,
  DAY,
  TRANSITION_LABEL,
  episodesOf,
  type LevelInput,
  type MarkerInput,
  type Segment,
  type Zoom,
} from './timeline';
import './journey.css';

export const TimelineEpisodesFragment = graphql(`
  fragment TimelineEpisodes_member on Member {
    id
    careEpisodes(first: 100) {
      nodes {
        id
        careLevel { id code }
        startedAt
        endedAt
        transition
        reason @include(if: $clinical)
        dischargeReason @include(if: $clinical)
      }
    }
    residencies(first: 100) {
      nodes {
        id
        house { id name }
        moveInAt
        moveOutAt
      }
    }
    milestones {
      reached { key label reachedOn }
    }
    updates(first: 30, filter: { kinds: [NOTE] }) {
      nodes { id kind body occurredAt }
    }
  }
`);

const TimelineAttendanceQuery = graphql(`
  query TimelineAttendance($id: ID!, $from: DateTime!) {
    member(id: $id) {
      id
      attendanceSummary(period: { startAt: $from }) {
        weeks { weekStartsOn attended }
      }
    }
  }
`);

const ZOOMS: { value: Zoom; label: string }[] = [
  { value: '3m', label: '3 months' },
  { value: '1y', label: '1 year' },
  { value: 'all', label: 'All' },
];

/** Below this the drawing scrolls sideways inside its box instead of squeezing. */
const MIN_WIDTH = 640;

function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(900);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(el.clientWidth || 900);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(v, Math.max(lo, hi)));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}


export default function Timeline(props: {
  member: FragmentType<typeof TimelineEpisodesFragment>;
  levels: LevelInput[];
  now?: Date;
}) {
  const member = getFragmentData(TimelineEpisodesFragment, props.member);
  const [zoom, setZoom] = useState<Zoom>('all');
  const [active, setActive] = useState<string | null>(null);
  const [scrollLeft, setScrollLeft] = useState(0);
  const boxRef = useRef<HTMLDivElement>(null);
  const segRefs = useRef<(SVGGElement | null)[]>([]);
  const boxWidth = useWidth(boxRef);
  // "Now" is fixed per render of new data so the drawing does not creep.
  const now = useMemo(() => props.now ?? new Date(), [props.now, member]); // eslint-disable-line react-hooks/exhaustive-deps

  const episodes = useMemo(() => episodesOf(member.careEpisodes?.nodes), [member]);
  const residencies = useMemo(
    () => (member.residencies?.nodes ?? []).map((r) => ({ id: r.id, houseName: r.house.name, moveInAt: r.moveInAt, moveOutAt: r.moveOutAt ?? null })),
    [member],
  );
  const markers = useMemo<MarkerInput[]>(
    () => [
      ...(member.milestones?.reached ?? []).map((m) => ({ id: `milestone:${m.key}`, at: `${m.reachedOn}T12:00:00Z`, kind: 'MILESTONE' as const, label: m.label })),
      ...(member.updates?.nodes ?? []).map((u) => ({ id: u.id, at: u.occurredAt, kind: u.kind, label: u.body })),
    ],
    [member],
  );

  // Attendance from the start of the whole journey, so every zoom has its bars.
  // Whole days, so a refetch of the member does not start a new attendance query.
  const from = useMemo(() => {
    const start = zoomWindow('all', now, { episodes, residencies }).start.getTime();
    return new Date(Math.floor(start / DAY) * DAY).toISOString();
  }, [now, episodes, residencies]);
  const [attendanceResult] = useQuery({ query: TimelineAttendanceQuery, variables: { id: member.id, from } });
  // Memoized: a fresh [] on each render would recompute the layout below.
  const attendance = useMemo(() => attendanceResult.data?.member?.attendanceSummary?.weeks ?? [], [attendanceResult.data]);

  const width = Math.max(boxWidth, MIN_WIDTH);
  const layout = useMemo(
    () => layoutTimeline({ levels: props.levels, episodes, residencies, markers, attendance, zoom, now, width }),
    [props.levels, episodes, residencies, markers, attendance, zoom, now, width],
  );
  const summary = timelineSummary(props.levels, episodes, now);
  const activeSegment = layout.segments.find((s) => s.episodeId === active) ?? null;

  function onKey(e: React.KeyboardEvent, index: number) {
    const last = layout.segments.length - 1;
    const to =
      e.key === 'ArrowRight' || e.key === 'ArrowDown' ? Math.min(index + 1, last)
      : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? Math.max(index - 1, 0)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : e.key === 'Escape' ? -2
      : -1;
    if (to === -1) return;
    e.preventDefault();
    if (to === -2) {
      setActive(null);
      return;
    }
    segRefs.current[to]?.focus();
  }

  return (
    <section className="timeline" aria-labelledby="timeline-heading">
      <div className="timeline-head">
        <h2 id="timeline-heading">Level of care</h2>
        <div className="zoom" role="group" aria-label="Zoom">
          {ZOOMS.map((z) => (
            <button key={z.value} type="button" className="secondary" aria-pressed={zoom === z.value} onClick={() => setZoom(z.value)}>
              {z.label}
            </button>
          ))}
        </div>
      </div>
      <ul className="timeline-legend" aria-label="Legend">
        <li><span className="dir dir-down" aria-hidden="true">▼</span> Step down</li>
        <li><span className="dir dir-up" aria-hidden="true">▲</span> Step up</li>
        <li><span className="dir dir-lateral" aria-hidden="true">◆</span> Lateral move</li>
        <li><span className="dir dir-enter" aria-hidden="true">●</span> Admission / readmission</li>
        <li><span className="dir dir-exit" aria-hidden="true">■</span> Discharge</li>
        <li><span className="legend-band" aria-hidden="true" /> House</li>
        <li><span className="dir dir-milestone" aria-hidden="true">★</span> Milestone</li>
        <li><span className="dir dir-note" aria-hidden="true">✎</span> Update</li>
      </ul>
      <div className="timeline-frame">
      <div
        className="timeline-box"
        ref={boxRef}
        role="region"
        aria-label="Timeline drawing"
        tabIndex={0}
        onScroll={(e) => setScrollLeft(e.currentTarget.scrollLeft)}
      >
        <svg
          role="img"
          aria-label={summary}
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          className="timeline-svg"
        >
          {/* Ladder rows, most intensive on top. */}
          {layout.rows.map((r, i) => (
            <g key={r.code} className={i % 2 ? 'tl-row odd' : 'tl-row'}>
              <rect x={0} y={r.top} width={layout.width} height={r.height} />
              <text x={8} y={r.y} dominantBaseline="middle" className="tl-row-label">
                <title>{r.name}</title>
                {capitalise(r.shortName)}
              </text>
            </g>
          ))}
          {/* Ticks. */}
          {layout.ticks.map((t) => (
            <g key={`${t.x}-${t.label}`} className="tl-tick">
              <line x1={t.x} x2={t.x} y1={layout.plot.top} y2={layout.axisY} />
              <text x={t.x} y={layout.axisY + 16} textAnchor="middle">{t.label}</text>
            </g>
          ))}
          {/* Out of care between a discharge and a readmission (or now). */}
          {layout.gaps.map((g) => (
            <rect key={`gap-${g.x1}`} className="tl-gap" x={g.x1} y={layout.plot.top} width={Math.max(0, g.x2 - g.x1)} height={layout.plot.bottom - layout.plot.top} />
          ))}
          {/* Vertical connectors at level changes. */}
          {layout.changes.filter((c) => c.connector).map((c) => (
            <line key={`conn-${c.key}`} className={`tl-connector dir-${c.direction}`} x1={c.x} x2={c.x} y1={c.y1} y2={c.y2} />
          ))}
          {/* Episodes: focusable, with a tooltip on hover and focus. */}
          {layout.segments.map((s, i) => (
            <g
              key={s.episodeId}
              ref={(el) => { segRefs.current[i] = el; }}
              className={`tl-episode${active === s.episodeId ? ' active' : ''}${s.open ? ' open' : ''}`}
              tabIndex={0}
              role="img"
              aria-label={episodeText(s)}
              aria-describedby={active === s.episodeId ? 'timeline-tip' : undefined}
              onFocus={() => setActive(s.episodeId)}
              onBlur={() => setActive((a) => (a === s.episodeId ? null : a))}
              onMouseEnter={() => setActive(s.episodeId)}
              onMouseLeave={() => setActive((a) => (a === s.episodeId ? null : a))}
              onKeyDown={(e) => onKey(e, i)}
            >
              <rect className="tl-hit" x={s.x1} y={s.y - 12} width={Math.max(6, s.x2 - s.x1)} height={24} />
              <line className="tl-run" x1={s.x1} x2={Math.max(s.x2, s.x1 + 2)} y1={s.y} y2={s.y} />
              {s.open && <circle className="tl-now" cx={s.x2} cy={s.y} r={4} />}
            </g>
          ))}
          {/* Change icons and labels (colour, icon and text together). */}
          {layout.changes.map((c) => (
            <g key={c.key} className={`tl-change dir-${c.direction}`} aria-hidden="true">
              <text x={c.x} y={c.y2} textAnchor="middle" dominantBaseline="central" className="tl-icon">{c.icon}</text>
              {c.showLabel && (
                <text x={c.labelAnchor === 'end' ? c.x - 8 : c.x + 8} y={c.y2 - 10} textAnchor={c.labelAnchor} className="tl-label">{c.label}</text>
              )}
            </g>
          ))}
          {/* Housing bands, overlaps on separate lanes. */}
          {layout.bands.length === 0 && (
            <text x={layout.plot.left} y={layout.housingTop + 12} className="tl-muted">No house</text>
          )}
          <text x={8} y={layout.housingTop + 12} className="tl-row-label">House</text>
          {layout.bands.map((b) => (
            <g key={b.id} className={`tl-band${b.open ? ' open' : ''}`}>
              <rect x={b.x1} y={b.y} width={Math.max(2, b.x2 - b.x1)} height={b.height} rx={3} />
              {b.x2 - b.x1 > 60 && (
                <text x={b.x1 + 4} y={b.y + b.height / 2} dominantBaseline="middle">{b.houseName}</text>
              )}
              <title>{`${b.houseName}`}</title>
            </g>
          ))}
          {/* Milestones and updates along the top. */}
          {layout.markers.map((m) => (
            <g key={m.id} className={`tl-marker ${m.kind === 'MILESTONE' ? 'milestone' : 'note'}`}>
              <line x1={m.x} x2={m.x} y1={m.y + 6} y2={layout.plot.bottom} />
              <text x={m.x} y={m.y} textAnchor="middle" dominantBaseline="middle">{m.kind === 'MILESTONE' ? '★' : '✎'}</text>
              <title>{`${m.kind === 'MILESTONE' ? 'Milestone' : 'Update'}, ${formatInstantDate(m.at)}: ${m.label}`}</title>
            </g>
          ))}
          {/* Weekly attendance. */}
          <text x={8} y={layout.attendanceTop + layout.attendanceHeight / 2} dominantBaseline="middle" className="tl-row-label">
            Meetings a week
          </text>
          {layout.attendanceMax > 0 && (
            <text x={layout.plot.left - 6} y={layout.attendanceTop + 8} textAnchor="end" className="tl-muted">{layout.attendanceMax}</text>
          )}
          {layout.bars.map((b) => (
            <rect key={b.weekStartsOn} className="tl-bar" x={b.x} y={b.y} width={b.width} height={b.height}>
              <title>{`Week of ${formatCalendarDate(b.weekStartsOn)}: ${b.attended} attended`}</title>
            </rect>
          ))}
        </svg>
        {boxWidth < MIN_WIDTH && (
          // While the drawing scrolls sideways the level names stay in view (the SVG holds them too).
          <div className="timeline-sticky" aria-hidden="true" style={{ height: `${layout.height}px`, width: `${layout.plot.left - 8}px` }}>
            {layout.rows.map((r) => (
              <span key={r.code} style={{ top: `${r.top}px`, height: `${r.height}px` }}>{capitalise(r.shortName)}</span>
            ))}
            <span style={{ top: `${layout.housingTop}px`, height: '16px' }}>House</span>
          </div>
        )}
      </div>
        {activeSegment && (
          // Outside the scrolling box, so it is never clipped; placed where the episode shows.
          <div
            id="timeline-tip"
            role="tooltip"
            className="timeline-tip"
            style={{
              left: `${clamp((activeSegment.x1 + activeSegment.x2) / 2 - scrollLeft, 130, Math.min(boxWidth, layout.width) - 130)}px`,
              top: `${activeSegment.y + 16}px`,
            }}
          >
            <strong>{activeSegment.levelName}</strong>
            <span>{TRANSITION_LABEL[activeSegment.transition]}</span>
            <span>
              {formatInstantDate(activeSegment.start)} – {activeSegment.end ? formatInstantDate(activeSegment.end) : 'now'}
            </span>
            <span>{formatDayCount(activeSegment.days)}</span>
            {activeSegment.reason && <span>Reason: {activeSegment.reason}</span>}
          </div>
        )}
      </div>
      <p className="timeline-hint">Tab to an episode for its details; arrow keys move between episodes.</p>
    </section>
  );
}

function episodeText(s: Segment): string {
  const end = s.end ? formatInstantDate(s.end) : 'now';
  // No field names here ("Reason", "Effective"): form labels must stay unique on the page.
  const reason = s.reason ? `: ${s.reason}` : '';
  return `${s.levelName}, ${TRANSITION_LABEL[s.transition]}, ${formatInstantDate(s.start)} to ${end}, ${formatDayCount(s.days)}${reason}`;
}
