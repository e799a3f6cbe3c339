import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useConnectionStore } from '../stores/connection-store';

/** Shown when the page was opened without the token and has no session: paste the token. */
export function SignInScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const endedByRestart = useConnectionStore((s) => s.endedByRestart);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    try {
      await api.signIn(token.trim());
      onSignedIn();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <main className="center">
      <form className="card sign-in" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Hookdesk</h1>
        {endedByRestart && (
          <p role="status">The engine is answering again. It restarted, which ends every session: sign in once more and your tabs come back.</p>
        )}
        <p className="muted">
          Open the URL that <code>npm run serve</code> printed, or paste the token from it (also kept in the data
          folder&apos;s <code>token</code> file).
        </p>
        <label>
          Management token
          <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoFocus required />
        </label>
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
