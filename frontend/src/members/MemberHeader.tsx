import { useQuery } from 'urql';
import MemberTabs from './MemberTabs';
import { graphql } from '../gql';

const MemberNameQuery = graphql(`
  query MemberName($id: ID!) {
    member(id: $id) { id displayName }
  }
`);

/** The top of a member tab page: the name as h1 and the tabs. */
export default function MemberHeader({ memberId, displayName }: { memberId: string; displayName: string }) {
  return (
    <header className="member-header">
      <h1>{displayName}</h1>
      <MemberTabs memberId={memberId} />
    </header>
  );
}

/**
 * A tab the viewer's role may not open: the name and tabs still, and a
 * polite word instead of the content.
 */
export function RefusedTab({ memberId, message }: { memberId: string; message: string }) {
  const [{ data }] = useQuery({ query: MemberNameQuery, variables: { id: memberId } });
  return (
    <div className="member-page">
      <MemberHeader memberId={memberId} displayName={data?.member?.displayName ?? 'Member'} />
      <p className="state" role="alert">{message}</p>
    </div>
  );
}
