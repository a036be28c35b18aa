import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { dateTimeLocalValueToRfc3339, toDateTimeLocalValue } from '../../ui/dates';
import { ActionForm, Field, controlProps } from './ActionForm';
import { useSave } from './useSave';

const PeersWithCapacityQuery = graphql(`
  query PeersWithCapacity {
    peers(first: 50, filter: { isActive: true, hasCapacity: true }) {
      nodes { id name caseloadCount caseloadLimit isAlumnus }
    }
  }
`);

const AssignPeerMutation = graphql(`
  mutation AssignPeer($input: AssignPeerInput!) {
    assignPeer(input: $input) {
      peerAssignment { id }
      userErrors { ...UserErrorFields }
    }
  }
`);

export default function AssignPeerForm(props: { memberId: string; currentPeerId: string | null; onDone: (message: string) => void; onCancel: () => void }) {
  const id = useId();
  const [{ data, fetching, error }] = useQuery({ query: PeersWithCapacityQuery, requestPolicy: 'network-only' });
  const [peerId, setPeerId] = useState('');
  const [at, setAt] = useState(() => toDateTimeLocalValue(new Date(), { seconds: true }));
  const [focus, setFocus] = useState('');
  const save = useSave(AssignPeerMutation, (d) => d.assignPeer, ['peerId', 'startedAt', 'focus']);
  const err = save.errors.text;
  const peers = (data?.peers.nodes ?? []).filter((p) => p.id !== props.currentPeerId);
  const peerError = err('peerId') ?? (error ? 'The peers could not be loaded.' : !fetching && peers.length === 0 ? 'No peer supporter has room.' : undefined);
  return (
    <ActionForm
      title="Assign peer"
      submitLabel="Save peer assignment"
      saving={save.saving}
      errors={save.errors}
      error={save.error}
      onCancel={props.onCancel}
      onSubmit={() => {
        if (!peerId) {
          save.errors.show([], { peerId: 'Choose a peer supporter.' });
          return;
        }
        const name = peers.find((p) => p.id === peerId)?.name ?? 'the peer';
        save.run(
          { input: { memberId: props.memberId, peerId, startedAt: dateTimeLocalValueToRfc3339(at) ?? '', focus: focus || null } },
          () => props.onDone(`${name} assigned.`),
        );
      }}
    >
      <Field id={`${id}-peer`} label="Peer supporter" error={peerError}>
        <select {...controlProps(`${id}-peer`, peerError, 'peerId')} value={peerId} onChange={(e) => setPeerId(e.target.value)}>
          <option value="">{fetching ? 'Loading peers…' : 'Choose a peer'}</option>
          {peers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}{p.isAlumnus ? ', alumnus' : ''} ({p.caseloadCount} of {p.caseloadLimit})
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-at`} label="Starts" error={err('startedAt')}>
        <input type="datetime-local" step={1} {...controlProps(`${id}-at`, err('startedAt'), 'startedAt')} value={at} onChange={(e) => setAt(e.target.value)} />
      </Field>
      <Field id={`${id}-focus`} label="Focus (optional)" error={err('focus')}>
        <input type="text" {...controlProps(`${id}-focus`, err('focus'), 'focus')} value={focus} onChange={(e) => setFocus(e.target.value)} />
      </Field>
    </ActionForm>
  );
}
