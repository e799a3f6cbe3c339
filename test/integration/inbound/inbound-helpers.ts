import { request } from 'node:http';
import type { HookdeskClient } from '../../../shared/api/client';
import type { Connector, ConnectorSecrets } from '../../../shared/schemas/connector';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface RawOptions {
  method?: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
}

/** One request over node:http, so the test controls every header (fetch adds its own content type). */
export function rawRequest(url: string, options: RawOptions = {}): Promise<RawAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: `${target.pathname}${target.search}`,
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          let json: unknown;
          try {
            json = JSON.parse(body.toString('utf8'));
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** POSTs a push request with the key in API_KEY and a JSON content type unless told otherwise. */
export function push(pushUrl: string, key: string | null, body: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  return rawRequest(pushUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { API_KEY: key }), ...headers },
    body: text,
  });
}

export function errorCode(answer: RawAnswer): string | undefined {
  return (answer.json as { error?: { code?: string } } | undefined)?.error?.code;
}

let counter = 0;
/** A connector with a unique name. */
export function createConnector(client: HookdeskClient, input: { name?: string; dataSource?: string | null; typePath?: string | null; retention?: number } = {}): Promise<Connector & ConnectorSecrets> {
  counter += 1;
  return client.createConnector({ name: `Connector ${counter}`, ...input });
}

export interface StreamMessage {
  name: string;
  data: unknown;
}

export interface OpenStream {
  messages: StreamMessage[];
  /** Resolves with the first message (already received or still to come) that matches. */
  next(match: (message: StreamMessage) => boolean): Promise<StreamMessage>;
  close(): void;
}

/** Opens the live stream and resolves once it is connected. */
export async function openStream(client: HookdeskClient): Promise<OpenStream> {
  const messages: StreamMessage[] = [];
  const waiters: { match: (m: StreamMessage) => boolean; resolve: (m: StreamMessage) => void }[] = [];
  let opened: () => void = () => undefined;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const subscription = client.stream({
    onOpen: () => opened(),
    onMessage: (name, data) => {
      const message = { name, data };
      messages.push(message);
      for (const waiter of [...waiters]) {
        if (waiter.match(message)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    },
  });
  await open;
  return {
    messages,
    next(match) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: () => subscription.close(),
  };
}

/** A `connector.updated` message about `id` that satisfies `extra`. */
export function connectorUpdate(id: string, extra: (c: Connector & { deleted?: boolean }) => boolean = () => true) {
  return (m: StreamMessage): boolean => m.name === 'connector.updated' && (m.data as Connector).id === id && extra(m.data as Connector);
}
