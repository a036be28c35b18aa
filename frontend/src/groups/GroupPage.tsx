import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { kindLabels, modalityLabels, timeOfDayLabels } from './labels';
import { GroupQuery } from './queries';
import { aroundNow } from './schedule';
import { formatInstantDate, formatInstantDateTime } from '../ui/dates';
import './groups.css';

const dayNames: Record<string, string> = {
  MONDAY: 'Monday', TUESDAY: 'Tuesday', WEDNESDAY: 'Wednesday', THURSDAY: 'Thursday',
  FRIDAY: 'Friday', SATURDAY: 'Saturday', SUNDAY: 'Sunday',
};

/** A group: what it is, who leads it, when it meets, who belongs, its meetings. */
export default function GroupPage() {
  const { id = '' } = useParams();
  // Four weeks back and four ahead: enough for the last and next few meetings.
  const range = useMemo(() => {
    const now = Date.now();
    const week = 7 * 24 * 3600 * 1000;
    return { from: new Date(now - 4 * week).toISOString(), to: new Date(now + 4 * week).toISOString() };
  }, []);
  const [{ data, fetching, error }] = useQuery({ query: GroupQuery, variables: { id, ...range } });

  if (fetching && !data) return <Loading label="Loading the group" />;
  if (error && !data?.group) return <ErrorNote error={error} />;
  const group = data?.group;
  if (!group) return <Empty>This group was not found.</Empty>;

  const { upcoming, recent } = aroundNow(group.meetings.nodes, new Date(), 5);
  const tz = group.timeZone;

  return (
    <article className="group-page">
      <p><Link to="/groups">← Groups</Link></p>
      <h1>{group.name}</h1>
      <p className="group-facts">
        <span className={`kind-tag kind-${group.kind}`}>{kindLabels[group.kind]}</span>
        {' · '}{modalityLabels[group.modality]}
        {group.location && <>{' · '}{group.location}</>}
        {!group.isActive && <> · <strong>No longer meeting</strong></>}
      </p>
      {group.description && <p className="group-description">{group.description}</p>}
      {group.house && <p>House: <Link to={`/houses/${group.house.id}`}>{group.house.name}</Link></p>}

      <h2>Facilitators</h2>
      {(group.facilitators ?? []).length === 0 ? <Empty>No facilitators yet.</Empty> : (
        <ul>
          {(group.facilitators ?? []).map((f) => (
            f.__typename === 'Peer' ? <li key={f.id}>{f.name} (peer supporter)</li>
              : f.__typename === 'User' ? <li key={f.id}>{f.name} (staff)</li> : null
          ))}
        </ul>
      )}

      <h2>Schedule</h2>
      {group.schedule.length === 0 ? <Empty>No weekly meetings.</Empty> : (
        <ul>
          {group.schedule.map((s) => (
            <li key={`${s.dayOfWeek}-${s.startTime}`}>
              {dayNames[s.dayOfWeek]} {s.startTime}, {s.durationMinutes} min ({timeOfDayLabels[s.timeOfDay].toLowerCase()})
            </li>
          ))}
        </ul>
      )}
      <p className="muted">Times in {tz}.</p>

      <h2>Members</h2>
      {(group.members?.nodes ?? []).length === 0 ? <Empty>Nobody belongs to this group now.</Empty> : (
        <ul className="member-list">
          {(group.members?.nodes ?? []).map((gm) => (
            <li key={gm.member.id}>
              <Link to={`/members/${gm.member.id}`}>{gm.member.displayName}</Link>
              <span className="muted"> since {formatInstantDate(gm.joinedAt, { timeZone: tz })}</span>
            </li>
          ))}
        </ul>
      )}
      {group.members && group.members.totalCount > group.members.nodes.length && (
        <p className="muted">The first {group.members.nodes.length} of {group.members.totalCount} members, by joining date.</p>
      )}

      <h2>Upcoming meetings</h2>
      {upcoming.length === 0 ? <Empty>No meetings scheduled in the next four weeks.</Empty> : (
        <ul>
          {upcoming.map((m) => (
            <li key={m.id}><Link to={`/meetings/${m.id}`}>{formatInstantDateTime(m.startsAt, { timeZone: tz, weekday: true })}</Link>{m.topic && <> — {m.topic}</>}</li>
          ))}
        </ul>
      )}

      <h2>Recent meetings</h2>
      {recent.length === 0 ? <Empty>No meetings in the last four weeks.</Empty> : (
        <ul>
          {recent.map((m) => (
            <li key={m.id}><Link to={`/meetings/${m.id}`}>{formatInstantDateTime(m.startsAt, { timeZone: tz, weekday: true })}</Link>{m.topic && <> — {m.topic}</>}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
