import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { terraformForHookdeck } from '../../../shared/interop/terraform-hookdeck';
import { parseOrThrow } from '../../../shared/validation';
import { workspaceFileSchema, type WorkspaceFile } from '../../../shared/workspace/workspace-file';
import { workspaceServiceOf } from '../../engine/workspace/workspace-module';
import { requireWorkspaceIn, runOnTarget } from '../engine-target';
import { TARGET_OPTIONS, TARGET_USAGE, targetOptions } from './target-options';

export const EXPORT_TERRAFORM_USAGE = `Usage: npm run hookdesk -- export terraform-hookdeck [--data-dir DIR | --url URL --token T] [--out FILE]

Writes Terraform for the Hookdeck provider (terraform-provider-hookdeck 2.x): a hookdeck_source per
connector (with its verification), a hookdeck_destination per webhook and per forward target, a
hookdeck_connection per route (filter, transform and retry rules), a hookdeck_transformation where a
body template maps simply. Secrets become sensitive Terraform variables (no defaults); the file never
holds one. What Hookdeck cannot do as Hookdesk does is a "Not mapped:" comment in the file, and listed here.
  --out FILE         write here instead of stdout (for example main.tf)
${TARGET_USAGE}`;

/** `hookdesk export terraform-hookdeck`: exit 0 written, 1 on error. */
export async function exportTerraformCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...TARGET_OPTIONS, out: { type: 'string' } }, strict: true, allowPositionals: false });
  if (values.help) {
    process.stdout.write(`${EXPORT_TERRAFORM_USAGE}\n`);
    return 0;
  }
  const target = targetOptions(values);
  if (target.url === undefined) requireWorkspaceIn(target.dataDir);
  // Secrets as ${VAR} references: each becomes a Terraform variable, so none is read in clear.
  const file = await runOnTarget<WorkspaceFile>(target, {
    local: (engine) => Promise.resolve(workspaceServiceOf(engine.modules).exportWorkspace('env').file),
    remote: async (api) => parseOrThrow(workspaceFileSchema, await api.json<unknown>('GET', '/api/v1/workspace/export?secrets=env'), 'the workspace export'),
  });
  const { text, notes, variables } = terraformForHookdeck(file);
  if (values.out === undefined) process.stdout.write(text);
  else {
    await writeFile(values.out, text, { mode: 0o644 });
    process.stderr.write(`Wrote ${values.out}.\n`);
  }
  if (notes.length > 0) {
    process.stderr.write(`Not mapped to Hookdeck (${notes.length}; each is a comment beside its resource):\n${notes.map((n) => `  ${n.subject}: ${n.text}\n`).join('')}`);
  }
  const secrets = variables.filter((v) => v.sensitive).map((v) => v.name);
  const others = variables.filter((v) => !v.sensitive).map((v) => v.name);
  if (variables.length > 0) {
    process.stderr.write(
      `Set these Terraform variables (TF_VAR_<name> or a .tfvars file kept out of git):\n${[...secrets.map((n) => `  ${n} (sensitive)\n`), ...others.map((n) => `  ${n}\n`)].join('')}`,
    );
  }
  return 0;
}
