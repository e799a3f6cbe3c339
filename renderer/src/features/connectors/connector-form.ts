import { ApiError } from '../../../../shared/api/api-error';
import { BUILT_IN_DATA_SOURCES } from '../../../../shared/schemas/connector';
import { issuesToFields } from '../../../../shared/validation';
import type { z } from 'zod';

/** What the data source picker holds: auto-discovery, a built-in name, or a custom string. */
export interface DataSourceChoice {
  /** '' for auto-discover, a built-in name, or CUSTOM. */
  choice: string;
  custom: string;
}

export const AUTO = '';
export const CUSTOM = '__custom__';

export function choiceFromDataSource(dataSource: string | null): DataSourceChoice {
  if (dataSource === null) return { choice: AUTO, custom: '' };
  if ((BUILT_IN_DATA_SOURCES as readonly string[]).includes(dataSource)) return { choice: dataSource, custom: '' };
  return { choice: CUSTOM, custom: dataSource };
}

export function dataSourceFromChoice(value: DataSourceChoice): string | null {
  if (value.choice === AUTO) return null;
  if (value.choice === CUSTOM) return value.custom;
  return value.choice;
}

export type FieldErrors = Record<string, string>;

/** The zod issues of a failed parse, as the contract's `fields` map (same keys the engine answers). */
export function fieldErrors<S extends z.ZodType>(schema: S, input: unknown): { data: z.output<S> } | { fields: FieldErrors } {
  const result = schema.safeParse(input);
  return result.success ? { data: result.data } : { fields: issuesToFields(result.error.issues) };
}

/** What each connector field is called on the forms, for messages in words. */
export const CONNECTOR_FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  dataSource: 'Data source',
  typePath: 'Type JSONPath',
  retention: 'Events kept',
  'response.status': 'Response status',
  'response.delayMs': 'Response delay',
  'response.body': 'Response body',
  'response.headers': 'Response headers',
};

const plain = (n: unknown): string => (typeof n === 'number' || typeof n === 'bigint' ? Number(n).toLocaleString('en-US') : String(n));

/**
 * One zod issue as a sentence naming the field: "Events kept must be 1 or more.", "Response delay
 * must be a whole number." Our schemas' own messages ("must be 200..599") get the field's name in
 * front; zod's defaults ("Too small: expected number to be >=1") are replaced.
 */
export function issueSentence(issue: z.core.$ZodIssue, labels: Record<string, string> = CONNECTOR_FIELD_LABELS): string {
  const key = issue.path.map(String).join('.');
  const label = labels[key] ?? (key || 'The form');
  const own = !/^(Too small|Too big|Invalid)\b/.test(issue.message);
  if (own) return `${label} ${issue.message}.`;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return Number(issue.minimum) <= 1 ? `${label} must not be empty.` : `${label} must hold at least ${plain(issue.minimum)}.`;
      return issue.inclusive ? `${label} must be ${plain(issue.minimum)} or more.` : `${label} must be more than ${plain(issue.minimum)}.`;
    case 'too_big':
      if (issue.origin === 'string' || issue.origin === 'array') return `${label} must hold at most ${plain(issue.maximum)}.`;
      return issue.inclusive ? `${label} must be at most ${plain(issue.maximum)}.` : `${label} must be less than ${plain(issue.maximum)}.`;
    case 'invalid_type':
      if (issue.expected === 'int') return `${label} must be a whole number.`;
      if (issue.expected === 'number') return `${label} must be a number.`;
      return `${label} is missing or not a ${issue.expected}.`;
    default:
      return `${label} is not valid.`;
  }
}

/** The characters of `name` that a connector name cannot hold, each once, quoted ("!", "#"). */
function refusedCharacters(name: string): string {
  const refused = [...new Set([...name].filter((c) => !/^[\p{L}\p{N} _-]$/u.test(c)))].slice(0, 5);
  return refused.map((c) => (c.trim() === '' ? 'a tab or line break' : `"${c}"`)).join(', ');
}

/**
 * What is wrong with a connector's name or data source, and what to do about it, in the forms' words
 * ('Name cannot hold "!": use only letters, digits, spaces, _ and -.'). Found from the issue's code
 * (never zod's wording); `value` is what was typed. Undefined for other fields and issues.
 */
export function connectorFieldAdvice(issue: z.core.$ZodIssue, value: unknown): string | undefined {
  const key = issue.path.map(String).join('.');
  if (key === 'name') {
    const typed = typeof value === 'string' ? value : '';
    if (issue.code === 'too_small') return 'Name is empty: type a name for the connector, e.g. Shop orders.';
    if (issue.code === 'too_big') return `Name is ${[...typed].length} characters long: shorten it to ${plain(issue.maximum)} or fewer.`;
    if (issue.code === 'invalid_format') return `Name cannot hold ${refusedCharacters(typed) || 'some of its characters'}: use only letters, digits, spaces, _ and -.`;
    if (issue.code === 'custom') return 'Name starts or ends with a space: remove it.';
  }
  if (key === 'dataSource') {
    if (issue.code === 'too_small') return "Custom data source is empty: type the sender's name (e.g. Acme ERP), or choose Auto-discover.";
    if (issue.code === 'too_big') return `Custom data source is longer than ${plain(issue.maximum)} characters: shorten it.`;
  }
  return undefined;
}

/** The value at an issue's path in the input that was checked. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const step of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  return value;
}

/**
 * Like `fieldErrors`, with every message a sentence: the name's and data source's problems with what
 * to do (`connectorFieldAdvice`), the others through `issueSentence`; the first issue of a field wins.
 */
export function fieldSentences<S extends z.ZodType>(schema: S, input: unknown, labels?: Record<string, string>): { data: z.output<S> } | { fields: FieldErrors } {
  const result = schema.safeParse(input);
  if (result.success) return { data: result.data };
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)';
    if (!(key in fields)) fields[key] = connectorFieldAdvice(issue, valueAt(input, issue.path)) ?? issueSentence(issue, labels);
  }
  return { fields };
}

/**
 * An API failure as form errors: the engine's `fields` next to their fields; a 409 (duplicate
 * name + data source) next to the name; anything else as a form-level message.
 */
export function apiFailure(error: unknown): { fields: FieldErrors; form: string | null } {
  if (error instanceof ApiError) {
    if (error.status === 409) return { fields: { name: error.message }, form: null };
    const fields = error.fields;
    return { fields, form: Object.keys(fields).length > 0 ? null : error.message };
  }
  return { fields: {}, form: (error as Error).message };
}

/** `Name: value` lines to a headers object; answers an error sentence for a bad line. */
export function parseHeaderLines(text: string): { headers: Record<string, string> } | { error: string } {
  const headers: Record<string, string> = {};
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return { error: `Line ${index + 1} is not "Name: value".` };
    headers[name] = line.slice(colon + 1).trim();
  }
  return { headers };
}

export function formatHeaderLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}
