import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDurationSeconds } from '../../../electron/cli/commands/receiver-check-command';
import { receiverCheckRunSchema } from '../../../shared/schemas/receiver-check';
import { startTestReceiver, type TestReceiver } from '../receiver-check/test-receivers';
import { runHookdeskFromSource } from './run-hookdesk';

const runCli = runHookdeskFromSource;

const SECRET = 'whsec_cli_receiver_check_secret';

// Every run is a fresh Node process (several seconds each on a busy machine).
describe('npm run hookdesk -- receiver-check', { timeout: 180_000 }, () => {
  let good: TestReceiver;
  let replayable: TestReceiver;

  beforeAll(async () => {
    good = await startTestReceiver('stripe', SECRET);
    replayable = await startTestReceiver('stripe', SECRET, { noReplayCheck: true });
  });
  afterAll(async () => {
    await good.close();
    await replayable.close();
  });

  it('exits 0 and prints the scorecard and the retry timeline for a correct receiver, never the secret', async () => {
    const result = await runCli(['receiver-check', good.url, '--profile', 'stripe', '--secret', SECRET, '--down-for', '2h']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Receiver check of ${good.url} as stripe, timeout 10 s (https://docs.stripe.com/webhooks`);
    expect(result.stdout).toMatch(/^pass +Valid signed delivery +200 +\d+ ms$/m);
    expect(result.stdout).toMatch(/^pass +Replayed delivery \(timestamp 1 h old\) +401 /m);
    expect(result.stdout).toContain('12 cases: 12 passed, 0 failed, 0 warned.');
    expect(result.stdout).toContain('Retry timeline: With the receiver down for 2 h, Stripe delivers the event on attempt 3, 3 h after the first');
    expect(result.stdout).toContain('source: https://docs.stripe.com/webhooks)');
    expect(result.stdout).not.toContain(SECRET);
  });

  it('exits 1 when a case fails, and --json prints the run (schema-valid) with the advice', async () => {
    const result = await runCli(['receiver-check', replayable.url, '--profile', 'stripe', '--json'], { HOOKDESK_RECEIVER_SECRET: SECRET });
    expect(result.code).toBe(1);
    const run = receiverCheckRunSchema.parse(JSON.parse(result.stdout));
    expect(run.cases.filter((c) => c.verdict === 'fail').map((c) => c.id)).toEqual(['stale-timestamp']);
    expect(run.summary).toEqual({ pass: 11, fail: 1, warning: 0 });
    expect(result.stdout).not.toContain(SECRET);
  });

  it('prints the advice under a failed row, and runs only the cases named', async () => {
    const result = await runCli(['receiver-check', replayable.url, '--profile', 'stripe', '--secret', SECRET, '--case', 'valid-delivery', '--case', 'stale-timestamp', '--timeout', '2s']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("timeout 2000 ms (the sender's is 10 s)");
    expect(result.stdout).toMatch(/^FAIL +Replayed delivery \(timestamp 1 h old\) +200 .*\n +Your receiver answered 200\. It accepted a correctly signed delivery whose signed timestamp is 60 min old/m);
    expect(result.stdout).toContain('2 cases: 1 passed, 1 failed, 0 warned.');
  });

  it('exits 2 on bad arguments, naming what to fix', async () => {
    const noUrl = await runCli(['receiver-check', '--profile', 'stripe', '--secret', 's']);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('Name the receiver URL.');
    const badProfile = await runCli(['receiver-check', 'http://127.0.0.1:9/x', '--profile', 'paypal', '--secret', 's']);
    expect(badProfile.code).toBe(2);
    expect(badProfile.stderr).toMatch(/--profile: /);
    const badSecret = await runCli(['receiver-check', 'http://127.0.0.1:9/x', '--profile', 'standard-webhooks', '--secret', 'plain']);
    expect(badSecret.code).toBe(2);
    expect(badSecret.stderr).toContain('--secret: must be a Standard Webhooks secret');
    const unknownFlag = await runCli(['receiver-check', 'http://127.0.0.1:9/x', '--profile', 'github', '--secret', 's', '--follow-redirects']);
    expect(unknownFlag.code).toBe(2);
    const badDuration = await runCli(['receiver-check', 'http://127.0.0.1:9/x', '--profile', 'github', '--secret', 's', '--down-for', 'soon']);
    expect(badDuration.code).toBe(2);
    expect(badDuration.stderr).toContain('--down-for "soon" is not a duration');
  });

  it('reads durations as the usage says', () => {
    expect(parseDurationSeconds('90s')).toBe(90);
    expect(parseDurationSeconds('30m')).toBe(1800);
    expect(parseDurationSeconds('2h')).toBe(7200);
    expect(parseDurationSeconds('3d')).toBe(259_200);
    expect(parseDurationSeconds('300ms')).toBe(0.3);
    expect(parseDurationSeconds('45')).toBe(45);
    expect(parseDurationSeconds('soon')).toBeNull();
  });
});
