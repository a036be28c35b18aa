/** A mutation's `userErrors`, as the API returns them. */
export interface UserErrorLike {
  field?: readonly string[] | null;
  message: string;
  code?: string;
}

/**
 * The messages for one input field: `field` paths look like
 * `["input", "careLevelCode"]` or `["input", "answers", "3"]`. A prefix
 * matches deeper paths (`answers` gets `answers.3`).
 */
export function errorsFor(errors: readonly UserErrorLike[] | undefined, ...path: string[]): string[] {
  if (!errors) return [];
  const want = ['input', ...path];
  return errors
    .filter((e) => e.field && want.every((p, i) => e.field![i] === p))
    .map((e) => e.message);
}

/** The messages no listed field claims, shown with the form as a whole. */
export function otherErrors(errors: readonly UserErrorLike[] | undefined, fields: string[]): string[] {
  if (!errors) return [];
  return errors
    .filter((e) => !e.field || e.field.length < 2 || e.field[0] !== 'input' || !fields.includes(e.field[1]))
    .map((e) => e.message);
}
