import { parseArgs } from 'node:util';
import { DEFAULT_SVIX_APP_NAME } from '../../../shared/interop/svix-plan';
import { defaultDataDir } from '../../engine/default-data-dir';
import { CliError } from '../cli-error';
import { deployToSvix } from '../deploy/svix-deploy';
import { svixSourceOf } from '../deploy/svix-source';
import { requireWorkspaceIn, runOnTarget } from '../engine-target';

export const DEPLOY_USAGE = `Usage: npm run hookdesk -- deploy svix --server-url URL --token T [--app NAME] [--dry-run] [--data-dir DIR] [--env NAME]

Creates or updates the workspace's webhooks on a Svix server (open source or cloud) through the svix SDK:
one application, an event type per known type with its inferred JSON Schema, one endpoint per webhook
(uid from its name, URL, filterTypes, channels for connector or data-source filters, Standard Webhooks
secret, headers, metadata). Only differences are written: a second run changes nothing. Endpoints are
never deleted; one Hookdesk made for a webhook that is gone is named. What Svix cannot express is listed
per webhook with the closest workaround. Secrets and header values are never printed.
Exit code: 0 deployed (with --dry-run: nothing would change), 2 with --dry-run: changes would be made,
1 error (the Svix server cannot be read, or a change failed: the others are still made).

  --server-url URL  the Svix server, for example http://127.0.0.1:8071 (default: SVIX_SERVER_URL)
  --token T         a Svix API token (default: SVIX_AUTH_TOKEN)
  --app NAME        the Svix application (default "${DEFAULT_SVIX_APP_NAME}"; its uid comes from the name)
  --dry-run         print the plan and change nothing
  --data-dir DIR    the workspace to deploy (default: the desktop app's folder). No engine may be serving
                    it meanwhile. A running engine's API is not used: it never answers secrets in clear
  --env NAME        the environment that resolves \${VAR} (default: the workspace's active one)`;

/** `hookdesk deploy svix ...`. */
export async function deployCommand(argv: string[], out: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'server-url': { type: 'string' },
      token: { type: 'string' },
      app: { type: 'string', default: DEFAULT_SVIX_APP_NAME },
      'dry-run': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      env: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    out(`${DEPLOY_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'svix') {
    throw new CliError(`deploy takes the target name: svix${positionals.length > 0 ? ` ("${positionals.join(' ')}" is not one)` : ''}.\n${DEPLOY_USAGE}`);
  }
  const serverUrl = (values['server-url'] ?? process.env.SVIX_SERVER_URL ?? '').trim().replace(/\/+$/, '');
  if (serverUrl === '') throw new CliError('deploy svix needs --server-url (or SVIX_SERVER_URL): the Svix server to deploy to, for example http://127.0.0.1:8071.');
  if (!/^https?:\/\/[^/\s]+(\/\S*)?$/i.test(serverUrl)) throw new CliError(`--server-url "${serverUrl}" is not an http(s) URL; write it as http://host:port.`);
  const token = (values.token ?? process.env.SVIX_AUTH_TOKEN ?? '').trim();
  if (token === '') throw new CliError('deploy svix needs --token (or SVIX_AUTH_TOKEN): a Svix API token.');
  const appName = values.app.trim();
  if (appName === '' || appName.length > 256) throw new CliError('--app must be a name of 1 to 256 characters.');

  const dataDir = values['data-dir'] ?? defaultDataDir();
  // Deploying must not make a workspace where there was none (a mistyped --data-dir).
  requireWorkspaceIn(dataDir);
  return runOnTarget({ dataDir, url: undefined, token: undefined, env: values.env }, {
    local: (engine) => deployToSvix(svixSourceOf(engine, appName), { serverUrl, token, dryRun: values['dry-run'], out }),
    remote: () => Promise.reject(new CliError('deploy svix works on a data dir (--data-dir).')),
  });
}
