import type { FamilyPortalQuery } from '../gql/graphql';
import { Empty } from '../ui/States';
import { attendanceStatusText, modalityText, scheduleText } from './feed';
import { formatInstantDateTime } from '../ui/dates';

type Group = FamilyPortalQuery['viewer']['familyGroups']['nodes'][number];

/** The family groups the viewer may join: when they meet next and where. */
export default function FamilyGroups({ groups }: { groups: readonly Group[] }) {
  return (
    <section className="family-groups" aria-labelledby="family-group-heading">
      <h2 id="family-group-heading">Family group</h2>
      {groups.length === 0 && <Empty>No family group meets right now.</Empty>}
      {groups.map((g) => (
        <article key={g.id} className="family-group">
          <h3>{g.name}</h3>
          {g.description && <p>{g.description}</p>}
          <dl className="shared-facts">
            <div>
              <dt>Next meeting</dt>
              <dd>
                {g.nextMeeting ? (
                  <>
                    <time dateTime={g.nextMeeting.startsAt}>{formatInstantDateTime(g.nextMeeting.startsAt, { timeZone: g.timeZone, weekday: true, year: false })}</time>
                    {g.nextMeeting.topic && <>: {g.nextMeeting.topic}</>}
                    {g.nextMeeting.viewerAttendance && <> ({attendanceStatusText(g.nextMeeting.viewerAttendance)})</>}
                  </>
                ) : 'None scheduled'}
              </dd>
            </div>
            {g.schedule.length > 0 && (
              <div>
                <dt>Meets</dt>
                <dd>{scheduleText(g.schedule)} ({g.timeZone})</dd>
              </div>
            )}
            <div>
              <dt>Where</dt>
              <dd>{modalityText(g.modality)}{g.location && <>: {g.location}</>}</dd>
            </div>
          </dl>
        </article>
      ))}
    </section>
  );
}
