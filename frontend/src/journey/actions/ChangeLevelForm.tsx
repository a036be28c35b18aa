import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { previewTransition, type LevelInput } from '../timeline';
import { LevelMoveForm } from './LevelMoveForm';
import { useSave } from './useSave';

const ChangeCareLevelMutation = graphql(`
  mutation ChangeCareLevel($input: ChangeCareLevelInput!) {
    changeCareLevel(input: $input) {
      careEpisode { id transition }
      userErrors { ...UserErrorFields }
    }
  }
`);

/** The direction of a move, as the server's rule decides it. */
const CareLevelTransitionQuery = graphql(`
  query CareLevelTransition($from: String!, $to: String!) {
    careLevelTransition(fromCareLevelCode: $from, toCareLevelCode: $to)
  }
`);

export default function ChangeLevelForm(props: {
  memberId: string;
  levels: LevelInput[];
  current: LevelInput | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [code, setCode] = useState('');
  const save = useSave(ChangeCareLevelMutation, (d) => d.changeCareLevel, ['careLevelCode', 'effectiveAt', 'reason']);
  const target = props.levels.find((l) => l.code === code) ?? null;
  const from = props.current?.code ?? '';
  const [direction] = useQuery({
    query: CareLevelTransitionQuery,
    variables: { from, to: code },
    pause: !from || !code || from === code,
  });
  const preview = previewTransition(props.current, target, direction.data?.careLevelTransition);

  return (
    <LevelMoveForm
      title="Change level of care"
      submitLabel="Save level change"
      save={save}
      levels={props.levels}
      code={code}
      onCode={setCode}
      disabledCode={props.current?.code}
      atName="effectiveAt"
      missingLevel="Choose the new level of care."
      onCancel={props.onCancel}
      onSubmit={(m) =>
        save.run(
          { input: { memberId: props.memberId, careLevelCode: m.careLevelCode, effectiveAt: m.at, reason: m.reason } },
          () => props.onDone(`${preview}: saved.`),
        )
      }
    >
      <p role="status" className="preview" aria-live="polite">{preview}</p>
    </LevelMoveForm>
  );
}
