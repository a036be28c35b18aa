import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { previewTransition, type LevelInput } from '../timeline';
import { dateTimeLocalValueToRfc3339, toDateTimeLocalValue } from '../../ui/dates';
import { ActionForm, Field, controlProps } from './ActionForm';
import { useSave } from './useSave';

const ChangeCareLevelMutation = graphql(`
  mutation ChangeCareLevel($input: ChangeCareLevelInput!) {
    changeCareLevel(input: $input) {
      careEpisode { id transition }
      userErrors { ...UserErrorFields }
    }
  }
`);

/** The direction of a move, as the server's rule decides it. */
const CareLevelTransitionQuery = graphql(`
  query CareLevelTransition($from: String!, $to: String!) {
    careLevelTransition(fromCareLevelCode: $from, toCareLevelCode: $to)
  }
`);

export default function ChangeLevelForm(props: {
  memberId: string;
  levels: LevelInput[];
  current: LevelInput | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [code, setCode] = useState('');
  const [effective, setEffective] = useState(() => toDateTimeLocalValue(new Date(), { seconds: true }));
  const [reason, setReason] = useState('');
  const save = useSave(ChangeCareLevelMutation, (d) => d.changeCareLevel, ['careLevelCode', 'effectiveAt', 'reason']);
  const target = props.levels.find((l) => l.code === code) ?? null;
  const from = props.current?.code ?? '';
  const [direction] = useQuery({
    query: CareLevelTransitionQuery,
    variables: { from, to: code },
    pause: !from || !code || from === code,
  });
  const preview = previewTransition(props.current, target, direction.data?.careLevelTransition);
  const err = save.errors.text;

  return (
    <ActionForm
      title="Change level of care"
      submitLabel="Save level change"
      saving={save.saving}
      errors={save.errors}
      error={save.error}
      onCancel={props.onCancel}
      onSubmit={() => {
        if (!code) {
          save.errors.show([], { careLevelCode: 'Choose the new level of care.' });
          return;
        }
        save.run(
          { input: { memberId: props.memberId, careLevelCode: code, effectiveAt: dateTimeLocalValueToRfc3339(effective) ?? '', reason: reason || null } },
          () => props.onDone(`${preview}: saved.`),
        );
      }}
    >
      <Field id={`${id}-level`} label="New level of care" error={err('careLevelCode')}>
        <select {...controlProps(`${id}-level`, err('careLevelCode'), 'careLevelCode')} value={code} onChange={(e) => setCode(e.target.value)}>
          <option value="">Choose a level</option>
          {props.levels.map((l) => (
            <option key={l.code} value={l.code} disabled={l.code === props.current?.code}>
              {l.name}
            </option>
          ))}
        </select>
      </Field>
      <p role="status" className="preview" aria-live="polite">{preview}</p>
      <Field id={`${id}-effective`} label="Effective" error={err('effectiveAt')}>
        <input type="datetime-local" step={1} {...controlProps(`${id}-effective`, err('effectiveAt'), 'effectiveAt')} value={effective} onChange={(e) => setEffective(e.target.value)} />
      </Field>
      <Field id={`${id}-reason`} label="Reason" error={err('reason')}>
        <input type="text" {...controlProps(`${id}-reason`, err('reason'), 'reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </ActionForm>
  );
}
