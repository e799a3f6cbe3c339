import { parseArgs } from 'node:util';
import { planIsEmpty } from '../../../shared/workspace/workspace-plan';
import { CliError } from '../cli-error';
import { formatPlan } from '../format-plan';
import { environmentsInFile } from '../run-environment';
import { readWorkspaceFile } from '../workspace-file-io';
import { openTarget } from '../workspace-target';
import { TARGET_OPTIONS, TARGET_USAGE, targetOptions } from './target-options';

const PRUNE_USAGE = '  --prune          also delete connectors and webhooks the file does not name';

export const PLAN_USAGE = `Usage: npm run hookdesk -- plan FILE [--data-dir DIR | --url URL --token T] [--env NAME] [--prune]

Shows what applying FILE would change, and changes nothing.
Exit code: 0 nothing would change, 2 something would, 1 error (the file is invalid, the engine cannot be reached,
--env names no environment of the data dir or FILE...).
${PRUNE_USAGE}
${TARGET_USAGE}`;

export const APPLY_USAGE = `Usage: npm run hookdesk -- apply FILE [--data-dir DIR | --url URL --token T] [--env NAME] [--prune]

Applies FILE: creates and updates connectors and webhooks by name (deletes the others only with --prune),
and prints what changed. Applying the same file again changes nothing. Exit code: 0 applied, 1 error (also when
--env names no environment of the data dir or FILE; nothing is written then).
${PRUNE_USAGE}
${TARGET_USAGE}`;

/** `hookdesk plan` / `hookdesk apply`. */
export async function planOrApplyCommand(mode: 'plan' | 'apply', argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...TARGET_OPTIONS, prune: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  const usage = mode === 'plan' ? PLAN_USAGE : APPLY_USAGE;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`${mode} takes one workspace file.\n${usage}`);
  const path = positionals[0]!;
  const file = await readWorkspaceFile(path);
  const workspace = await openTarget(targetOptions(values), { path, names: environmentsInFile(file) });
  try {
    if (mode === 'plan') {
      const plan = await workspace.planWorkspace(file, { prune: values.prune });
      process.stdout.write(`Plan for ${path}:\n${formatPlan(plan, 'plan')}`);
      return planIsEmpty(plan) ? 0 : 2;
    }
    const plan = await workspace.applyWorkspace(file, { prune: values.prune });
    process.stdout.write(`Applied ${path}:\n${formatPlan(plan, 'applied')}`);
    if (plan.missingVariables.length > 0) {
      process.stderr.write('Until the missing variables are set, deliveries and forwards that use them fail, naming the variable.\n');
    }
    return 0;
  } finally {
    await workspace.close();
  }
}
