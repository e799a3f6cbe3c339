import { useEffect } from 'react';
import { useConnectionStore } from '../stores/connection-store';
import { useEventsStore } from '../stores/events-store';
import { MainPanel } from './MainPanel';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { TabBar } from './TabBar';

/** The Postman-like frame: sidebar, tabs, main panel, status bar. */
export function Workspace() {
  const connect = useConnectionStore((s) => s.connect);
  const loadEvents = useEventsStore((s) => s.load);
  useEffect(() => {
    connect();
    void loadEvents();
  }, [connect, loadEvents]);
  return (
    <div className="workspace">
      <Sidebar />
      <div className="main-column">
        <TabBar />
        <MainPanel />
      </div>
      <StatusBar />
    </div>
  );
}
