import type { CombinedError } from 'urql';
import { FormError } from './FieldError';

/**
 * The end of a member-tab form: the errors that belong to no field (the
 * form's own and a failed request's), then submit (disabled while saving)
 * and cancel.
 */
export function FormFooter(props: {
  errors: readonly string[];
  error?: CombinedError;
  saving: boolean;
  submitLabel: string;
  savingLabel?: string;
  onCancel: () => void;
}) {
  return (
    <>
      <FormError messages={[...props.errors, ...(props.error ? [props.error.message] : [])]} />
      <div className="form-buttons">
        <button type="submit" disabled={props.saving}>{props.saving ? (props.savingLabel ?? 'Saving…') : props.submitLabel}</button>
        <button type="button" className="secondary" onClick={props.onCancel}>Cancel</button>
      </div>
    </>
  );
}
