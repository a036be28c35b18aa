// userErrors of a mutation, sorted by the field they belong to, so each
// message can sit next to its control.

export interface UserErrorLike {
  field?: readonly string[] | null;
  message: string;
}

export interface FieldErrors {
  /** By field path without the leading "input", joined with dots: "careLevelCode", "entries.3.memberId". */
  byField: Record<string, string>;
  /** Errors that belong to no field we show. */
  general: string[];
}

export function sortUserErrors(errors: readonly UserErrorLike[] | null | undefined, shownFields: readonly string[] = []): FieldErrors {
  const result: FieldErrors = { byField: {}, general: [] };
  for (const e of errors ?? []) {
    const path = (e.field ?? []).filter((p, i) => !(i === 0 && p === 'input')).join('.');
    if (path && (shownFields.length === 0 || shownFields.includes(path))) {
      result.byField[path] = result.byField[path] ? `${result.byField[path]} ${e.message}` : e.message;
    } else {
      result.general.push(e.message);
    }
  }
  return result;
}
