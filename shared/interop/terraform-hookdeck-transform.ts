import Mustache from 'mustache';
import { parseBoundedJson } from '../json/bounded-json';
import { advanceJsonState, JSON_TEXT_START, type JsonTextState } from '../template/json-text-state';
import { isSensitiveHeader } from '../schemas/webhook-mask';
import type { WorkspaceWebhook } from '../workspace/workspace-file';
import { errorText } from '../errors';

/**
 * A webhook's body template and custom headers as the code of a Hookdeck transformation
 * (`addHandler("transform", (request, context) => ...)`). Only a JSON template that maps simply
 * is turned into code: its tags name the event body (`{{data.a.b}}`, `{{json data.a}}`) or the
 * webhook's name, with no sections. Anything else (the event id or type, the time, sections, a
 * form body) has no counterpart in the request Hookdeck hands a transformation, and comes back as
 * a reason instead. Pure.
 */

export interface TransformationPlan {
  /** JavaScript for `hookdeck_transformation.code`, or null when there is nothing to transform. */
  code: string | null;
  /**
   * Environment names the code reads (`env.NAME`): the header each stands for and the Hookdesk text
   * it holds (may hold `${VAR}`). A header value that holds a reference or looks secret goes here, never in the code.
   */
  env: Record<string, { header: string; text: string; sensitive: boolean }>;
  /** Why the body is not rebuilt (null when it is, or when there is no template). */
  bodyNote: string | null;
}

type Token = [type: string, value: string, start: number, end: number, children?: Token[]];

interface Tag {
  path: string[] | null;
  literal: string | null;
  json: boolean;
  inString: boolean;
}

const OPEN = '\uE000';
const CLOSE = '\uE001';

class NotSimple extends Error {}

/** `data`, `data.a.b`, `webhook.name` → what the tag reads; anything else is not a simple mapping. */
function readTag(name: string, webhookName: string): Pick<Tag, 'path' | 'literal' | 'json'> {
  const helper = /^json\s+(\S+)$/.exec(name.trim());
  const target = helper ? (helper[1] ?? '') : name.trim();
  if (target === 'webhook.name') return { path: null, literal: webhookName, json: helper !== null };
  const [head, ...rest] = target.split('.');
  if (head !== 'data' || rest.some((key) => key === '')) {
    throw new NotSimple(`{{${name}}} reads ${head === '' ? 'the current item' : `"${target}"`}, which a Hookdeck transformation cannot see (it gets the request: headers and body)`);
  }
  return { path: rest, literal: null, json: helper !== null };
}

/** The template's text with each tag replaced by a marker (inside a JSON string) or a marker string (outside one). */
function skeleton(template: string, webhookName: string): { text: string; tags: Tag[] } {
  if (template.includes(OPEN) || template.includes(CLOSE)) throw new NotSimple('the template holds private-use characters');
  let tokens: Token[];
  try {
    tokens = Mustache.parse(template) as unknown as Token[];
  } catch (error) {
    throw new NotSimple(`the template does not parse (${errorText(error)})`);
  }
  const tags: Tag[] = [];
  let text = '';
  let state: JsonTextState = JSON_TEXT_START;
  for (const [type, value] of tokens) {
    if (type === 'text') {
      text += value;
      state = advanceJsonState(state, value);
    } else if (type === 'name' || type === '&') {
      const tag: Tag = { ...readTag(value, webhookName), inString: state.inString };
      const marker = `${OPEN}${tags.length}${CLOSE}`;
      tags.push(tag);
      text += state.inString ? marker : `"${marker}"`;
    } else if (type === '#' || type === '^') {
      throw new NotSimple(`the section {{${type}${value}}} repeats or hides parts, which only hand-written code can do`);
    } else if (type !== '!') {
      throw new NotSimple(`the tag {{${type}${value}}} is not a plain field`);
    }
  }
  return { text, tags };
}

const js = (value: unknown): string => JSON.stringify(value);

function tagExpression(tag: Tag): string {
  if (tag.literal !== null) return tag.json ? js(js(tag.literal)) : js(tag.literal);
  const path = js(tag.path);
  if (!tag.inString) return `value(${path})`;
  return tag.json ? `json(value(${path}))` : `text(${path})`;
}

/** A JSON string value of the skeleton, with its markers, as a JavaScript expression. */
function stringExpression(text: string, tags: readonly Tag[]): string {
  const pieces = text.split(new RegExp(`${OPEN}(\\d+)${CLOSE}`));
  if (pieces.length === 1) return js(text);
  const parts: string[] = [];
  pieces.forEach((piece, index) => {
    if (index % 2 === 0) {
      if (piece !== '') parts.push(js(piece));
      return;
    }
    const tag = tags[Number(piece)];
    if (!tag) throw new NotSimple('a marker was lost');
    if (!tag.inString) {
      if (pieces.length !== 3 || pieces[0] !== '' || pieces[2] !== '') throw new NotSimple('a value is joined to other text');
      parts.push(tagExpression(tag));
      return;
    }
    parts.push(tagExpression(tag));
  });
  if (parts.length === 1 && pieces.length === 3 && pieces[0] === '' && pieces[2] === '') return parts[0] ?? '""';
  return parts.join(' + ');
}

function expression(value: unknown, tags: readonly Tag[], indent: string): string {
  if (typeof value === 'string') return stringExpression(value, tags);
  if (value === null || typeof value !== 'object') return js(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${expression(item, tags, inner)},\n`).join('')}${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries
    .map(([key, item]) => {
      if (key.includes(OPEN)) throw new NotSimple('a value is used as a key');
      return `${inner}${js(key)}: ${expression(item, tags, inner)},\n`;
    })
    .join('')}${indent}}`;
}

/** The body expression for a simple JSON template, or the reason it is not one. */
export function templateBodyExpression(template: string, webhookName: string): { ok: true; expression: string } | { ok: false; reason: string } {
  try {
    const { text, tags } = skeleton(template, webhookName);
    const parsed = parseBoundedJson(text);
    if (!parsed.ok) return { ok: false, reason: 'with its tags in place the template is not one JSON value' };
    return { ok: true, expression: expression(parsed.value, tags, '  ') };
  } catch (error) {
    if (error instanceof NotSimple) return { ok: false, reason: error.message };
    throw error;
  }
}

/** A header name as an environment name: `X-Api-Key` → `HEADER_X_API_KEY`. */
function headerEnvName(header: string, used: Set<string>): string {
  const base = `HEADER_${header.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`;
  let name = base;
  for (let n = 2; used.has(name); n += 1) name = `${base}_${n}`;
  used.add(name);
  return name;
}

const PRELUDE = [
  '  const env = (context && context.env) || (typeof process !== "undefined" && process.env) || {};',
  '  const at = (path) => {',
  '    let found = data;',
  '    for (const key of path) {',
  '      if (found === null || typeof found !== "object" || !Object.prototype.hasOwnProperty.call(found, key)) return undefined;',
  '      found = found[key];',
  '    }',
  '    return found;',
  '  };',
  '  const value = (path) => (at(path) === undefined ? null : at(path));',
  // As Hookdesk writes JSON text: U+2028 and U+2029 escaped too.
  '  const json = (found) => JSON.stringify(found).replace(/\\u2028/g, "\\\\u2028").replace(/\\u2029/g, "\\\\u2029");',
  '  const text = (path) => {',
  '    const found = at(path);',
  '    if (found === undefined || found === null) return "";',
  '    return typeof found === "object" ? json(found) : String(found);',
  '  };',
];

/** The transformation for one webhook: its body template (when it maps simply) and its custom headers. */
export function transformationFor(webhook: Pick<WorkspaceWebhook, 'name' | 'bodyTemplate' | 'contentType' | 'headers' | 'jsonPayloadEnabled'>): TransformationPlan {
  let body: string | null = null;
  let bodyNote: string | null = null;
  if (webhook.bodyTemplate !== null) {
    if (webhook.contentType !== 'application/json') {
      bodyNote = `the body template builds a form body (${webhook.contentType}), which a transformation would have to encode by hand`;
    } else {
      const built = templateBodyExpression(webhook.bodyTemplate, webhook.name);
      if (built.ok) body = built.expression;
      else bodyNote = built.reason;
    }
  }
  const headers = Object.entries(webhook.headers);
  if (body === null && headers.length === 0) return { code: null, env: {}, bodyNote };

  const env: TransformationPlan['env'] = {};
  const used = new Set<string>();
  const lines = [
    `// Built by Hookdesk from the webhook ${js(webhook.name)}: ${body === null ? 'its custom headers' : headers.length === 0 ? 'the body its template builds' : 'the body its template builds, and its custom headers'}.`,
    'addHandler("transform", (request, context) => {',
    webhook.jsonPayloadEnabled
      ? '  const data = typeof request.body === "string" ? (() => { try { return JSON.parse(request.body); } catch (e) { return request.body; } })() : request.body;'
      : '  const data = request.body;',
    ...PRELUDE,
    '  request.headers = request.headers || {};',
  ];
  if (body !== null) {
    lines.push(`  request.body = ${body};`, '  request.headers["content-type"] = "application/json";');
  }
  for (const [name, valueText] of headers) {
    const sensitive = isSensitiveHeader(name);
    if (valueText.includes('${') || sensitive) {
      const envName = headerEnvName(name, used);
      env[envName] = { header: name, text: valueText, sensitive };
      lines.push(`  request.headers[${js(name.toLowerCase())}] = env.${envName};`);
    } else {
      lines.push(`  request.headers[${js(name.toLowerCase())}] = ${js(valueText)};`);
    }
  }
  lines.push('  return request;', '});', '');
  return { code: lines.join('\n'), env, bodyNote };
}
