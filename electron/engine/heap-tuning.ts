import { setFlagsFromString } from 'node:v8';

/**
 * V8 lets the old generation grow to up to 4× the live heap before a full collection when
 * allocation is fast. Every stored event outlives the young generation (it stays for the
 * connector's retention), so under a burst the heap's high-water mark, and with it the RSS, ran
 * ~100 MB above a 30 MB live heap (docs/PERFORMANCE.md, "Memory"). Growing by half the live size
 * between full collections keeps that bound; the collections it adds are mostly concurrent and
 * were not measurable in the bench's throughput phases. `--optimize-for-size` did bound it too,
 * but made ingest 3–4× slower.
 */
export const HEAP_GROWING_PERCENT = 50;

/** For the wiring roots (CLI serve, Electron main): read at each full collection, so setting it at start works. */
export function tuneHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
