import { useCallback, useEffect, useRef, useState } from 'react';
import type { HookEvent } from '../../../../shared/schemas/event';
import { api } from '../../api/client';
import { currentConnectorLink, forgetConnectorLink, showConnectorLink } from './connector-link';

/**
 * The connector page's selected event, kept in the address bar (`connector-link.ts`). At first the
 * event the address names is fetched (it may be older than the loaded part of the log) and selected;
 * one that is gone, or belongs to another connector, leaves nothing selected and says nothing. While
 * it loads the address keeps naming it, so a second reload still finds it.
 */
export function useLinkedEvent(connectorId: string): [HookEvent | null, (event: HookEvent | null) => void] {
  // Read once, before this page's own effects write the address.
  const [linkedId] = useState(() => {
    const link = currentConnectorLink();
    return link?.connectorId === connectorId ? link.eventId : null;
  });
  const [pendingId, setPendingId] = useState<string | null>(linkedId);
  const [selected, setSelected] = useState<HookEvent | null>(null);
  // A choice made in the log while the linked event loads wins over it.
  const chose = useRef(false);
  const showingLinked = useRef(false);

  useEffect(() => {
    if (linkedId === null) return;
    let current = true;
    api.getEvent(linkedId).then(
      (event) => {
        if (!current) return;
        if (!chose.current && event.connectorId === connectorId) {
          showingLinked.current = true;
          setSelected(event);
        }
        setPendingId(null);
      },
      () => {
        if (current) setPendingId(null);
      },
    );
    return () => {
      current = false;
    };
  }, [connectorId, linkedId]);

  const eventId = selected?.id ?? pendingId;
  useEffect(() => showConnectorLink({ connectorId, eventId }), [connectorId, eventId]);
  useEffect(() => () => forgetConnectorLink(connectorId), [connectorId]);

  const select = useCallback((event: HookEvent | null) => {
    // The log answers null for an id it has not loaded (yet, or at all: the linked event may be older
    // than its first page); the linked event stays in the inspector until a row is chosen.
    if (event === null && showingLinked.current && !chose.current) return;
    chose.current = true;
    setPendingId(null);
    setSelected(event);
  }, []);
  return [selected, select];
}
