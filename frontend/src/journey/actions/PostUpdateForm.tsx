import { useId, useState } from 'react';
import { graphql } from '../../gql';
import { FieldError } from '../../ui/FieldError';
import { ActionForm, Field, controlProps } from './ActionForm';
import { useSave } from './useSave';

const PostUpdateMutation = graphql(`
  mutation PostUpdate($input: PostUpdateInput!) {
    postUpdate(input: $input) {
      update { id isShareable }
      userErrors { ...UserErrorFields }
    }
  }
`);

export default function PostUpdateForm(props: { memberId: string; onDone: (message: string) => void; onCancel: () => void }) {
  const id = useId();
  const [body, setBody] = useState('');
  const [shareable, setShareable] = useState(false);
  const save = useSave(PostUpdateMutation, (d) => d.postUpdate, ['body', 'isShareable']);
  const err = save.errors.text;
  return (
    <ActionForm
      title="Post update"
      submitLabel="Save update"
      saving={save.saving}
      errors={save.errors}
      error={save.error}
      onCancel={props.onCancel}
      onSubmit={() => {
        if (!body.trim()) {
          save.errors.show([], { body: 'Write the update first.' });
          return;
        }
        save.run({ input: { memberId: props.memberId, body, isShareable: shareable } }, () =>
          props.onDone(shareable ? 'Update posted; family may see it where a consent covers it.' : 'Update posted (internal).'),
        );
      }}
    >
      <Field id={`${id}-body`} label="Update" error={err('body')}>
        <textarea rows={3} {...controlProps(`${id}-body`, err('body'), 'body')} value={body} onChange={(e) => setBody(e.target.value)} />
      </Field>
      <div className="field checkbox">
        <label>
          <input type="checkbox" {...controlProps(`${id}-shareable`, err('isShareable'), 'isShareable')} checked={shareable} onChange={(e) => setShareable(e.target.checked)} /> Shareable with family
        </label>
        <FieldError id={`${id}-shareable-error`} messages={err('isShareable')} />
      </div>
    </ActionForm>
  );
}
