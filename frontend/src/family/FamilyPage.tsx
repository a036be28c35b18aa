import { useQuery } from 'urql';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { FamilyPortalQuery } from './queries';
import SharedMemberSection from './SharedMemberSection';
import FamilyGroups from './FamilyGroups';
import './family.css';

/** The family portal: what each member shares with the viewer, then the family group. */
export default function FamilyPage() {
  const [{ data, fetching, error }] = useQuery({ query: FamilyPortalQuery });

  return (
    <div className="family">
      <h1>Updates</h1>
      {fetching && !data && <Loading label="Loading updates" />}
      {error && !data && <ErrorNote error={error} />}
      {data && (
        <>
          {data.viewer.sharedMembers.nodes.length === 0 ? (
            <Empty>Nothing is shared with you right now.</Empty>
          ) : (
            data.viewer.sharedMembers.nodes.map((m) => <SharedMemberSection key={m.id} member={m} />)
          )}
          {data.viewer.sharedMembers.totalCount > data.viewer.sharedMembers.nodes.length && (
            <p>
              Showing {data.viewer.sharedMembers.nodes.length} of the {data.viewer.sharedMembers.totalCount} members who share with you.
            </p>
          )}
          <FamilyGroups groups={data.viewer.familyGroups.nodes} />
        </>
      )}
    </div>
  );
}
