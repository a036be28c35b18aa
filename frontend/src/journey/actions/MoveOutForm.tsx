import { useId, useState } from 'react';
import { graphql } from '../../gql';
import type { MoveOutReason } from '../../gql/graphql';
import { dateTimeLocalValueToRfc3339, toDateTimeLocalValue } from '../../ui/dates';
import { ActionForm, Field, controlProps } from './ActionForm';
import { useSave } from './useSave';

const MoveOutOfHouseMutation = graphql(`
  mutation MoveOutOfHouse($input: MoveOutOfHouseInput!) {
    moveOutOfHouse(input: $input) {
      residency { id moveOutAt }
      userErrors { ...UserErrorFields }
    }
  }
`);

const REASONS: { value: MoveOutReason; label: string }[] = [
  { value: 'COMPLETED', label: 'Completed their stay' },
  { value: 'TRANSFERRED', label: 'Transferred' },
  { value: 'DISCHARGED', label: 'Discharged from care' },
  { value: 'RULE_VIOLATION', label: 'Broke house rules' },
  { value: 'RELAPSE', label: 'Return to use' },
  { value: 'OTHER', label: 'Other (say in the note)' },
];

export default function MoveOutForm(props: { memberId: string; houseName: string; onDone: (message: string) => void; onCancel: () => void }) {
  const id = useId();
  const [at, setAt] = useState(() => toDateTimeLocalValue(new Date(), { seconds: true }));
  const [reason, setReason] = useState<MoveOutReason>('COMPLETED');
  const [note, setNote] = useState('');
  const save = useSave(MoveOutOfHouseMutation, (d) => d.moveOutOfHouse, ['moveOutAt', 'reason', 'note']);
  const err = save.errors.text;
  return (
    <ActionForm
      title={`Move out of ${props.houseName}`}
      submitLabel="Save move-out"
      saving={save.saving}
      errors={save.errors}
      error={save.error}
      onCancel={props.onCancel}
      onSubmit={() =>
        save.run(
          { input: { memberId: props.memberId, moveOutAt: dateTimeLocalValueToRfc3339(at) ?? '', reason, note: note || null } },
          () => props.onDone(`Moved out of ${props.houseName}.`),
        )
      }
    >
      <Field id={`${id}-at`} label="Move-out" error={err('moveOutAt')}>
        <input type="datetime-local" step={1} {...controlProps(`${id}-at`, err('moveOutAt'), 'moveOutAt')} value={at} onChange={(e) => setAt(e.target.value)} />
      </Field>
      <Field id={`${id}-reason`} label="Why" error={err('reason')}>
        <select {...controlProps(`${id}-reason`, err('reason'), 'reason')} value={reason} onChange={(e) => setReason(e.target.value as MoveOutReason)}>
          {REASONS.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
        </select>
      </Field>
      <Field id={`${id}-note`} label="Note (optional)" error={err('note')}>
        <input type="text" {...controlProps(`${id}-note`, err('note'), 'note')} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
    </ActionForm>
  );
}
