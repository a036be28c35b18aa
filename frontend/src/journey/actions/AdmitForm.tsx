import { useId, useState } from 'react';
import { graphql } from '../../gql';
import type { LevelInput } from '../timeline';
import { dateTimeLocalValueToRfc3339, toDateTimeLocalValue } from '../../ui/dates';
import { ActionForm, Field, controlProps } from './ActionForm';
import { useSave } from './useSave';

const AdmitMemberMutation = graphql(`
  mutation AdmitMember($input: AdmitMemberInput!) {
    admitMember(input: $input) {
      careEpisode { id transition }
      userErrors { ...UserErrorFields }
    }
  }
`);

/** Admission, or readmission after a discharge. */
export default function AdmitForm(props: {
  memberId: string;
  levels: LevelInput[];
  readmission: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [code, setCode] = useState('');
  const [effective, setEffective] = useState(() => toDateTimeLocalValue(new Date(), { seconds: true }));
  const [reason, setReason] = useState('');
  const save = useSave(AdmitMemberMutation, (d) => d.admitMember, ['careLevelCode', 'startedAt', 'reason']);
  const err = save.errors.text;
  const word = props.readmission ? 'Readmission' : 'Admission';
  return (
    <ActionForm
      title={props.readmission ? 'Readmit' : 'Admit'}
      submitLabel={`Save ${word.toLowerCase()}`}
      saving={save.saving}
      errors={save.errors}
      error={save.error}
      onCancel={props.onCancel}
      onSubmit={() => {
        if (!code) {
          save.errors.show([], { careLevelCode: 'Choose the level of care.' });
          return;
        }
        save.run(
          { input: { memberId: props.memberId, careLevelCode: code, startedAt: dateTimeLocalValueToRfc3339(effective) ?? '', reason: reason || null } },
          () => props.onDone(`${word} saved.`),
        );
      }}
    >
      <Field id={`${id}-level`} label="New level of care" error={err('careLevelCode')}>
        <select {...controlProps(`${id}-level`, err('careLevelCode'), 'careLevelCode')} value={code} onChange={(e) => setCode(e.target.value)}>
          <option value="">Choose a level</option>
          {props.levels.map((l) => <option key={l.code} value={l.code}>{l.name}</option>)}
        </select>
      </Field>
      <Field id={`${id}-effective`} label="Effective" error={err('startedAt')}>
        <input type="datetime-local" step={1} {...controlProps(`${id}-effective`, err('startedAt'), 'startedAt')} value={effective} onChange={(e) => setEffective(e.target.value)} />
      </Field>
      <Field id={`${id}-reason`} label="Reason" error={err('reason')}>
        <input type="text" {...controlProps(`${id}-reason`, err('reason'), 'reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </ActionForm>
  );
}
