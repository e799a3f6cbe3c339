import { useConnectorsStore } from '../../stores/connectors-store';
import { connectorTab, useTabsStore } from '../../stores/tabs-store';

/**
 * The connector page in the address bar: `?connector=con_…&event=evt_…` while a connector's page is
 * open (with the selected event, when there is one), so a reload and a shared link open the same page
 * and event. Written with `history.replaceState` (selecting events adds no history entries); the
 * other parameters and the fragment are kept.
 */
export const CONNECTOR_PARAM = 'connector';
export const EVENT_PARAM = 'event';

/** Ids as the engine makes them (`shared/ids.ts`); anything else in the address is ignored. */
const CONNECTOR_ID = /^con_[0-9a-z]{1,64}$/;
const EVENT_ID = /^evt_[0-9a-z]{1,64}$/;

export interface ConnectorLink {
  connectorId: string;
  eventId: string | null;
}

/** The connector (and event) the address names, or null when it names none or not in our id shapes. */
export function connectorLinkIn(search: string): ConnectorLink | null {
  const params = new URLSearchParams(search);
  const connectorId = params.get(CONNECTOR_PARAM);
  if (connectorId === null || !CONNECTOR_ID.test(connectorId)) return null;
  const eventId = params.get(EVENT_PARAM);
  return { connectorId, eventId: eventId !== null && EVENT_ID.test(eventId) ? eventId : null };
}

/** `search` with the link's parameters set (or both removed for null), the others as they were. */
export function searchWithLink(search: string, link: ConnectorLink | null): string {
  const params = new URLSearchParams(search);
  params.delete(CONNECTOR_PARAM);
  params.delete(EVENT_PARAM);
  if (link) {
    params.set(CONNECTOR_PARAM, link.connectorId);
    if (link.eventId !== null) params.set(EVENT_PARAM, link.eventId);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function currentConnectorLink(): ConnectorLink | null {
  return connectorLinkIn(window.location.search);
}

/** Puts `link` in the address bar, or takes the connector out of it (null). */
export function showConnectorLink(link: ConnectorLink | null): void {
  const { pathname, search, hash } = window.location;
  const next = searchWithLink(search, link);
  if (next !== search) window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`);
}

/** Takes `connectorId` out of the address bar when it is the one there (its page closed or another tab opened). */
export function forgetConnectorLink(connectorId: string): void {
  if (currentConnectorLink()?.connectorId === connectorId) showConnectorLink(null);
}

let opened = false;

/**
 * At start: opens the tab of the connector the address names once the connector list has loaded
 * (its page then selects the linked event). A connector that no longer exists is taken out of the
 * address, with no message: the workspace opens as it would without the link.
 */
export function openLinkedConnector(): void {
  if (opened) return;
  opened = true;
  const link = currentConnectorLink();
  if (link === null) return;
  const tryOpen = (): boolean => {
    const { loaded, error, connectors } = useConnectorsStore.getState();
    if (!loaded || error !== null) return false;
    const connector = connectors.find((c) => c.id === link.connectorId);
    if (connector) useTabsStore.getState().open(connectorTab(connector));
    else showConnectorLink(null);
    return true;
  };
  if (tryOpen()) return;
  const off = useConnectorsStore.subscribe(() => {
    if (tryOpen()) off();
  });
}
