import type { FamilyPortalQuery } from '../gql/graphql';
import { daysInRecoveryText, sharedUntilText } from './feed';
import { formatCalendarDate, formatInstantDate } from '../ui/dates';
import UpdatesFeed from './UpdatesFeed';
import WeeklyAttendance from './WeeklyAttendance';

type SharedMember = FamilyPortalQuery['viewer']['sharedMembers']['nodes'][number];

/** One member who shares with the viewer: the facts they share, their updates, their attendance. */
export default function SharedMemberSection({ member }: { member: SharedMember }) {
  const headingId = `shared-${member.id}`;
  const until = sharedUntilText(member.consentExpiresAt, member.consentExpiresOnEvent, (s) => formatInstantDate(s));
  const facts: { label: string; value: string }[] = [];
  if (member.daysInRecovery != null) facts.push({ label: 'Recovery', value: daysInRecoveryText(member.daysInRecovery) });
  if (member.milestones) {
    facts.push({ label: 'Next milestone', value: `${member.milestones.next.label} on ${formatCalendarDate(member.milestones.next.reachedOn)}` });
  }
  if (member.currentCareLevel) facts.push({ label: 'Level of care', value: member.currentCareLevel.name });
  if (member.houseName) facts.push({ label: 'House', value: member.houseName });

  return (
    <section className="shared-member" aria-labelledby={headingId}>
      <h2 id={headingId}>{member.displayName}</h2>
      {facts.length > 0 && (
        <dl className="shared-facts">
          {facts.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <UpdatesFeed memberId={member.id} memberName={member.displayName} />
      {member.sharedKinds.includes('ATTENDANCE_SUMMARY') && <WeeklyAttendance memberId={member.id} />}
      {until && <p className="shared-until">{until}</p>}
    </section>
  );
}
