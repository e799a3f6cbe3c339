import { Svix } from 'svix';
import { diffSvix, svixHasChanges } from '../../../shared/interop/svix-diff';
import { planSvixDeployment, type SvixPlanInput } from '../../../shared/interop/svix-plan';
import { CliError } from '../cli-error';
import { applySvixChanges, describeSvixError } from './svix-apply';
import { formatSvixDeployment } from './svix-format';
import { readSvixState } from './svix-state';

export interface SvixDeployOptions {
  /** The Svix server's base URL (the SDK sends every call there, never to Svix's cloud). */
  serverUrl: string;
  /** The Svix API token (never printed). */
  token: string;
  dryRun: boolean;
  /** Where the report goes (stdout in the CLI). */
  out: (text: string) => void;
  /** Milliseconds one Svix call may take (default 30 s). */
  requestTimeoutMs?: number;
}

/**
 * `deploy svix`: plans the Svix state from the workspace, reads what the server has, and writes
 * only the differences. Exit codes as `plan`/`apply`: with `--dry-run` 0 in sync, 2 changes would
 * be made; otherwise 0 applied; 1 when the server cannot be read or any change failed.
 */
export async function deployToSvix(source: SvixPlanInput, options: SvixDeployOptions): Promise<number> {
  const plan = planSvixDeployment(source);
  const svix = new Svix(options.token, { serverUrl: options.serverUrl, requestTimeout: options.requestTimeoutMs ?? 30_000 });
  let current;
  try {
    current = await readSvixState(svix, plan);
  } catch (error) {
    throw new CliError(`Cannot read the Svix server at ${options.serverUrl}: ${describeSvixError(error)}`);
  }
  const changes = diffSvix(plan, current);
  const heading = `Svix application "${plan.app.name}" (uid ${plan.app.uid}) at ${options.serverUrl}`;
  if (options.dryRun) {
    options.out(`Plan for ${heading} (dry run: nothing is changed):\n${formatSvixDeployment(plan, changes.map((change) => ({ change, error: null })), 'plan')}`);
    return svixHasChanges(changes) ? 2 : 0;
  }
  const outcomes = await applySvixChanges(svix, plan, current, changes);
  options.out(`Deployed to ${heading}:\n${formatSvixDeployment(plan, outcomes, 'applied')}`);
  return outcomes.some((o) => o.error !== null) ? 1 : 0;
}
