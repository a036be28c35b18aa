import { useRef, useState } from 'react';
import { graphql, getFragmentData, type FragmentType } from '../gql';
import type { LevelInput } from './timeline';
import { actionLabel, availableActions, type ActionKey } from './actions/available';
import ChangeLevelForm from './actions/ChangeLevelForm';
import DischargeForm from './actions/DischargeForm';
import AdmitForm from './actions/AdmitForm';
import MoveInForm from './actions/MoveInForm';
import MoveOutForm from './actions/MoveOutForm';
import AssignPeerForm from './actions/AssignPeerForm';
import CheckInForm from './actions/CheckInForm';
import PostUpdateForm from './actions/PostUpdateForm';
import './journey.css';

export const JourneyActionsFragment = graphql(`
  fragment JourneyActions_member on Member {
    id
    status
    currentCareLevel { id code }
    currentResidency { id house { id name } }
    currentPeer { id }
    activeAftercarePlan @include(if: $clinical) { id }
  }
`);

/**
 * The things staff do on the journey tab, each only when it applies. One
 * inline form is open at a time; after a save the page reloads what changed.
 */
export default function JourneyActions(props: {
  member: FragmentType<typeof JourneyActionsFragment>;
  levels: LevelInput[];
  role: string;
  onSaved: () => void;
}) {
  const member = getFragmentData(JourneyActionsFragment, props.member);
  const [open, setOpen] = useState<ActionKey | null>(null);
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  // A refused status is null: then no action can be offered.
  if (!member.status) return null;
  const situation = {
    role: props.role,
    status: member.status,
    inCare: Boolean(member.currentCareLevel),
    inHouse: Boolean(member.currentResidency),
    hasActivePlan: Boolean(member.activeAftercarePlan),
  };
  const actions = availableActions(situation);
  if (actions.length === 0) return null;
  const current = props.levels.find((l) => l.code === member.currentCareLevel?.code) ?? null;

  function done(text: string) {
    setOpen(null);
    setMessage(text);
    props.onSaved();
    statusRef.current?.focus();
  }
  const cancel = () => setOpen(null);
  const common = { memberId: member.id, onDone: done, onCancel: cancel };

  return (
    <section className="journey-actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      <div className="action-buttons">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={open === a ? undefined : 'secondary'}
            aria-expanded={open === a}
            onClick={() => {
              setMessage('');
              setOpen(open === a ? null : a);
            }}
          >
            {actionLabel(a, situation)}
          </button>
        ))}
      </div>
      <p role="status" className="action-status" tabIndex={-1} ref={statusRef}>{message}</p>
      {open === 'changeLevel' && <ChangeLevelForm {...common} levels={props.levels} current={current} />}
      {open === 'discharge' && <DischargeForm {...common} />}
      {open === 'admit' && <AdmitForm {...common} levels={props.levels} readmission={member.status !== 'PREADMISSION'} />}
      {open === 'moveIn' && <MoveInForm {...common} />}
      {open === 'moveOut' && <MoveOutForm {...common} houseName={member.currentResidency?.house.name ?? 'the house'} />}
      {open === 'assignPeer' && <AssignPeerForm {...common} currentPeerId={member.currentPeer?.id ?? null} />}
      {open === 'checkIn' && member.activeAftercarePlan && (
        <CheckInForm planId={member.activeAftercarePlan.id} onDone={done} onCancel={cancel} />
      )}
      {open === 'postUpdate' && <PostUpdateForm {...common} />}
    </section>
  );
}
