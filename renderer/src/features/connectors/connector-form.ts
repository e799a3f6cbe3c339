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
