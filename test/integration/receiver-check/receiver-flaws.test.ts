import { afterEach, describe, expect, it } from 'vitest';
import { runReceiverCheck } from '../../../electron/engine/receiver-check/run-receiver-check';
import { generateWebhookSecret } from '../../../shared/signing/secret';
import {
  receiverCheckRunSchema,
  type ReceiverCheckCaseId,
  type ReceiverCheckProfileName,
  type ReceiverCheckRun,
} from '../../../shared/schemas/receiver-check';
import { startTestReceiver, type Flaws, type TestReceiver } from './test-receivers';

/**
 * The scorecard against receivers written here, each with one known flaw: it must flag exactly the
 * cases that flaw shows in, and pass the rest. Receivers verify with the senders' official libraries.
 * Timeouts are overridden so no case waits for a real sender's 3..15 s.
 */
const receivers: TestReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const SECRETS: Record<ReceiverCheckProfileName, string> = {
  'standard-webhooks': generateWebhookSecret(),
  stripe: 'whsec_test_hookdesk_receiver_check',
  github: 'github hookdesk secret',
  shopify: 'shpss_hookdesk_client_secret',
  slack: '8f742231b10e8888abcd99yyyzzz85a5',
  hookdesk: 'hookdesk-sha1-secret',
};

async function check(profile: ReceiverCheckProfileName, flaws: Flaws = {}, timeoutMs = 5_000): Promise<ReceiverCheckRun> {
  const receiver = await startTestReceiver(profile, SECRETS[profile], flaws);
  receivers.push(receiver);
  const run = await runReceiverCheck({ url: receiver.url, profile, secret: SECRETS[profile], timeoutMs });
  expect(receiverCheckRunSchema.parse(run)).toEqual(run);
  expect(run.status).toBe('done');
  expect(JSON.stringify(run)).not.toContain(SECRETS[profile]);
  return run;
}

function verdicts(run: ReceiverCheckRun, verdict: 'fail' | 'warning' | 'pass'): ReceiverCheckCaseId[] {
  return run.cases.filter((c) => c.verdict === verdict).map((c) => c.id);
}

function caseOf(run: ReceiverCheckRun, id: ReceiverCheckCaseId) {
  const found = run.cases.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
}

describe('receiver check: correct receivers pass every case', () => {
  it.each(['standard-webhooks', 'stripe', 'github', 'shopify', 'slack', 'hookdesk'] as const)('%s', async (profile) => {
    const run = await check(profile);
    expect(verdicts(run, 'fail')).toEqual([]);
    expect(verdicts(run, 'warning')).toEqual([]);
    expect(run.summary).toEqual({ pass: run.cases.length, fail: 0, warning: 0 });
    const ids = run.cases.map((c) => c.id);
    // Replay only where a timestamp is signed; rotation only where a header carries several signatures.
    expect(ids.includes('stale-timestamp')).toBe(['standard-webhooks', 'stripe', 'slack'].includes(profile));
    expect(ids.includes('secret-rotation')).toBe(['standard-webhooks', 'stripe'].includes(profile));
    const valid = caseOf(run, 'valid-delivery');
    expect(valid.received?.status).toBe(200);
    expect(valid.sent?.bytes).toBeGreaterThan(0);
  });
});

describe('receiver check: each flaw is flagged where it shows, and nowhere else', () => {
  it('no signature check: tampered, wrong-secret, missing-signature and the replay are accepted', async () => {
    const run = await check('standard-webhooks', { noSignatureCheck: true });
    expect(verdicts(run, 'fail')).toEqual(['tampered-body', 'wrong-secret', 'missing-signature', 'stale-timestamp']);
    expect(verdicts(run, 'warning')).toEqual([]);
    expect(caseOf(run, 'tampered-body').advice).toMatch(/^Your receiver answered 200\. It accepted a body whose signature did not match .*verify the webhook-signature signature over the raw bytes before parsing/);
    expect(caseOf(run, 'missing-signature').sent?.headers).not.toHaveProperty('webhook-signature');
  });

  it('no signature check on GitHub (no signed timestamp, so no replay case)', async () => {
    const run = await check('github', { noSignatureCheck: true });
    expect(verdicts(run, 'fail')).toEqual(['tampered-body', 'wrong-secret', 'missing-signature']);
  });

  it('no replay-window check: only the old timestamp is accepted (Standard Webhooks)', async () => {
    const run = await check('standard-webhooks', { noReplayCheck: true });
    expect(verdicts(run, 'fail')).toEqual(['stale-timestamp']);
    expect(caseOf(run, 'stale-timestamp').advice).toMatch(/signed timestamp is 60 min old.*Refuse timestamps more than 300 s/);
  });

  it('no replay-window check: Stripe constructEvent with tolerance 0', async () => {
    const run = await check('stripe', { noReplayCheck: true });
    expect(verdicts(run, 'fail')).toEqual(['stale-timestamp']);
    expect(caseOf(run, 'stale-timestamp').advice).toContain('never pass 0');
  });

  it('not idempotent: the repeated deliveries fail, with the dedupe key named', async () => {
    const run = await check('stripe', { notIdempotent: true });
    expect(verdicts(run, 'fail')).toEqual(['duplicate-delivery', 'duplicate-burst']);
    const duplicate = caseOf(run, 'duplicate-delivery');
    expect(duplicate.received?.status).toBe(409);
    expect(duplicate.advice).toMatch(/answered 200 to the first copy and 409 .* treat a repeat of the event id \(evt_\.\.\.\) in the body as success/);
    expect(caseOf(run, 'duplicate-burst').sent?.count).toBe(5);
  });

  it('too slow: every delivery it accepts misses the timeout; forged ones are still refused in time', async () => {
    const run = await check('standard-webhooks', { slowMs: 1_000 }, 300);
    expect(run.timeoutMs).toBe(300);
    expect(run.profileTimeoutMs).toBe(15_000);
    const accepting: ReceiverCheckCaseId[] = [
      'valid-delivery',
      'duplicate-delivery',
      'duplicate-burst',
      'out-of-order',
      'concurrent-burst',
      'large-body',
      'unicode-and-big-numbers',
      'secret-rotation',
    ];
    expect(verdicts(run, 'fail')).toEqual(accepting);
    expect(verdicts(run, 'pass')).toEqual(['tampered-body', 'wrong-secret', 'missing-signature', 'stale-timestamp']);
    for (const id of accepting) expect(caseOf(run, id).advice).toMatch(/Standard Webhooks \(Svix\) waits 0\.3 s.*Answer 2xx as soon as the signature is verified/);
    expect(caseOf(run, 'valid-delivery').error).toMatch(/^No answer within 0\.55 s\.$/);
  });

  it('crashes on big bodies: only the large body fails, with the limit to raise', async () => {
    const run = await check('github', { crashOverBytes: 100 * 1024 });
    expect(verdicts(run, 'fail')).toEqual(['large-body']);
    const large = caseOf(run, 'large-body');
    expect(large.received).toBeNull();
    expect(large.error).toMatch(/closed the connection before answering/);
    expect(large.advice).toMatch(/dropped the connection while a 512 KiB body arrived.*express\.json\(\)/);
    expect(large.sent?.bytes).toBe(512 * 1024);
    expect(large.sent?.bodyPreview.length).toBeLessThanOrEqual(2049);
  });

  it('answers 500 to forged deliveries: refused, but warned about (a sender retries a 5xx)', async () => {
    const run = await check('slack', { crashOnBadSignature: true });
    expect(verdicts(run, 'fail')).toEqual([]);
    expect(verdicts(run, 'warning')).toEqual(['tampered-body', 'wrong-secret', 'missing-signature', 'stale-timestamp']);
    expect(caseOf(run, 'tampered-body').advice).toMatch(/^Refused, but with 500: .*Answer 401 \(or 400\) when verification fails/);
  });
});

describe('receiver check: what is not a receiver flaw still ends in a scorecard', () => {
  it('a redirect is reported as a warning on every case, and never followed', async () => {
    const receiver = await startTestReceiver('github', SECRETS.github, { redirectTo: '/moved' });
    receivers.push(receiver);
    const run = await runReceiverCheck({ url: receiver.url, profile: 'github', secret: SECRETS.github, timeoutMs: 5_000 });
    expect(run.status).toBe('done');
    expect(run.summary).toEqual({ pass: 0, fail: 0, warning: run.cases.length });
    expect(caseOf(run, 'valid-delivery').advice).toMatch(/^Your receiver answered 301 to \/moved\. Hookdesk does not follow redirects and neither do webhook senders: GitHub counts a 3xx as a failed delivery/);
    expect(receiver.paths().filter((p) => p === '/moved')).toEqual([]);
  });

  it('nothing listening: every case is graded, the run finishes', async () => {
    const receiver = await startTestReceiver('hookdesk', SECRETS.hookdesk);
    const url = receiver.url;
    await receiver.close();
    const run = await runReceiverCheck({ url, profile: 'hookdesk', secret: SECRETS.hookdesk, timeoutMs: 2_000 });
    expect(run.status).toBe('done');
    expect(run.cases.every((c) => c.verdict !== 'pending')).toBe(true);
    expect(caseOf(run, 'valid-delivery')).toMatchObject({ verdict: 'fail', received: null });
    expect(caseOf(run, 'valid-delivery').error).toMatch(/^Connection refused by 127\.0\.0\.1:\d+: nothing is listening there\.$/);
    expect(caseOf(run, 'tampered-body').verdict).toBe('warning');
  });
});
