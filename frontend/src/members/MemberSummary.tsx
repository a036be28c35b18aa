import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../gql';
import type { MemberStatus } from '../gql/graphql';
import './members.css';

export const MemberSummaryFragment = graphql(`
  fragment MemberSummary_member on Member {
    id
    displayName
    status
    daysInRecovery
    currentCareLevel { id name }
    currentResidency { id bed house { id name } }
    currentPeer { id name }
  }
`);

export const STATUS_LABEL: Record<MemberStatus, string> = {
  PREADMISSION: 'Pre-admission',
  ACTIVE: 'In care',
  DISCHARGED: 'Discharged',
  ALUMNI: 'Alumni',
};

/** The member's name as the page heading, and where they stand now: the top of the journey tab. */
export default function MemberSummary(props: { member: FragmentType<typeof MemberSummaryFragment> }) {
  const m = getFragmentData(MemberSummaryFragment, props.member);
  const house = m.currentResidency;
  return (
    <header className="member-header">
      <h1>{m.displayName}</h1>
      <dl className="member-facts">
        <div><dt>Status</dt><dd><span className={`status status-${m.status?.toLowerCase()}`}>{m.status && STATUS_LABEL[m.status]}</span></dd></div>
        <div><dt>Level of care</dt><dd>{m.currentCareLevel?.name ?? 'Not in care'}</dd></div>
        <div>
          <dt>Days in recovery</dt>
          <dd>{m.daysInRecovery ?? 'Not recorded'}</dd>
        </div>
        <div>
          <dt>House</dt>
          <dd>
            {house ? (
              <>
                <Link to={`/houses/${encodeURIComponent(house.house.id)}`}>{house.house.name}</Link>
                {house.bed ? `, bed ${house.bed}` : ''}
              </>
            ) : (
              'None'
            )}
          </dd>
        </div>
        <div><dt>Peer supporter</dt><dd>{m.currentPeer?.name ?? 'None'}</dd></div>
      </dl>
    </header>
  );
}
