import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { FamilyMemberQuery } from './familyQueries';
import Contacts, { FamilyContactFields } from './Contacts';
import Consents, { ConsentFields } from './Consents';
import Disclosures from './Disclosures';
import MemberHeader, { RefusedTab } from '../MemberHeader';
import { isRefused } from '../refusal';
import { Empty, ErrorNote, Loading } from '../../ui/States';
import { getFragmentData } from '../../gql';
import { useCanManageCare } from '../careRole';
import './family.css';

// Contacts and consents added, invited or revoked (in mutation results) make urql fetch the page again.
const context = { additionalTypenames: ['FamilyContact', 'Consent'] };

/** `/members/:id/family`: family contacts and invitations, consents, and the accounting of disclosures. */
export default function FamilyPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: FamilyMemberQuery, variables: { id }, context });
  const [notice, setNotice] = useState('');
  const canEdit = useCanManageCare();

  if (fetching && !data) return <Loading label="Loading family and consents" />;
  const member = data?.member;
  // Refused, the lists are null with FORBIDDEN (the member itself stays).
  if (!member || !member.familyContacts || !member.consents) {
    if (error && isRefused(error)) return <RefusedTab memberId={id} message="Family contacts and consents are not shown to your role." />;
    return error ? <ErrorNote error={error} /> : <Empty>No such member.</Empty>;
  }
  const contacts = [...getFragmentData(FamilyContactFields, member.familyContacts.nodes)];
  const consents = [...getFragmentData(ConsentFields, member.consents.nodes)];
  function saved(message: string) {
    setNotice(message);
  }

  return (
    <div className="member-page family-page">
      <MemberHeader memberId={member.id} displayName={member.displayName ?? 'Member'} />
      <p role="status" className="notice">{notice}</p>
      <Contacts memberId={member.id} contacts={contacts} canEdit={canEdit} onSaved={saved} />
      <Consents memberId={member.id} contacts={contacts} consents={consents} canEdit={canEdit} onSaved={saved} />
      <Disclosures memberId={member.id} />
    </div>
  );
}
