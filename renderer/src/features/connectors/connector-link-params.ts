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
