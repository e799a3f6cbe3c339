/** What the bench receiver counts in one run, and answers as JSON from `GET /__wait` (shared by both processes). */
export interface ReceiverRun {
  count: number;
  firstMs: number | null;
  lastMs: number | null;
  checked: number;
  badSignatures: number;
  latencies: number[];
}

export const newReceiverRun = (): ReceiverRun => ({ count: 0, firstMs: null, lastMs: null, checked: 0, badSignatures: 0, latencies: [] });
