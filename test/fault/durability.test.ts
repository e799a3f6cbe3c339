import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Agent } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { runServeToExit } from '../helpers/spawn-serve';
import { tempDir } from '../helpers/temp-dir';
import { checkAcknowledged } from './support/acknowledged';
import { EngineProcess, FAULT_TOKEN } from './support/engine-process';
import { figuresLine, say } from './support/figures';
import { call } from './support/http';
import { PUSH_PATH } from './support/malformed';

/**
 * Durability under abuse (issue 11): `--recover` keeps every readable record, and a SIGKILL in
 * the middle of a load never loses an acknowledged event or stores one twice.
 */
describe('durability: recover and repeated SIGKILL under load', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  });

  it('--recover on one corrupt line in the middle of a segment keeps every other record and says how much it set aside', async () => {
    const dir = await tempDir('hookdesk-fault-');
    cleanups.push(dir.remove);
    const e = await EngineProcess.start({ dataDir: dir.path });
    cleanups.push(() => e.dispose());
    const c = await e.createConnector();
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) {
      const answer = await e.push(c, JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ type: 'recover.me', seq: n * 50 + i }))));
      ids.push(...(answer.json as { ids: string[] }).ids);
    }
    expect(await e.stop()).toBe(0);

    const events = join(dir.path, 'events');
    const segment = join(events, (await readdir(events)).filter((n) => n.endsWith('.jsonl')).sort().at(-1)!);
    const lines = (await readFile(segment, 'utf8')).split('\n');
    const victim = ids[150]!;
    const at = lines.findIndex((l) => l.includes(victim));
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(lines.length - 2);
    lines[at] = '{"op": "put", "this line is broken';
    await writeFile(segment, lines.join('\n'));

    const refused = await runServeToExit(['--port', '0', '--data-dir', dir.path], { HOOKDESK_TOKEN: FAULT_TOKEN });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--recover');

    const recovered = await EngineProcess.start({ dataDir: dir.path, extraArgs: ['--recover'] });
    cleanups.push(() => recovered.dispose());
    // It says what it set aside: one record (a line), not the whole segment.
    expect(recovered.stderr()).toMatch(/\b1\b[^\n]*(record|line)/i);
    const check = await checkAcknowledged(recovered, c.id, ids.filter((id) => id !== victim));
    expect(check.lost).toEqual([]);
    expect(check.duplicated).toEqual([]);
    const list = await recovered.api('GET', `/events?connectorId=${c.id}&pageSize=1`);
    expect((list.json as { total: number }).total).toBe(ids.length - 1);
  });

  it('5 rounds of SIGKILL in the middle of concurrent pushes: every acknowledged event is there after the restart, none twice', async () => {
    const dir = await tempDir('hookdesk-fault-');
    cleanups.push(dir.remove);
    const acked: string[] = [];
    let seq = 0;
    let sent = 0;
    let fiveXx = 0;
    let rssBefore = 0;
    let connectorId = '';
    let apiKey = '';
    const rounds = 5;
    for (let round = 0; round < rounds; round++) {
      const e = await EngineProcess.start({ dataDir: dir.path });
      if (round === 0) rssBefore = await e.rssBytes();
      if (round === 0) {
        const c = await e.createConnector({ retention: 1_000_000 });
        connectorId = c.id;
        apiKey = c.apiKey;
      } else {
        // The previous rounds' acknowledged events survived the kill.
        const check = await checkAcknowledged(e, connectorId, acked);
        expect(check.lost, `after round ${round}`).toEqual([]);
        expect(check.duplicated, `after round ${round}`).toEqual([]);
      }
      const agent = new Agent({ keepAlive: true, maxSockets: 16 });
      let killed = false;
      const pusher = async (): Promise<void> => {
        while (!killed) {
          const batch = Array.from({ length: 1 + (seq % 5) }, () => ({ type: 'kill.load', seq: seq++ }));
          sent += 1;
          try {
            const answer = await call(e.url, { method: 'POST', path: PUSH_PATH, headers: { 'content-type': 'application/json', API_KEY: apiKey }, body: JSON.stringify(batch), agent, timeoutMs: 10_000 });
            if (answer.status === 200) acked.push(...(answer.json as { ids: string[] }).ids);
            if (answer.status >= 500) fiveXx += 1;
          } catch {
            // Cut off by the kill: not acknowledged, so the sender would retry; not counted.
          }
        }
      };
      const load = Promise.all(Array.from({ length: 16 }, pusher));
      // Kill once this round has some acknowledged events, mid-load.
      const before = acked.length;
      while (acked.length < before + 200 + round * 37) await new Promise((resolve) => setTimeout(resolve, 5));
      await e.kill9();
      killed = true;
      await load;
      agent.destroy();
    }
    const last = await EngineProcess.start({ dataDir: dir.path });
    cleanups.push(() => last.dispose());
    const check = await checkAcknowledged(last, connectorId, acked);
    // Crashes here are the kills the test made; the figures count requests, not events.
    const figures = { sent, fiveXx, crashes: 0, rssBeforeBytes: rssBefore, rssAfterBytes: await last.rssBytes(), longestProbeMs: await last.probe(), acknowledged: acked.length, lost: check.lost.length, duplicated: check.duplicated.length };
    say(`fault sigkill (${rounds} rounds, events acknowledged): ${figuresLine(figures)}`);
    expect(fiveXx).toBe(0);
    expect(check.lost).toEqual([]);
    expect(check.duplicated).toEqual([]);
    expect(await last.stop()).toBe(0);
  }, 120_000);
});
