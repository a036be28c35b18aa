import { Link, useSearchParams } from 'react-router';
import type { GroupKind } from '../gql/graphql';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { groupKinds, kindLabels, modalityLabels, timeOfDayLabels } from './labels';
import { splitWeek } from './schedule';
import { formatCalendarDateWithWeekday, formatInstantDate, formatInstantTime, weekContaining } from '../ui/dates';
import { useWeekMeetings } from './useWeekMeetings';
import './groups.css';

/** The week's meetings, in three parts: day, evening and weekend. */
export default function GroupsPage() {
  const [params, setParams] = useSearchParams();
  const kind = (groupKinds as string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as GroupKind) : '';
  const week = Number.parseInt(params.get('week') ?? '0', 10) || 0;
  const { from, to } = weekContaining(new Date(), week);
  const { meetings, error, fetching } = useWeekMeetings(from, to, kind);

  function update(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value && value !== '0') next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  const lastDay = new Date(to.getTime() - 1);
  return (
    <section className="groups-page">
      <h1>Groups</h1>
      <div className="groups-toolbar">
        <label>
          Kind
          <select value={kind} onChange={(e) => update('kind', e.target.value)}>
            <option value="">All kinds</option>
            {groupKinds.map((k) => <option key={k} value={k}>{kindLabels[k]}</option>)}
          </select>
        </label>
        <div className="week-nav" role="group" aria-label="Week">
          <button type="button" className="secondary" onClick={() => update('week', String(week - 1))}>Previous week</button>
          <span aria-live="polite">
            {week === 0 ? 'This week' : 'Week'}: {formatInstantDate(from)} – {formatInstantDate(lastDay)}
          </span>
          <button type="button" className="secondary" onClick={() => update('week', String(week + 1))}>Next week</button>
          {week !== 0 && <button type="button" className="link" onClick={() => update('week', '0')}>This week</button>}
        </div>
      </div>
      {error && <ErrorNote error={error} />}
      {fetching && <Loading label="Loading the week’s meetings" />}
      {meetings && splitWeek(meetings).map((part) => (
        <section key={part.timeOfDay} className="schedule-part" aria-labelledby={`part-${part.timeOfDay}`}>
          <h2 id={`part-${part.timeOfDay}`}>{timeOfDayLabels[part.timeOfDay]}</h2>
          {part.days.length === 0 && <Empty>No {timeOfDayLabels[part.timeOfDay].toLowerCase()} meetings this week.</Empty>}
          {part.days.map((d) => (
            <div key={d.day} className="schedule-day">
              <h3>{formatCalendarDateWithWeekday(d.day)}</h3>
              <ul className="meeting-list">
                {d.meetings.map((m) => (
                  <li key={m.id} className="meeting-item">
                    <Link className="meeting-time" to={`/meetings/${m.id}`}>
                      {formatInstantTime(m.startsAt, { timeZone: m.group.timeZone })}–{formatInstantTime(m.endsAt, { timeZone: m.group.timeZone })}
                      <span className="visually-hidden">, {m.group.name}: meeting and attendance</span>
                    </Link>
                    <div className="meeting-what">
                      <Link to={`/groups/${m.group.id}`} className="meeting-group">{m.group.name}</Link>
                      <span className="meeting-meta">
                        <span className={`kind-tag kind-${m.group.kind}`}>{kindLabels[m.group.kind]}</span>
                        {' · '}{modalityLabels[m.group.modality]}
                        {m.group.location && <>{' · '}{m.group.location}</>}
                      </span>
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}
