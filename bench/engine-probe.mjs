// Loaded into the engine process by the bench only (`node --import <this file> out/main/serve.js`,
// see bench/processes.ts); the product never loads it. Plain JavaScript so that the engine runs
// without a TypeScript loader. It answers the bench over the IPC channel:
//   {probe: 'open', id}  -> starts a window: event-loop delay histogram, GC entries, a stall timer,
//                           event-loop utilization; answers {probe: 'opened', id}
//   {probe: 'close', id} -> ends it; answers {probe: 'report', id, report} (see engine-probe-client.ts)
// Between windows nothing runs. All times in the report are milliseconds since the epoch
// (performance.timeOrigin + performance.now(), the clock the bench and its receiver use).
import { constants, monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';

/** The stall timer's period, and the lateness beyond it that counts as a stall. */
const TICK_MS = 5;
const STALL_MS = 10;
/** Bounds: the largest stalls kept, GC pauses kept (the largest when there are more). */
const MAX_STALLS = 50;
const MAX_GCS = 2000;
/** GC pauses shorter than this are only counted in the totals. */
const GC_KEEP_MS = 1;

const KIND_NAMES = new Map([
  [constants.NODE_PERFORMANCE_GC_MINOR, 'minor (scavenge)'],
  [constants.NODE_PERFORMANCE_GC_MAJOR, 'major (mark-compact)'],
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL, 'incremental marking'],
  [constants.NODE_PERFORMANCE_GC_WEAKCB, 'weak callbacks'],
]);

const epoch = (t) => performance.timeOrigin + t;

/** Keeps the `max` largest items by `size` (replacing the smallest once full). */
function keepLargest(list, item, size, max) {
  if (list.length < max) return void list.push(item);
  let smallest = 0;
  for (let i = 1; i < list.length; i++) if (size(list[i]) < size(list[smallest])) smallest = i;
  if (size(item) > size(list[smallest])) list[smallest] = item;
}

let current = null;

function open() {
  if (current) close();
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const gcs = [];
  const totals = {};
  const onGc = (list) => {
    for (const entry of list.getEntries()) {
      const kind = KIND_NAMES.get(entry.detail?.kind) ?? `kind ${entry.detail?.kind}`;
      const t = (totals[kind] ??= { count: 0, ms: 0, maxMs: 0 });
      t.count++;
      t.ms += entry.duration;
      t.maxMs = Math.max(t.maxMs, entry.duration);
      if (entry.duration >= GC_KEEP_MS) keepLargest(gcs, { atMs: epoch(entry.startTime), ms: entry.duration, kind }, (g) => g.ms, MAX_GCS);
    }
  };
  const observer = new PerformanceObserver(onGc);
  observer.observe({ entryTypes: ['gc'] });
  const stalls = [];
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const late = now - last - TICK_MS;
    // The process's CPU time (all threads) across the gap: near the gap when the main thread was
    // busy, far below it when the process waited (a synchronous call, or not scheduled).
    const cpuMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
    if (late >= STALL_MS) keepLargest(stalls, { fromMs: epoch(last), toMs: epoch(now), ms: late, cpuMs }, (s) => s.ms, MAX_STALLS);
    last = now;
    lastCpu = cpu;
  }, TICK_MS);
  timer.unref();
  current = { histogram, observer, onGc, gcs, totals, stalls, timer, elu: performance.eventLoopUtilization(), fromMs: epoch(performance.now()) };
}

function close() {
  const w = current;
  if (!w) return null;
  current = null;
  clearInterval(w.timer);
  w.onGc({ getEntries: () => w.observer.takeRecords() });
  w.observer.disconnect();
  w.histogram.disable();
  const ms = (ns) => ns / 1e6;
  const h = w.histogram;
  return {
    fromMs: w.fromMs,
    toMs: epoch(performance.now()),
    loopDelay: { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean) },
    utilization: performance.eventLoopUtilization(w.elu).utilization,
    gcTotals: w.totals,
    gcs: w.gcs.sort((a, b) => a.atMs - b.atMs),
    stalls: w.stalls.sort((a, b) => b.ms - a.ms),
    tickMs: TICK_MS,
  };
}

if (typeof process.send === 'function') {
  process.on('message', (message) => {
    if (!message || typeof message !== 'object' || typeof message.probe !== 'string') return;
    if (message.probe === 'open') {
      open();
      process.send({ probe: 'opened', id: message.id });
    } else if (message.probe === 'close') {
      process.send({ probe: 'report', id: message.id, report: close() });
    }
  });
  // The channel must not keep the engine alive (it exits on SIGTERM by itself anyway).
  process.channel?.unref();
}
