import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Har } from 'har-format';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportEventsCommand } from '../../../electron/cli/commands/export-events-command';
import type { HookEvent } from '../../../shared/schemas/event';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, rawRequest } from '../inbound/inbound-helpers';
import { harProblems } from '../../unit/shared/interop/har-validate';

const BINARY = Buffer.from([0x00, 0xff, 0x10, 0x80]);

/** The command run in this process; what it wrote to stdout and stderr. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string, done?: (e?: Error) => void) => {
    stdout += chunk;
    done?.();
    return true;
  }) as typeof process.stdout.write);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string) => {
    stderr += chunk;
    return true;
  }) as typeof process.stderr.write);
  try {
    const code = await exportEventsCommand(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('hookdesk export-events --connector NAME --format har|ndjson [--out FILE]', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await startTestEngine();
    const connector = await createConnector(t.client, { name: 'Shop' });
    await rawRequest(`${connector.captureUrl!}/a?x=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"order.created"}' });
    await rawRequest(`${connector.captureUrl!}/bin`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: BINARY });
  });
  afterEach(() => t.dispose());

  it('on a running engine (--url): writes a valid HAR to a file, owner-only, and says how many', async () => {
    const file = join(t.dataDir, 'shop.har');
    const result = await run(['--connector', 'shop', '--format', 'har', '--out', file, '--url', t.url, '--token', t.token]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`Wrote 2 events of "shop" to ${file} (HAR 1.2).\n`);
    const har = JSON.parse(await readFile(file, 'utf8')) as Har;
    expect(await harProblems(har)).toEqual([]);
    expect(har.log.entries.map((e) => e.request.method)).toEqual(['POST', 'POST']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('on a data dir (--data-dir): NDJSON to stdout, the same events the API lists', async () => {
    const listed = (await t.client.listEvents({})).items.filter((e) => e.connectorId !== null);
    await t.stop();
    const result = await run(['--connector', 'SHOP', '--format', 'ndjson', '--data-dir', t.dataDir]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as HookEvent);
    expect(lines.map((e) => e.id)).toEqual(listed.map((e) => e.id));
    expect(Buffer.from(lines[0]!.bodyBase64!, 'base64')).toEqual(BINARY);
  });

  it('says what is wrong: an unknown connector (naming the ones there are), a format that is not one, no --connector', async () => {
    await expect(run(['--connector', 'nope', '--url', t.url, '--token', t.token])).rejects.toThrow('No connector is named "nope". Connectors: "Shop".');
    await expect(run(['--connector', 'shop', '--format', 'xml', '--url', t.url, '--token', t.token])).rejects.toThrow('--format "xml" is not a choice');
    await expect(run(['--url', t.url, '--token', t.token])).rejects.toThrow('--connector NAME is needed');
    const help = await run(['--help']);
    expect(help.stdout).toMatch(/^Usage: npm run hookdesk -- export-events/);
  });
});
