import type { z } from 'zod';
import { ErrorCode, HookdeskError } from './errors';

/** Turns zod issues into the contract's `fields` map: `{"path.to.field": "what is wrong"}`. */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)';
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}

/**
 * Parses `input` with `schema` or throws a 400 `validation_failed` HookdeskError whose message
 * names the first problem, so a person reading only the message knows what to fix.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = issuesToFields(result.error.issues);
  const [firstKey, firstMessage] = Object.entries(fields)[0] ?? ['(body)', 'is invalid'];
  throw new HookdeskError(
    400,
    ErrorCode.validationFailed,
    `The ${what} is invalid: ${firstKey}: ${firstMessage}. Fix the listed fields and send it again.`,
    fields,
  );
}
