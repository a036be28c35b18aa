import { useQuery } from 'urql';
import { ErrorNote, Loading } from '../ui/States';
import { attendanceChart } from './feed';
import { formatCalendarDate } from '../ui/dates';
import { SharedAttendanceQuery } from './queries';

const W = 320;
const H = 96;
const LABEL = 16;

/** Meetings attended per week as small bars, with the same in words. */
export default function WeeklyAttendance({ memberId }: { memberId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: SharedAttendanceQuery, variables: { id: memberId } });
  const weeks = data?.node && 'attendanceWeeks' in data.node ? data.node.attendanceWeeks : undefined;
  const headingId = `attendance-${memberId}`;

  let body: React.ReactNode = null;
  if (fetching && !data) body = <Loading label="Loading attendance" />;
  else if (error && !data) body = <ErrorNote error={error} />;
  else if (weeks) {
    const chart = attendanceChart(weeks, (d) => formatCalendarDate(d));
    const slot = chart.bars.length ? W / chart.bars.length : W;
    const barW = Math.max(2, slot * 0.7);
    body = (
      <>
        {chart.bars.length > 0 && (
          <svg className="attendance-chart" viewBox={`0 0 ${W} ${H + LABEL}`} role="img" aria-label={chart.label}
            preserveAspectRatio="none">
            {chart.bars.map((b, i) => {
              const h = b.attended === 0 ? 1 : Math.max(3, b.share * H);
              return (
                <rect key={b.weekStartsOn} className={b.attended === 0 ? 'bar bar-empty' : 'bar'}
                  x={i * slot + (slot - barW) / 2} y={H - h} width={barW} height={h}>
                  <title>{`Week of ${formatCalendarDate(b.weekStartsOn)}: ${b.attended}`}</title>
                </rect>
              );
            })}
            <line className="baseline" x1={0} x2={W} y1={H} y2={H} />
          </svg>
        )}
        <p className="attendance-summary">{chart.summary}</p>
      </>
    );
  }

  return (
    <section className="attendance" aria-labelledby={headingId}>
      <h3 id={headingId}>Weekly attendance</h3>
      {body}
    </section>
  );
}
