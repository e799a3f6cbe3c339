import type { WorkspaceAction, WorkspacePlan } from '../../shared/workspace/workspace-plan';

const MARK: Record<WorkspaceAction, string> = { create: '+', update: '~', delete: '-', unchanged: '=' };
const PLANNED: Record<WorkspaceAction, string> = { create: 'to create', update: 'to update', delete: 'to delete', unchanged: 'unchanged' };
const DONE: Record<WorkspaceAction, string> = { create: 'created', update: 'updated', delete: 'deleted', unchanged: 'unchanged' };
const ORDER: WorkspaceAction[] = ['create', 'update', 'delete', 'unchanged'];

/**
 * A plan as a person reads it in a terminal or a CI log: one line per resource, changes first
 * (`+` create, `~` update with the changed fields, `-` delete, `=` unchanged; under it, a secret
 * kept because its variable is not set, or written unset), then the missing variables, then a count line.
 */
export function formatPlan(plan: WorkspacePlan, tense: 'plan' | 'applied'): string {
  const lines: string[] = [];
  const sorted = [...plan.changes].sort((a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action));
  const width = Math.max(0, ...sorted.map((c) => `${c.kind} "${c.name}"`.length));
  for (const change of sorted) {
    const label = `${change.kind} "${change.name}"`.padEnd(width);
    const fields = change.action === 'update' && change.fields?.length ? `: ${change.fields.join(', ')}` : '';
    lines.push(`  ${MARK[change.action]} ${label}  ${change.action}${fields}`);
    for (const note of change.secrets ?? []) lines.push(`      ${note.field}: ${note.message}`);
  }
  if (sorted.length === 0) lines.push('  (the file has no connectors or webhooks)');
  if (plan.missingVariables.length > 0) {
    lines.push('', `Missing variables (set them in the environment or the process environment):`);
    for (const name of plan.missingVariables) lines.push(`  ${name}`);
  }
  for (const key of plan.generatedKeys ?? []) {
    lines.push('', `New API key of connector "${key.connector}" (${key.variable} was not set; shown once): ${key.apiKey}`);
  }
  const words = tense === 'plan' ? PLANNED : DONE;
  const counts = ORDER.map((action) => [action, plan.changes.filter((c) => c.action === action).length] as const)
    .filter(([, n]) => n > 0)
    .map(([action, n]) => `${n} ${words[action]}`);
  lines.push('', counts.length > 0 ? `${counts.join(', ')}.` : 'Nothing to do.');
  return `${lines.join('\n')}\n`;
}
