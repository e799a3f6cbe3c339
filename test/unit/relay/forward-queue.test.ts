import { describe, expect, it } from 'vitest';
import { ForwardQueue } from '../../../electron/engine/relay/forward-queue';

interface Job {
  name: string;
  done: Promise<void>;
}

function job(name: string): Job & { finish: () => void } {
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { name, done, finish };
}

describe('ForwardQueue', () => {
  it('runs at most `concurrency` jobs per key, the rest first in first out, and keys do not wait for each other', async () => {
    const started: string[] = [];
    const queue = new ForwardQueue<Job>(
      async (j) => {
        started.push(j.name);
        await j.done;
      },
      () => undefined,
      { concurrency: 2, maxWaiting: 10, maxWaitingBytes: 1000 },
    );
    const jobs = ['a1', 'a2', 'a3', 'a4'].map(job);
    for (const j of jobs) expect(queue.offer('a', j, 1)).toBe(true);
    const other = job('b1');
    queue.offer('b', other, 1);
    expect(started).toEqual(['a1', 'a2', 'b1']);
    expect(queue.size('a')).toBe(4);
    jobs[1]?.finish();
    await expect.poll(() => started).toEqual(['a1', 'a2', 'b1', 'a3']);
    jobs[0]?.finish();
    await expect.poll(() => started).toEqual(['a1', 'a2', 'b1', 'a3', 'a4']);
    for (const j of [...jobs, other]) j.finish();
    await expect.poll(() => queue.size('a') + queue.size('b')).toBe(0);
  });

  it('refuses jobs past the waiting count or bytes, and everything once closed', () => {
    const never = new Promise<void>(() => undefined);
    const queue = new ForwardQueue<Job>(() => never, () => undefined, { concurrency: 1, maxWaiting: 2, maxWaitingBytes: 100 });
    expect(queue.offer('a', job('running'), 500)).toBe(true); // runs at once: not counted as waiting
    expect(queue.offer('a', job('w1'), 60)).toBe(true);
    expect(queue.offer('a', job('too big'), 60)).toBe(false);
    expect(queue.offer('a', job('w2'), 40)).toBe(true);
    expect(queue.offer('a', job('w3'), 0)).toBe(false);
    queue.close();
    expect(queue.offer('b', job('after close'), 0)).toBe(false);
  });
});
