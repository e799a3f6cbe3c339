import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import type { HookdeskClient } from '../../../shared/api/client';
import { generateWebhookSecret } from '../../../shared/signing/secret';
import { receiverCheckListSchema, receiverCheckRunSchema, type ReceiverCheckRun } from '../../../shared/schemas/receiver-check';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { startTestReceiver, type TestReceiver } from './test-receivers';

/** `POST/GET /api/v1/receiver-checks` on a real engine, progress over the live stream, history kept across a restart. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function engine(): Promise<TestEngine> {
  const t = await startTestEngine();
  cleanups.push(() => t.dispose());
  return t;
}

async function receiver(profile: 'standard-webhooks' | 'github', secret: string): Promise<TestReceiver> {
  const r = await startTestReceiver(profile, secret);
  cleanups.push(() => r.close());
  return r;
}

/** The live stream's `receiver-check.updated` messages, from before a run starts (open it first, then start runs). */
interface Watch {
  updates: ReceiverCheckRun[];
  /** Resolves with the run once the stream reports it finished (no polling, no sleeps). */
  finished(id: string): Promise<ReceiverCheckRun>;
}

async function watch(client: HookdeskClient): Promise<Watch> {
  const updates: ReceiverCheckRun[] = [];
  const waiters: { id: string; resolve: (run: ReceiverCheckRun) => void }[] = [];
  await new Promise<void>((opened) => {
    const subscription = client.stream({
      onOpen: opened,
      onMessage: (event, data) => {
        if (event !== 'receiver-check.updated') return;
        const run = receiverCheckRunSchema.parse(data);
        updates.push(run);
        if (run.status === 'running') return;
        for (const waiter of waiters.filter((w) => w.id === run.id)) waiter.resolve(run);
      },
    });
    cleanups.push(() => Promise.resolve(subscription.close()));
  });
  return {
    updates,
    finished(id) {
      const done = updates.find((u) => u.id === id && u.status !== 'running');
      return done ? Promise.resolve(done) : new Promise((resolve) => waiters.push({ id, resolve }));
    },
  };
}

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A receiver that holds every request until released: runs stay `running` as long as the test needs. */
async function gatedReceiver(): Promise<{ url: string; release(): void }> {
  const held: ServerResponse[] = [];
  let open = false;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      if (open) res.writeHead(200).end('{}');
      else held.push(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    release() {
      open = true;
      for (const res of held.splice(0)) res.writeHead(200).end('{}');
    },
  };
}

describe('receiver checks over the API', () => {
  it('answers 202 with the run as it starts, streams each case, and keeps the finished run', async () => {
    const t = await engine();
    const secret = generateWebhookSecret();
    const r = await receiver('standard-webhooks', secret);
    const stream = await watch(t.client);
    const started = await t.client.startReceiverCheck({ url: r.url, profile: 'standard-webhooks', secret, downForSeconds: 7200 });
    expect(receiverCheckRunSchema.parse(started)).toEqual(started);
    expect(started.status).toBe('running');
    expect(started.cases.length).toBe(12);
    expect(started.profileTimeoutMs).toBe(15_000);
    expect(started.retryTimeline).toMatchObject({ profile: 'standard-webhooks', downForSeconds: 7200, outcome: 'delivered', deliveredAtSeconds: 9305 });
    const run = await stream.finished(started.id);
    const updates = stream.updates.filter((u) => u.id === started.id);
    expect(run.status).toBe('done');
    expect(run.summary).toEqual({ pass: 12, fail: 0, warning: 0 });
    // One update per case at least, each with more cases graded than the one before.
    const graded = updates.map((u) => u.cases.filter((c) => c.verdict !== 'pending').length);
    expect(graded).toEqual([...graded].sort((a, b) => a - b));
    expect(graded.at(-1)).toBe(12);
    expect(await t.client.getReceiverCheck(started.id)).toEqual(run);
    const all = [JSON.stringify(run), JSON.stringify(await t.client.listReceiverChecks())];
    for (const text of all) expect(text).not.toContain(secret.slice(6));
  });

  it('lists runs newest first, and keeps them (and only them, never the secret) across a restart', async () => {
    let t = await engine();
    const secret = 'list secret';
    const r = await receiver('github', secret);
    const stream = await watch(t.client);
    const first = await t.client.startReceiverCheck({ url: r.url, profile: 'github', secret, cases: ['valid-delivery'] });
    await stream.finished(first.id);
    const second = await t.client.startReceiverCheck({ url: r.url, profile: 'github', secret, cases: ['valid-delivery', 'tampered-body'] });
    await stream.finished(second.id);
    const list = receiverCheckListSchema.parse(await t.client.listReceiverChecks());
    expect(list.items.map((run) => run.id)).toEqual([second.id, first.id]);
    expect(list).toMatchObject({ page: 1, pageAmount: 1, total: 2 });
    expect((await t.client.listReceiverChecks({ pageSize: 1 })).items.map((run) => run.id)).toEqual([second.id]);

    const file = await readFile(join(t.dataDir, 'receiver-checks.json'), 'utf8');
    expect(file).not.toContain(secret);
    t = await t.restart();
    cleanups.push(() => t.stop());
    const after = await t.client.listReceiverChecks();
    expect(after.items.map((run) => run.id)).toEqual([second.id, first.id]);
    expect(after.items[0]?.cases.map((c) => c.verdict)).toEqual(['pass', 'pass']);
  });

  it('refuses bad requests in the contract shape, unknown ids with 404, and a fourth run at once with 409', async () => {
    const t = await engine();
    const missing = await apiError(t.client.startReceiverCheck({ profile: 'stripe', secret: 's' } as never));
    expect(missing.status).toBe(400);
    expect(missing.code).toBe('validation_failed');
    expect(missing.fields).toHaveProperty('url');

    const badSecret = await apiError(t.client.startReceiverCheck({ url: 'http://127.0.0.1:9/x', profile: 'standard-webhooks', secret: 'not base64!' }));
    expect(badSecret.fields).toEqual({ secret: 'must be a Standard Webhooks secret: "whsec_" followed by base64' });

    const badProfile = await apiError(t.client.startReceiverCheck({ url: 'ftp://x', profile: 'paypal', secret: 's' } as never));
    expect(Object.keys(badProfile.fields ?? {}).sort()).toEqual(['profile', 'url']);

    const inapplicable = await apiError(t.client.startReceiverCheck({ url: 'http://127.0.0.1:9/x', profile: 'github', secret: 's', cases: ['secret-rotation', 'stale-timestamp'] }));
    expect(inapplicable.fields).toEqual({ cases: 'none of these cases applies to the github profile' });

    const extra = await apiError(t.client.startReceiverCheck({ url: 'http://127.0.0.1:9/x', profile: 'github', secret: 's', follow: true } as never));
    expect(extra.status).toBe(400);

    const unknown = await apiError(t.client.getReceiverCheck('rck_nope'));
    expect(unknown.status).toBe(404);
    expect(unknown.code).toBe('not_found');

    const gate = await gatedReceiver();
    const stream = await watch(t.client);
    const request = { url: gate.url, profile: 'github' as const, secret: 's', cases: ['valid-delivery' as const], timeoutMs: 60_000 };
    const runs = [await t.client.startReceiverCheck(request), await t.client.startReceiverCheck(request), await t.client.startReceiverCheck(request)];
    const busy = await apiError(t.client.startReceiverCheck(request));
    expect(busy.status).toBe(409);
    expect(busy.code).toBe('conflict');
    gate.release();
    for (const run of await Promise.all(runs.map((r) => stream.finished(r.id)))) expect(run.cases[0]?.verdict).toBe('pass');
  });

  it('ends a run in flight as failed when the engine stops, and keeps it so', async () => {
    let t = await engine();
    const gate = await gatedReceiver();
    const run = await t.client.startReceiverCheck({ url: gate.url, profile: 'github', secret: 's', cases: ['valid-delivery'], timeoutMs: 60_000 });
    t = await t.restart();
    cleanups.push(() => t.stop());
    const kept = await t.client.getReceiverCheck(run.id);
    expect(kept.status).toBe('failed');
    expect(kept.error).toMatch(/stopped before it finished/);
  });
});
