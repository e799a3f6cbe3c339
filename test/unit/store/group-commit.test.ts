import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../electron/engine/store/group-commit';

describe('GroupCommit', () => {
  it('shares one flush among requests made in the same tick', async () => {
    let flushes = 0;
    const commits = new GroupCommit(async () => {
      flushes += 1;
    });
    await Promise.all([commits.request(), commits.request(), commits.request()]);
    expect(flushes).toBe(1);
  });

  it('covers requests made during a flush with exactly one more flush', async () => {
    let flushes = 0;
    const releases: (() => void)[] = [];
    let started: () => void = () => undefined;
    const commits = new GroupCommit(
      () =>
        new Promise<void>((resolve) => {
          flushes += 1;
          releases.push(resolve);
          started();
        }),
    );
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const first = commits.request();
    await firstStarted;
    const secondStarted = new Promise<void>((resolve) => (started = resolve));
    const during = Promise.all([commits.request(), commits.request(), commits.request()]);
    releases[0]!();
    await first;
    await secondStarted;
    releases[1]!();
    await during;
    expect(flushes).toBe(2);
  });

  it('reports a failed flush to its waiters and keeps working afterwards', async () => {
    let fail = true;
    const commits = new GroupCommit(async () => {
      if (fail) throw new Error('disk full');
    });
    await expect(commits.request()).rejects.toThrow('disk full');
    fail = false;
    await expect(commits.request()).resolves.toBeUndefined();
  });
});
