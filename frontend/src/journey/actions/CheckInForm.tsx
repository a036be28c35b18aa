import { useId, useState } from 'react';
import { graphql } from '../../gql';
import { FieldError } from '../../ui/FieldError';
import { ActionForm, Field, controlProps } from './ActionForm';
import { useSave } from './useSave';

const RecordCheckInMutation = graphql(`
  mutation JourneyRecordCheckIn($input: RecordCheckInInput!) {
    recordCheckIn(input: $input) {
      checkIn { id }
      userErrors { ...UserErrorFields }
    }
  }
`);

function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export default function CheckInForm(props: { planId: string; onDone: (message: string) => void; onCancel: () => void }) {
  const id = useId();
  const [on, setOn] = useState(today);
  const [abstinent, setAbstinent] = useState(true);
  const [craving, setCraving] = useState('0');
  const [skills, setSkills] = useState('');
  const [note, setNote] = useState('');
  const save = useSave(RecordCheckInMutation, (d) => d.recordCheckIn, ['occurredOn', 'isAbstinent', 'craving', 'copingSkills', 'note']);
  const err = save.errors.text;
  return (
    <ActionForm
      title="Record check-in"
      submitLabel="Save check-in"
      saving={save.saving}
      errors={save.errors}
      error={save.error}
      onCancel={props.onCancel}
      onSubmit={() => {
        const n = Number(craving);
        if (!Number.isInteger(n) || n < 0 || n > 10) {
          save.errors.show([], { craving: 'Craving is a whole number from 0 to 10.' });
          return;
        }
        const copingSkills = skills.split(',').map((s) => s.trim()).filter(Boolean);
        save.run(
          { input: { aftercarePlanId: props.planId, occurredOn: on, isAbstinent: abstinent, craving: n, copingSkills, note: note || null } },
          () => props.onDone('Check-in saved.'),
        );
      }}
    >
      <Field id={`${id}-on`} label="Date" error={err('occurredOn')}>
        <input type="date" {...controlProps(`${id}-on`, err('occurredOn'), 'occurredOn')} value={on} onChange={(e) => setOn(e.target.value)} />
      </Field>
      <div className="field checkbox">
        <label>
          <input type="checkbox" {...controlProps(`${id}-abstinent`, err('isAbstinent'), 'isAbstinent')} checked={abstinent} onChange={(e) => setAbstinent(e.target.checked)} /> Abstinent since the last check-in
        </label>
        <FieldError id={`${id}-abstinent-error`} messages={err('isAbstinent')} />
      </div>
      <Field id={`${id}-craving`} label="Craving (0 to 10)" error={err('craving')}>
        <input type="number" min={0} max={10} step={1} inputMode="numeric" {...controlProps(`${id}-craving`, err('craving'), 'craving')} value={craving} onChange={(e) => setCraving(e.target.value)} />
      </Field>
      <Field id={`${id}-skills`} label="Coping skills used" hint="Separate them with commas." error={err('copingSkills')}>
        <input type="text" {...controlProps(`${id}-skills`, err('copingSkills'), 'copingSkills')} value={skills} onChange={(e) => setSkills(e.target.value)} />
      </Field>
      <Field id={`${id}-note`} label="Note (optional)" error={err('note')}>
        <input type="text" {...controlProps(`${id}-note`, err('note'), 'note')} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
    </ActionForm>
  );
}
