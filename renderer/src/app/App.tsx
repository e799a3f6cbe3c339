import { useEffect, useState } from 'react';
import { establishSession, type SessionState } from './sign-in';
import { SignInScreen } from './SignInScreen';
import { Workspace } from './Workspace';

/** Signs in, then shows the workspace. */
export function App() {
  const [state, setState] = useState<SessionState | 'checking'>('checking');
  useEffect(() => {
    establishSession().then(setState, () => setState('needs-token'));
  }, []);
  if (state === 'checking') return <main className="center muted" aria-busy="true">Signing in…</main>;
  if (state === 'needs-token') return <SignInScreen onSignedIn={() => setState('signed-in')} />;
  return <Workspace />;
}
