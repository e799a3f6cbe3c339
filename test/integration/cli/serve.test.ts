import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runServeToExit, spawnServe } from '../../helpers/spawn-serve';
import { tempDir } from '../../helpers/temp-dir';

describe('npm run serve (the built headless CLI)', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(() => dir.remove());

  it('with --port 0 prints one line naming the port it took; keeps a generated token owner-only', async () => {
    const env = { HOOKDESK_TOKEN: '' };
    const serve = await spawnServe(['--port', '0', '--data-dir', dir.path], env);
    expect(serve.line).toMatch(/^Hookdesk is running: open http:\/\/127\.0\.0\.1:\d+\/#token=\S+/);
    const port = Number(new URL(serve.url).port);
    expect(port).toBeGreaterThan(0);
    const health = await fetch(`${serve.url}/healthz`);
    expect(health.status).toBe(200);
    const tokenFile = join(dir.path, 'token');
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    const token = (await readFile(tokenFile, 'utf8')).trim();
    expect(serve.line).toContain(token);
    expect((await fetch(`${serve.url}/api/v1/events`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(await serve.kill('SIGINT')).toBe(0);

    // The same token is reused next time.
    const again = await spawnServe(['--port', '0', '--data-dir', dir.path], env);
    expect(again.line).toContain(token);
    expect(await again.kill('SIGTERM')).toBe(0);
  });

  it('takes the token from HOOKDESK_TOKEN', async () => {
    const serve = await spawnServe(['--port', '0', '--data-dir', dir.path], { HOOKDESK_TOKEN: 'from-env' });
    expect((await fetch(`${serve.url}/api/v1/events`, { headers: { authorization: 'Bearer from-env' } })).status).toBe(200);
    expect(await serve.kill('SIGTERM')).toBe(0);
  });

  it('on SIGTERM finishes acknowledged writes, exits 0, and the data is there next start', async () => {
    const env = { HOOKDESK_TOKEN: 't' };
    const serve = await spawnServe(['--port', '0', '--data-dir', dir.path], env);
    const headers = { authorization: 'Bearer t', 'content-type': 'application/json' };
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const res = await fetch(`${serve.url}/api/v1/events`, { method: 'POST', headers, body: JSON.stringify({ type: `t.${i}` }) });
        ids.push(((await res.json()) as { id: string }).id);
      }),
    );
    expect(await serve.kill('SIGTERM')).toBe(0);
    const again = await spawnServe(['--port', '0', '--data-dir', dir.path], env);
    const list = (await (await fetch(`${again.url}/api/v1/events?pageSize=100`, { headers })).json()) as { items: { id: string }[] };
    expect(list.items.map((e) => e.id).sort()).toEqual(ids.sort());
    expect(await again.kill('SIGTERM')).toBe(0);
  });

  it('refuses to start on a corrupt data file, says which and how to recover, and leaves it untouched', async () => {
    const file = join(dir.path, 'workspace.json');
    await writeFile(file, '{"schemaVersion": 1, "connec');
    const result = await runServeToExit(['--port', '0', '--data-dir', dir.path]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toContain('--recover');
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion": 1, "connec');

    const recovered = await spawnServe(['--port', '0', '--data-dir', dir.path, '--recover']);
    expect(recovered.stderr()).toContain('corrupt-');
    expect((await readdir(dir.path)).some((n) => n.startsWith('workspace.json.corrupt-'))).toBe(true);
    expect(await recovered.kill('SIGTERM')).toBe(0);
  });

  it('explains a bad flag and a port in use', async () => {
    const bad = await runServeToExit(['--port', 'abc']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port');
    const first = await spawnServe(['--port', '0', '--data-dir', dir.path]);
    const port = new URL(first.url).port;
    // Another data dir: the same one would be refused first, as already served (engine.lock).
    const clash = await runServeToExit(['--port', port, '--data-dir', join(dir.path, 'other')]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('--port 0');
    expect(await first.kill('SIGTERM')).toBe(0);
  });
});
