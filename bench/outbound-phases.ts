import type { HookdeskClient } from '../shared/api/client';
import type { PhaseResult } from './report';
import type { BenchSettings } from './settings';

/** Placeholder until the outbound engine lands: reports the phase as not measured. */
function notMeasured(phase: string, figure: string, target: string, why: string): PhaseResult {
  return { phase, figure, value: null, unit: '', ceiling: null, ratio: null, target, met: null, details: { why } };
}

export async function dispatchPhase(_url: string, _client: HookdeskClient, s: BenchSettings): Promise<PhaseResult> {
  return notMeasured(
    `dispatch: ${s.dispatchEvents.toLocaleString('en-US')} events through a webhook (template, HMAC, records)`,
    'deliveries/s',
    '≥ 0.7× undici.request Pool',
    'outbound webhooks are not built yet',
  );
}

export async function relayPhase(_url: string, _client: HookdeskClient, s: BenchSettings): Promise<PhaseResult> {
  return notMeasured(`relay: push → receiver at ${s.relayRate}/s for ${s.relaySeconds} s`, 'p50, p99 latency', 'p99 ≤ 20 ms', 'outbound webhooks are not built yet');
}
