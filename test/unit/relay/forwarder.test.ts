import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/engine/clock';
import type { HttpSender, OutboundRequest, SendResult } from '../../../electron/engine/dispatch/http-sender';
import type { EventChange, EventPatcher } from '../../../electron/engine/relay/event-patcher';
import { describeForwardError } from '../../../electron/engine/relay/forward-errors';
import { Forwarder, type ForwardJob } from '../../../electron/engine/relay/forwarder';

/** A sender whose requests finish when the test says, and a patcher that records what it was asked to write. */
function fakes() {
  const pending: { request: OutboundRequest; finish: (result: SendResult) => void }[] = [];
  const sender = {
    send: (request: OutboundRequest) => new Promise<SendResult>((finish) => pending.push({ request, finish })),
  } as unknown as HttpSender;
  const patches: { ids: readonly string[]; change: EventChange }[] = [];
  const patcher = {
    patchAll: (ids: readonly string[], change: EventChange) => {
      patches.push({ ids, change });
      return Promise.resolve();
    },
  } as unknown as EventPatcher;
  return { pending, sender, patches, patcher };
}

const job = (n: number): ForwardJob => ({
  connectorId: 'con_1',
  eventIds: [`evt_${n}`],
  request: { method: 'POST', url: `http://127.0.0.1:9/${n}`, headers: {}, body: Buffer.from(`${n}`) },
  timeoutMs: 1000,
});

describe('Forwarder', () => {
  it('marks a request failed with the reason when its connector\'s queue is full, and sends the rest in order', async () => {
    const { pending, sender, patches, patcher } = fakes();
    const forwarder = new Forwarder(sender, patcher, new ManualClock(), () => undefined, { concurrency: 1, maxWaiting: 1, maxWaitingBytes: 1024 });
    forwarder.enqueue(job(1));
    forwarder.enqueue(job(2));
    forwarder.enqueue(job(3));
    expect(pending.map((p) => p.request.url)).toEqual(['http://127.0.0.1:9/1']);
    expect(patches).toHaveLength(1);
    expect(patches[0]?.ids).toEqual(['evt_3']);
    expect(patches[0]?.change).toMatchObject({ forward: { status: 'failed', url: 'http://127.0.0.1:9/3', error: expect.stringMatching(/^Not forwarded: 2 requests .*Replay this event/) } });

    pending[0]?.finish({ response: { status: 204, headers: {}, bytes: Buffer.from(''), body: '', truncated: false }, error: null, durationMs: 3 });
    await expect.poll(() => pending.length).toBe(2);
    expect(patches[1]?.change).toMatchObject({ forward: { status: 'succeeded', response: { status: 204 }, durationMs: 3 } });
    expect(pending[1]?.request.url).toBe('http://127.0.0.1:9/2');
  });

  it('records nothing once stopped: the events stay pending on disk for the next start to mark', async () => {
    const { pending, sender, patches, patcher } = fakes();
    const forwarder = new Forwarder(sender, patcher, new ManualClock(), () => undefined);
    forwarder.enqueue(job(1));
    forwarder.stop();
    pending[0]?.finish({ response: null, error: 'closed', durationMs: 1 });
    forwarder.enqueue(job(2));
    await new Promise((resolve) => setImmediate(resolve)); // every promise continuation of the finished send has run
    expect(patches).toEqual([]);
    expect(pending).toHaveLength(1);
  });
});

describe('Forwarder with a result that cannot be stored', () => {
  it('records the forward failed once with the reason, and sends the next request', async () => {
    const { pending, sender, patcher } = fakes();
    const written: EventChange[] = [];
    let refuseNext = true;
    patcher.patchAll = (_ids: readonly string[], change: EventChange) => {
      if (refuseNext) {
        refuseNext = false;
        return Promise.reject(new Error('This change was not stored: a "patch" record is nested deeper than 256 levels'));
      }
      written.push(change);
      return Promise.resolve();
    };
    const logs: string[] = [];
    const forwarder = new Forwarder(sender, patcher, new ManualClock(), (line) => logs.push(line), { concurrency: 1, maxWaiting: 10, maxWaitingBytes: 1024 });
    forwarder.enqueue(job(1));
    forwarder.enqueue(job(2));
    pending[0]?.finish({ response: { status: 200, headers: {}, bytes: Buffer.from('[[['), body: '[[[', truncated: false }, error: null, durationMs: 1 });
    await expect.poll(() => pending.length).toBe(2);
    expect(written[0]).toMatchObject({ forward: { status: 'failed', error: expect.stringMatching(/could not forward this request or record its result \(This change was not stored.*Replay the event/) } });
    expect(logs[0]).toMatch(/could not be completed/);
  });
});

describe('forward errors in words', () => {
  const url = 'http://localhost:3000/webhooks';
  it('says what to do for each kind of failure', () => {
    expect(describeForwardError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), url, 30_000)).toBe(
      'Connection refused: nothing listens on localhost:3000; start your server or change the forward URL.',
    );
    expect(describeForwardError(Object.assign(new Error('x'), { name: 'TimeoutError' }), url, 30_000)).toMatch(/within 30 s \(the forward timeout\)/);
    expect(describeForwardError(Object.assign(new Error('x'), { code: 'ENOTFOUND' }), url, 30_000)).toMatch(/could not be resolved; check the forward URL's host name/);
    expect(describeForwardError(Object.assign(new Error('x'), { code: 'ECONNRESET' }), url, 30_000)).toMatch(/closed the connection before answering/);
    expect(describeForwardError(Object.assign(new Error('bad cert'), { code: 'CERT_HAS_EXPIRED' }), url, 30_000)).toMatch(/TLS certificate of localhost:3000 was not accepted \(CERT_HAS_EXPIRED\)/);
  });
});
