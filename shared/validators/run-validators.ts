import { JSONPath } from 'jsonpath-plus';
import { jsonTextTooDeep, MAX_JSON_DEPTH, stringifyBounded } from '../json/bounded-json';
import type { ValidatorResult } from '../schemas/delivery';
import type { ResponseValidator } from '../schemas/webhook';
import { errorText } from '../errors';

/** What a validator reads when there is nothing to read (shown as `actual`). */
export const NO_RESPONSE = '(no response: the request failed before an answer came back)';
export const NOT_JSON = '(the response body is not JSON)';
export const NO_MATCH = '(nothing at this path)';
export const TOO_DEEP = `(the response body is nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects, so it is not validated)`;

/**
 * How much of a found object or array a result keeps as it is: results are stored in delivery
 * records and shown, so a value past these is kept as a cut JSON preview (a string) instead.
 */
export const ACTUAL_MAX_CHARS = 1024;
/** Deepest found value kept as it is (the record around it must stay well inside the journal's bound). */
const ACTUAL_MAX_DEPTH = 16;

type ParsedBody = { ok: true; json: unknown } | { ok: false; actual: string };

/** The response as JSON; never builds a value nested deeper than the bound (a receiver chooses it). */
function parseBody(body: string | null): ParsedBody {
  if (body === null) return { ok: false, actual: NO_RESPONSE };
  if (jsonTextTooDeep(body)) return { ok: false, actual: TOO_DEEP };
  try {
    return { ok: true, json: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, actual: NOT_JSON };
  }
}

/**
 * A found value as a result keeps it: scalars, and small shallow objects and arrays, as they are;
 * anything bigger as its JSON cut to ACTUAL_MAX_CHARS, marked as cut.
 */
export function boundedActual(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const json = stringifyBounded(value, ACTUAL_MAX_DEPTH);
  if (!json.ok) return `(a value nested deeper than ${ACTUAL_MAX_DEPTH} levels; not shown)`;
  if (json.text.length <= ACTUAL_MAX_CHARS) return value;
  return `${json.text.slice(0, ACTUAL_MAX_CHARS)}… (cut at ${ACTUAL_MAX_CHARS} characters)`;
}

/** A found value passes when it equals an expected one; a string expected value also matches a number/boolean printed the same. */
function matchesExpected(found: unknown, expected: ResponseValidator['expected']): boolean {
  return expected.some((want) => {
    if (Object.is(found, want) || found === want) return true;
    if (typeof want === 'string' && (typeof found === 'number' || typeof found === 'boolean')) return String(found) === want;
    if (typeof found === 'string' && (typeof want === 'number' || typeof want === 'boolean')) return found === String(want);
    return false;
  });
}

function evaluate(json: unknown, validator: ResponseValidator): ValidatorResult {
  let found: unknown[];
  try {
    found = JSONPath({ path: validator.path, json: json as object, wrap: true, eval: 'safe' }) as unknown[];
  } catch (error) {
    const why = errorText(error);
    return { ...validator, actual: `(invalid JSONPath: ${why})`, ok: false };
  }
  if (found.length === 0) return { ...validator, actual: NO_MATCH, ok: false };
  const actual = boundedActual(found.length === 1 ? found[0] : found);
  // No expected values: the path only has to exist.
  const ok = validator.expected.length === 0 || found.some((value) => matchesExpected(value, validator.expected));
  return { ...validator, actual, ok };
}

/**
 * Runs response validators (JSONPath + expected values) against a response body (null when no
 * response came). Any failed validator fails the attempt.
 */
export function runValidators(validators: readonly ResponseValidator[], responseBody: string | null): ValidatorResult[] {
  if (validators.length === 0) return [];
  const parsed = parseBody(responseBody);
  return validators.map((validator) => (parsed.ok ? evaluate(parsed.json, validator) : { ...validator, actual: parsed.actual, ok: false }));
}

export function allValidatorsPassed(results: readonly ValidatorResult[]): boolean {
  return results.every((result) => result.ok);
}
