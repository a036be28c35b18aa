import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { Provider } from 'urql';
import AccountPage from './AccountPage';
import ResetPasswordPage from './ResetPasswordPage';
import { testClient, type Call } from '../test/client';

/** Renders a page whose one mutation `name` is answered with `data`; returns the calls it makes. */
function renderWith(name: string, data: unknown, page: React.ReactNode) {
  const calls: Call[] = [];
  const client = testClient({ [name]: () => ({ data }) }, calls);
  render(<Provider value={client}><MemoryRouter>{page}</MemoryRouter></Provider>);
  return calls;
}

describe('AccountPage', () => {
  it('sends both passwords and shows the server refusal', async () => {
    const calls = renderWith('ChangePassword', { changePassword: { user: null, userErrors: [
      { field: ['input', 'currentPassword'], message: 'The current password is not correct.', code: 'INVALID_CREDENTIALS' }] } }, <AccountPage />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Current password'), 'old one');
    await user.type(screen.getByLabelText(/New password/), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The current password is not correct.'));
    expect(calls[0].variables).toEqual({ input: { currentPassword: 'old one', newPassword: 'a brand new passphrase' } });
  });

  it('says the other sessions ended on success', async () => {
    renderWith('ChangePassword', { changePassword: { user: { id: 'U1' }, userErrors: [] } }, <AccountPage />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Current password'), 'old one');
    await user.type(screen.getByLabelText(/New password/), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('other sessions were signed out'));
  });
});

describe('ResetPasswordPage', () => {
  it('takes the token from the fragment and points to sign-in afterwards', async () => {
    window.location.hash = '#token=abc123';
    const calls = renderWith('ResetPassword', { resetPassword: { userErrors: [] } }, <ResetPasswordPage />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/New password/), 'a long enough passphrase');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy());
    expect(calls[0].variables).toEqual({ input: { token: 'abc123', newPassword: 'a long enough passphrase' } });
  });

  it('stays on the form and says why when the link is refused', async () => {
    window.location.hash = '#token=used';
    renderWith('ResetPassword', { resetPassword: { userErrors: [
      { field: ['input', 'token'], message: 'This password reset link is unknown, used already or expired.', code: 'RESET_INVALID' }] } }, <ResetPasswordPage />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/New password/), 'a long enough passphrase');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('used already'));
    expect(screen.queryByRole('link', { name: 'Sign in' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Set password' })).toBeTruthy();
  });

  it('refuses to send without a token', () => {
    window.location.hash = '';
    renderWith('ResetPassword', null, <ResetPasswordPage />);
    expect(screen.getByRole('alert').textContent).toContain('no token');
    expect((screen.getByRole('button', { name: 'Set password' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
