import { useCallback, useState } from 'react';

/** Per webhook, so each webhook page reopens on the sample its user last chose. */
const storageKey = (webhookId: string): string => `hookdesk.webhook.${webhookId}.sampleType`;

function readStored(webhookId: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(webhookId));
  } catch {
    return null; // Storage off (private mode, a policy): the choice lasts while the page is open.
  }
}

function writeStored(webhookId: string, type: string): void {
  try {
    if (type.trim() === '') window.localStorage.removeItem(storageKey(webhookId));
    else window.localStorage.setItem(storageKey(webhookId), type);
  } catch {
    // As above: not kept, still used.
  }
}

/**
 * The sample event type chosen on a webhook's page, kept in this browser's storage per webhook so
 * that closing and reopening the tab (or reloading) brings it back; null until one is chosen.
 */
export function useChosenSampleType(webhookId: string): [string | null, (type: string) => void] {
  const [chosen, setChosen] = useState<string | null>(() => readStored(webhookId));
  const choose = useCallback(
    (type: string) => {
      setChosen(type);
      writeStored(webhookId, type);
    },
    [webhookId],
  );
  return [chosen, choose];
}
