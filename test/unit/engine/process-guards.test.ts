import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { FLOOD_LIMIT, FLOOD_WINDOW_MS, installProcessGuards } from '../../../electron/engine/process-guards';

function guarded() {
  const target = new EventEmitter();
  const lines: string[] = [];
  const fatal: string[] = [];
  let now = 1_000;
  const remove = installProcessGuards({
    log: (line) => lines.push(line),
    onFatal: (reason) => fatal.push(reason),
    target: target as unknown as NodeJS.Process,
    now: () => now,
  });
  return { target, lines, fatal, remove, advance: (ms: number) => (now += ms) };
}

describe('process guards (last resort of the CLI and the Electron main)', () => {
  it('logs an uncaught exception in one line, with where it was thrown, and keeps running', () => {
    const g = guarded();
    g.target.emit('uncaughtException', new TypeError('boom'));
    expect(g.lines).toHaveLength(1);
    expect(g.lines[0]).toMatch(/^uncaught exception \(Hookdesk keeps running\): TypeError: boom \(at .+\)$/);
    expect(g.lines[0]).not.toContain('\n');
    expect(g.fatal).toEqual([]);
  });

  it('logs an unhandled rejection, whatever was rejected', () => {
    const g = guarded();
    g.target.emit('unhandledRejection', 'just a string');
    expect(g.lines).toEqual(['unhandled promise rejection (Hookdesk keeps running): just a string']);
  });

  it('asks to stop once, when uncaught errors come in a flood; spread out they never do', () => {
    const spread = guarded();
    for (let i = 0; i < FLOOD_LIMIT * 3; i += 1) {
      spread.target.emit('uncaughtException', new Error(`e${i}`));
      spread.advance(FLOOD_WINDOW_MS / FLOOD_LIMIT + 1);
    }
    expect(spread.fatal).toEqual([]);

    const flood = guarded();
    for (let i = 0; i < FLOOD_LIMIT + 5; i += 1) flood.target.emit('uncaughtException', new Error(`e${i}`));
    expect(flood.fatal).toHaveLength(1);
    expect(flood.fatal[0]).toMatch(/uncaught errors within 60 s/);
  });

  it('removes its handlers when asked', () => {
    const g = guarded();
    g.remove();
    expect(g.target.listenerCount('uncaughtException')).toBe(0);
    expect(g.target.listenerCount('unhandledRejection')).toBe(0);
  });
});
