import { findVariables } from '../env/resolve-variables';

/**
 * Names of the variables an export writes in place of secrets: `HOOKDESK_<KIND>_<NAME>_<FIELD>`,
 * e.g. `HOOKDESK_WEBHOOK_ORDERS_SECRET`. Pure, so the export and its tests agree.
 */

/** A resource name as upper snake case: "Orders v2" → "ORDERS_V2"; accents dropped, anything else "_". */
export function upperSnake(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const snake = ascii.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase();
  return snake === '' ? 'UNNAMED' : snake;
}

/**
 * One name part per resource, unique within its kind: two names that read the same in upper snake
 * case ("a-b", "a b") get `_2`, `_3` in the order given (the export's sorted order, so stable).
 */
export function uniqueNameParts(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = upperSnake(name);
    let part = base;
    for (let n = 2; used.has(part); n += 1) part = `${base}_${n}`;
    used.add(part);
    return part;
  });
}

export function secretVariable(kind: 'webhook' | 'connector', namePart: string, field: string): string {
  return `HOOKDESK_${kind.toUpperCase()}_${namePart}_${field}`;
}

/** `${NAME}` */
export function reference(variable: string): string {
  return `\${${variable}}`;
}

/**
 * What a secret becomes in an `env` export: a value that already holds references (applied from a
 * file, or written by hand) stays as it is, so export → apply → export gives the same file; any
 * other value becomes a reference to `variable`. `noted` hears every variable the result uses.
 */
export function secretAsReference(value: string, variable: string, noted: (name: string) => void): string {
  const existing = findVariables(value);
  if (existing.length > 0) {
    existing.forEach(noted);
    return value;
  }
  noted(variable);
  return reference(variable);
}
