import { cravingDirection, cravingTrend, type CheckInLike } from './planLogic';
import { formatCalendarDate } from '../../ui/dates';

/**
 * A small sparkline of craving (0 at the bottom, 10 at the top), oldest to
 * newest. A filled dot is an abstinent check-in, a hollow one with a cross
 * is not. The check-in table under it carries the same data for people
 * who cannot see the picture.
 */
export default function CravingTrend({ checkIns }: { checkIns: CheckInLike[] }) {
  if (checkIns.length === 0) return null;
  const trend = cravingTrend(checkIns, 320, 72, 6);
  const direction = cravingDirection(checkIns);
  const first = checkIns[checkIns.length - 1];
  const last = checkIns[0];
  const label = `Craving trend over ${checkIns.length} check-ins, ${formatCalendarDate(first.occurredOn)} to ${formatCalendarDate(last.occurredOn)}: ${direction}. Details in the table of check-ins.`;
  return (
    <figure className="trend">
      <svg role="img" aria-label={label} width={trend.width} height={trend.height}
        viewBox={`0 0 ${trend.width} ${trend.height}`} className="sparkline">
        <line x1={0} x2={trend.width} y1={trend.height - 6} y2={trend.height - 6} className="spark-axis" />
        <path d={trend.path} className="spark-line" />
        {trend.points.map((p) => (
          p.abstinent
            ? <circle key={p.occurredOn + p.x} cx={p.x} cy={p.y} r={3} className="spark-dot" />
            : (
              <g key={p.occurredOn + p.x} className="spark-miss">
                <circle cx={p.x} cy={p.y} r={4} />
                <path d={`M${p.x - 2.5} ${p.y - 2.5} L${p.x + 2.5} ${p.y + 2.5} M${p.x - 2.5} ${p.y + 2.5} L${p.x + 2.5} ${p.y - 2.5}`} />
              </g>
            )
        ))}
      </svg>
      <figcaption className="hint">{direction}. Higher is stronger craving (0–10); ● abstinent, ⊗ not abstinent.</figcaption>
    </figure>
  );
}
