export interface FieldError { field?: readonly string[] | null; message: string; code: string }

/** The errors whose path ends at `name` (e.g. `["input", "bed"]` for "bed"). */
export function errorsFor<T extends FieldError>(errors: readonly T[], name: string): T[] {
  return errors.filter((e) => e.field && e.field[e.field.length - 1] === name);
}

/** The errors that belong to none of the named fields (or to no field). */
export function otherErrors<T extends FieldError>(errors: readonly T[], names: readonly string[]): T[] {
  return errors.filter((e) => !e.field || e.field.length === 0 || !names.includes(e.field[e.field.length - 1]));
}
