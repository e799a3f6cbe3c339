import type { z } from 'zod';
import { ErrorCode, HookdeskError } from './errors';

/** Turns zod issues into the contract's `fields` map: `{"path.to.field": "what is wrong"}`. */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)';
    if (!(key in fields)) fields[key] = messageOf(issue);
  }
  return fields;
}

/**
 * What is wrong, in words. A record whose key fails its own schema (an environment, variable or
 * header name) reports only "Invalid key in record": the key's own problem is said instead.
 */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_key' || issue.issues.length === 0) return issue.message;
  const name = issue.path.at(-1);
  return `the name ${JSON.stringify(typeof name === 'symbol' ? name.toString() : String(name ?? ''))} ${issue.issues[0]!.message}`;
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
