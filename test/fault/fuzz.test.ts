import { Agent } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAcknowledged } from './support/acknowledged';
import { EngineProcess, FAULT_TOKEN, HealthProber } from './support/engine-process';
import { figuresLine, say } from './support/figures';
import { call, hasErrorShape, looksLikeStack, NoAnswerError, type Answer } from './support/http';
import { malformedCase, PUSH_PATH, type FuzzCase } from './support/malformed';
import { createRng, seedFromEnv } from './support/prng';

/** ≥ 10,000 by default (the issue's floor); FAULT_REQUESTS raises it for a longer soak. */
const TOTAL = Math.max(10_240, Number(process.env.FAULT_REQUESTS ?? 0));
const CONCURRENCY = 16;
const MAX_BODY = 64 * 1024;
/** Every GOOD_EVERY-th request is a well-formed push whose acknowledgement is checked afterwards. */
const GOOD_EVERY = 10;
/** Triage only: `FAULT_EXCLUDE=deep` (a regex over case kinds) leaves matching kinds out, to find what else fails. */
const EXCLUDE = process.env.FAULT_EXCLUDE ? new RegExp(process.env.FAULT_EXCLUDE) : null;

interface Finding {
  kind: string;
  what: string;
}

describe('seeded fuzz: malformed push, capture and management requests with good pushes interleaved', () => {
  let engine: EngineProcess | null = null;
  afterAll(async () => {
    await engine?.dispose();
  });

  it(`${TOTAL} requests: no 5xx, no crash, every acknowledged push stored once`, async () => {
    const seed = seedFromEnv();
    say(`fault fuzz: seed ${seed} (FAULT_SEED=${seed} replays this run)${EXCLUDE ? `, excluding kinds matching ${EXCLUDE}` : ''}`);
    const rng = createRng(seed);
    engine = await EngineProcess.start({ maxBody: '64kb' });
    const e = engine;
    const goodConnector = await e.createConnector();
    const target = await e.createConnector();
    const fuzzTarget = { apiKey: target.apiKey, capturePath: target.capturePath, connectorId: target.id, token: FAULT_TOKEN, maxBodyBytes: MAX_BODY };

    // Warm up (JIT, first journal segment) so "RSS before" is the engine at work, not at rest.
    for (let i = 0; i < 20; i++) await e.push(target, JSON.stringify({ type: 'warm.up', i }));
    const rssBefore = await e.rssBytes();
    const prober = new HealthProber(e);
    const fuzzAgent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    // Good pushes have their own sockets: a malformed request that gets its connection closed
    // must never be able to take an innocent request down with it.
    const goodAgent = new Agent({ keepAlive: true, maxSockets: 4 });

    const fiveXx: Finding[] = [];
    const badShape: Finding[] = [];
    const hangs: Finding[] = [];
    const goodRefused: Finding[] = [];
    const noAnswer = new Map<string, number>();
    const acked: string[] = [];
    let sent = 0;
    let next = 0;

    const check = (c: FuzzCase, answer: Answer): void => {
      if (answer.status >= 500) fiveXx.push({ kind: c.kind, what: `${answer.status} ${answer.text.slice(0, 200)}` });
      if (looksLikeStack(answer.text)) badShape.push({ kind: c.kind, what: `stack trace in body: ${answer.text.slice(0, 200)}` });
      // The contract's error shape on every engine refusal with a body (Node's own parser
      // refusals, 400/431 with no body, are not the engine's answers).
      const isEngineRoute = c.path.startsWith('/api/') || (c.path.startsWith('/hooks/') && answer.status === 404);
      if (isEngineRoute && answer.status >= 400 && answer.body.length > 0 && !hasErrorShape(answer)) {
        badShape.push({ kind: c.kind, what: `${answer.status} without the error shape: ${answer.text.slice(0, 200)}` });
      }
    };

    const worker = async (): Promise<void> => {
      for (let i = next++; i < TOTAL && e.alive; i = next++) {
        sent += 1;
        if (i % GOOD_EVERY === 0) {
          const body = JSON.stringify({ type: 'fuzz.good', seq: i, note: 'a well-formed push between the malformed ones' });
          try {
            const answer = await call(e.url, { method: 'POST', path: PUSH_PATH, headers: { 'content-type': 'application/json', API_KEY: goodConnector.apiKey }, body, agent: goodAgent });
            if (answer.status === 200) acked.push(...(answer.json as { ids: string[] }).ids);
            else goodRefused.push({ kind: 'push:good', what: `${answer.status} ${answer.text.slice(0, 200)}` });
            if (answer.status >= 500) fiveXx.push({ kind: 'push:good', what: `${answer.status} ${answer.text.slice(0, 200)}` });
          } catch (error) {
            goodRefused.push({ kind: 'push:good', what: (error as Error).message });
          }
          continue;
        }
        let c = malformedCase(fuzzTarget, rng);
        while (EXCLUDE?.test(c.kind)) c = malformedCase(fuzzTarget, rng);
        try {
          check(c, await call(e.url, { ...c, agent: fuzzAgent, timeoutMs: 20_000 }));
        } catch (error) {
          // A refused request may lose its connection (the server closes after a 413 or a parse
          // error while the client still writes): counted, not failed. No answer at all is a hang.
          const reason = error instanceof NoAnswerError ? error.reason : String(error);
          if (reason.startsWith('no answer')) hangs.push({ kind: c.kind, what: reason });
          else noAnswer.set(c.kind, (noAnswer.get(c.kind) ?? 0) + 1);
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    await prober.stop();
    fuzzAgent.destroy();
    goodAgent.destroy();

    const crashed = !e.alive;
    const rssAfter = crashed ? 0 : await e.rssBytes();
    const ackCheck = crashed ? { lost: acked, duplicated: [] } : await checkAcknowledged(e, goodConnector.id, acked);
    const line = figuresLine({
      sent,
      fiveXx: fiveXx.length,
      crashes: crashed ? 1 : 0,
      rssBeforeBytes: rssBefore,
      rssAfterBytes: rssAfter,
      longestProbeMs: prober.probes > prober.failures ? prober.longestMs : Number.POSITIVE_INFINITY,
      acknowledged: acked.length,
      lost: ackCheck.lost.length,
      duplicated: ackCheck.duplicated.length,
    });
    say(`fault fuzz: ${line} (${seconds.toFixed(1)} s, ${prober.probes} probes, ${prober.failures} failed)`);
    if (noAnswer.size > 0) say(`fault fuzz: connections closed without an answer, by kind: ${JSON.stringify(Object.fromEntries(noAnswer))}`);
    for (const [name, list] of [['5xx', fiveXx], ['hang', hangs], ['bad error body', badShape], ['good push refused', goodRefused]] as const) {
      for (const f of list.slice(0, 5)) say(`fault fuzz: ${name}: ${f.kind}: ${f.what}`);
    }
    if (crashed) say(`fault fuzz: the engine exited; its stderr ends with:\n${e.stderr().slice(-2000)}`);

    expect(crashed, 'the engine process exited during the fuzz').toBe(false);
    expect(sent).toBe(TOTAL);
    expect(fiveXx.map((f) => f.kind)).toEqual([]);
    expect(hangs.map((f) => f.kind)).toEqual([]);
    expect(badShape.map((f) => f.kind)).toEqual([]);
    expect(goodRefused.map((f) => f.what)).toEqual([]);
    expect(acked.length).toBe(TOTAL / GOOD_EVERY + (TOTAL % GOOD_EVERY === 0 ? 0 : 1) - 0);
    expect(ackCheck.lost).toEqual([]);
    expect(ackCheck.duplicated).toEqual([]);
    expect(prober.failures).toBe(0);
    // Sanity bounds, generous for a shared 2-core machine: the engine kept answering and its
    // memory did not run away.
    expect(prober.longestMs).toBeLessThan(3_000);
    expect(rssAfter).toBeLessThan(rssBefore + 400 * 1024 * 1024);
    expect(await e.stop()).toBe(0);
  }, 180_000);
});
