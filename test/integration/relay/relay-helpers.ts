import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';
import type { HookEvent } from '../../../shared/schemas/event';
import { outboundBench, type OutboundBench } from '../../helpers/outbound-bench';
import type { ReceivedRequest, ReceiverAnswer } from '../../helpers/receiver';
import { openStream, type OpenStream, type StreamMessage } from '../inbound/inbound-helpers';

/** A promise with its resolve function outside, for requests the test releases when it chooses. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * A receiver handler that holds each request open until the test calls `release`, telling the test
 * (through `arrived`) as soon as the request is in.
 */
export function holdingHandler(answer: ReceiverAnswer = { status: 200, body: { ok: true } }) {
  const arrived = deferred<ReceivedRequest>();
  const released = deferred();
  return {
    arrived: arrived.promise,
    release: () => released.resolve(),
    handler: async (request: ReceivedRequest): Promise<ReceiverAnswer> => {
      arrived.resolve(request);
      await released.promise;
      return answer;
    },
  };
}

/** A port on 127.0.0.1 where nothing listens (a server is opened and closed on it). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The `event.updated` message that shows this event's forward finished (succeeded or failed). */
export async function forwardFinished(stream: OpenStream, eventId: string): Promise<HookEvent> {
  const message = await stream.next(
    (m: StreamMessage) => m.name === 'event.updated' && (m.data as HookEvent).id === eventId && (m.data as HookEvent).forward?.status !== 'pending',
  );
  return message.data as HookEvent;
}

/** Headers as a receiver got them, for comparing: lower-case names, one string each. */
export function flatHeaders(request: ReceivedRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/**
 * Call in a describe: the outbound bench for relay suites. Its receiver is the forward target
 * (cleaned between tests), and the engine's event stream is open throughout, closed first after all.
 */
export function relayBench(use: (bench: OutboundBench & { stream: OpenStream }) => void): void {
  let stream: OpenStream | null = null;
  outboundBench(
    async (bench) => {
      stream = await openStream(bench.t.client);
      use({ ...bench, stream });
    },
    { clean: 'receiver' },
  );
  afterAll(() => stream?.close());
}
