import type { EngineProcess } from './engine-process';

export interface AckCheck {
  /** Acknowledged ids that do not read back. */
  lost: string[];
  /** Bodies (by their `seq`) stored more than once. */
  duplicated: number[];
}

/**
 * Checks acknowledged event ids against what the engine now holds: every id must read back
 * (`GET /events/:id`), and listing the connector's events must show each body (told apart by its
 * unique `seq` field: each was pushed once) at most once.
 */
export async function checkAcknowledged(engine: EngineProcess, connectorId: string, ids: readonly string[]): Promise<AckCheck> {
  const lost: string[] = [];
  const queue = [...ids];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
        const answer = await engine.api('GET', `/events/${encodeURIComponent(id)}`);
        if (answer.status !== 200) lost.push(id);
      }
    }),
  );
  const seqs = new Map<number, number>();
  for (let page = 1; ; page++) {
    const answer = await engine.api('GET', `/events?connectorId=${encodeURIComponent(connectorId)}&pageSize=500&page=${page}`);
    if (answer.status !== 200) throw new Error(`listing events answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    const list = answer.json as { pageAmount: number; items: { body: { seq?: unknown } | null }[] };
    for (const item of list.items) {
      const seq = item.body?.seq;
      if (typeof seq === 'number') seqs.set(seq, (seqs.get(seq) ?? 0) + 1);
    }
    if (page >= list.pageAmount) break;
  }
  const duplicated = [...seqs].filter(([, n]) => n > 1).map(([seq]) => seq);
  return { lost, duplicated };
}
