import type { SvixAction, SvixChange } from '../../../shared/interop/svix-diff';
import type { SvixNote, SvixPlan } from '../../../shared/interop/svix-plan';
import type { SvixOutcome } from './svix-apply';

const MARK: Record<SvixAction, string> = { create: '+', update: '~', unchanged: '=', skip: '!', leave: '?' };
const PLANNED: Record<SvixAction, string> = { create: 'to create', update: 'to update', unchanged: 'unchanged', skip: 'not deployed', leave: 'left in Svix' };
const DONE: Record<SvixAction, string> = { create: 'created', update: 'updated', unchanged: 'unchanged', skip: 'not deployed', leave: 'left in Svix' };
const ORDER: SvixAction[] = ['create', 'update', 'unchanged', 'skip', 'leave'];

/**
 * The deployment as a person reads it: one line per resource (`+` create, `~` update with the
 * changed field names, `=` unchanged, `!` a webhook not deployed and why, `?` an endpoint Hookdesk
 * made for a webhook that is gone, left in place), unchanged event types as one count, then what
 * Svix cannot express, per webhook with its workaround, then a count line. Field names only:
 * header values and secrets are never printed.
 */
export function formatSvixDeployment(plan: SvixPlan, outcomes: readonly SvixOutcome[], tense: 'plan' | 'applied'): string {
  const lines: string[] = [];
  const changes = outcomes.map((o) => o.change);
  const shown = outcomes.filter((o) => !(o.change.kind === 'event type' && o.change.action === 'unchanged' && o.error === null));
  const width = Math.max(0, ...shown.map((o) => label(o.change).length));
  for (const { change, error } of shown) {
    const fields = change.action === 'update' && change.fields.length > 0 ? `: ${change.fields.join(', ')}` : '';
    const uid = change.kind === 'endpoint' && change.endpoint && change.action === 'create' ? ` (uid ${change.endpoint.uid})` : '';
    const reason = change.reason ? `: ${change.reason}` : '';
    const status = error === null ? verb(change.action, tense) : `${change.action} FAILED`;
    const failed = error === null ? '' : `: ${error}`;
    lines.push(`  ${MARK[change.action]} ${label(change).padEnd(width)}  ${status}${fields}${uid}${reason}${failed}`);
  }
  const sameTypes = changes.filter((c) => c.kind === 'event type' && c.action === 'unchanged').length;
  if (sameTypes > 0) lines.push(`  = ${sameTypes} event type(s) unchanged`);

  const notes = notesSection(plan);
  if (notes.length > 0) lines.push('', 'What Svix cannot express (and the closest workaround):', ...notes);

  const words = tense === 'plan' ? PLANNED : DONE;
  const counts = ORDER.map((action) => [action, changes.filter((c) => c.action === action).length] as const)
    .filter(([, n]) => n > 0)
    .map(([action, n]) => `${n} ${words[action]}`);
  const failures = outcomes.filter((o) => o.error !== null).length;
  lines.push('', `${counts.join(', ')}${failures > 0 ? `; ${failures} failed` : ''}.`);
  return `${lines.join('\n')}\n`;
}

function label(change: SvixChange): string {
  return `${change.kind} "${change.name}"`;
}

function verb(action: SvixAction, tense: 'plan' | 'applied'): string {
  if (action === 'skip') return 'not deployed';
  if (action === 'leave') return 'left in Svix';
  if (tense === 'plan') return action;
  return DONE[action];
}

function notesSection(plan: SvixPlan): string[] {
  const lines: string[] = [];
  const block = (title: string, notes: readonly SvixNote[]) => {
    if (notes.length === 0) return;
    lines.push(`  ${title}`);
    for (const note of notes) lines.push(`    - ${note.what}`, `      Workaround: ${note.workaround}`);
  };
  block('Every webhook:', plan.generalNotes);
  block('Event types:', plan.eventTypeNotes);
  for (const webhook of plan.webhooks) block(`Webhook "${webhook.webhook}":`, webhook.notes);
  return lines;
}
