import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { runHookdesk, startHookdeskServe } from './run-hookdesk';

const TOKEN = 'lock-test-token';

/**
 * One Hookdesk per data dir, through the built CLI (each step a fresh Node process): `--data-dir`
 * commands and a second `serve` are refused (exit 4) while an engine serves the dir, and point at
 * --url; a clean stop releases the lock; a SIGKILLed engine's lock is taken over. And `serve --env`
 * naming no environment is refused at start (exit 2) with the ones that exist.
 */
describe('the data dir lock, through the CLI', { timeout: 120_000 }, () => {
  let dir: { path: string; remove: () => Promise<void> };
  let dataDir: string;
  let file: string;
  beforeEach(async () => {
    dir = await tempDir();
    dataDir = join(dir.path, 'data');
    file = join(dir.path, 'hookdesk.json');
    await writeFile(file, JSON.stringify({ kind: 'hookdesk.workspace', version: 1, environments: {}, connectors: [{ name: 'orders' }], webhooks: [] }));
  });
  afterEach(() => dir.remove());

  const lockPid = async (): Promise<number> => (JSON.parse(await readFile(join(dataDir, 'engine.lock'), 'utf8')) as { pid: number }).pid;

  it('while serve runs: --data-dir commands exit 4 pointing at its URL, a second serve exits 4; --url works; after SIGTERM the lock is gone', async () => {
    const serve = await startHookdeskServe(['--port', '0', '--data-dir', dataDir], { HOOKDESK_TOKEN: TOKEN });
    try {
      const pid = await lockPid();
      const expected = `The data dir ${dataDir} is in use by a running Hookdesk (pid ${pid}, ${serve.url}): stop it, or pass --url ${serve.url} --token … to act through it.\n`;
      for (const args of [['export'], ['apply', file], ['export-events', '--connector', 'orders', '--format', 'ndjson']]) {
        const refused = await runHookdesk([...args, '--data-dir', dataDir]);
        expect(refused.code, args[0]).toBe(4);
        expect(refused.stderr, args[0]).toBe(expected);
        expect(refused.stdout, args[0]).toBe('');
      }
      const second = await runHookdesk(['serve', '--port', '0', '--data-dir', dataDir]);
      expect(second.code).toBe(4);
      expect(second.stderr).toBe(`Hookdesk did not start: Hookdesk (pid ${pid}) is already serving this data dir (${dataDir}) at ${serve.url}: open that, or stop it first.\n`);
      expect(second.stdout).toBe('');
      // Acting through it works, and the running engine sees the change at once.
      expect((await runHookdesk(['apply', file, '--url', serve.url, '--token', TOKEN])).code).toBe(0);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
    expect(await readdir(dataDir)).not.toContain('engine.lock');
    const exported = await runHookdesk(['export', '--data-dir', dataDir]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).not.toContain('Took over');
    expect((JSON.parse(exported.stdout) as { connectors: Array<{ name: string }> }).connectors.map((c) => c.name)).toEqual(['orders']);
  });

  it('a SIGKILLed engine leaves its lock; the next command takes it over with a line on stderr, and serve starts again', async () => {
    const child = spawn(process.execPath, ['out/main/hookdesk.js', 'serve', '--port', '0', '--data-dir', dataDir], {
      env: { ...process.env, HOOKDESK_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await once(createInterface({ input: child.stdout }), 'line');
    const pid = await lockPid();
    expect(pid).toBe(child.pid);
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(await readdir(dataDir)).toContain('engine.lock');

    const planned = await runHookdesk(['plan', file, '--data-dir', dataDir]);
    expect(planned.code, planned.stderr).toBe(2);
    expect(planned.stderr).toContain(`Took over ${join(await realpath(dataDir), 'engine.lock')}: Hookdesk pid ${pid}`);
    expect(planned.stderr).toContain('is no longer running');
    expect(await readdir(dataDir)).not.toContain('engine.lock');

    const again = await startHookdeskServe(['--port', '0', '--data-dir', dataDir], { HOOKDESK_TOKEN: TOKEN });
    expect(again.stderr()).not.toContain('Took over');
    expect(await again.stop()).toBe(0);
  });

  it('serve --env NAME refuses to start (exit 2) when no such environment exists, listing the ones that do; one the --config file defines is accepted', async () => {
    const none = await runHookdesk(['serve', '--port', '0', '--data-dir', dataDir, '--env', 'prod']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      `Hookdesk did not start: --env prod: there is no environment named "prod" in ${dataDir}. There are no environments yet: create one in the app (Edit environments), with PUT /api/v1/environments, or in the workspace file's "environments".\n`,
    );
    expect(none.stdout).toBe('');

    await writeFile(
      file,
      JSON.stringify({ kind: 'hookdesk.workspace', version: 1, environments: { local: { X: '1' }, staging: { HOOK_URL: 'http://127.0.0.1:9/in' } }, connectors: [], webhooks: [] }),
    );
    expect((await runHookdesk(['apply', file, '--data-dir', dataDir])).code).toBe(0);
    const typo = await runHookdesk(['serve', '--port', '0', '--data-dir', dataDir, '--env', 'Staging']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(`Hookdesk did not start: --env Staging: there is no environment named "Staging" in ${dataDir}. Environments: "local", "staging".\n`);
    expect(await readdir(dataDir)).not.toContain('engine.lock'); // a refused start releases the lock

    // Defined only by the config file about to be applied: accepted, and the file's variable resolves.
    const config = join(dir.path, 'config.json');
    await writeFile(
      config,
      JSON.stringify({
        kind: 'hookdesk.workspace',
        version: 1,
        environments: { production: { HOOK_URL: 'http://127.0.0.1:9/prod' } },
        connectors: [],
        webhooks: [{ name: 'out', url: '${HOOK_URL}' }],
      }),
    );
    const withConfig = await runHookdesk(['serve', '--port', '0', '--data-dir', dataDir, '--env', 'qa', '--config', config]);
    expect(withConfig.code).toBe(2);
    expect(withConfig.stderr).toContain(`in ${dataDir} or ${config}. Environments: "local", "production", "staging".`);
    const started = await startHookdeskServe(['--port', '0', '--data-dir', dataDir, '--env', 'production', '--config', config], { HOOKDESK_TOKEN: TOKEN });
    expect(started.stderr()).toContain('Applied');
    expect(await started.stop()).toBe(0);
    const existing = await startHookdeskServe(['--port', '0', '--data-dir', dataDir, '--env', 'staging'], { HOOKDESK_TOKEN: TOKEN });
    expect(await existing.stop()).toBe(0);
  });
});
