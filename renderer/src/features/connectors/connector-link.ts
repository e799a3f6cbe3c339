import { useConnectorsStore } from '../../stores/connectors-store';
import { connectorTab, useTabsStore } from '../../stores/tabs-store';
import { connectorLinkIn, searchWithLink, type ConnectorLink } from './connector-link-params';

// The connector page in the address bar (the parameters: `connector-link-params.ts`): read, written
// with `history.replaceState`, and opened at start.

/** The connector (and event) the address bar names now. */
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
