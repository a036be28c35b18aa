import { useEffect, useRef } from 'react';
import type { CombinedError } from 'urql';
import { FieldError, FormError } from '../../ui/FieldError';
import type { FormErrors } from '../../ui/useFormErrors';

/**
 * Props for a control with its error beside it: the id, the error wired to
 * it, and its field path as name, so that changing it clears its error
 * (ActionForm's onChange).
 */
export function controlProps(id: string, error: string | undefined, name: string) {
  return {
    id,
    name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  } as const;
}

/** A label above its control, and the control's error below it. */
export function Field(props: { id: string; label: string; error?: string; children: React.ReactNode; hint?: string }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && <p className="hint">{props.hint}</p>}
      <FieldError id={`${props.id}-error`} messages={props.error} />
    </div>
  );
}

/**
 * The frame of an action: an inline panel with a heading, the fields, errors
 * that belong to no field, the submit button (disabled while saving) and cancel.
 */
export function ActionForm(props: {
  title: string;
  submitLabel: string;
  saving: boolean;
  errors: FormErrors;
  error?: CombinedError;
  onSubmit: () => void;
  onCancel: () => void;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // Bring focus into the panel when it opens.
    ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  const general = [...props.errors.form];
  if (props.error) {
    general.push(
      props.error.networkError
        ? 'The server could not be reached. Check the connection and try again.'
        : props.error.graphQLErrors.map((e) => e.message).join(' '),
    );
  }
  return (
    <form
      ref={ref}
      className="action-form"
      noValidate
      onChange={props.errors.onChange}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
    >
      <h3>{props.title}</h3>
      {props.children}
      <FormError messages={general} />
      <div className="form-buttons">
        <button type="submit" disabled={props.saving}>{props.saving ? 'Saving…' : props.submitLabel}</button>
        <button type="button" className="secondary" onClick={props.onCancel}>Cancel</button>
      </div>
    </form>
  );
}
