import { CliError } from './cli-error';
import { catalogCommand } from './commands/catalog-command';
import { deployCommand } from './commands/deploy-command';
import { exportCommand } from './commands/export-command';
import { exportEventsCommand } from './commands/export-events-command';
import { exportPostmanCommand } from './commands/export-postman-command';
import { planOrApplyCommand } from './commands/plan-apply-command';
import { receiverCheckCommand } from './commands/receiver-check-command';
import { runServe } from './serve-command';
import { describeFailure } from './workspace-target';

export const HOOKDESK_USAGE = `Usage: npm run hookdesk -- <command> [options]   (or: node out/main/hookdesk.js <command>)

Commands:
  export   write the workspace file (connectors, webhooks, environments) to a file or stdout
  plan     show what applying a workspace file would change (exit 0 nothing, 2 changes, 1 error)
  apply    apply a workspace file
  serve    run the engine (with --config FILE: apply the file at start and keep it managed)

  export-events   write a connector's events as HAR 1.2 or NDJSON
  catalog         write the event catalog: OpenAPI 3.1 (webhooks) or AsyncAPI 3
  export-postman  write the webhooks as a Postman collection v2.1
  export terraform-hookdeck   write Terraform for the Hookdeck provider
  deploy svix     create or update the webhooks on a Svix server (idempotent; --dry-run)
  receiver-check  grade a webhook receiver as a real sender would (exit 1 when a case fails)

Run "npm run hookdesk -- <command> --help" for a command's options.`;

/** The `hookdesk` CLI (built as out/main/hookdesk.js): one command per run, exit codes per command. */
async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'serve') {
    await runServe(rest);
    return;
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${HOOKDESK_USAGE}\n`);
    process.exit(command === undefined ? 1 : 0);
  }
  let code: number;
  try {
    if (command === 'export') code = await exportCommand(rest);
    else if (command === 'plan' || command === 'apply') code = await planOrApplyCommand(command, rest);
    else if (command === 'export-events') code = await exportEventsCommand(rest);
    else if (command === 'catalog') code = await catalogCommand(rest);
    else if (command === 'export-postman') code = await exportPostmanCommand(rest);
    else if (command === 'deploy') code = await deployCommand(rest);
    else if (command === 'receiver-check') code = await receiverCheckCommand(rest);
    else throw new CliError(`"${command}" is not a hookdesk command.\n${HOOKDESK_USAGE}`);
  } catch (error) {
    process.stderr.write(`${describeFailure(error)}\n`);
    code = error instanceof CliError ? error.exitCode : 1;
  }
  process.exit(code);
}

void main(process.argv.slice(2));
