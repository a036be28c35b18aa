import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { FormError } from '../ui/FieldError';
import { readUserErrors, userErrorMessages } from '../ui/userErrors';
import { SignInMutation } from './viewer';

/**
 * Email and password, and for an account with two-factor sign-in the code of
 * its authenticator app (or a recovery code) once the server asks for it;
 * afterwards back to where the person was going.
 */
export default function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [askCode, setAskCode] = useState(false);
  const [{ fetching, data, error }, signIn] = useMutation(SignInMutation);
  const userErrors = userErrorMessages(data?.signIn.userErrors);

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Six digits are an authenticator code; anything else a recovery code.
    const second = code.trim() === '' ? {} : /^\d{6}$/.test(code.trim()) ? { totpCode: code.trim() } : { recoveryCode: code };
    const result = await signIn({ input: { email, password, ...second } });
    const viewer = result.data?.signIn.viewer;
    if (!viewer) {
      const codes = readUserErrors(result.data?.signIn.userErrors).map((u) => u.code);
      if (codes.includes('TOTP_REQUIRED') || codes.includes('TOTP_INVALID')) setAskCode(true);
      return;
    }
    const next = params.get('next');
    const home = viewer.user?.role === 'FAMILY' ? '/family' : '/';
    navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : home, { replace: true });
  }

  return (
    <main className="sign-in">
      <h1>Care Journey</h1>
      {params.get('expired') === '1' && <p role="status">Your session ended. Sign in again to continue.</p>}
      <form onSubmit={submit} noValidate>
        <label>
          Email
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input type="password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.target.value)} />
        </label>
        {askCode && (
          <label>
            Authenticator code or recovery code
            <input autoComplete="one-time-code" inputMode="text" required value={code} autoFocus
              onChange={(e) => setCode(e.target.value)} />
          </label>
        )}
        <FormError messages={[...userErrors, ...(error ? ['Could not reach the server. Try again.'] : [])]} />
        <button type="submit" disabled={fetching}>{fetching ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
