import type { HookEvent } from '../../../../shared/schemas/event';
import { api } from '../../api/client';
import { useConnectionStore } from '../../stores/connection-store';
import { useConnectorsStore } from '../../stores/connectors-store';
import { useDialogsStore } from '../../stores/dialogs-store';
import { useEventsStore } from '../../stores/events-store';
import { connectorTab, RECEIVER_CHECK_TAB, useTabsStore, webhookTab } from '../../stores/tabs-store';
import { useWebhookDialogsStore } from '../../stores/webhook-dialogs-store';
import { useWebhooksStore } from '../../stores/webhooks-store';
import { useThemeStore } from '../theme/theme-store';
import { usePaletteStore } from './palette-store';

export interface Command {
  id: string;
  /** What the list shows and what typing matches against. */
  label: string;
  /** The kind, shown beside the label ("Connector", "Webhook", "Action", ...). */
  group: string;
  /** Extra words that also match, not shown. */
  keywords?: string;
  /**
   * A resource's id, not shown: matches only as a run of characters (typed or pasted part of it), not
   * as letters scattered through it, or a random id would make unrelated rows match short queries.
   */
  exactKey?: string;
  run(): void | Promise<void>;
}

/** Sections, every connector and webhook, then actions; built when the palette opens. */
export function paletteCommands(): Command[] {
  const open = useTabsStore.getState().open;
  const sections: Command[] = [
    { id: 'section:connectors', label: 'Connectors', group: 'Page', run: () => open({ id: 'connectors', kind: 'connectors', title: 'Connectors' }) },
    { id: 'section:webhooks', label: 'Webhooks', group: 'Page', run: () => open({ id: 'webhooks', kind: 'webhooks', title: 'Webhooks' }) },
    { id: 'section:events', label: 'Events', group: 'Page', run: () => open({ id: 'events', kind: 'events', title: 'Events' }) },
    { id: 'section:receiver-check', label: 'Receiver check', group: 'Page', keywords: 'grade test verify receiver scorecard retry', run: () => open(RECEIVER_CHECK_TAB) },
  ];
  const connectors: Command[] = useConnectorsStore.getState().connectors.map((c) => ({
    id: `connector:${c.id}`,
    label: c.name,
    group: 'Connector',
    exactKey: c.id,
    run: () => open(connectorTab(c)),
  }));
  const webhooks: Command[] = useWebhooksStore.getState().webhooks.map((w) => ({
    id: `webhook:${w.id}`,
    label: w.name,
    group: 'Webhook',
    exactKey: w.id,
    run: () => open(webhookTab(w)),
  }));
  const actions: Command[] = [
    { id: 'action:new-connector', label: 'New connector', group: 'Action', run: () => useDialogsStore.getState().open({ kind: 'create' }) },
    { id: 'action:new-webhook', label: 'New webhook', group: 'Action', run: () => useWebhookDialogsStore.getState().open({ kind: 'create' }) },
    { id: 'action:toggle-theme', label: 'Toggle theme', group: 'Action', keywords: 'light dark', run: () => useThemeStore.getState().toggle() },
    { id: 'action:shortcuts', label: 'Show shortcuts', group: 'Action', keywords: 'keyboard help', run: () => usePaletteStore.getState().show('shortcuts') },
  ];
  // The desktop app has no session to leave (see StatusBar).
  if (!window.hookdesk) actions.push({ id: 'action:sign-out', label: 'Sign out', group: 'Action', run: () => useConnectionStore.getState().signOut() });
  return [...sections, ...connectors, ...webhooks, ...actions];
}

/** What was typed looks like an event id (`evt_…`): the palette offers to open it. */
export function looksLikeEventId(query: string): boolean {
  return /^evt_[0-9a-z]{6,64}$/i.test(query.trim());
}

/**
 * Opens one event by id on the Events page, fetched from the engine (`GET /api/v1/events/:id`), so an
 * event older than the live list opens too. Rejects with the engine's message ("No event ...").
 */
export async function openEventById(id: string): Promise<void> {
  const event = await api.getEvent(id.trim());
  const store = useEventsStore.getState();
  if (!store.events.some((e) => e.id === event.id)) useEventsStore.setState({ events: insertByTime(store.events, event) });
  useEventsStore.getState().select(event.id);
  useTabsStore.getState().open({ id: 'events', kind: 'events', title: 'Events' });
}

/** The live list is newest first: an older event goes where its time puts it. */
function insertByTime(events: HookEvent[], event: HookEvent): HookEvent[] {
  const index = events.findIndex((e) => e.receivedTime < event.receivedTime);
  return index < 0 ? [...events, event] : [...events.slice(0, index), event, ...events.slice(index)];
}
