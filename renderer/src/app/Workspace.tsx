import { lazy, Suspense, useEffect } from 'react';
import { usePaletteStore } from '../features/palette/palette-store';
import { useConnectionStore } from '../stores/connection-store';
import { useConnectorsStore } from '../stores/connectors-store';
import { useEventsStore } from '../stores/events-store';
import { ConnectorDialogs } from '../features/connectors/ConnectorDialogs';
import { openLinkedConnector } from '../features/connectors/connector-link';
import { WebhookDialogs } from '../features/webhooks/WebhookDialogs';
import { useWebhooksStore } from '../stores/webhooks-store';
import { EngineBanner } from './EngineBanner';
import { useGlobalShortcuts } from './global-shortcuts';
import { MainPanel } from './MainPanel';
import { rememberSession } from './session-memory';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { TabBar } from './TabBar';

// The palette and the shortcut list are not on the first screen; the palette's code is fetched once
// the workspace has shown (so Ctrl+K answers at once and no typed letter is lost).
const loadPalette = () => import('../features/palette/CommandPalette');
const CommandPalette = lazy(() => loadPalette().then((m) => ({ default: m.CommandPalette })));
const ShortcutsDialog = lazy(() => import('../features/palette/ShortcutsDialog').then((m) => ({ default: m.ShortcutsDialog })));

/** The Postman-like frame: sidebar, tabs, main panel, status bar; and the keyboard's palette and shortcuts. */
export function Workspace() {
  const connect = useConnectionStore((s) => s.connect);
  const engineDown = useConnectionStore((s) => s.engineDown);
  const loadEvents = useEventsStore((s) => s.load);
  const loadConnectors = useConnectorsStore((s) => s.load);
  const loadWebhooks = useWebhooksStore((s) => s.load);
  const keyboardDialog = usePaletteStore((s) => s.open);
  useGlobalShortcuts();
  useEffect(() => {
    rememberSession();
    openLinkedConnector();
    const prefetch = setTimeout(() => void loadPalette().catch(() => undefined), 1500);
    connect();
    void loadEvents();
    void loadConnectors();
    void loadWebhooks();
    return () => clearTimeout(prefetch);
  }, [connect, loadEvents, loadConnectors, loadWebhooks]);
  return (
    <div className={engineDown ? 'workspace engine-down' : 'workspace'}>
      {engineDown && <EngineBanner />}
      {/* While the engine is not answering nothing here can work: inert (not focusable, not clickable) until it is back. */}
      <div className="workspace-body" inert={engineDown}>
        <Sidebar />
        <div className="main-column">
          <TabBar />
          <MainPanel />
        </div>
        <ConnectorDialogs />
        <WebhookDialogs />
        <Suspense fallback={null}>
          {keyboardDialog === 'palette' && <CommandPalette />}
          {keyboardDialog === 'shortcuts' && <ShortcutsDialog />}
        </Suspense>
      </div>
      <StatusBar />
    </div>
  );
}
