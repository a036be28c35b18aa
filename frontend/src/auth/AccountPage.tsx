import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormError } from '../ui/FieldError';
import { userErrorMessages } from '../ui/userErrors';
import { ChangePasswordMutation } from './account';

/**
 * The signed-in person's account: changing the password (the current one
 * is checked; every other session of the account ends).
 */
export default function AccountPage() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const [{ fetching, data, error }, change] = useMutation(ChangePasswordMutation);
  const userErrors = userErrorMessages(data?.changePassword.userErrors);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const result = await change({ input: { currentPassword: current, newPassword: next } });
    if (result.data?.changePassword.user) {
      setDone(true);
      setCurrent('');
      setNext('');
    }
  }

  return (
    <section className="account">
      <h1>Account</h1>
      <h2>Change password</h2>
      <form onSubmit={submit} noValidate className="account-form">
        <label>
          Current password
          <input type="password" autoComplete="current-password" required value={current}
            onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label>
          New password (12 characters or more)
          <input type="password" autoComplete="new-password" required minLength={12} value={next}
            onChange={(e) => setNext(e.target.value)} />
        </label>
        <FormError messages={[...userErrors, ...(error ? ['Could not reach the server. Try again.'] : [])]} />
        {done && <p role="status">Password changed. Your other sessions were signed out.</p>}
        <button type="submit" disabled={fetching}>{fetching ? 'Changing…' : 'Change password'}</button>
      </form>
    </section>
  );
}
