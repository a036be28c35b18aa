import { useId, useState } from 'react';
import type { CombinedError } from 'urql';
import type { LevelInput } from '../timeline';
import type { FormErrors } from '../../ui/useFormErrors';
import { dateTimeLocalValueToRfc3339, toDateTimeLocalValue } from '../../ui/dates';
import { ActionForm, Field, controlProps } from './ActionForm';

/** What a move to a level of care sends: the level, from when, and why (optional). */
export type LevelMove = { careLevelCode: string; at: string; reason: string | null };

/**
 * The form of a move to a level of care, admission and level change alike:
 * a level (required), the effective time and a reason. atName is the
 * mutation's name for the time (startedAt, effectiveAt), so that its errors
 * land on the field; children go under the level (the change's preview).
 */
export function LevelMoveForm(props: {
  title: string;
  submitLabel: string;
  save: { saving: boolean; error?: CombinedError; errors: FormErrors };
  levels: LevelInput[];
  code: string;
  onCode: (code: string) => void;
  disabledCode?: string;
  atName: string;
  missingLevel: string;
  onSubmit: (move: LevelMove) => void;
  onCancel: () => void;
  children?: React.ReactNode;
}) {
  const id = useId();
  const [effective, setEffective] = useState(() => toDateTimeLocalValue(new Date(), { seconds: true }));
  const [reason, setReason] = useState('');
  const { save, code } = props;
  const err = save.errors.text;
  return (
    <ActionForm
      title={props.title}
      submitLabel={props.submitLabel}
      saving={save.saving}
      errors={save.errors}
      error={save.error}
      onCancel={props.onCancel}
      onSubmit={() => {
        if (!code) {
          save.errors.show([], { careLevelCode: props.missingLevel });
          return;
        }
        props.onSubmit({ careLevelCode: code, at: dateTimeLocalValueToRfc3339(effective) ?? '', reason: reason || null });
      }}
    >
      <Field id={`${id}-level`} label="New level of care" error={err('careLevelCode')}>
        <select {...controlProps(`${id}-level`, err('careLevelCode'), 'careLevelCode')} value={code} onChange={(e) => props.onCode(e.target.value)}>
          <option value="">Choose a level</option>
          {props.levels.map((l) => (
            <option key={l.code} value={l.code} disabled={l.code === props.disabledCode}>
              {l.name}
            </option>
          ))}
        </select>
      </Field>
      {props.children}
      <Field id={`${id}-effective`} label="Effective" error={err(props.atName)}>
        <input type="datetime-local" step={1} {...controlProps(`${id}-effective`, err(props.atName), props.atName)} value={effective} onChange={(e) => setEffective(e.target.value)} />
      </Field>
      <Field id={`${id}-reason`} label="Reason" error={err('reason')}>
        <input type="text" {...controlProps(`${id}-reason`, err('reason'), 'reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </ActionForm>
  );
}
