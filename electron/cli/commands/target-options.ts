import { defaultDataDir } from '../../engine/default-data-dir';
import { CliError } from '../cli-error';
import type { TargetOptions } from '../workspace-target';

/** The options every workspace command shares (parseArgs definitions). */
export const TARGET_OPTIONS = {
  'data-dir': { type: 'string' },
  url: { type: 'string' },
  token: { type: 'string' },
  env: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const TARGET_USAGE = `  --data-dir DIR   the workspace to act on, opened in this process (default: the desktop app's folder).
                   A data dir a running Hookdesk holds is refused (exit 4): for a running one use --url
  --url URL        a running engine's management API instead (for example http://127.0.0.1:8787)
  --token T        its management token (default: HOOKDESK_TOKEN)
  --env NAME       the environment that resolves \${VAR} (default: the workspace's active one; --data-dir only)`;

export function targetOptions(values: { 'data-dir'?: string; url?: string; token?: string; env?: string }): TargetOptions {
  if (values.url !== undefined && values['data-dir'] !== undefined) throw new CliError('Pass --data-dir or --url, not both: one names a data dir, the other a running engine.');
  if (values.url !== undefined && values.env !== undefined) {
    throw new CliError("--env works with --data-dir: a running engine resolves variables with its own active environment (switch it in the app or with PUT /api/v1/environments).");
  }
  if (values.url !== undefined && !values.token && !process.env.HOOKDESK_TOKEN?.trim()) throw new CliError('--url needs --token (or HOOKDESK_TOKEN): the management API answers only with the token.');
  return { dataDir: values['data-dir'] ?? defaultDataDir(), url: values.url, token: values.token, env: values.env };
}
