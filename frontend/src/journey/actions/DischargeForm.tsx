import { useId, useState } from 'react';
import { graphql } from '../../gql';
import { dateTimeLocalValueToRfc3339, toDateTimeLocalValue } from '../../ui/dates';
import { ActionForm, Field, controlProps } from './ActionForm';
import { useSave } from './useSave';

const DischargeMemberMutation = graphql(`
  mutation DischargeMember($input: DischargeMemberInput!) {
    dischargeMember(input: $input) {
      careEpisode { id endedAt }
      userErrors { ...UserErrorFields }
    }
  }
`);

export default function DischargeForm(props: { memberId: string; onDone: (message: string) => void; onCancel: () => void }) {
  const id = useId();
  const [effective, setEffective] = useState(() => toDateTimeLocalValue(new Date(), { seconds: true }));
  const [reason, setReason] = useState('');
  const save = useSave(DischargeMemberMutation, (d) => d.dischargeMember, ['endedAt', 'reason']);
  const err = save.errors.text;
  return (
    <ActionForm
      title="Discharge"
      submitLabel="Save discharge"
      saving={save.saving}
      errors={save.errors}
      error={save.error}
      onCancel={props.onCancel}
      onSubmit={() => {
        if (!reason.trim()) {
          save.errors.show([], { reason: 'Say why the member leaves care.' });
          return;
        }
        save.run({ input: { memberId: props.memberId, endedAt: dateTimeLocalValueToRfc3339(effective) ?? '', reason } }, () => props.onDone('Discharge saved.'));
      }}
    >
      <Field id={`${id}-effective`} label="Effective" error={err('endedAt')}>
        <input type="datetime-local" step={1} {...controlProps(`${id}-effective`, err('endedAt'), 'endedAt')} value={effective} onChange={(e) => setEffective(e.target.value)} />
      </Field>
      <Field id={`${id}-reason`} label="Reason" error={err('reason')}>
        <input type="text" required {...controlProps(`${id}-reason`, err('reason'), 'reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </ActionForm>
  );
}
