import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import type { UserErrorRefs } from '../../ui/userErrors';
import { useFormErrors } from '../../ui/useFormErrors';

/**
 * Runs a mutation whose payload has userErrors: places them by field (the
 * form kit's useFormErrors), and calls onSaved when nothing was refused.
 */
export function useSave<Data, Vars extends AnyVariables>(
  document: TypedDocumentNode<Data, Vars>,
  payloadOf: (data: Data) => { userErrors: UserErrorRefs } | null | undefined,
  fields: readonly string[],
) {
  const [state, execute] = useMutation(document);
  const errors = useFormErrors(fields);
  async function run(variables: Vars, onSaved: () => void) {
    const result = await execute(variables);
    if (result.error || !result.data) {
      errors.show([]);
      return;
    }
    const payload = payloadOf(result.data);
    errors.show(payload?.userErrors);
    if ((payload?.userErrors?.length ?? 0) === 0) onSaved();
  }
  return { saving: state.fetching, error: state.error, errors, run };
}
