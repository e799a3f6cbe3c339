/**
 * A seeded PRNG (mulberry32) so a fuzz run that finds something can be run again exactly:
 * the seed is printed, and `FAULT_SEED=<n>` replays it.
 */
export interface Rng {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  bytes(length: number): Buffer;
}

export function seedFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.FAULT_SEED?.trim();
  if (given && /^\d+$/.test(given)) return Number(given) >>> 0;
  return (Date.now() ^ (process.pid << 16)) >>> 0;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)] as (typeof items)[number],
    chance: (p) => next() < p,
    bytes(length) {
      const out = Buffer.allocUnsafe(length);
      for (let i = 0; i < length; i++) out[i] = int(0, 255);
      return out;
    },
  };
}
