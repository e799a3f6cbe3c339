import type { Page } from '../paging';
import type { Connector, ConnectorCreate, ConnectorPatch, ConnectorSecrets, ConnectorStats, StatsRange } from '../schemas/connector';
import type { BulkDeleteResult, EventListQuery, HookEvent, PublishEvent } from '../schemas/event';
import type { Delivery, DeliveryListQuery, Invocation, WebhookStats, WebhookTestRequest } from '../schemas/delivery';
import type { EventSample, EventTypeSummary } from '../schemas/event-type';
import type { Webhook, WebhookCreate, WebhookPatch } from '../schemas/webhook';
import type { Health } from '../schemas/health';
import type { EventArchiveFormat, EventImportResult } from '../interop/event-archive';
import type { InferredSchema, ReplayInvocation, ReplayRequest } from '../schemas/replay';
import type { ReceiverCheckList, ReceiverCheckRequest, ReceiverCheckRun } from '../schemas/receiver-check';
import type { SignatureDiagnosisAnswer } from '../signing/diagnose/diagnosis-schema';
import type { WorkspaceFile } from '../workspace/workspace-file';
import type { WorkspacePlan } from '../workspace/workspace-plan';
import { ApiError, NetworkError } from './api-error';
import { SseParser } from './sse-reader';

export interface ClientOptions {
  /** `http://127.0.0.1:8787`, or '' for the page's own origin. */
  baseUrl: string;
  /** Bearer token; omit in the browser, where the session cookie is used. */
  token?: string;
  fetch?: typeof fetch;
}

export type StreamHandler = (event: string, data: unknown) => void;

export interface StreamSubscription {
  close(): void;
}

export interface StreamCallbacks {
  onMessage: StreamHandler;
  onOpen?: () => void;
  onClose?: (error: unknown) => void;
}

type Query = Record<string, string | number | undefined>;

/**
 * The typed client over the management API and its live stream: the only way the renderer talks
 * to the engine, and what scripts and tests use too.
 */
export class HookdeskClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ClientOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  health(): Promise<Health> {
    return this.request('GET', '/healthz');
  }

  signIn(token: string): Promise<{ signedIn: true }> {
    return this.request('POST', '/api/v1/session', { token });
  }

  session(): Promise<{ signedIn: true }> {
    return this.request('GET', '/api/v1/session');
  }

  signOut(): Promise<void> {
    return this.request('DELETE', '/api/v1/session');
  }

  listEvents(query: EventListQuery & { page?: number; pageSize?: number } = {}): Promise<Page<HookEvent>> {
    return this.request('GET', '/api/v1/events', undefined, { ...query });
  }

  getEvent(id: string): Promise<HookEvent> {
    return this.request('GET', `/api/v1/events/${encodeURIComponent(id)}`);
  }

  publishEvent(input: PublishEvent): Promise<HookEvent> {
    return this.request('POST', '/api/v1/events', input);
  }

  clearEvents(connectorId?: string): Promise<void> {
    return this.request('DELETE', '/api/v1/events', undefined, { connectorId });
  }

  listConnectors(query: { page?: number; pageSize?: number } = {}): Promise<Page<Connector>> {
    return this.request('GET', '/api/v1/connectors', undefined, query);
  }

  getConnector(id: string): Promise<Connector> {
    return this.request('GET', `/api/v1/connectors/${encodeURIComponent(id)}`);
  }

  createConnector(input: ConnectorCreate): Promise<Connector & ConnectorSecrets> {
    return this.request('POST', '/api/v1/connectors', input);
  }

  updateConnector(id: string, patch: ConnectorPatch): Promise<Connector> {
    return this.request('PATCH', `/api/v1/connectors/${encodeURIComponent(id)}`, patch);
  }

  deleteConnector(id: string): Promise<void> {
    return this.request('DELETE', `/api/v1/connectors/${encodeURIComponent(id)}`);
  }

  resetConnectorKey(id: string): Promise<ConnectorSecrets> {
    return this.request('POST', `/api/v1/connectors/${encodeURIComponent(id)}/reset-key`);
  }

  connectorStats(id: string, range: StatsRange): Promise<ConnectorStats> {
    return this.request('GET', `/api/v1/connectors/${encodeURIComponent(id)}/stats`, undefined, { range });
  }

  listWebhooks(query: { page?: number; pageSize?: number } = {}): Promise<Page<Webhook>> {
    return this.request('GET', '/api/v1/webhooks', undefined, query);
  }

  getWebhook(id: string): Promise<Webhook> {
    return this.request('GET', `/api/v1/webhooks/${encodeURIComponent(id)}`);
  }

  createWebhook(input: WebhookCreate): Promise<Webhook> {
    return this.request('POST', '/api/v1/webhooks', input);
  }

  /** Partial change. Masked secrets sent back unchanged keep their stored values. */
  updateWebhook(id: string, patch: WebhookPatch | Record<string, unknown>): Promise<Webhook> {
    return this.request('PATCH', `/api/v1/webhooks/${encodeURIComponent(id)}`, patch);
  }

  deleteWebhook(id: string): Promise<void> {
    return this.request('DELETE', `/api/v1/webhooks/${encodeURIComponent(id)}`);
  }

  /**
   * Sends one request now (a mock event of the webhook's first event type when none is given).
   * `webhook`: unsaved changes (any subset of the fields, masked values keep the stored ones) to
   * send with instead of the saved settings, which stay unchanged.
   */
  testWebhook(id: string, input: WebhookTestRequest = {}): Promise<Invocation> {
    return this.request('POST', `/api/v1/webhooks/${encodeURIComponent(id)}/test`, input);
  }

  /** Sends one request with the settings of a webhook not created yet (`webhook`: a create body). */
  testUnsavedWebhook(input: WebhookTestRequest & { webhook: WebhookCreate | Record<string, unknown> }): Promise<Invocation> {
    return this.request('POST', '/api/v1/webhooks/test', input);
  }

  /** Relay: sends a stored event again to its forward target, a webhook or a URL (edited when body/headers are given). */
  replayEvent(eventId: string, input: ReplayRequest): Promise<ReplayInvocation> {
    return this.request('POST', `/api/v1/events/${encodeURIComponent(eventId)}/replay`, input);
  }

  /** Relay: why an event's signature did not verify (the signature debugger); `diagnosis` null with a `note` when there is nothing to explain. */
  signatureDiagnosis(eventId: string): Promise<SignatureDiagnosisAnswer> {
    return this.request('GET', `/api/v1/events/${encodeURIComponent(eventId)}/signature-diagnosis`);
  }

  /** Relay: the JSON Schema inferred for each event type seen on a connector. */
  connectorSchemas(connectorId: string, query: { page?: number; pageSize?: number } = {}): Promise<Page<InferredSchema>> {
    return this.request('GET', `/api/v1/connectors/${encodeURIComponent(connectorId)}/schemas`, undefined, query);
  }

  /** FAILED -> ACTIVE: failures back to 0, held deliveries sent. */
  restartWebhook(id: string): Promise<Webhook> {
    return this.request('POST', `/api/v1/webhooks/${encodeURIComponent(id)}/restart`);
  }

  listDeliveries(webhookId: string, query: DeliveryListQuery & { page?: number; pageSize?: number } = {}): Promise<Page<Delivery>> {
    return this.request('GET', `/api/v1/webhooks/${encodeURIComponent(webhookId)}/deliveries`, undefined, query);
  }

  /** One delivery with every attempt. */
  getDelivery(id: string): Promise<Delivery> {
    return this.request('GET', `/api/v1/deliveries/${encodeURIComponent(id)}`);
  }

  /** Sends that delivery's event again as a new delivery (answered 201 with it). */
  redeliver(id: string): Promise<Delivery> {
    return this.request('POST', `/api/v1/deliveries/${encodeURIComponent(id)}/redeliver`);
  }

  webhookStats(id: string, range: StatsRange): Promise<WebhookStats> {
    return this.request('GET', `/api/v1/webhooks/${encodeURIComponent(id)}/stats`, undefined, { range });
  }

  /** Event types seen or raised by Hookdesk, for pickers and template completion. */
  eventTypes(): Promise<{ items: EventTypeSummary[] }> {
    return this.request('GET', '/api/v1/event-types');
  }

  /** A sample event of a type: the latest stored one, else one from its inferred schema, else Hookdesk's built-in sample; `completionBody` has every field seen. */
  eventSample(type: string): Promise<EventSample> {
    return this.request('GET', '/api/v1/event-types/sample', undefined, { type });
  }

  // Deleting single events (issue 14, "Acting on many").

  /** Deletes one stored event (404 when no event has the id). */
  deleteEvent(id: string): Promise<void> {
    return this.request('DELETE', `/api/v1/events/${encodeURIComponent(id)}`);
  }

  /** Deletes up to 10,000 events at once; answers which were deleted and which ids no event has. */
  deleteEvents(ids: string[]): Promise<BulkDeleteResult> {
    return this.request('POST', '/api/v1/events/bulk-delete', { ids });
  }

  // Events out and in (API.md section 6): HAR 1.2 or NDJSON files of events, and their import.

  /**
   * A connector's (or every) events as a HAR 1.2 or NDJSON file: the list's filters apply, or only
   * `ids` (sent in a POST, so a large selection fits). Answers the file's text, its name and how many events it holds.
   */
  async exportEvents(input: EventListQuery & { format: EventArchiveFormat; ids?: string[] }): Promise<{ text: string; fileName: string; count: number }> {
    const { ids, format, ...filters } = input;
    const res =
      ids === undefined
        ? await this.send('GET', this.url('/api/v1/events/export', { ...filters, format }))
        : await this.send('POST', this.url('/api/v1/events/export'), JSON.stringify({ format, ids, ...(filters.connectorId === undefined ? {} : { connectorId: filters.connectorId }) }), 'application/json');
    const text = await res.text();
    const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `hookdesk-events.${format}`;
    return { text, fileName, count: Number(res.headers.get('x-hookdesk-event-count') ?? 0) };
  }

  /** Adds a HAR file (`application/json`) or NDJSON (`application/x-ndjson`) to a connector as imported events. */
  async importEvents(connectorId: string, text: string, contentType: 'application/json' | 'application/x-ndjson'): Promise<EventImportResult> {
    const res = await this.send('POST', this.url(`/api/v1/connectors/${encodeURIComponent(connectorId)}/import`), text, contentType);
    return (await res.json()) as EventImportResult;
  }

  // The workspace file (API.md section 5): what the CLI's --url/--token commands and the UI call.

  /** The workspace file; with `env`, secrets are `${VAR}` references and `variables` lists them. */
  exportWorkspace(secrets: 'env' | 'include' = 'env'): Promise<WorkspaceFile & { variables?: string[] }> {
    return this.request('GET', '/api/v1/workspace/export', undefined, { secrets });
  }

  /** What applying `file` would change (nothing is written). */
  planWorkspace(file: unknown, options: { prune?: boolean } = {}): Promise<WorkspacePlan> {
    return this.request('POST', '/api/v1/workspace/plan', file, { prune: String(options.prune ?? false) });
  }

  /** Applies `file` and answers what changed. */
  applyWorkspace(file: unknown, options: { prune?: boolean } = {}): Promise<WorkspacePlan> {
    return this.request('POST', '/api/v1/workspace/apply', file, { prune: String(options.prune ?? false) });
  }

  // Interop formats (API.md section 6).

  /** The event catalog: OpenAPI 3.1 (`webhooks`, one per event type) or AsyncAPI 3. */
  eventCatalog(format: 'openapi' | 'asyncapi'): Promise<Record<string, unknown>> {
    return this.request('GET', `/api/v1/catalog/${format}`);
  }

  /** The webhooks as a Postman collection v2.1. */
  postmanCollection(): Promise<Record<string, unknown>> {
    return this.request('GET', '/api/v1/webhooks/export/postman');
  }

  /** Receiver check: starts a run against a receiver (202 with the run, cases pending); progress arrives as `receiver-check.updated`. */
  startReceiverCheck(input: ReceiverCheckRequest): Promise<ReceiverCheckRun> {
    return this.request('POST', '/api/v1/receiver-checks', input);
  }

  getReceiverCheck(id: string): Promise<ReceiverCheckRun> {
    return this.request('GET', `/api/v1/receiver-checks/${encodeURIComponent(id)}`);
  }

  /** The kept runs (the newest 20), newest first. */
  listReceiverChecks(query: { page?: number; pageSize?: number } = {}): Promise<ReceiverCheckList> {
    return this.request('GET', '/api/v1/receiver-checks', undefined, query);
  }

  /** Opens the live stream; reconnects after drops until closed. */
  stream(callbacks: StreamCallbacks): StreamSubscription {
    let closed = false;
    let controller: AbortController | null = null;
    const connect = async (): Promise<void> => {
      while (!closed) {
        controller = new AbortController();
        try {
          const res = await this.fetchImpl(this.url('/api/v1/stream'), {
            headers: this.headers(false),
            credentials: 'same-origin',
            signal: controller.signal,
          });
          if (!res.ok || !res.body) throw ApiError.fromBody(res.status, await res.json().catch(() => null));
          callbacks.onOpen?.();
          const parser = new SseParser();
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            for (const message of parser.push(value)) {
              callbacks.onMessage(message.event, safeJson(message.data));
            }
          }
          callbacks.onClose?.(null);
        } catch (error) {
          if (closed) return;
          callbacks.onClose?.(error);
        }
        if (!closed) await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    };
    void connect();
    return {
      close() {
        closed = true;
        controller?.abort();
      },
    };
  }

  private url(path: string, query?: Query): string {
    let url = `${this.options.baseUrl}${path}`;
    if (query) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
      const text = params.toString();
      if (text) url += `?${text}`;
    }
    return url;
  }

  private headers(json: boolean): Record<string, string> {
    const headers: Record<string, string> = {};
    if (json) headers['content-type'] = 'application/json';
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    return headers;
  }

  /** A request whose body and answer are not JSON (files); a non-2xx answer becomes an ApiError. */
  private async send(method: string, url: string, body?: string, contentType?: string): Promise<Response> {
    let res: Response;
    try {
      const headers = this.headers(false);
      if (contentType) headers['content-type'] = contentType;
      res = await this.fetchImpl(url, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body }) });
    } catch (error) {
      throw new NetworkError(error);
    }
    if (!res.ok) throw ApiError.fromBody(res.status, await res.json().catch(() => null));
    return res;
  }

  private async request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    let res: Response;
    try {
      res = await this.fetchImpl(this.url(path, query), {
        method,
        headers: this.headers(body !== undefined),
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new NetworkError(error);
    }
    if (res.status === 204) return undefined as T;
    const parsed: unknown = await res.json().catch(() => null);
    if (!res.ok) throw ApiError.fromBody(res.status, parsed);
    return parsed as T;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
