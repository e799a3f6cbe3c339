import { findVariables, resolveVariables, type VariableLookup } from '../env/resolve-variables';
import { SECRET_AUTH_FIELDS } from '../schemas/webhook-auth';
import { isSensitiveHeader } from '../schemas/webhook-mask';
import type { WorkspaceWebhook } from './workspace-file';
import type { SecretNote } from './workspace-plan';

/**
 * A file's secret that is a `${VAR}` reference whose variable is not set must not replace a secret
 * that works: a file exported with secrets as variables and imported where they are not set would
 * otherwise swap every stored secret for a reference that fails at the next send. So, per secret
 * field of a resource (webhook signing secret, auth credential, sensitive header, connector
 * verification secret):
 * - the file's value resolves (or equals what is stored): nothing to say, it is applied as usual;
 * - a variable in it is not set and a secret is stored: the stored one is kept (`kept`);
 * - a variable in it is not set and nothing is stored: the reference is written, and said (`unset`).
 * Pure: the plan computes it, and apply writes the plan's resources as they come out of here.
 */

/** A secret field: its dotted path in the file's form and how to read and write it. */
interface SecretField {
  path: string;
  get(resource: unknown): unknown;
  set(resource: unknown, value: string): void;
}

const objectAt = (value: unknown, key: string): Record<string, unknown> | null => {
  const inner = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as Record<string, unknown>) : null;
};

function field(path: string, parent: string | null, key: string, readKey: (obj: Record<string, unknown>) => string | undefined = () => key): SecretField {
  const holder = (resource: unknown): Record<string, unknown> | null =>
    parent === null ? (resource as Record<string, unknown>) : objectAt(resource, parent);
  return {
    path,
    get(resource) {
      const obj = holder(resource);
      const k = obj === null ? undefined : readKey(obj);
      return obj === null || k === undefined ? undefined : obj[k];
    },
    set(resource, value) {
      const obj = holder(resource);
      if (obj !== null) obj[key] = value;
    },
  };
}

/** The secret fields a webhook in the file sets: signing secret, its auth type's credential, sensitive headers. */
export function webhookSecretFields(webhook: WorkspaceWebhook): SecretField[] {
  const fields = [field('secret', null, 'secret')];
  for (const name of SECRET_AUTH_FIELDS[webhook.auth.type] as readonly string[]) fields.push(field(`auth.${name}`, 'auth', name));
  for (const name of Object.keys(webhook.headers)) {
    // A stored header is found whatever its case (header names are case-insensitive).
    if (isSensitiveHeader(name)) fields.push(field(`headers.${name}`, 'headers', name, (obj) => Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase())));
  }
  return fields;
}

/** The secret fields of a connector in the file: its verification secret (the push key is handled on its own: only its hash is kept). */
export function connectorSecretFields(): SecretField[] {
  return [field('verification.secret', 'verification', 'secret')];
}

/**
 * The resource as it should be applied (`file`'s values, with stored secrets kept where its
 * reference cannot resolve) and what was decided per secret field. `stored` is the stored resource
 * in the file's form with its secrets in clear, or null for a new one. `file` is not changed.
 */
export function keepStoredSecrets<T extends object>(
  file: T,
  stored: T | null,
  fields: readonly SecretField[],
  lookup: VariableLookup,
): { resource: T; notes: SecretNote[] } {
  const resource = structuredClone(file);
  const notes: SecretNote[] = [];
  for (const f of fields) {
    const wanted = f.get(file);
    if (typeof wanted !== 'string' || findVariables(wanted).length === 0) continue;
    const current = stored === null ? undefined : f.get(stored);
    if (wanted === current) continue;
    const resolved = resolveVariables(wanted, lookup);
    if (resolved.ok) continue;
    const names = resolved.missing.map((name) => `\${${name}}`).join(', ');
    const verb = resolved.missing.length === 1 ? 'is' : 'are';
    if (typeof current === 'string' && current !== '') {
      f.set(resource, current);
      notes.push({ field: f.path, outcome: 'kept', variables: resolved.missing, message: `kept the stored secret: ${names} ${verb} not set` });
    } else {
      notes.push({
        field: f.path,
        outcome: 'unset',
        variables: resolved.missing,
        message: `writes the reference: ${names} ${verb} not set and no secret is stored to keep; sends fail naming it until it is set`,
      });
    }
  }
  return { resource, notes };
}
