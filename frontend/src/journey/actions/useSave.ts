import { useState } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { sortUserErrors, type FieldErrors, type UserErrorLike } from '../userErrors';

/**
 * Runs a mutation whose payload has userErrors: sorts them by field, and
 * calls onSaved when nothing was refused.
 */
export function useSave<Data, Vars extends AnyVariables>(
  document: TypedDocumentNode<Data, Vars>,
  payloadOf: (data: Data) => { userErrors: readonly UserErrorLike[] } | null | undefined,
  fields: readonly string[],
) {
  const [state, execute] = useMutation(document);
  const [errors, setErrors] = useState<FieldErrors>({ byField: {}, general: [] });
  async function run(variables: Vars, onSaved: () => void) {
    const result = await execute(variables);
    if (result.error || !result.data) {
      setErrors({ byField: {}, general: [] });
      return;
    }
    const payload = payloadOf(result.data);
    const sorted = sortUserErrors(payload?.userErrors, fields);
    setErrors(sorted);
    if ((payload?.userErrors.length ?? 0) === 0) onSaved();
  }
  return { saving: state.fetching, error: state.error, errors, run, setErrors };
}
