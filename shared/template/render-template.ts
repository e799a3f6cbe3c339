import Mustache from 'mustache';
import { escapeJsonStringContent, formEncode, toJsonText, toPlainText } from './escape-value';
import { advanceJsonState, JSON_TEXT_START, type JsonTextState } from './json-text-state';
import { isFalsy, lookupName } from './template-lookup';
import { positionAt, type TextPosition } from './text-position';

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
 */
export type TemplateMode = 'json' | 'form' | 'text';

export interface TemplateError extends TextPosition {
  message: string;
}

export type RenderTemplateResult = { ok: true; text: string } | { ok: false; error: TemplateError };

type Token = [type: string, value: string, start: number, end: number, children?: Token[]];

interface Output {
  text: string;
  state: JsonTextState;
  mode: TemplateMode;
}

class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const JSON_HELPER = /^json\s+(\S+)$/;

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

function renderSection(out: Output, token: Token, stack: readonly unknown[]): void {
  const value = lookupName(stack, token[1]);
  const children = token[4] ?? [];
  if (token[0] === '^') {
    if (isFalsy(value)) renderTokens(out, children, stack);
    return;
  }
  if (isFalsy(value)) return;
  if (!Array.isArray(value)) {
    renderTokens(out, children, [...stack, value]);
    return;
  }
  value.forEach((item, index) => {
    const meta = { '@index': index, '@first': index === 0, '@last': index === value.length - 1 };
    renderTokens(out, children, [...stack, meta, item]);
  });
}

function renderTokens(out: Output, tokens: readonly Token[], stack: readonly unknown[]): void {
  for (const token of tokens) {
    const [type, value, start] = token;
    if (type === 'text') {
      out.text += value;
      if (out.mode === 'json') out.state = advanceJsonState(out.state, value);
    } else if (type === 'name' || type === '&') {
      out.text += insertValue(out, value, type === '&', stack);
    } else if (type === '#' || type === '^') {
      renderSection(out, token, stack);
    } else if (type === '>') {
      throw new TemplateSyntaxError(`Partials ({{> ${value}}}) are not supported`, start);
    }
  }
}

function parse(template: string): Token[] {
  try {
    return Mustache.parse(template) as unknown as Token[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /\bat (\d+)$/.exec(message);
    throw new TemplateSyntaxError(message.replace(/ at \d+$/, ''), at ? Number(at[1]) : 0);
  }
}

/** Renders `template` against `view`; a template syntax error comes back with its line and column in the template. */
export function renderTemplate(template: string, view: unknown, mode: TemplateMode): RenderTemplateResult {
  const out: Output = { text: '', state: JSON_TEXT_START, mode };
  try {
    renderTokens(out, parse(template), [view]);
  } catch (error) {
    if (!(error instanceof TemplateSyntaxError)) throw error;
    const where = positionAt(template, error.offset);
    return { ok: false, error: { message: `Template error: ${error.message} (line ${where.line}, column ${where.column})`, ...where } };
  }
  return { ok: true, text: out.text };
}
