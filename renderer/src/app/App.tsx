import { useEffect, useState } from 'react';
import { useConnectionStore } from '../stores/connection-store';
import { establishSession, type SessionState } from './sign-in';
import { SignInScreen } from './SignInScreen';
import { Workspace } from './Workspace';

/** Signs in, then shows the workspace; signs in again when the engine ends the session. */
export function App() {
  const [state, setState] = useState<SessionState | 'checking'>('checking');
  const sessionEnded = useConnectionStore((s) => s.sessionEnded);
  useEffect(() => {
    if (state !== 'checking') return;
    establishSession().then(setState, () => setState('needs-token'));
  }, [state]);
  useEffect(() => {
    if (sessionEnded) setState('checking');
  }, [sessionEnded]);
  if (state === 'checking') return <main className="center muted" aria-busy="true">Signing in…</main>;
  if (state === 'needs-token') return <SignInScreen onSignedIn={() => setState('signed-in')} />;
  return <Workspace />;
}
