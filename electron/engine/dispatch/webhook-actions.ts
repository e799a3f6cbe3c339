import { toDispatchEvent, type DispatchEvent } from '../../../shared/events/dispatch-event';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import { sameJsonValue } from '../../../shared/json/lossless-json';
import { mockEvent, testEventId } from '../../../shared/mock-event';
import { mergeHeaders } from '../../../shared/outbound/outbound-headers';
import { webhookTestRequestSchema, type Delivery, type Invocation, type WebhookTestRequest } from '../../../shared/schemas/delivery';
import type { Webhook } from '../../../shared/schemas/webhook';
import { parseOrThrow } from '../../../shared/validation';
import type { EngineContext } from '../engine-context';
import type { DeliveryRecord, StoredDelivery } from '../store/delivery-state';
import type { StoredWebhookConfig } from '../store/workspace-data';
import type { DeliveryPlanner } from './delivery-planner';
import { toDelivery } from './delivery-view';
import type { Dispatcher } from './dispatcher';
import type { Invoker } from './invoker';
import { webhookRestartedEvent } from './system-events';
import type { WebhookService } from './webhook-service';

/** The type a test sends when none is given: the webhook's first exact event type, else this. */
export const DEFAULT_TEST_TYPE = 'hookdesk.test';

/** What a person does to a webhook besides editing it: test, restart, redeliver. */
export class WebhookActions {
  constructor(
    private readonly ctx: EngineContext,
    private readonly webhooks: WebhookService,
    private readonly planner: DeliveryPlanner,
    private readonly dispatcher: Dispatcher,
    private readonly invoker: Invoker,
  ) {}

  /**
   * Sends one request now and answers what happened, whatever the target said. With `webhook` in
   * the input, the unsaved settings on screen are sent instead of the saved ones, which stay as they
   * are. Records nothing; the failure state does not move.
   */
  async test(webhookId: string, input: unknown): Promise<Invocation> {
    const stored = this.webhooks.get(webhookId);
    const { event, webhook: draft } = parseOrThrow(webhookTestRequestSchema, input ?? {}, 'test request');
    const webhook = draft === undefined ? stored : this.webhooks.draftOf(stored, draft, 'webhook');
    return this.sendTest(webhook, event);
  }

  /** `POST /webhooks/test`: a test of a webhook not created yet (`webhook` a whole create body). Records nothing. */
  async testUnsaved(input: unknown): Promise<Invocation> {
    const { event, webhook: draft } = parseOrThrow(webhookTestRequestSchema, input ?? {}, 'test request');
    if (draft === undefined) {
      throw new HookdeskError(400, ErrorCode.validationFailed, 'The test request is invalid: webhook: give the settings to test (at least name and url).', {
        webhook: 'is required: the settings to test (at least name and url)',
      });
    }
    return this.sendTest(this.webhooks.unsavedDraft(draft, 'webhook'), event);
  }

  private async sendTest(webhook: StoredWebhookConfig, event: WebhookTestRequest['event']): Promise<Invocation> {
    const nowMs = this.ctx.clock.now();
    const now = new Date(nowMs).toISOString();
    let target: DispatchEvent;
    // The stored event whose body the test borrows, shown in the inspector; never the id sent.
    let sampleEventId: string | null = null;
    if (event) {
      const latest = event.entity === undefined ? this.latestOfType(event.type) : undefined;
      const sample = event.entity !== undefined ? event.entity : latest?.body;
      sampleEventId = latest?.id ?? this.storedEventId(event.sampleEventId);
      target = mockEvent({
        type: event.type,
        now,
        ...(sample === undefined ? {} : { sample }),
        ...(event.version === undefined ? {} : { version: event.version }),
        ...(event.severity === undefined ? {} : { severity: event.severity }),
      });
      // The editor sends the sample's body back as `entity`: the same body goes out with its numbers as the sender wrote them.
      const stored = latest ?? (event.entity === undefined ? undefined : this.latestOfType(event.type));
      if (stored && (event.entity === undefined || sameJsonValue(event.entity, stored.body))) target = { ...target, ...bodySourceOf(stored) };
    } else {
      const type = defaultTestType(webhook);
      const latest = this.latestOfType(type);
      sampleEventId = latest?.id ?? null;
      target = latest ?? mockEvent({ type, now });
    }
    // Each test is a new message: a receiver that deduplicates by id must not drop it as a repeat.
    const invocation = await this.invoker.invoke(webhook, { ...target, id: testEventId(nowMs) });
    return { ...invocation, sampleEventId };
  }

  /**
   * Sends a given event (a relay replay) through the webhook now, as a delivery would render, authorize
   * and sign it, with `headers` added on top of the webhook's own. Records nothing; the failure state
   * does not move.
   */
  async sendEvent(webhookId: string, event: DispatchEvent, headers: Record<string, string> = {}): Promise<Invocation> {
    const webhook = this.webhooks.get(webhookId);
    const config = Object.keys(headers).length === 0 ? webhook : { ...webhook, headers: mergeHeaders(webhook.headers, headers) };
    return this.invoker.invoke(config, event);
  }

  /** A sample of a type for previews and completion: the latest stored event of it, else a built-in mock. */
  sample(type: string): DispatchEvent {
    return this.latestOfType(type) ?? mockEvent({ type, now: new Date(this.ctx.clock.now()).toISOString() });
  }

  /** FAILED -> ACTIVE: failures to 0, then held deliveries sent, oldest first. */
  async restart(webhookId: string): Promise<Webhook> {
    const webhook = this.webhooks.get(webhookId);
    const store = this.ctx.store;
    const wasFailed = store.deliveries.runtimeOf(webhook.id).failed;
    const nowMs = this.ctx.clock.now();
    const time = new Date(nowMs).toISOString();
    const held = store.deliveries.unfinished(webhook.id).filter((d) => d.status === 'held');
    const records: DeliveryRecord[] = [
      { op: 'whk.restart', webhookId: webhook.id },
      ...held.map((d): DeliveryRecord => ({ op: 'dlv.status', id: d.id, status: 'pending', nextAttemptTime: time, note: null, time })),
    ];
    await store.journal.append(records);
    if (wasFailed) await store.events.append([webhookRestartedEvent(webhook, held.length, nowMs)]);
    return this.webhooks.view(webhook);
  }

  /** The same event once more, as a new delivery (held or skipped as the webhook's state says). */
  async redeliver(deliveryId: string): Promise<Delivery> {
    const original = this.getStored(deliveryId);
    const webhook = this.webhooks.get(original.webhookId);
    if (!this.ctx.store.events.get(original.eventId)) {
      throw new HookdeskError(
        409,
        ErrorCode.conflict,
        `The event ${original.eventId} is no longer stored (trimmed by retention or cleared), so it cannot be sent again.`,
      );
    }
    const delivery = this.planner.newDelivery(webhook, { id: original.eventId, type: original.eventType }, 'manual', original.id, this.ctx.clock.now());
    const put: DeliveryRecord = { op: 'dlv.put', delivery };
    await this.ctx.store.journal.append([put]);
    return toDelivery(this.ctx.store.deliveries.get(delivery.id) ?? delivery, false);
  }

  getStored(deliveryId: string): StoredDelivery {
    const delivery = this.ctx.store.deliveries.get(deliveryId);
    if (!delivery) {
      throw new HookdeskError(404, ErrorCode.notFound, `No delivery has the id "${deliveryId}". Only the newest deliveries of each webhook are kept.`);
    }
    return delivery;
  }

  /** The id when it names a stored event (the editor's sample may be a built-in mock, or trimmed since). */
  private storedEventId(id: string | undefined): string | null {
    return id !== undefined && this.ctx.store.events.get(id) ? id : null;
  }

  private latestOfType(type: string): DispatchEvent | undefined {
    const [latest] = this.ctx.store.events.list({ type });
    return latest ? toDispatchEvent(latest) : undefined;
  }
}

/** The text an event's body was parsed from, when kept (see shared/template/lossless-body.ts). */
function bodySourceOf(event: DispatchEvent): Pick<DispatchEvent, 'bodyJson' | 'bodyBase64'> {
  return {
    ...(event.bodyJson === undefined ? {} : { bodyJson: event.bodyJson }),
    ...(event.bodyBase64 === undefined ? {} : { bodyBase64: event.bodyBase64 }),
  };
}

function defaultTestType(webhook: StoredWebhookConfig): string {
  if (webhook.events === 'all') return DEFAULT_TEST_TYPE;
  return webhook.events.find((s) => !/[*?]/.test(s.type))?.type ?? DEFAULT_TEST_TYPE;
}
