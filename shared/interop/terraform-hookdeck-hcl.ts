import { resolveVariables } from '../env/resolve-variables';

/**
 * The HCL pieces the Hookdeck Terraform generator writes (pure, Node and browser): quoted strings
 * with HCL's template escapes, `${VAR}` references turned into Terraform variables, the values
 * given to `jsonencode(...)`, heredocs, and names made valid Terraform identifiers and Hookdeck names.
 */

/** A Terraform variable read in an expression (`var.NAME`). */
export class VarRef {
  constructor(readonly name: string) {}
}

/** Text that may mix literal runs and Terraform variables: written as one HCL template string. */
export class Interpolated {
  constructor(readonly parts: ReadonlyArray<string | VarRef>) {}
}

/** A raw HCL expression written as it is (a resource reference, a function call). */
export class Expr {
  constructor(readonly text: string) {}
}

export type HclValue = string | number | boolean | null | VarRef | Interpolated | Expr | readonly HclValue[] | { readonly [key: string]: HclValue };

const RESERVED_VARIABLE_NAMES = new Set(['source', 'version', 'providers', 'count', 'for_each', 'lifecycle', 'depends_on', 'locals']);

/** A Hookdesk variable name (`[A-Za-z_][A-Za-z0-9_]*`) as a Terraform variable name (a few words are reserved there). */
export function terraformVariableName(name: string): string {
  return RESERVED_VARIABLE_NAMES.has(name) ? `${name}_value` : name;
}

/**
 * Splits Hookdesk text into literal runs and `${NAME}` references (`$${` already a literal `${`),
 * with the same scanner the engine resolves with: each reference is "resolved" to a private marker.
 */
export function splitVariables(text: string): Array<string | { variable: string }> {
  if (!text.includes('${')) return text === '' ? [] : [text];
  let marker = '\uE000';
  for (const candidate of ['\uE000', '\uE001', '\uE002', '\uE003', '\uF8FF']) {
    marker = candidate;
    if (!text.includes(candidate)) break;
  }
  if (text.includes(marker)) return [text]; // every private marker is in the text: read it as literal
  const names: string[] = [];
  const resolved = resolveVariables(text, (name) => {
    names.push(name);
    return marker;
  });
  if (!resolved.ok) return [text];
  const pieces: Array<string | { variable: string }> = [];
  resolved.text.split(marker).forEach((literal, index) => {
    if (index > 0) pieces.push({ variable: names[index - 1] ?? '' });
    if (literal !== '') pieces.push(literal);
  });
  return pieces;
}

/** The characters between the quotes of an HCL quoted template for literal `text`. */
export function escapeHclText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const code = text.charCodeAt(i);
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if ((ch === '$' || ch === '%') && text[i + 1] === '{') out += `${ch}${ch}`;
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** A literal string as an HCL quoted string. */
export function hclString(text: string): string {
  return `"${escapeHclText(text)}"`;
}

function isScalar(value: HclValue): boolean {
  return value === null || typeof value !== 'object' || value instanceof VarRef || value instanceof Interpolated || value instanceof Expr;
}

/** One HCL expression for `value`; nested objects and lists indented from `indent`. */
export function hclValue(value: HclValue, indent = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof VarRef) return `var.${value.name}`;
  if (value instanceof Expr) return value.text;
  if (value instanceof Interpolated) {
    if (value.parts.length === 1 && value.parts[0] instanceof VarRef) return `var.${value.parts[0].name}`;
    return `"${value.parts.map((part) => (part instanceof VarRef ? `\${var.${part.name}}` : escapeHclText(part))).join('')}"`;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value as readonly HclValue[];
    if (items.length === 0) return '[]';
    if (items.every(isScalar)) return `[${items.map((item) => hclValue(item, inner)).join(', ')}]`;
    return `[\n${items.map((item) => `${inner}${hclValue(item, inner)},\n`).join('')}${indent}]`;
  }
  const entries = Object.entries(value as { readonly [key: string]: HclValue });
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${hclString(key)} = ${hclValue(item, inner)}\n`).join('')}${indent}}`;
}

/** One HCL expression on one line (objects as `{ "k" = v, "k2" = v2 }`), for small values such as filters. */
export function hclInline(value: HclValue): string {
  if (value === null || typeof value !== 'object' || value instanceof VarRef || value instanceof Interpolated || value instanceof Expr) return hclValue(value);
  if (Array.isArray(value)) return `[${(value as readonly HclValue[]).map(hclInline).join(', ')}]`;
  const entries = Object.entries(value as { readonly [key: string]: HclValue });
  return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${hclString(key)} = ${hclInline(item)}`).join(', ')} }`;
}

/** A heredoc (`<<-EOT`) holding `text` literally: `${` and `%{` escaped, a delimiter no line of the text equals. */
export function hclHeredoc(text: string, indent: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  let delimiter = 'EOT';
  for (let n = 2; lines.some((line) => line.trim() === delimiter); n += 1) delimiter = `EOT${n}`;
  const body = lines.map((line) => (line === '' ? '' : `${indent}  ${line.replace(/([$%])\{/g, '$1$1{')}`)).join('\n');
  return `<<-${delimiter}\n${body}\n${indent}${delimiter}`;
}

/** A comment block, each line prefixed with `# ` (line breaks inside a note are kept as new comment lines). */
export function hclComments(lines: readonly string[], indent = ''): string {
  return lines
    .flatMap((line) => line.split(/\r?\n/))
    .map((line) => `${indent}# ${line}`.trimEnd())
    .join('\n');
}

function asciiWords(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** A resource label: lower snake case ASCII, never starting with a digit ("Orders v2" → "orders_v2"). */
export function terraformLabel(name: string): string {
  const snake = asciiWords(name).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (snake === '') return 'unnamed';
  return /^[0-9]/.test(snake) ? `r_${snake}` : snake;
}

/** A Hookdeck resource name: `[A-Za-z0-9_-]`, at most 155 characters ("Orders v2" → "Orders-v2"). */
export function hookdeckName(name: string): string {
  const slug = asciiWords(name).replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 150);
  return slug === '' ? 'unnamed' : slug;
}

/** Hands out names unique within one kind, ignoring case: a second "a" becomes "a_2" (labels) or "a-2" (names). */
export class UniqueNames {
  private readonly used = new Set<string>();
  constructor(private readonly separator: string) {}

  take(base: string): string {
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n += 1) name = `${base}${this.separator}${n}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}
