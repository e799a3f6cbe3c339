import { findVariables, resolveVariables } from '../env/resolve-variables';

/**
 * Variables of the Postman collection (issue #16): how Hookdesk's `${VAR}` references become
 * Postman `{{VAR}}` references, and the names the collection declares for what it never exports
 * (secrets, credentials) or lets a person change in one place (target URL bases).
 */

/** `${VAR}` references written as Postman `{{VAR}}` ones, and `$${` (a literal `${`) as `${`. */
export function toPostmanText(text: string): string {
  const result = resolveVariables(text, (name) => `{{${name}}}`);
  return result.ok ? result.text : text;
}

/** The name when `text` is exactly one `${NAME}` reference and nothing else, else null. */
export function wholeReference(text: string): string | null {
  const [name, ...others] = findVariables(text);
  return name !== undefined && others.length === 0 && text === `\${${name}}` ? name : null;
}

/** A webhook or header name as a variable-name part: ASCII letters and digits in lower case, the rest `_`. */
export function nameSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
  return slug === '' ? 'unnamed' : slug;
}

/**
 * The collection's variable names, each given out once: the environment's names are reserved first
 * (they keep their own names), and a generated name that is taken gets `_2`, `_3`, ...
 */
export class VariableNames {
  private readonly taken = new Set<string>();

  reserve(name: string): void {
    this.taken.add(name);
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }

  /** `wanted`, or `wanted_N` for the first N free. */
  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.taken.has(name); n += 1) name = `${wanted}_${n}`;
    this.taken.add(name);
    return name;
  }
}

/**
 * Stand-ins that survive template rendering (letters and digits only: unchanged by JSON, form and URL
 * escaping), swapped for Postman `{{...}}` references in the rendered text. The prefix is chosen so
 * that it appears nowhere in `avoid` (the template and the sample event), so no data is mistaken for one.
 */
export class Markers {
  private readonly prefix: string;
  private readonly replacements = new Map<string, string>();

  constructor(avoid: string) {
    let nonce = 0;
    while (avoid.includes(`hdkmark${nonce}q`)) nonce += 1;
    this.prefix = `hdkmark${nonce}q`;
  }

  /** The stand-in for `replacement` (the same one each time it is asked for). */
  for(replacement: string): string {
    for (const [marker, value] of this.replacements) if (value === replacement) return marker;
    const marker = `${this.prefix}${this.replacements.size}z`;
    this.replacements.set(marker, replacement);
    return marker;
  }

  /** `text` with every stand-in replaced. */
  swap(text: string): string {
    if (!text.includes(this.prefix)) return text;
    return text.replace(new RegExp(`${this.prefix}\\d+z`, 'g'), (marker) => this.replacements.get(marker) ?? marker);
  }
}
