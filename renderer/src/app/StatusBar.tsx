import { EnvironmentSwitch } from '../features/environments/EnvironmentSwitch';
import { WorkspaceFileButtons } from '../features/workspace/WorkspaceFileButtons';
import { ThemeSwitch } from '../features/theme/ThemeSwitch';
import { usePaletteStore } from '../features/palette/palette-store';
import { useConnectionStore } from '../stores/connection-store';

const LABELS = { connecting: 'Connecting to engine…', connected: 'Engine connected', disconnected: 'Engine disconnected' };

/**
 * Whether the live stream to the engine is up (announced politely to screen readers), what the last
 * shortcut did, the theme, and, in a browser, Sign out (it ends the session on the engine; the
 * desktop app has no session to leave). `.status-extras` is where other switches mount.
 */
export function StatusBar() {
  const { status, version, lastError, signOut, engineDown } = useConnectionStore();
  const notice = usePaletteStore((s) => s.notice);
  return (
    <footer className="status-bar">
      <span role="status" aria-label="Engine connection" className={`conn conn-${status}`}>
        <span className="dot" aria-hidden="true" /> {LABELS[status]}
      </span>
      {/* While the engine is down the banner says it in words; the raw error is only for a dropped stream. */}
      {status === 'disconnected' && !engineDown && lastError && <span className="muted">{lastError} Retrying…</span>}
      {version && <span className="muted status-version">Hookdesk {version}</span>}
      <span role="status" aria-label="Shortcut" className="muted">
        {notice}
      </span>
      <span className="status-extras">
        <EnvironmentSwitch />
        <WorkspaceFileButtons disabled={engineDown} />
        <button type="button" className="link" onClick={() => usePaletteStore.getState().show('palette')} disabled={engineDown} title="Ctrl/Cmd+K">
          Commands
        </button>
        <ThemeSwitch />
        {!window.hookdesk && (
          <button type="button" className="link" onClick={() => void signOut()} disabled={engineDown}>
            Sign out
          </button>
        )}
      </span>
    </footer>
  );
}
