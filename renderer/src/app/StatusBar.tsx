import { useConnectionStore } from '../stores/connection-store';

const LABELS = { connecting: 'Connecting to engine…', connected: 'Engine connected', disconnected: 'Engine disconnected' };

/**
 * Whether the live stream to the engine is up (announced politely to screen readers), and, in a
 * browser, Sign out (it ends the session on the engine; the desktop app has no session to leave).
 */
export function StatusBar() {
  const { status, version, lastError, signOut } = useConnectionStore();
  return (
    <footer className="status-bar">
      <span role="status" aria-label="Engine connection" className={`conn conn-${status}`}>
        <span className="dot" aria-hidden="true" /> {LABELS[status]}
      </span>
      {status === 'disconnected' && lastError && <span className="muted">{lastError} Retrying…</span>}
      {version && <span className="muted">Hookdesk {version}</span>}
      {!window.hookdesk && (
        <button type="button" className="link" style={{ marginLeft: 'auto' }} onClick={() => void signOut()}>
          Sign out
        </button>
      )}
    </footer>
  );
}
