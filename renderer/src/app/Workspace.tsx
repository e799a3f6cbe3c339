import { useEffect } from 'react';
import { useConnectionStore } from '../stores/connection-store';
import { useConnectorsStore } from '../stores/connectors-store';
import { useEventsStore } from '../stores/events-store';
import { ConnectorDialogs } from '../features/connectors/ConnectorDialogs';
import { WebhookDialogs } from '../features/webhooks/WebhookDialogs';
import { useWebhooksStore } from '../stores/webhooks-store';
import { MainPanel } from './MainPanel';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { TabBar } from './TabBar';

/** The Postman-like frame: sidebar, tabs, main panel, status bar. */
export function Workspace() {
  const connect = useConnectionStore((s) => s.connect);
  const loadEvents = useEventsStore((s) => s.load);
  const loadConnectors = useConnectorsStore((s) => s.load);
  const loadWebhooks = useWebhooksStore((s) => s.load);
  useEffect(() => {
    connect();
    void loadEvents();
    void loadConnectors();
    void loadWebhooks();
  }, [connect, loadEvents, loadConnectors, loadWebhooks]);
  return (
    <div className="workspace">
      <Sidebar />
      <div className="main-column">
        <TabBar />
        <MainPanel />
      </div>
      <StatusBar />
      <ConnectorDialogs />
      <WebhookDialogs />
    </div>
  );
}
