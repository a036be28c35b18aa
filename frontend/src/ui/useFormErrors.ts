import { useCallback, useMemo, useState } from 'react';
import { messagesFor, noErrors, placeUserErrors, readUserErrors, withoutField, type PlacedErrors, type UserErrorRefs } from './userErrors';

/** A form's errors: what the last save (or the form's own check) refused, by field. */
export interface FormErrors {
  /** The messages for a field and the fields under it. */
  of(field: string): string[];
  /** The messages for exactly this field path, not the fields under it. */
  at(field: string): string[];
  /** The messages for a field as one text, undefined when none: for controlProps and Field. */
  text(field: string): string | undefined;
  /** The messages of no field the form shows. */
  form: string[];
  /** Whether anything was refused. */
  any: boolean;
  /**
   * Replaces the errors with a payload's userErrors and the form's own
   * messages by field path (a check done before saving).
   */
  show(userErrors: UserErrorRefs, own?: Record<string, string | undefined>): void;
  /** Drops a field's errors: call it when the field changes, so a fixed field stops saying it is wrong. */
  clear(field: string): void;
  /**
   * A form's onChange: a control whose name is a field path ("careLevelCode",
   * "answers.3") drops that field's errors when it changes.
   */
  onChange(e: { target: EventTarget }): void;
}

/** The errors of a form whose fields are `shown` (paths without "input": "careLevelCode", "answers"). */
export function useFormErrors(shown: readonly string[]): FormErrors {
  const [placed, setPlaced] = useState<PlacedErrors>(noErrors);
  const key = shown.join('\n');
  const show = useCallback((userErrors: UserErrorRefs, own: Record<string, string | undefined> = {}) => {
    const next = placeUserErrors(readUserErrors(userErrors), key.split('\n'));
    for (const [field, message] of Object.entries(own)) {
      if (message) next.fields[field] = [message, ...(next.fields[field] ?? [])];
    }
    setPlaced(next);
  }, [key]);
  const clear = useCallback((field: string) => {
    setPlaced((p) => (messagesFor(p, field).length ? withoutField(p, field) : p));
  }, []);
  return useMemo(() => ({
    of: (field: string) => messagesFor(placed, field),
    at: (field: string) => placed.fields[field] ?? [],
    text: (field: string) => messagesFor(placed, field).join(' ') || undefined,
    form: placed.form,
    any: placed.form.length > 0 || Object.keys(placed.fields).length > 0,
    show,
    clear,
    onChange: (e: { target: EventTarget }) => {
      const name = e.target instanceof Element ? e.target.getAttribute('name') : null;
      if (name) clear(name);
    },
  }), [placed, show, clear]);
}
