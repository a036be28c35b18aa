import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { FormError } from '../ui/FieldError';
import { userErrorMessages } from '../ui/userErrors';
import { ResetPasswordMutation } from './account';

/** The token of a reset link: in the fragment, which browsers never send to a server. */
function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

/** The page of a one-time password reset link: a new password, then sign in. */
export default function ResetPasswordPage() {
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [password, setPassword] = useState('');
  const [{ fetching, data, error }, reset] = useMutation(ResetPasswordMutation);
  const userErrors = userErrorMessages(data?.resetPassword.userErrors);
  // An answer without userErrors is a password set, as for every mutation.
  const isPasswordSet = data?.resetPassword.userErrors.length === 0;

  async function submit(e: FormEvent) {
    e.preventDefault();
    await reset({ input: { token, newPassword: password } });
  }

  return (
    <main className="sign-in">
      <h1>Choose a new password</h1>
      {isPasswordSet ? (
        <p role="status">Your password is set. <Link to="/sign-in">Sign in</Link> with it.</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <FormError messages={token ? [] : ['This link has no token; open the whole link you were given.']} />
          <label>
            New password (12 characters or more)
            <input type="password" autoComplete="new-password" required minLength={12} value={password}
              onChange={(e) => setPassword(e.target.value)} />
          </label>
          <FormError messages={[...userErrors, ...(error ? ['Could not reach the server. Try again.'] : [])]} />
          <button type="submit" disabled={fetching || !token}>{fetching ? 'Saving…' : 'Set password'}</button>
        </form>
      )}
    </main>
  );
}
