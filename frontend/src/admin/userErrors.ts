/** A user error as the API returns it. */
export interface UserErrorLike {
  field?: readonly string[] | null;
  message: string;
  code: string;
}

/** User errors placed beside their fields: `["input","email"]` → `email`; the rest for the form. */
export interface FieldErrors {
  fields: Record<string, string>;
  form: string[];
}

/** Places user errors on the input fields they name (first message wins), the rest on the form. */
export function placeFieldErrors(errors: readonly UserErrorLike[] | undefined | null): FieldErrors {
  const out: FieldErrors = { fields: {}, form: [] };
  for (const e of errors ?? []) {
    const f = e.field ?? [];
    const name = f[0] === 'input' ? f.slice(1).join('.') : f.join('.');
    if (name) out.fields[name] ??= e.message;
    else out.form.push(e.message);
  }
  return out;
}

/** The messages of errors shown together; LAST_ADMIN gets a lead that says what rule was met. */
export function messageOf(errors: readonly UserErrorLike[]): string {
  return errors
    .map((e) => (e.code === 'LAST_ADMIN' ? `Last administrator: ${e.message}` : e.message))
    .join(' ');
}
