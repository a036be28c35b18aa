import { useState } from 'react';
import { graphql } from '../../gql';
import type { LevelInput } from '../timeline';
import { LevelMoveForm } from './LevelMoveForm';
import { useSave } from './useSave';

const AdmitMemberMutation = graphql(`
  mutation AdmitMember($input: AdmitMemberInput!) {
    admitMember(input: $input) {
      careEpisode { id transition }
      userErrors { ...UserErrorFields }
    }
  }
`);

/** Admission, or readmission after a discharge. */
export default function AdmitForm(props: {
  memberId: string;
  levels: LevelInput[];
  readmission: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [code, setCode] = useState('');
  const save = useSave(AdmitMemberMutation, (d) => d.admitMember, ['careLevelCode', 'startedAt', 'reason']);
  const word = props.readmission ? 'Readmission' : 'Admission';
  return (
    <LevelMoveForm
      title={props.readmission ? 'Readmit' : 'Admit'}
      submitLabel={`Save ${word.toLowerCase()}`}
      save={save}
      levels={props.levels}
      code={code}
      onCode={setCode}
      atName="startedAt"
      missingLevel="Choose the level of care."
      onCancel={props.onCancel}
      onSubmit={(m) =>
        save.run(
          { input: { memberId: props.memberId, careLevelCode: m.careLevelCode, startedAt: m.at, reason: m.reason } },
          () => props.onDone(`${word} saved.`),
        )
      }
    />
  );
}
