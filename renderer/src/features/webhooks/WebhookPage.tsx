import { useCallback, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { WebhookTestRequest } from '../../../../shared/schemas/delivery';
import { api } from '../../api/client';
import { apiFailure } from '../connectors/connector-form';
import { useWebhook, useWebhooksStore } from '../../stores/webhooks-store';
import { DeliveriesList, EMPTY_DELIVERY_FILTER, toDeliveryQuery, type DeliveryFilterValue } from './DeliveriesList';
import { Splitter, useSplit } from './Splitter';
import { useDebouncedValue } from '../../lib/hooks';
import '../find-and-layout.css';
import { InvocationInspector, type Inspected } from './InvocationInspector';
import { DEFAULT_SAMPLE_TYPE, useSampleEvent } from './use-sample-event';
import { useEventTypes } from './use-event-types';
import { useChosenSampleType } from './use-sample-type';
import { useWebhookDeliveries } from './use-webhook-deliveries';
import { useWebhookDraft } from './use-webhook-draft';
import { WebhookEditor } from './WebhookEditor';
import { WebhookHeader } from './WebhookHeader';
import { WebhookStatsChart } from './WebhookStatsChart';
import type { Webhook } from '../../../../shared/schemas/webhook';

/** One webhook's page (a tab). */
export function WebhookPage({ webhookId }: { webhookId: string }) {
  const webhook = useWebhook(webhookId);
  const loaded = useWebhooksStore((s) => s.loaded);
  if (!webhook) return <p className="panel muted">{loaded ? 'This webhook no longer exists.' : 'Loading webhook…'}</p>;
  return <WebhookWorkbench webhook={webhook} />;
}

/** Header, editor, chart, deliveries and the invocation inspector; Ctrl/Cmd+Enter anywhere sends a test. */
function WebhookWorkbench({ webhook }: { webhook: Webhook }) {
  const titleId = useId();
  const d = useWebhookDraft(webhook);
  const eventTypes = useEventTypes();
  const [deliveryFilter, setDeliveryFilter] = useState<DeliveryFilterValue>(EMPTY_DELIVERY_FILTER);
  const [deliveryPage, setDeliveryPage] = useState(1);
  const deliveryQuery = useDebouncedValue(useMemo(() => toDeliveryQuery(deliveryFilter), [deliveryFilter]), 250);
  const deliveriesPage = useWebhookDeliveries(webhook.id, deliveryQuery, deliveryPage);
  const { deliveries, changes } = deliveriesPage;
  const [split, setSplit] = useSplit('hookdesk.webhookSplit');
  const rightId = useId();
  const [inspected, setInspected] = useState<Inspected | null>(null);
  const [testing, setTesting] = useState(false);
  const [testMessage, setTestMessage] = useState<string | null>(null);
  const inspectorRef = useRef<HTMLDivElement>(null);

  const firstType = d.draft.events.all ? '' : (d.draft.events.rows[0]?.type ?? '');
  const [chosenType, setChosenType] = useChosenSampleType(webhook.id);
  const sampleType = chosenType ?? (firstType.trim() || DEFAULT_SAMPLE_TYPE);
  const sampleEvent = useSampleEvent(sampleType);
  const sample = { type: sampleType, ...sampleEvent, setType: setChosenType };

  const testingRef = useRef(false);
  const stateRef = useRef({ d, sampleEvent: sampleEvent.event });
  stateRef.current = { d, sampleEvent: sampleEvent.event };
  // Send test sends the settings as they are on screen, saved or not, and saves nothing.
  const sendTest = useCallback(async (): Promise<void> => {
    if (testingRef.current) return;
    testingRef.current = true;
    setTesting(true);
    setTestMessage(null);
    const { d: draft, sampleEvent: event } = stateRef.current;
    try {
      const changes = draft.testChanges();
      if (changes === null) {
        setTestMessage('The test was not sent: fix the settings marked below, then try again.');
        return;
      }
      const unsaved = Object.keys(changes).length > 0;
      const input: WebhookTestRequest = {
        ...(event
          ? {
              event: {
                type: event.type,
                ...(event.version ? { version: event.version } : {}),
                ...(event.severity ? { severity: event.severity } : {}),
                entity: event.body,
                // Named back in the inspector; the test itself goes out under a fresh id.
                sampleEventId: event.id,
              },
            }
          : {}),
        ...(unsaved ? { webhook: changes } : {}),
      };
      const invocation = await api.testWebhook(webhook.id, input);
      setInspected({ kind: 'test', invocation, sentAt: new Date().toISOString() });
      const outcome = `${invocation.response ? `HTTP ${invocation.response.status}` : 'no response'}${invocation.ok ? '' : ' (failed)'}`;
      setTestMessage(unsaved ? `Test sent with your unsaved changes: ${outcome}. Nothing was saved; press Save to keep them.` : `Test sent: ${outcome}.`);
    } catch (err) {
      const failure = apiFailure(err);
      // The engine keys a draft's field errors under `webhook.`, where they sit in the test request.
      const fields = Object.fromEntries(Object.entries(failure.fields).filter(([key]) => key.startsWith('webhook.')).map(([key, message]) => [key.slice('webhook.'.length), message]));
      if (Object.keys(fields).length > 0) {
        draft.showEngineErrors(fields, 'The engine refused some settings: see the marked fields.');
        setTestMessage('The test was not sent: fix the settings marked below, then try again.');
      } else {
        setTestMessage(`The test could not be sent: ${(err as Error).message}`);
      }
    } finally {
      testingRef.current = false;
      setTesting(false);
    }
  }, [webhook.id]);

  useEffect(() => {
    if (inspected) inspectorRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [inspected]);

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    void sendTest();
  };

  const openDelivery = (deliveryId: string): void => setInspected({ kind: 'delivery', deliveryId });
  const inspectedDelivery = inspected?.kind === 'delivery' ? deliveries.find((x) => x.id === inspected.deliveryId) : undefined;
  const deliveryVersion = inspectedDelivery ? `${inspectedDelivery.status}:${inspectedDelivery.attempt}:${inspectedDelivery.updatedTime ?? ''}` : '';

  return (
    <section className="panel webhook-page" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <WebhookHeader webhook={webhook} titleId={titleId} testing={testing} onSendTest={() => void sendTest()} />
      <p role="status" className="muted small">
        {testMessage}
      </p>
      <div className="webhook-columns" style={{ '--left': `${split}fr`, '--right': `${100 - split}fr` } as CSSProperties}>
        <div className="webhook-left">
          <WebhookEditor d={d} webhook={webhook} eventTypes={eventTypes} sample={sample} onSendTest={() => void sendTest()} />
        </div>
        <Splitter value={split} onChange={setSplit} label="Resize the editor and deliveries columns" controls={rightId} />
        <div className="webhook-right" id={rightId}>
          <div ref={inspectorRef}>
            {inspected && (
              <InvocationInspector inspected={inspected} deliveryVersion={deliveryVersion} onOpenDelivery={openDelivery} onClose={() => setInspected(null)} />
            )}
          </div>
          <WebhookStatsChart webhookId={webhook.id} changes={changes} />
          <DeliveriesList
            page={deliveriesPage}
            pageNumber={deliveryPage}
            onPage={setDeliveryPage}
            filter={deliveryFilter}
            onFilter={(next) => {
              setDeliveryFilter(next);
              setDeliveryPage(1);
            }}
            selectedId={inspected?.kind === 'delivery' ? inspected.deliveryId : null}
            onOpen={openDelivery}
          />
        </div>
      </div>
    </section>
  );
}
