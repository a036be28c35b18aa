import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ViewerQuery } from '../auth/viewer';
import { ErrorNote, Loading } from '../ui/States';
import MemberSummary from './MemberSummary';
import MemberTabs from './MemberTabs';
import Timeline from '../journey/Timeline';
import EpisodeTable from '../journey/EpisodeTable';
import JourneyActions from '../journey/JourneyActions';
import { isClinical } from '../journey/actions/available';

const MemberJourneyQuery = graphql(`
  query MemberJourney($id: ID!, $clinical: Boolean!) {
    careLevels { id code name shortName intensity }
    member(id: $id) {
      id
      ...MemberSummary_member
      ...TimelineEpisodes_member
      ...EpisodeTable_member
      ...JourneyActions_member
    }
  }
`);

/** `/members/:id`: the member's journey: where they stand, the timeline, the episodes and what staff can do. */
export default function MemberJourneyPage() {
  const { id = '' } = useParams();
  const [viewer] = useQuery({ query: ViewerQuery, requestPolicy: 'cache-first' });
  const role = viewer.data?.viewer?.user?.role ?? '';
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MemberJourneyQuery,
    variables: { id, clinical: isClinical(role) },
    pause: !role,
  });
  const levels = useMemo(() => data?.careLevels ?? [], [data]);

  if (!data?.member) {
    if (fetching || !role) return <Loading label="Loading the member" />;
    return (
      <section>
        <h1>Member not found</h1>
        {error ? <ErrorNote error={error} /> : <p className="state state-error" role="alert">No member has this address.</p>}
      </section>
    );
  }
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <article className="member-page">
      <MemberSummary member={data.member} />
      <MemberTabs memberId={id} />
      <Timeline member={data.member} levels={levels} />
      <JourneyActions member={data.member} levels={levels} role={role} onSaved={refresh} />
      <EpisodeTable member={data.member} />
    </article>
  );
}
