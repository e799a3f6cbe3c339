/** Phase lengths: the full run, or a smoke run (about a second per phase) that only proves the bench works. */
export interface BenchSettings {
  smoke: boolean;
  /** Seconds per throughput phase. */
  seconds: number;
  dispatchEvents: number;
  relaySeconds: number;
  relayRate: number;
  memoryEvents: number;
}

export function settingsFromArgs(argv: string[]): BenchSettings {
  const smoke = argv.includes('--smoke');
  return smoke
    ? { smoke, seconds: 1, dispatchEvents: 500, relaySeconds: 1, relayRate: 200, memoryEvents: 5_000 }
    : { smoke, seconds: 8, dispatchEvents: 20_000, relaySeconds: 10, relayRate: 1_000, memoryEvents: 200_000 };
}
