import { describe, expect, it } from 'vitest';
import { readCaptured, readCapturedBody } from '../../../electron/engine/ingest/capture-body';
import { isJsonText } from '../../../electron/engine/ingest/json-syntax';
import { BODY_DEPTH_NOTE, MAX_BODY_DEPTH } from '../../../electron/engine/ingest/body-depth';
import { parseCaptureUrl } from '../../../electron/engine/ingest/capture-url';
import { parsePushEvents, pushBodyText } from '../../../electron/engine/ingest/push-body';
import { eventHeaders, isJsonMediaType, mediaType } from '../../../electron/engine/ingest/request-headers';
import { HookdeskError } from '../../../shared/errors';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof HookdeskError ? `${error.status} ${error.code}` : 'other';
  }
  return undefined;
}

const parse = (text: string) => parsePushEvents(pushBodyText(Buffer.from(text)), Buffer.byteLength(text));

describe('push body', () => {
  it('takes one object or an array of 1..50 objects', () => {
    expect(parse('{"a":1}')).toEqual([{ body: { a: 1 }, size: 7, raw: '{"a":1}' }]);
    expect(parse('\ufeff [{"a":1},{"b":2}] ')).toEqual([
      { body: { a: 1 }, size: 7, raw: '{"a":1}' },
      { body: { b: 2 }, size: 7, raw: '{"b":2}' },
    ]);
    expect(parse(JSON.stringify(Array.from({ length: 50 }, () => ({}))))).toHaveLength(50);
  });

  it('maps each refusal to its contract code', () => {
    expect(codeOf(() => parse(''))).toBe('400 empty_body');
    expect(codeOf(() => parse(' \r\n\t'))).toBe('400 empty_body');
    expect(codeOf(() => parse('{'))).toBe('400 invalid_json');
    expect(codeOf(() => parse('[]'))).toBe('400 invalid_events');
    expect(codeOf(() => parse('[{}, 1]'))).toBe('400 invalid_events');
    expect(codeOf(() => parse('"text"'))).toBe('400 invalid_events');
    expect(codeOf(() => parse(JSON.stringify(Array.from({ length: 51 }, () => ({})))))).toBe('413 batch_too_large');
    // Size is checked before the elements: 51 non-objects is still too large.
    expect(codeOf(() => parse(JSON.stringify(Array.from({ length: 51 }, () => 1))))).toBe('413 batch_too_large');
  });
});

describe('captured body', () => {
  it('reads JSON as JSON, text as text, binary and nothing as null', () => {
    expect(readCapturedBody(Buffer.from('{"a":[1,2]}'))).toEqual({ a: [1, 2] });
    expect(readCapturedBody(Buffer.from('a=1&b=2'))).toBe('a=1&b=2');
    expect(readCapturedBody(Buffer.from('héllo ✓\n'))).toBe('héllo ✓\n');
    expect(readCapturedBody(Buffer.from([0xff, 0xfe, 0x00]))).toBeNull();
    expect(readCapturedBody(Buffer.from('ok\u0000binary'))).toBeNull();
    expect(readCapturedBody(Buffer.alloc(0))).toBeNull();
  });
});

describe('capture URL', () => {
  it('splits token, sub-path and query', () => {
    expect(parseCaptureUrl('/hooks/abc')).toEqual({ token: 'abc', path: '', query: '' });
    expect(parseCaptureUrl('/hooks/abc/')).toEqual({ token: 'abc', path: '/', query: '' });
    expect(parseCaptureUrl('/hooks/abc/x/y%20z?a=1&b')).toEqual({ token: 'abc', path: '/x/y%20z', query: 'a=1&b' });
    expect(parseCaptureUrl('/hooks/abc?q=/not/path')).toEqual({ token: 'abc', path: '', query: 'q=/not/path' });
    expect(parseCaptureUrl('/hooks/')).toEqual({ token: '', path: '', query: '' });
    expect(parseCaptureUrl('/api/v1/events')).toBeNull();
    expect(parseCaptureUrl('/hooksx/abc')).toBeNull();
  });
});

describe('request headers', () => {
  it('flattens repeated headers and redacts the key header', () => {
    expect(eventHeaders({ api_key: 'secret', 'x-a': ['1', '2'], host: 'h' }, new Set(['api_key']))).toEqual({ api_key: '[redacted]', 'x-a': '1, 2', host: 'h' });
  });

  it('redacts every named secret header, whichever the key came in, and repeats of it', () => {
    const headers = eventHeaders({ api_key: 'one, two', 'api-key': 'three', host: 'h' }, new Set(['api_key', 'api-key']));
    expect(headers).toEqual({ api_key: '[redacted]', 'api-key': '[redacted]', host: 'h' });
  });

  it('knows JSON media types', () => {
    expect(mediaType('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mediaType(undefined)).toBe('');
    expect(isJsonMediaType('application/json')).toBe(true);
    expect(isJsonMediaType('application/cloudevents+json')).toBe(true);
    expect(isJsonMediaType('text/plain')).toBe(false);
    expect(isJsonMediaType('application/x-www-form-urlencoded')).toBe(false);
  });
});

describe('push events keep their JSON text as sent', () => {
  it('slices each array element exactly, whatever its strings, nesting and whitespace hold', () => {
    const elements = [
      '{"a": "}{][", "b": [1, {"c": "\\"quoted\\" \\\\"}]}',
      '{\n  "multi": "line\\n",\n  "nested": {"deep": [[], {}]}\n}',
      '{"unicode": "é ✓ \\u2028", "n": -1.5e3}',
    ];
    const text = ` [ ${elements[0]},\n${elements[1]} ,${elements[2]}]  `;
    const items = parse(text);
    expect(items.map((i) => i.raw)).toEqual(elements);
    for (const item of items) {
      expect(JSON.parse(item.raw)).toEqual(item.body);
      expect(item.size).toBe(Buffer.byteLength(item.raw));
    }
  });

  it('keeps a single event as the whole body', () => {
    const [item] = parse('{"type": "x",\r\n "n": 1}');
    expect(item?.raw).toBe('{"type": "x",\r\n "n": 1}');
  });
});

/** `{"a":` n times: JSON nested n objects deep. */
function deepObject(n: number): string {
  return '{"a":'.repeat(n) + '1' + '}'.repeat(n);
}

describe('JSON nested deeper than the bound is kept as text, never parsed', () => {
  it('a single deep event: body null, its text as sent, and the note', () => {
    const text = deepObject(10_000);
    expect(parse(text)).toEqual([{ body: null, size: text.length, raw: text, note: BODY_DEPTH_NOTE }]);
  });

  it('a batch: only the deep elements are kept as text, the others are parsed', () => {
    const deep = deepObject(MAX_BODY_DEPTH + 1);
    const items = parse(`[{"n": 1}, ${deep} ,{"s": "]}"}]`);
    expect(items).toEqual([
      { body: { n: 1 }, size: 8, raw: '{"n": 1}' },
      { body: null, size: deep.length, raw: deep, note: BODY_DEPTH_NOTE },
      { body: { s: ']}' }, size: 11, raw: '{"s": "]}"}' },
    ]);
  });

  it('the bound itself is parsed as usual', () => {
    expect(parse(deepObject(MAX_BODY_DEPTH))[0]?.note).toBeUndefined();
  });

  it('a deep body still gets the contract refusals', () => {
    const deep = deepObject(1_000);
    expect(codeOf(() => parse(deep.slice(0, -1)))).toBe('400 invalid_json');
    expect(codeOf(() => parse(`${deep} {}`))).toBe('400 invalid_json');
    expect(codeOf(() => parse(`[${deep}, 1]`))).toBe('400 invalid_events');
    expect(codeOf(() => parse(`[${'['.repeat(300)}${']'.repeat(300)}]`))).toBe('400 invalid_events');
    expect(codeOf(() => parse(`[${Array.from({ length: 51 }, () => deep).join(',')}]`))).toBe('413 batch_too_large');
  });

  it('a deep captured JSON body reads as null with the note; text that only looks deep stays text', () => {
    expect(readCaptured(Buffer.from(deepObject(10_000)))).toEqual({ body: null, note: BODY_DEPTH_NOTE });
    const prose = `${'['.repeat(300)} not JSON`;
    expect(readCaptured(Buffer.from(prose))).toEqual({ body: prose });
  });
});

describe('JSON syntax without building the value', () => {
  it('accepts JSON and refuses what JSON.parse refuses, at any depth', () => {
    for (const text of ['{}', '[]', '[1,2,{"a":[true,false,null]}]', ' {"a" : "b\\n"} ', '1', '"s"', '-1.5e3', deepObject(100_000)]) {
      expect([text.slice(0, 20), isJsonText(text)]).toEqual([text.slice(0, 20), true]);
    }
    for (const text of ['', '{', '[1,]', '{"a":1,}', '{a:1}', '[1 2]', '{"a"}', '{}/*c*/', '// x\n{}', '{}}', '[}', "{'a':1}", '[tru]', '"abc', '{"a":1}{}', '01', `${deepObject(1_000)}}`]) {
      expect([text.slice(0, 20), isJsonText(text)]).toEqual([text.slice(0, 20), false]);
    }
  });
});
