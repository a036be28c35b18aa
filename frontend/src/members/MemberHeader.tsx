import MemberTabs from './MemberTabs';

/** The top of a member tab page: the name as h1 and the tabs. */
export default function MemberHeader({ memberId, displayName }: { memberId: string; displayName: string }) {
  return (
    <header className="member-header">
      <h1>{displayName}</h1>
      <MemberTabs memberId={memberId} />
    </header>
  );
}
