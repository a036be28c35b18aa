import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import ChangeLevelForm from './actions/ChangeLevelForm';
import { testClient } from '../test/client';
import type { LevelInput } from './timeline';

const levels: LevelInput[] = [
  { code: 'PHP', name: 'Partial hospitalization', shortName: 'PHP', intensity: 5 },
  { code: 'IOP', name: 'Intensive outpatient', shortName: 'IOP', intensity: 4 },
  { code: 'VIRTUAL_IOP', name: 'Virtual intensive outpatient', shortName: 'virtual IOP', intensity: 4 },
  { code: 'OUTPATIENT', name: 'Outpatient', shortName: 'outpatient', intensity: 3 },
];

function setup(answer: (vars: Record<string, unknown>) => unknown) {
  const calls: Record<string, unknown>[] = [];
  const client = testClient({
    // The server's answer to the preview, for the levels above.
    CareLevelTransition: (vars) => {
      const kinds: Record<string, string> = { OUTPATIENT: 'STEP_DOWN', PHP: 'STEP_UP', VIRTUAL_IOP: 'LATERAL' };
      return { data: { careLevelTransition: kinds[String(vars.to)] } };
    },
    ChangeCareLevel: (vars) => {
      calls.push(vars);
      return { data: answer(vars) };
    },
  });
  const onDone = vi.fn();
  render(
    <Provider value={client}>
      <ChangeLevelForm memberId="M1" levels={levels} current={levels[1]} onDone={onDone} onCancel={() => {}} />
    </Provider>,
  );
  return { calls, onDone };
}

describe('ChangeLevelForm', () => {
  it('previews the move as the server names it before saving', async () => {
    setup(() => null);
    const user = userEvent.setup();
    const preview = screen.getByRole('status');
    expect(preview.textContent).toBe('');
    await user.selectOptions(screen.getByLabelText('New level of care'), 'OUTPATIENT');
    await waitFor(() => expect(preview.textContent).toBe('Step down from Intensive outpatient to Outpatient'));
    await user.selectOptions(screen.getByLabelText('New level of care'), 'PHP');
    await waitFor(() => expect(preview.textContent).toBe('Step up from Intensive outpatient to Partial hospitalization'));
    await user.selectOptions(screen.getByLabelText('New level of care'), 'VIRTUAL_IOP');
    await waitFor(() => expect(preview.textContent).toBe('Lateral move from Intensive outpatient to Virtual intensive outpatient'));
    expect((screen.getByRole('option', { name: 'Intensive outpatient' }) as HTMLOptionElement).disabled).toBe(true);
  });

  it('shows a userError next to its field and saves nothing', async () => {
    const { onDone } = setup(() => ({
      changeCareLevel: {
        __typename: 'ChangeCareLevelPayload',
        careEpisode: null,
        userErrors: [{ __typename: 'UserError', field: ['input', 'effectiveAt'], message: 'The time lies in the future.', code: 'IN_FUTURE' }],
      },
    }));
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('New level of care'), 'OUTPATIENT');
    await user.click(screen.getByRole('button', { name: 'Save level change' }));
    const effective = screen.getByLabelText('Effective');
    await waitFor(() => expect(effective.getAttribute('aria-invalid')).toBe('true'));
    const described = document.getElementById(effective.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe('The time lies in the future.');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('asks for a level before sending anything', async () => {
    const { calls } = setup(() => null);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Save level change' }));
    expect(screen.getByText('Choose the new level of care.')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('drops a field’s error once the field changes', async () => {
    setup(() => null);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Save level change' }));
    const level = screen.getByLabelText('New level of care');
    expect(level.getAttribute('aria-invalid')).toBe('true');
    await user.selectOptions(level, 'OUTPATIENT');
    expect(screen.queryByText('Choose the new level of care.')).toBeNull();
    expect(level.getAttribute('aria-invalid')).toBeNull();
  });

  it('sends the change and reports it', async () => {
    const { calls, onDone } = setup(() => ({
      changeCareLevel: { __typename: 'ChangeCareLevelPayload', careEpisode: { __typename: 'CareEpisode', id: 'E9', transition: 'STEP_DOWN' }, userErrors: [] },
    }));
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('New level of care'), 'OUTPATIENT');
    await waitFor(() => expect(screen.getByRole('status').textContent).not.toBe(''));
    await user.type(screen.getByLabelText('Reason'), 'Stable for 30 days');
    await user.click(screen.getByRole('button', { name: 'Save level change' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Step down from Intensive outpatient to Outpatient: saved.'));
    const input = (calls[0] as { input: Record<string, unknown> }).input;
    expect(input).toMatchObject({ memberId: 'M1', careLevelCode: 'OUTPATIENT', reason: 'Stable for 30 days' });
    // RFC 3339 with the browser's offset, to the second, close to now.
    expect(String(input.effectiveAt)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(Math.abs(Date.parse(String(input.effectiveAt)) - Date.now())).toBeLessThan(60_000);
  });
});
