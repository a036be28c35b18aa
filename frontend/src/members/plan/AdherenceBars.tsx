import { adherenceBars, adherenceSummary, type WeekLike } from './planLogic';
import { formatCalendarDate } from '../../ui/dates';

const W = 120;
const H = 14;

/**
 * A commitment's weeks as bars on one scale: the filled bar is meetings
 * attended, the tick the weekly target; each week also says it in words
 * (met / not met, with an icon), so colour is never alone.
 */
export default function AdherenceBars({ weeks, label }: { weeks: WeekLike[]; label: string }) {
  if (weeks.length === 0) return <p className="hint">No weeks to show yet.</p>;
  const bars = adherenceBars(weeks);
  return (
    <div className="adherence">
      <p className="adherence-summary"><strong>Weekly adherence:</strong> {adherenceSummary(weeks)}</p>
      <ol className="adherence-weeks" aria-label={`Weekly adherence, ${label}`}>
        {bars.map((b) => (
          <li key={b.weekStartsOn} className={b.met ? 'week met' : 'week unmet'}>
            <span className="week-label">Week of {formatCalendarDate(b.weekStartsOn)}</span>
            <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false" className="week-bar">
              <rect x={0} y={2} width={W} height={H - 4} className="bar-track" />
              <rect x={0} y={2} width={Math.round(W * b.length)} height={H - 4} className="bar-fill" />
              {b.target > 0 && (
                <line x1={Math.round(W * b.targetAt)} x2={Math.round(W * b.targetAt)} y1={0} y2={H} className="bar-target" />
              )}
            </svg>
            <span className="week-text">
              <span aria-hidden="true">{b.met ? '✓ ' : '✗ '}</span>{b.text}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
