// The form-error kit: a mutation's userErrors, placed beside the fields they
// name. Every mutation document spreads UserErrorFields; forms keep their
// errors with useFormErrors (useFormErrors.ts) and show them with FieldError
// and FormError (FieldError.tsx).
import { graphql, getFragmentData, type FragmentType } from '../gql';

/** What every mutation selects of its userErrors. */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError { field message code }
`);

/** A user error as a form reads it. */
export interface UserError {
  field?: readonly string[] | null;
  message: string;
  code?: string;
}

/** userErrors as a payload holds them (masked as UserErrorFields), or made by a form or test. */
export type UserErrorRefs = readonly (FragmentType<typeof UserErrorFields> | UserError)[] | null | undefined;

/** The readable user errors of a payload (the masking is a type only: the array is the same one). */
export function readUserErrors(errors: UserErrorRefs): readonly UserError[] {
  return getFragmentData(UserErrorFields, errors as readonly FragmentType<typeof UserErrorFields>[] | null | undefined) ?? [];
}

/** Errors sorted for a form: by field path, and those of no field shown. */
export interface PlacedErrors {
  /** By field path without the leading "input", joined with dots: "careLevelCode", "entries.3.memberId". */
  fields: Record<string, string[]>;
  /** Messages that belong to no field the form shows. */
  form: string[];
}

export const noErrors: PlacedErrors = { fields: {}, form: [] };

/** ["input","entries","3","memberId"] → "entries.3.memberId"; "" when the error names no field. */
export function fieldPath(e: UserError): string {
  const f = e.field ?? [];
  return (f[0] === 'input' ? f.slice(1) : f).join('.');
}

/** Whether `path` is `field` or lies under it: "answers.3" lies under "answers". */
function under(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`);
}

/**
 * Sorts user errors: an error whose path lies under one of the `shown`
 * fields goes to that path, the rest to the form, so no message is lost.
 */
export function placeUserErrors(errors: readonly UserError[] | null | undefined, shown: readonly string[]): PlacedErrors {
  const out: PlacedErrors = { fields: {}, form: [] };
  for (const e of errors ?? []) {
    const path = fieldPath(e);
    if (path && shown.some((f) => under(path, f))) (out.fields[path] ??= []).push(e.message);
    else out.form.push(e.message);
  }
  return out;
}

/** The messages for a field and the fields under it ("answers" gets "answers.3"). */
export function messagesFor(placed: PlacedErrors, field: string): string[] {
  return Object.entries(placed.fields).flatMap(([path, messages]) => (under(path, field) ? messages : []));
}

/** The errors without those of `field` and the fields under it. */
export function withoutField(placed: PlacedErrors, field: string): PlacedErrors {
  const fields = Object.fromEntries(Object.entries(placed.fields).filter(([path]) => !under(path, field)));
  return { fields, form: placed.form };
}

/** The messages of user errors shown together, for an action with no fields (a button). */
export function userErrorMessages(errors: UserErrorRefs): string[] {
  return readUserErrors(errors).map((e) => e.message);
}
