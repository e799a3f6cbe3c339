import { afterAll, afterEach, beforeAll } from 'vitest';
import { Receiver } from './receiver';
import { startTestEngine, type TestEngine } from './test-engine';

/** Where outbound and relay suites start: a real engine and a receiver playing the customer's server. */
export interface OutboundBench {
  t: TestEngine;
  receiver: Receiver;
}

export interface OutboundBenchOptions {
  /**
   * Between tests: `receiver` forgets what it got and answers 200 `{"ok": true}` again; `receiver-and-webhooks`
   * also deletes every webhook, so one test's webhooks never take the next one's events. Unset: nothing.
   */
  clean?: 'receiver' | 'receiver-and-webhooks';
}

/**
 * Call in a describe: before all, starts an engine and a receiver and hands them to `use` (which
 * assigns the suite's own `t` and `receiver`, and may open more); after all, closes the receiver and disposes the engine
 * running then: a test's `t = await t.restart()` is followed, so the restarted engine is the one stopped.
 * Hooks a suite adds after this call run before its after-all (vitest runs after-hooks as a stack):
 * a stream or second receiver closes first.
 */
export function outboundBench(use: (bench: OutboundBench) => unknown, options: OutboundBenchOptions = {}): void {
  let current: TestEngine | null = null;
  let receiver: Receiver | null = null;
  const follow = (t: TestEngine): TestEngine => {
    current = t;
    const restart = t.restart.bind(t);
    t.restart = async (overrides) => follow(await restart(overrides));
    return t;
  };
  beforeAll(async () => {
    const t = follow(await startTestEngine());
    receiver = await Receiver.start();
    await use({ t, receiver });
  });
  afterAll(async () => {
    await receiver?.close();
    await current?.dispose();
  });
  if (options.clean) {
    afterEach(async () => {
      if (!receiver || !current) return;
      receiver.requests.length = 0;
      receiver.handler = () => ({ status: 200, body: { ok: true } });
      if (options.clean !== 'receiver-and-webhooks') return;
      for (const w of (await current.client.listWebhooks({ pageSize: 500 })).items) await current.client.deleteWebhook(w.id);
    });
  }
}
