import type { EngineConfigInput } from '../../electron/engine/config';
import { Receiver } from './receiver';
import { startTestEngine, type TestEngine } from './test-engine';

/** Where outbound and relay suites start: a real engine and a receiver playing the customer's server. */
export interface OutboundBench {
  t: TestEngine;
  receiver: Receiver;
}

export async function startOutboundBench(overrides: Partial<EngineConfigInput> = {}): Promise<OutboundBench> {
  const t = await startTestEngine(overrides);
  return { t, receiver: await Receiver.start() };
}

/**
 * Closes streams and receivers in the order given, then stops the engine and removes its data dir.
 * Takes the suite's current `t`, not the one started: a test may have restarted the engine.
 */
export async function closeOutboundBench(t: TestEngine, ...open: { close(): unknown }[]): Promise<void> {
  for (const item of open) await item.close();
  await t.dispose();
}

/** Between tests: the receiver forgets what it got and answers 200 `{"ok": true}` again. */
export function resetReceiver(receiver: Receiver): void {
  receiver.requests.length = 0;
  receiver.handler = () => ({ status: 200, body: { ok: true } });
}

/** Between tests: a fresh receiver and no webhooks, so one test's webhooks never take the next one's events. */
export async function resetOutboundBench(t: TestEngine, receiver: Receiver): Promise<void> {
  resetReceiver(receiver);
  for (const w of (await t.client.listWebhooks({ pageSize: 500 })).items) await t.client.deleteWebhook(w.id);
}
