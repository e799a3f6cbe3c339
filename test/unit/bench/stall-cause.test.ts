import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { EngineProbe, type ProbeWindow } from '../../../bench/engine-probe-client';
import { probeDetails, worstStall } from '../../../bench/stall-cause';

const T0 = 1_700_000_000_000;

function window(over: Partial<ProbeWindow['report']> = {}, files: ProbeWindow['files'] = []): ProbeWindow {
  return {
    report: {
      fromMs: T0,
      toMs: T0 + 10_000,
      loopDelay: { p50: 10, p99: 12, max: 110, mean: 10.5 },
      utilization: 0.4,
      gcTotals: { 'minor (scavenge)': { count: 40, ms: 30, maxMs: 2 }, 'major (mark-compact)': { count: 1, ms: 95, maxMs: 95 } },
      gcs: [],
      stalls: [],
      tickMs: 5,
      ...over,
    },
    files,
  };
}

describe('worst stall and its cause', () => {
  it('names a GC that fills the stall, with its kind and pause', () => {
    const w = window({
      stalls: [
        { fromMs: T0 + 3000, toMs: T0 + 3105, ms: 100, cpuMs: 104 },
        { fromMs: T0 + 500, toMs: T0 + 530, ms: 25, cpuMs: 25 },
      ],
      gcs: [
        { atMs: T0 + 3004, ms: 95, kind: 'major (mark-compact)' },
        { atMs: T0 + 600, ms: 2, kind: 'minor (scavenge)' },
      ],
    });
    const s = worstStall(w);
    expect(s?.ms).toBe(100);
    expect(s?.atS).toBe(3);
    expect(s?.cause).toBe('GC: major (mark-compact) 95 ms');
  });

  it('says "not GC" with the GC time inside it, and whether the engine was on CPU', () => {
    const busy = worstStall(window({ stalls: [{ fromMs: T0 + 1000, toMs: T0 + 1100, ms: 95, cpuMs: 98 }], gcs: [{ atMs: T0 + 1050, ms: 3, kind: 'minor (scavenge)' }] }));
    expect(busy?.cause).toMatch(/^not GC \(GC 3 ms of it, longest minor \(scavenge\) 3 ms\); engine on CPU 98 of 100 ms: the main thread was busy/);
    const waiting = worstStall(window({ stalls: [{ fromMs: T0 + 1000, toMs: T0 + 1100, ms: 95, cpuMs: 4 }] }));
    expect(waiting?.cause).toMatch(/^not GC \(GC 0 ms of it\); engine on CPU 4 of 100 ms: the engine was off CPU/);
  });

  it('sets a compaction that starts within the stall beside it', () => {
    const w = window(
      { stalls: [{ fromMs: T0 + 2000, toMs: T0 + 2110, ms: 105, cpuMs: 100 }] },
      [
        { atMs: T0 + 2090, name: '00000018.jsonl', change: 'created' },
        { atMs: T0 + 2091, name: '00000017.jsonl.tmp', change: 'created' },
        { atMs: T0 + 4000, name: '00000017.jsonl.tmp', change: 'gone' },
      ],
    );
    const cause = worstStall(w)?.cause ?? '';
    expect(cause).toContain('a compaction started then (00000017.jsonl.tmp appeared 91 ms after the stall began');
    expect(cause).toContain('journal segment 00000018.jsonl appeared then');
    expect(probeDetails(w).engine_compactions).toBe(1);
  });

  it('reports a window without stalls, and nothing without a probe', () => {
    const d = probeDetails(window());
    expect(d.engine_worst_stall_ms).toBe(0);
    expect(d.engine_worst_stall_cause).toBe('no stall of 10 ms or more');
    expect(d.engine_gc_count).toBe(41);
    expect(d.engine_gc_major_count).toBe(1);
    expect(probeDetails(null)).toEqual({});
  });
});

describe('the probe inside a real Node process', () => {
  it('finds a 150 ms synchronous wait as an off-CPU stall and records a forced major GC', async () => {
    const probeUrl = new URL('../../../bench/engine-probe.mjs', import.meta.url).href;
    const script = `
      setInterval(() => {}, 1000);
      process.on('message', (m) => {
        if (m && m.test === 'block') setTimeout(() => {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150);
          setTimeout(() => { globalThis.gc(); setTimeout(() => process.send({ test: 'done' }), 20); }, 20);
        }, 20);
      });`;
    const child = spawn(process.execPath, ['--expose-gc', '--import', probeUrl, '-e', script], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    try {
      const probe = new EngineProbe(child, join(tmpdir(), 'hookdesk-no-such-dir', 'events'));
      expect(probe.enabled).toBe(true);
      await probe.open();
      const done = new Promise<void>((resolve) => child.on('message', (m: { test?: string }) => m.test === 'done' && resolve()));
      child.send({ test: 'block' });
      await done;
      const w = await probe.close();
      const stall = worstStall(w!);
      expect(stall!.ms).toBeGreaterThanOrEqual(140);
      expect(stall!.cause).toMatch(/^not GC .*the engine was off CPU/);
      expect(w!.report.gcTotals['major (mark-compact)']?.count).toBeGreaterThanOrEqual(1);
      expect(w!.report.loopDelay.max).toBeGreaterThanOrEqual(140);
    } finally {
      child.kill();
    }
  });
});
