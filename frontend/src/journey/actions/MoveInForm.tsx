import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { dateTimeLocalValueToRfc3339, toDateTimeLocalValue } from '../../ui/dates';
import { ActionForm, Field, controlProps } from './ActionForm';
import { useSave } from './useSave';

const OpenHousesQuery = graphql(`
  query OpenHouses {
    houses(first: 50, filter: { hasOpenBeds: true }) {
      nodes { id name occupancy { available } }
    }
  }
`);

const MoveIntoHouseMutation = graphql(`
  mutation JourneyMoveIntoHouse($input: MoveIntoHouseInput!) {
    moveIntoHouse(input: $input) {
      residency { id }
      userErrors { ...UserErrorFields }
    }
  }
`);

export default function MoveInForm(props: { memberId: string; onDone: (message: string) => void; onCancel: () => void }) {
  const id = useId();
  const [{ data, fetching, error }] = useQuery({ query: OpenHousesQuery, requestPolicy: 'network-only' });
  const [houseId, setHouseId] = useState('');
  const [bed, setBed] = useState('');
  const [at, setAt] = useState(() => toDateTimeLocalValue(new Date(), { seconds: true }));
  const save = useSave(MoveIntoHouseMutation, (d) => d.moveIntoHouse, ['houseId', 'bed', 'moveInAt']);
  const err = save.errors.text;
  const houses = data?.houses.nodes ?? [];
  const houseError = err('houseId') ?? (error ? 'The houses could not be loaded.' : !fetching && houses.length === 0 ? 'No house has an open bed.' : undefined);
  return (
    <ActionForm
      title="Move into house"
      submitLabel="Save move-in"
      saving={save.saving}
      errors={save.errors}
      error={save.error}
      onCancel={props.onCancel}
      onSubmit={() => {
        if (!houseId) {
          save.errors.show([], { houseId: 'Choose a house.' });
          return;
        }
        const name = houses.find((h) => h.id === houseId)?.name ?? 'the house';
        save.run(
          { input: { memberId: props.memberId, houseId, bed: bed || null, moveInAt: dateTimeLocalValueToRfc3339(at) ?? '' } },
          () => props.onDone(`Moved into ${name}.`),
        );
      }}
    >
      <Field id={`${id}-house`} label="House" error={houseError}>
        <select {...controlProps(`${id}-house`, houseError, 'houseId')} value={houseId} onChange={(e) => setHouseId(e.target.value)}>
          <option value="">{fetching ? 'Loading houses…' : 'Choose a house'}</option>
          {houses.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name} ({h.occupancy?.available === 1 ? '1 open bed' : `${h.occupancy?.available ?? 0} open beds`})
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-bed`} label="Bed (optional)" error={err('bed')}>
        <input type="text" {...controlProps(`${id}-bed`, err('bed'), 'bed')} value={bed} onChange={(e) => setBed(e.target.value)} />
      </Field>
      <Field id={`${id}-at`} label="Move-in" error={err('moveInAt')}>
        <input type="datetime-local" step={1} {...controlProps(`${id}-at`, err('moveInAt'), 'moveInAt')} value={at} onChange={(e) => setAt(e.target.value)} />
      </Field>
    </ActionForm>
  );
}
