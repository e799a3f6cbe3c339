import { chmod, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { workspaceFileText } from '../../../shared/workspace/workspace-file';
import { CliError } from '../cli-error';
import { requireWorkspaceIn } from '../engine-target';
import { openTarget } from '../workspace-target';
import { exportTerraformCommand } from './export-terraform-command';
import { TARGET_OPTIONS, TARGET_USAGE, targetOptions } from './target-options';

export const EXPORT_USAGE = `Usage: npm run hookdesk -- export [--data-dir DIR | --url URL --token T] [--out FILE] [--secrets env|include]

       npm run hookdesk -- export terraform-hookdeck [options]   (Terraform for Hookdeck: export terraform-hookdeck --help)

Writes the workspace file (connectors, webhooks, environments; never events) to FILE, or to stdout.
  --out FILE         write here instead of stdout
  --secrets env      secrets become \${VAR} references; the variables to set are listed on stderr (default)
  --secrets include  secrets in clear: FILE is made readable by you only (0600)
${TARGET_USAGE}`;

/** `hookdesk export`: exit 0 written, 1 on error. */
export async function exportCommand(argv: string[]): Promise<number> {
  // A first word names another format; plain `export` (options only) is the workspace file.
  const [format, ...rest] = argv;
  if (format === 'terraform-hookdeck') return exportTerraformCommand(rest);
  if (format !== undefined && !format.startsWith('-')) throw new CliError(`"export ${format}" is not a format: write export (the workspace file) or export terraform-hookdeck.`);
  const { values } = parseArgs({
    args: argv,
    options: { ...TARGET_OPTIONS, out: { type: 'string' }, secrets: { type: 'string', default: 'env' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${EXPORT_USAGE}\n`);
    return 0;
  }
  if (values.secrets !== 'env' && values.secrets !== 'include') throw new CliError(`--secrets "${values.secrets}" is not a choice: write env or include.`);
  const secrets = values.secrets;
  const target = targetOptions(values);
  // Exporting must not make a workspace where there was none (a mistyped --data-dir).
  if (target.url === undefined) requireWorkspaceIn(target.dataDir);
  const workspace = await openTarget(target);
  try {
    const { file, variables } = await workspace.exportWorkspace(secrets);
    const text = workspaceFileText(file);
    if (values.out === undefined) {
      process.stdout.write(text);
    } else {
      await writeFile(values.out, text, { mode: secrets === 'include' ? 0o600 : 0o644 });
      if (secrets === 'include') await chmod(values.out, 0o600); // an existing file keeps its mode otherwise
      process.stderr.write(`Wrote ${values.out}.\n`);
    }
    if (secrets === 'include') {
      process.stderr.write(
        values.out === undefined
          ? 'The output holds the secrets in clear: keep it out of git and logs.\n'
          : `${values.out} holds the secrets in clear; it is readable by you only (0600). Keep it out of git.\n`,
      );
    } else if (variables.length > 0) {
      process.stderr.write(`Secrets are \${VAR} references. Set these variables where the file is applied:\n${variables.map((v) => `  ${v}\n`).join('')}`);
    }
    return 0;
  } finally {
    await workspace.close();
  }
}
