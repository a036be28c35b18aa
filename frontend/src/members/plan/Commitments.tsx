import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { AddCommitmentMutation, GroupPickerQuery, HousePickerQuery, PeerPickerQuery, RemoveCommitmentMutation } from './planQueries';
import { COMMITMENT_KINDS, COMMITMENT_KIND_LABELS, commitmentTarget, type WeekLike } from './planLogic';
import AdherenceBars from './AdherenceBars';
import { useFormErrors } from '../../ui/useFormErrors';
import { userErrorMessages } from '../../ui/userErrors';
import { FormError } from '../../ui/FieldError';
import { LabelledField } from '../../ui/LabelledField';
import { FormFooter } from '../../ui/FormFooter';
import ActionPanel from '../ActionPanel';
import { Empty, ErrorNote, Loading } from '../../ui/States';
import type { AftercareCommitmentKind } from '../../gql/graphql';

/** What a commitment row shows; the plan query and the commitment mutations spread it. */
export const PlanCommitmentFields = graphql(`
  fragment PlanCommitmentFields on AftercareCommitment {
    id kind description targetPerWeek
    group { id name }
    house { id name }
    peer { id name }
  }
`);

export interface Commitment {
  id: string;
  kind: AftercareCommitmentKind;
  description: string | null;
  targetPerWeek?: number | null;
  group?: { id: string; name: string } | null;
  house?: { id: string; name: string } | null;
  peer?: { id: string; name: string } | null;
}

/** The plan's commitments, each with its weekly adherence bars when it has a group and a target. */
export default function Commitments({ planId, commitments, adherence, editable, onSaved }: {
  planId: string;
  commitments: Commitment[];
  adherence: Map<string, WeekLike[]>;
  editable: boolean;
  onSaved: (message: string) => void;
}) {
  return (
    <section aria-labelledby="commitments-heading">
      <h3 id="commitments-heading">Commitments</h3>
      {editable && (
        <div className="actions">
          <ActionPanel label="Add commitment">
            {(close) => <AddCommitmentForm planId={planId} onCancel={close} onDone={(m) => { close(); onSaved(m); }} />}
          </ActionPanel>
        </div>
      )}
      {commitments.length === 0 && <Empty>No commitments yet.</Empty>}
      <ul className="plain-list">
        {commitments.map((c) => {
          const where = c.group?.name ?? c.house?.name ?? c.peer?.name;
          const title = c.description || COMMITMENT_KIND_LABELS[c.kind];
          const weeks = adherence.get(c.id);
          return (
            <li key={c.id} className="card commitment">
              <p className="commitment-head">
                <strong>{COMMITMENT_KIND_LABELS[c.kind]}</strong>
                {c.description && <> — {c.description}</>}
              </p>
              <p className="hint">
                {where && <>{c.group ? 'Group' : c.house ? 'House' : 'Peer'}: {where}. </>}
                {c.targetPerWeek != null ? `Target ${c.targetPerWeek} a week.` : 'No weekly target.'}
              </p>
              {weeks && <AdherenceBars weeks={weeks} label={title} />}
              {editable && <RemoveCommitment commitment={c} title={title} onSaved={onSaved} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RemoveCommitment({ commitment, title, onSaved }: { commitment: Commitment; title: string; onSaved: (m: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [{ fetching, data, error }, remove] = useMutation(RemoveCommitmentMutation);
  const errs = userErrorMessages(data?.removeAftercareCommitment.userErrors);

  async function doRemove() {
    const r = await remove({ input: { aftercareCommitmentId: commitment.id } });
    if (r.data?.removeAftercareCommitment.aftercareCommitment) onSaved(`Commitment “${title}” removed (kept in the plan’s history).`);
  }

  if (!confirming) {
    return (
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>Remove commitment</button>
      </div>
    );
  }
  return (
    <div className="actions" role="group" aria-label={`Remove ${title}`}>
      <p>Remove “{title}” from the plan? It stays in the plan’s history.</p>
      <button type="button" onClick={doRemove} disabled={fetching}>{fetching ? 'Removing…' : 'Confirm remove'}</button>
      <button type="button" className="secondary" onClick={() => setConfirming(false)}>Keep</button>
      <FormError messages={[...errs, ...(error ? [error.message] : [])]} />
    </div>
  );
}

function AddCommitmentForm({ planId, onDone, onCancel }: { planId: string; onDone: (m: string) => void; onCancel: () => void }) {
  const [kind, setKind] = useState<AftercareCommitmentKind>('MUTUAL_SUPPORT_GROUP');
  const [description, setDescription] = useState('');
  const [targetId, setTargetId] = useState('');
  const [target, setTarget] = useState('');
  const [{ fetching, error }, add] = useMutation(AddCommitmentMutation);
  const picker = commitmentTarget(kind);
  // Only the list the chosen kind needs is fetched.
  const [groups] = useQuery({ query: GroupPickerQuery, pause: picker !== 'group' });
  const [houses] = useQuery({ query: HousePickerQuery, pause: picker !== 'house' });
  const [peers] = useQuery({ query: PeerPickerQuery, pause: picker !== 'peer' });
  const pickers = picker === 'group' ? groups : picker === 'house' ? houses : peers;
  const options = picker === 'group' ? groups.data?.groups.nodes
    : picker === 'house' ? houses.data?.houses.nodes
      : picker === 'peer' ? peers.data?.peers.nodes : undefined;
  const pickerLabel = picker === 'group' ? 'Group' : picker === 'house' ? 'House' : 'Peer';
  const pickerField = picker === 'group' ? 'groupId' : picker === 'house' ? 'houseId' : 'peerId';
  const errs = useFormErrors(['kind', 'description', 'targetPerWeek', ...(picker !== 'none' ? [pickerField] : [])]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const perWeek = target.trim() === '' ? null : Number(target);
    const r = await add({
      input: {
        aftercarePlanId: planId,
        kind,
        description: description.trim() || null,
        groupId: picker === 'group' && targetId ? targetId : null,
        houseId: picker === 'house' && targetId ? targetId : null,
        peerId: picker === 'peer' && targetId ? targetId : null,
        targetPerWeek: perWeek,
      },
    });
    errs.show(r.data?.addAftercareCommitment.userErrors);
    if (r.data?.addAftercareCommitment.aftercareCommitment) onDone('Commitment added.');
  }

  return (
    <form onSubmit={submit} onChange={errs.onChange} noValidate>
      <div className="form-grid">
        <LabelledField label="Kind" errorId="commitment-kind-error" messages={errs.of('kind')}>
          <select name="kind" value={kind} onChange={(e) => { setKind(e.target.value as AftercareCommitmentKind); setTargetId(''); }}
            aria-describedby="commitment-kind-error">
            {COMMITMENT_KINDS.map((k) => <option key={k} value={k}>{COMMITMENT_KIND_LABELS[k]}</option>)}
          </select>
        </LabelledField>
        {picker !== 'none' && (
          <LabelledField label={<>{pickerLabel} <span className="hint">(optional)</span></>} errorId="commitment-target-error" messages={errs.of(pickerField)}>
            {pickers.fetching && !pickers.data ? (
              <Loading label={`Loading ${pickerLabel.toLowerCase()}s`} />
            ) : (
              <select name={pickerField} value={targetId} onChange={(e) => setTargetId(e.target.value)} aria-describedby="commitment-target-error">
                <option value="">None</option>
                {options?.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            )}
            {pickers.error && <ErrorNote error={pickers.error} />}
          </LabelledField>
        )}
        <LabelledField label={<>Target per week <span className="hint">(1–21, optional)</span></>} errorId="commitment-per-week-error" messages={errs.of('targetPerWeek')}>
          <input type="number" name="targetPerWeek" inputMode="numeric" min={1} max={21} value={target} onChange={(e) => setTarget(e.target.value)}
            aria-describedby="commitment-per-week-error" />
        </LabelledField>
        <LabelledField label={<>Description <span className="hint">(e.g. “Tuesday SMART meeting”)</span></>} errorId="commitment-description-error" messages={errs.of('description')} wide>
          <input type="text" name="description" value={description} onChange={(e) => setDescription(e.target.value)}
            aria-describedby="commitment-description-error" />
        </LabelledField>
      </div>
      <FormFooter errors={errs.form} error={error} saving={fetching} submitLabel="Save commitment" onCancel={onCancel} />
    </form>
  );
}
