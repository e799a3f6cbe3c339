import { describe, expect, it } from 'vitest';
import type { DispatchEvent } from '../../../../shared/events/dispatch-event';
import { MAX_JSON_DEPTH } from '../../../../shared/json/bounded-json';
import { hasInexactNumbers, isLosslessNumber, numberChangesWhenParsed, parseLossless, stringifyLossless } from '../../../../shared/json/lossless-json';
import { buildOutboundRequest, type BuildRequestInput } from '../../../../shared/outbound/build-request';
import { toBase64, utf8 } from '../../../../shared/signing/bytes';
import { templateFieldPaths } from '../../../../shared/template/field-paths';
import { withLosslessBody } from '../../../../shared/template/lossless-body';
import { renderRequestBody, type RenderRequestBodyInput } from '../../../../shared/template/render-request-body';
import { renderTemplate } from '../../../../shared/template/render-template';
import { templateView } from '../../../../shared/template/template-view';

/** The body: a big id, 2^53 + 1 and a price with its trailing zero. */
const SENT = '{"id":12345678901234567890123,"repository":{"id":9007199254740993},"price":1.10}';

const pushed: DispatchEvent = {
  id: 'evt_1',
  type: 'order.paid',
  connectorId: 'con_1',
  dataSource: 'generic',
  receivedTime: '2024-05-01T10:00:00.000Z',
  body: JSON.parse(SENT) as unknown,
  bodyJson: SENT,
};

const webhook: RenderRequestBodyInput['webhook'] = {
  id: 'whk_1',
  name: 'Orders',
  method: 'POST',
  contentType: 'application/json',
  includeEntity: true,
  bodyTemplate: null,
  jsonPayloadEnabled: false,
};

const render = (w: Partial<RenderRequestBodyInput['webhook']>, event: DispatchEvent = pushed): string => {
  const result = renderRequestBody({ webhook: { ...webhook, ...w }, event, apiBaseUrl: 'http://127.0.0.1:8787' });
  if (!result.ok || result.body === null) throw new Error(result.ok ? 'no body' : result.reason);
  return result.body;
};

describe('numbers as the sender wrote them', () => {
  it('the default envelope carries the entity digit for digit, and its id as written', () => {
    const body = render({});
    expect(body).toContain(`"entity":${SENT}`);
    expect(body).toContain('"entityId":"12345678901234567890123"');
  });

  it('{{json data}} writes the body digit for digit', () => {
    expect(render({ bodyTemplate: '{"data": {{json data}}}' })).toBe(`{"data": ${SENT}}`);
  });

  it('{{path}} writes one number as written, bare or inside a string; {{json path}} too', () => {
    const tpl = '{"id": {{data.id}}, "repo": "{{data.repository.id}}", "price": {{json data.price}}, "repo2": {{data.repository}}}';
    expect(render({ bodyTemplate: tpl })).toBe('{"id": 12345678901234567890123, "repo": "9007199254740993", "price": 1.10, "repo2": {"id":9007199254740993}}');
  });

  it('non-JSON bodies (URL-encoded values) write the digits too', () => {
    expect(render({ contentType: 'application/x-www-form-urlencoded', bodyTemplate: 'id={{data.id}}&price={{data.price}}' })).toBe('id=12345678901234567890123&price=1.10');
    const form = new URLSearchParams(render({ contentType: 'application/x-www-form-urlencoded', bodyTemplate: 'id={{data.id}}&all={{json data}}' }));
    expect(form.get('id')).toBe('12345678901234567890123');
    expect(form.get('all')).toBe(SENT);
    const envelope = new URLSearchParams(render({ contentType: 'application/x-www-form-urlencoded' }));
    expect(envelope.get('entity')).toBe(SENT);
  });

  it('a number kept as written has no fields, and counts as a number in sections', () => {
    const zero: DispatchEvent = { ...pushed, body: { n: 0, big: 1 }, bodyJson: '{"n":0.0,"big":12345678901234567890123}' };
    const tpl = '{"value": "{{data.big.value}}", "zero": {{#data.n}}"shown"{{/data.n}}{{^data.n}}"hidden"{{/data.n}}, "big": {{#data.big}}{{.}}{{/data.big}}}';
    expect(JSON.parse(render({ bodyTemplate: tpl }, zero))).toEqual({ value: '', zero: 'hidden', big: 1.2345678901234568e22 });
    expect(render({ bodyTemplate: '{{#data.big}}{{.}}{{/data.big}}' }, zero)).toBe('12345678901234567890123');
  });

  it('keeps the digits of JSON held in a string body (jsonPayloadEnabled)', () => {
    const held: DispatchEvent = { ...pushed, body: SENT, bodyJson: undefined };
    expect(render({ jsonPayloadEnabled: true })).toContain(`"entity":${SENT}`);
    expect(render({ jsonPayloadEnabled: true }, held)).toContain(`"entity":${SENT}`);
    expect(render({ jsonPayloadEnabled: true }, held)).toContain('"entityId":"12345678901234567890123"');
  });

  it('takes the text from captured bytes when the body was parsed from them (a BOM is not part of it)', () => {
    const captured: DispatchEvent = { ...pushed, bodyJson: undefined, bodyBase64: toBase64(utf8(`\uFEFF${SENT}`)) };
    expect(render({ bodyTemplate: '{{json data}}' }, captured)).toBe(SENT);
  });

  it('falls back to the parsed body when there is no usable text: API events, binary bytes, text bodies', () => {
    const published: DispatchEvent = { ...pushed, bodyJson: undefined };
    expect(render({ bodyTemplate: '{{json data}}' }, published)).toBe(JSON.stringify(pushed.body));
    const gzipped: DispatchEvent = { ...pushed, bodyJson: undefined, bodyBase64: toBase64(new Uint8Array([0x1f, 0x8b, 8, 0, 0xff])) };
    expect(render({ bodyTemplate: '{{json data}}' }, gzipped)).toBe(JSON.stringify(pushed.body));
    const text: DispatchEvent = { ...pushed, body: 'price 1.10', bodyJson: undefined, bodyBase64: toBase64(utf8('price 1.10')) };
    expect(render({ contentType: 'application/x-www-form-urlencoded', bodyTemplate: '{{data}}' }, text)).toBe('price+1.10');
  });

  it('leaves an event whose numbers read back unchanged as it is (no second parse), sources dropped', () => {
    const plain: DispatchEvent = { ...pushed, body: { id: 7, price: 1.5 }, bodyJson: undefined, bodyBase64: toBase64(utf8('{"id":7,"price":1.5}')) };
    const view = withLosslessBody(plain);
    expect(view.body).toBe(plain.body);
    expect(view).not.toHaveProperty('bodyBase64');
    expect(withLosslessBody(view)).toBe(view);
  });

  it('signs exactly the bytes it sends, digits included, and names the entity by its written id', () => {
    const input: BuildRequestInput = {
      webhook: { ...webhook, url: 'http://127.0.0.1:9/hook', auth: { type: 'none' }, headers: {}, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', signature: 'standard-webhooks' },
      event: pushed,
      apiBaseUrl: 'http://127.0.0.1:8787',
      timestampSeconds: 1_700_000_000,
    };
    const built = buildOutboundRequest(input);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.request.body).toContain(`"entity":${SENT}`);
    expect(new TextDecoder().decode(built.bodyBytes ?? new Uint8Array())).toBe(built.request.body);
    expect(built.request.headers['X-Hookdesk-Entity-Id']).toBe('12345678901234567890123');
  });

  it('completion paths stop at numbers kept as written', () => {
    const view = templateView({ webhook: { ...webhook, jsonPayloadEnabled: true }, event: { ...pushed, body: SENT, bodyJson: undefined }, apiBaseUrl: 'http://x' });
    const paths = templateFieldPaths(view);
    expect(paths).toContain('data.repository.id');
    expect(paths.filter((p) => p.startsWith('data.id.'))).toEqual([]);
  });

  it('a template with no number of the sender in it is unchanged', () => {
    expect(renderTemplate('{"a": {{x}}, "b": {{json y}}}', { x: 1.5, y: [1, 2.25, -3] }, 'json')).toEqual({ ok: true, text: '{"a": 1.5, "b": [1,2.25,-3]}' });
  });
});

describe('lossless JSON helpers', () => {
  it('finds exactly the numbers that parsing would change', () => {
    for (const token of ['12345678901234567890123', '9007199254740993', '1.10', '1.0', '1e5', '1E+2', '-0', '-0.0', '0.0000001', '123456789.12345678901']) {
      expect(numberChangesWhenParsed(token), token).toBe(true);
    }
    for (const token of ['0', '-1', '42', '9007199254740992', '1.5', '-2.25', '0.1', '123456789012345', '0.000001']) {
      expect(numberChangesWhenParsed(token), token).toBe(false);
    }
  });

  it('looks at numbers only, never inside strings (escaped quotes included)', () => {
    expect(hasInexactNumbers('{"a":"12345678901234567890123","b":[1,2.5,-3e0]}')).toBe(true); // -3e0
    expect(hasInexactNumbers('{"a":"12345678901234567890123 \\" 1.10","b":[1,2.5,-3]}')).toBe(false);
    expect(hasInexactNumbers(SENT)).toBe(true);
  });

  it('parses as JSON.parse does (last duplicate key wins), with inexact numbers kept', () => {
    const parsed = parseLossless('{"a":1,"a":2.50,"b":[1,1.10],"__proto__":{"x":1}}');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const value = parsed.value as { a: unknown; b: unknown[] };
    expect(isLosslessNumber(value.a)).toBe(true);
    expect(String(value.a)).toBe('2.50');
    expect(value.b[0]).toBe(1);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(stringifyLossless(value)).toEqual({ ok: true, text: '{"a":2.50,"b":[1,1.10],"__proto__":{"x":1}}' });
  });

  it('refuses text or values nested past the bound instead of walking them', () => {
    const deep = `${'['.repeat(MAX_JSON_DEPTH + 1)}1.10${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    expect(parseLossless(deep).ok).toBe(false);
    let value: unknown = 1;
    for (let i = 0; i < MAX_JSON_DEPTH + 1; i++) value = [value];
    expect(stringifyLossless(value).ok).toBe(false);
    expect(parseLossless('{"a":1.10').ok).toBe(false);
  });
});
