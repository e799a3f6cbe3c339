import Mustache from 'mustache';
import { escapeJsonStringContent, formEncode, toJsonText, toPlainText, UnwritableValueError } from './escape-value';
import { advanceJsonState, JSON_TEXT_START, type JsonTextState } from './json-text-state';
import { isFalsy, lookupName } from './template-lookup';
import { positionAt, type TextPosition } from './text-position';
import { errorText } from '../errors';

/**
 * Mustache templates (parsed by the `mustache` package, which never evals) rendered with escaping
 * for the place each value lands:
 * - `json` mode: `{{path}}` inside a JSON string literal is string-escaped; anywhere else it becomes one
 *   JSON value (`"text"`, `42`, `true`, `null` when missing, objects and arrays whole).
 *   `{{json path}}` is the value as JSON text: a raw JSON value outside strings, its JSON text escaped inside one.
 *   `{{{path}}}` and `{{& path}}` behave like `{{path}}`: data is never inserted unescaped into JSON.
 * - `form` mode: values are URL-encoded (`{{json path}}` encodes the JSON text); `{{{path}}}` inserts unencoded.
 * - `text` mode: values as plain text.
 * Sections `{{#items}}…{{/items}}` repeat over arrays; inside, `{{.}}` is the item and `{{@index}}`,
 * `{{@first}}`, `{{@last}}` help with separators: `{{^@last}},{{/@last}}`. Partials are not supported.
 *
 * Bounded (Hardening): templates are the user's but the data is the sender's, and nested sections
 * multiply (`{{#a}}` five deep over 20 items is 3.2 million renders). So sections nest at most
 * TEMPLATE_LIMITS.maxSectionDepth deep (checked when a webhook is saved, see `templateLimitError`),
 * and each render stops with an error at a budget of steps and at an output size. We walk mustache's
 * token tree ourselves, so these are enforced here and not by mustache's own recursive writer.
 */
export type TemplateMode = 'json' | 'form' | 'text';

export const TEMPLATE_LIMITS = {
  /** Sections (`{{#…}}`, `{{^…}}`) inside sections, at most. Real templates rarely pass 4. */
  maxSectionDepth: 32,
  /** Tags, text pieces and section repetitions visited in one render, at most. */
  maxSteps: 200_000,
  /** Characters of one rendered body, at most: 4 MiB, four times the default --max-body. */
  maxOutputChars: 4 * 1024 * 1024,
} as const;

export interface TemplateError extends TextPosition {
  message: string;
}

export type RenderTemplateResult = { ok: true; text: string } | { ok: false; error: TemplateError };

type Token = [type: string, value: string, start: number, end: number, children?: Token[]];

interface Output {
  text: string;
  state: JsonTextState;
  mode: TemplateMode;
  steps: number;
}

/** Something wrong at an offset of the template: a syntax error, a limit, a value that cannot be written. */
class TemplateFault extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly kind: 'syntax' | 'limit' | 'render' = 'render',
  ) {
    super(message);
  }
}

// Mustache caches every template it ever parsed, forever; the editor's preview parses one per
// keystroke. Our own small cache below keeps only the latest templates instead.
Mustache.templateCache = undefined;

const JSON_HELPER = /^json\s+(\S+)$/;

function step(out: Output, token: Token): void {
  out.steps += 1;
  if (out.steps > TEMPLATE_LIMITS.maxSteps) {
    throw new TemplateFault(
      `rendering this event takes more than ${TEMPLATE_LIMITS.maxSteps.toLocaleString('en-US')} steps (sections repeated inside sections?), so Hookdesk stopped it here. Loop over fewer or smaller arrays.`,
      token[2],
      'limit',
    );
  }
}

function emit(out: Output, text: string, token: Token): void {
  out.text += text;
  if (out.text.length > TEMPLATE_LIMITS.maxOutputChars) {
    throw new TemplateFault(`the rendered body passes ${TEMPLATE_LIMITS.maxOutputChars / (1024 * 1024)} MiB here, the most one request may carry`, token[2], 'limit');
  }
}

function insertValue(out: Output, name: string, raw: boolean, stack: readonly unknown[]): string {
  const helper = JSON_HELPER.exec(name);
  const value = lookupName(stack, helper ? (helper[1] ?? '') : name);
  const text = helper ? toJsonText(value) : undefined;
  if (out.mode === 'json') {
    if (out.state.inString) return escapeJsonStringContent(text ?? toPlainText(value));
    return text ?? toJsonText(value);
  }
  if (out.mode === 'form') return raw ? (text ?? toPlainText(value)) : formEncode(text ?? toPlainText(value));
  return text ?? toPlainText(value);
}

/** `stack` is one array pushed and popped as sections open and close (no copy per repetition). */
function renderSection(out: Output, token: Token, stack: unknown[]): void {
  const value = lookupName(stack, token[1]);
  const children = token[4] ?? [];
  if (token[0] === '^') {
    if (isFalsy(value)) renderTokens(out, children, stack);
    return;
  }
  if (isFalsy(value)) return;
  if (!Array.isArray(value)) {
    stack.push(value);
    renderTokens(out, children, stack);
    stack.pop();
    return;
  }
  for (let index = 0; index < value.length; index++) {
    step(out, token);
    stack.push({ '@index': index, '@first': index === 0, '@last': index === value.length - 1 }, value[index]);
    renderTokens(out, children, stack);
    stack.length -= 2;
  }
}

/** Recursion here is as deep as sections nest, which `checkTree` bounded before rendering began. */
function renderTokens(out: Output, tokens: readonly Token[], stack: unknown[]): void {
  for (const token of tokens) {
    step(out, token);
    const [type, value] = token;
    if (type === 'text') {
      emit(out, value, token);
      if (out.mode === 'json') out.state = advanceJsonState(out.state, value);
    } else if (type === 'name' || type === '&') {
      let inserted: string;
      try {
        inserted = insertValue(out, value, type === '&', stack);
      } catch (error) {
        if (!(error instanceof UnwritableValueError)) throw error;
        throw new TemplateFault(`{{${value}}} cannot be inserted: ${error.message}`, token[2]);
      }
      emit(out, inserted, token);
    } else if (type === '#' || type === '^') {
      renderSection(out, token, stack);
    }
  }
}

/**
 * Partials and sections nested too deep, found without recursion (a template of 5,000 nested
 * sections parses fine, but would recurse 5,000 deep while rendering).
 */
function checkTree(tokens: Token[]): void {
  const stack: Array<{ tokens: Token[]; depth: number }> = [{ tokens, depth: 0 }];
  while (stack.length > 0) {
    const { tokens: list, depth } = stack.pop()!;
    for (const token of list) {
      const [type, value, start] = token;
      if (type === '>') throw new TemplateFault(`Partials ({{> ${value}}}) are not supported`, start, 'syntax');
      if (type !== '#' && type !== '^') continue;
      if (depth + 1 > TEMPLATE_LIMITS.maxSectionDepth) {
        throw new TemplateFault(`sections nest more than ${TEMPLATE_LIMITS.maxSectionDepth} deep here, the most a template may nest`, start, 'limit');
      }
      stack.push({ tokens: token[4] ?? [], depth: depth + 1 });
    }
  }
}

type Parsed = { ok: true; tokens: Token[] } | { ok: false; fault: TemplateFault };

/** Parsed and checked templates, newest last: deliveries render the same few templates over and over. */
const parsedCache = new Map<string, Parsed>();
const PARSED_CACHE_SIZE = 32;

function parse(template: string): Parsed {
  const cached = parsedCache.get(template);
  if (cached) return cached;
  let parsed: Parsed;
  try {
    const tokens = Mustache.parse(template) as unknown as Token[];
    checkTree(tokens);
    parsed = { ok: true, tokens };
  } catch (error) {
    if (error instanceof TemplateFault) {
      parsed = { ok: false, fault: error };
    } else {
      const message = errorText(error);
      const at = /\bat (\d+)$/.exec(message);
      parsed = { ok: false, fault: new TemplateFault(message.replace(/ at \d+$/, ''), at ? Number(at[1]) : 0, 'syntax') };
    }
  }
  if (parsedCache.size >= PARSED_CACHE_SIZE) parsedCache.delete(parsedCache.keys().next().value as string);
  parsedCache.set(template, parsed);
  return parsed;
}

function templateError(template: string, fault: TemplateFault): TemplateError {
  const where = positionAt(template, fault.offset);
  return { message: `Template error: ${fault.message} (line ${where.line}, column ${where.column})`, ...where };
}

/**
 * A template over the limits, with its line and column; null when it is within them (or does not
 * parse: a syntax error is a draft the preview and Send test report, not something to refuse).
 * Used when a webhook is saved.
 */
export function templateLimitError(template: string): TemplateError | null {
  const parsed = parse(template);
  if (parsed.ok || parsed.fault.kind !== 'limit') return null;
  const where = positionAt(template, parsed.fault.offset);
  return { message: `line ${where.line}, column ${where.column}: ${parsed.fault.message}`, ...where };
}

/**
 * What refuses a template on save, with its line and column: a syntax error (an unclosed section, a
 * partial) or a limit. Either fails every delivery the same way, so it is never stored; what
 * depends on the event (a value that cannot be written, JSON that breaks for some data) is left to
 * the preview, Send test and the delivery's own failure.
 */
export function templateSaveError(template: string): TemplateError | null {
  const parsed = parse(template);
  if (parsed.ok) return null;
  const where = positionAt(template, parsed.fault.offset);
  return { message: `line ${where.line}, column ${where.column}: ${parsed.fault.message}`, ...where };
}

/**
 * Renders `template` against `view`. Never throws: a syntax error, a limit reached or a value that
 * cannot be written comes back as an error with its line and column in the template.
 */
export function renderTemplate(template: string, view: unknown, mode: TemplateMode): RenderTemplateResult {
  const parsed = parse(template);
  if (!parsed.ok) return { ok: false, error: templateError(template, parsed.fault) };
  const out: Output = { text: '', state: JSON_TEXT_START, mode, steps: 0 };
  try {
    renderTokens(out, parsed.tokens, [view]);
  } catch (error) {
    // Anything else (a RangeError from a value we did not foresee) is still this template's failure.
    const fault = error instanceof TemplateFault ? error : new TemplateFault(`rendering failed (${errorText(error)})`, 0);
    return { ok: false, error: templateError(template, fault) };
  }
  return { ok: true, text: out.text };
}
