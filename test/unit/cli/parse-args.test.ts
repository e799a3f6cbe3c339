import { describe, expect, it } from 'vitest';
import { parseServeArgs, parseSize } from '../../../electron/cli/parse-args';

describe('serve flags', () => {
  it('has the documented defaults', () => {
    expect(parseServeArgs([])).toEqual({
      host: '127.0.0.1',
      port: 8787,
      dataDir: undefined,
      maxBodyBytes: 1048576,
      recover: false,
      help: false,
      // Production relay flags (serve --config): off unless given.
      config: undefined,
      env: undefined,
      ingest: null,
      noUi: false,
      allowEdits: false,
    });
  });

  it('reads every flag', () => {
    expect(parseServeArgs(['--host', '0.0.0.0', '--port', '0', '--data-dir', '/tmp/x', '--max-body', '2mb', '--recover'])).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      dataDir: '/tmp/x',
      maxBodyBytes: 2 * 1024 * 1024,
      recover: true,
    });
  });

  it('explains bad values', () => {
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseServeArgs(['--nope'])).toThrow();
    expect(() => parseSize('lots')).toThrow(/--max-body/);
    expect(parseSize('512kb')).toBe(512 * 1024);
    expect(parseSize('100')).toBe(100);
  });
});
