import type { Call } from './http';
import type { Rng } from './prng';

/** What the fuzz needs to know about the engine under test. */
export interface FuzzTarget {
  /** Key and capture path of the connector that takes the malformed traffic. */
  apiKey: string;
  capturePath: string;
  connectorId: string;
  token: string;
  maxBodyBytes: number;
}

export interface FuzzCase extends Call {
  /** A short name, printed with any 5xx so the failing kind is obvious. */
  kind: string;
}

export const PUSH_PATH = '/api/1.0/webhook/push';

/** `{"a":` n times: the body that made the journal's stringify throw (60 kB at n = 10,000). */
export function deepObject(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

export function deepArray(depth: number): string {
  return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

const WEIRD_METHODS = ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'PURGE', 'SEARCH', 'LOCK', 'MKCOL', 'REPORT', 'TRACE'];
const CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream', 'application/json; charset=utf-16', 'application/json;;;', 'application/*+json', '', ';', 'text/html'];
const ENCODINGS = ['gzip', 'deflate', 'br', 'x-unknown', 'gzip, gzip', 'identity', 'compress', 'zstd'];

function pushCall(t: FuzzTarget, kind: string, body: string | Buffer, headers: Record<string, string> = {}): FuzzCase {
  return { kind: `push:${kind}`, method: 'POST', path: PUSH_PATH, headers: { 'content-type': 'application/json', API_KEY: t.apiKey, ...headers }, body };
}

function randomJsonText(rng: Rng): string {
  const value = { type: `fuzz.${rng.int(0, 20)}`, n: rng.int(-1e9, 1e9), s: 'x'.repeat(rng.int(0, 200)), list: [1, 'two', null, true] };
  return JSON.stringify(value);
}

/** Valid JSON cut short or with a byte changed: the usual ways a sender's body breaks. */
function brokenJson(rng: Rng): string {
  const text = randomJsonText(rng);
  if (rng.chance(0.5)) return text.slice(0, rng.int(1, text.length - 1));
  const at = rng.int(0, text.length - 1);
  return `${text.slice(0, at)}${rng.pick(['"', '{', ']', ',', '\\', '\u0000', 'NaN', 'undefined'])}${text.slice(at + 1)}`;
}

function hugeNumbers(rng: Rng): string {
  return rng.pick([
    '{"n": 1e999999}',
    `{"n": ${'9'.repeat(rng.int(400, 5000))}}`,
    '{"n": -0.0000000000000000000000000000000000000000000000000000000001e-400}',
    `{"n": 1${'0'.repeat(400)}.${'5'.repeat(400)}}`,
    '{"n": 123456789012345678901234567890, "type": 1e308}',
  ]);
}

function oddStrings(rng: Rng): string | Buffer {
  return rng.pick<string | Buffer>([
    '{"s": "\\ud800"}',
    '{"s": "\\udc00\\ud800", "type": "\\ud83d"}',
    '{"\\ud800": 1}',
    Buffer.concat([Buffer.from('{"s": "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
    Buffer.concat([Buffer.from('{"s": "'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('", "type": "'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]),
    Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('{"bom": true}')]),
    '{"type": "\u202e\u0000\u2028\u2029"}',
    `{"s": "${'\\u0000'.repeat(500)}"}`,
  ]);
}

function arrays(rng: Rng): string {
  const obj = (): string => randomJsonText(rng);
  return rng.pick([
    '[]',
    `[${Array.from({ length: 51 }, obj).join(',')}]`,
    `[1, {}, "x", null, ${obj()}]`,
    '[[{}]]',
    `[${obj()}, 5]`,
    '[null]',
    '"just a string"',
    '42',
    'null',
  ]);
}

function oversize(t: FuzzTarget, rng: Rng): FuzzCase {
  const size = t.maxBodyBytes + rng.int(1, 4096);
  const body = `{"pad": "${'p'.repeat(size)}"}`;
  // Sent both with a Content-Length (refused before reading) and chunked (refused while reading).
  if (rng.chance(0.5)) return pushCall(t, 'oversize-length', body);
  return { ...pushCall(t, 'oversize-chunked', body, { 'transfer-encoding': 'chunked' }) };
}

function pushCase(t: FuzzTarget, rng: Rng): FuzzCase {
  switch (rng.int(0, 14)) {
    case 0:
      return pushCall(t, 'bad-json', brokenJson(rng));
    case 1:
      return pushCall(t, 'deep-object', deepObject(rng.pick([300, 1000, 10_000])));
    case 2:
      return pushCall(t, 'deep-array', deepArray(rng.pick([300, 5000, 20_000])));
    case 3:
      return pushCall(t, 'huge-number', hugeNumbers(rng));
    case 4:
      return pushCall(t, 'odd-strings', oddStrings(rng));
    case 5:
      return pushCall(t, 'content-type', randomJsonText(rng), { 'content-type': rng.pick(CONTENT_TYPES) });
    case 6:
      return rng.chance(0.5)
        ? { kind: 'push:no-key', method: 'POST', path: PUSH_PATH, headers: { 'content-type': 'application/json' }, body: randomJsonText(rng) }
        : pushCall(t, 'bad-key', randomJsonText(rng), { API_KEY: rng.pick(['', 'x', t.apiKey.slice(0, -1), t.apiKey + 'x', '\t', 'a'.repeat(4000)]) });
    case 7:
      return { kind: 'push:both-keys', method: 'POST', path: PUSH_PATH, headers: [['content-type', 'application/json'], ['API_KEY', t.apiKey], ['api-key', 'second-' + t.apiKey]], body: randomJsonText(rng) };
    case 8:
      return oversize(t, rng);
    case 9:
      return pushCall(t, 'arrays', arrays(rng));
    case 10:
      return pushCall(t, 'encoding', rng.chance(0.7) ? randomJsonText(rng) : rng.bytes(rng.int(1, 200)), { 'content-encoding': rng.pick(ENCODINGS) });
    case 11:
      return { kind: 'push:method', method: rng.pick(WEIRD_METHODS), path: PUSH_PATH, headers: { API_KEY: t.apiKey, 'content-type': 'application/json' }, body: rng.chance(0.5) ? randomJsonText(rng) : undefined };
    case 12:
      return { ...pushCall(t, 'long-query', randomJsonText(rng)), path: `${PUSH_PATH}?${'q=%ff%00&'.repeat(rng.int(10, 1500))}` };
    case 13: {
      const headers: Record<string, string> = { 'content-type': 'application/json', API_KEY: t.apiKey };
      for (let i = 0, n = rng.int(50, 3000); i < n; i++) headers[`x-h${i}`] = 'v';
      return { kind: 'push:many-headers', method: 'POST', path: PUSH_PATH, headers, body: randomJsonText(rng) };
    }
    default:
      return pushCall(t, 'random-bytes', rng.bytes(rng.int(0, 3000)));
  }
}

function capturePath(t: FuzzTarget, rng: Rng): string {
  const sub = rng.pick(['', '/', '/a/b/c', '/%00', '/../../etc/passwd', '/%ff%fe', `/${'x'.repeat(rng.int(100, 4000))}`, '/ü/ß', '//double//slash', '/%2e%2e/%2f']);
  const query = rng.pick(['', '?a=1', '?a=%ff', `?${'k=v&'.repeat(rng.int(1, 500))}`, '?=&=&', '?a[b][c]=1']);
  const token = rng.chance(0.05) ? '/hooks/no-such-token' : t.capturePath;
  return `${token}${sub}${query}`;
}

function captureCase(t: FuzzTarget, rng: Rng): FuzzCase {
  const method = rng.pick(['GET', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', ...WEIRD_METHODS]);
  const bodies: (() => string | Buffer | undefined)[] = [
    () => undefined,
    () => randomJsonText(rng),
    () => brokenJson(rng),
    () => deepObject(rng.pick([300, 10_000])),
    () => deepArray(rng.pick([300, 20_000])),
    () => rng.bytes(rng.int(0, 5000)),
    () => oddStrings(rng),
    () => hugeNumbers(rng),
    () => 'x'.repeat(t.maxBodyBytes + rng.int(1, 2048)),
  ];
  const body = method === 'HEAD' || method === 'GET' && rng.chance(0.5) ? undefined : rng.pick(bodies)();
  const headers: Record<string, string> = {};
  if (rng.chance(0.7)) headers['content-type'] = rng.pick([...CONTENT_TYPES, 'application/json']);
  if (rng.chance(0.15)) headers['content-encoding'] = rng.pick(ENCODINGS);
  if (rng.chance(0.1)) headers['x-github-event'] = rng.pick(['push', '', '\u00ff']);
  if (rng.chance(0.1)) headers['stripe-signature'] = 't=1,v1=zz';
  return { kind: `capture:${method}`, method, path: capturePath(t, rng), headers, body };
}

function managementCase(t: FuzzTarget, rng: Rng): FuzzCase {
  const auth: Record<string, string> = rng.chance(0.9)
    ? { authorization: `Bearer ${t.token}` }
    : rng.pick<Record<string, string>>([{}, { authorization: 'Bearer wrong' }, { authorization: 'Basic eA==' }, { cookie: 'hookdesk_session=forged' }]);
  const json = { ...auth, 'content-type': 'application/json' };
  const id = rng.pick(['x', 'evt_' + 'z'.repeat(30), '%00', '..%2f..', 'a'.repeat(3000), t.connectorId, '%ff', '__proto__', 'constructor']);
  const badBody = (): string | Buffer => rng.pick<() => string | Buffer>([
    () => brokenJson(rng),
    () => deepObject(rng.pick([300, 10_000])),
    () => deepArray(5000),
    () => rng.bytes(rng.int(1, 500)),
    () => '{"__proto__": {"polluted": true}, "name": "x"}',
    () => JSON.stringify({ name: rng.bytes(20).toString('latin1'), dataSource: 5 }),
    () => '',
  ])();
  switch (rng.int(0, 10)) {
    case 0:
      return { kind: 'api:connector-bad-body', method: 'POST', path: '/api/v1/connectors', headers: json, body: badBody() };
    case 1:
      return { kind: 'api:connector-patch', method: 'PATCH', path: `/api/v1/connectors/${id}`, headers: json, body: badBody() };
    case 2:
      return { kind: 'api:webhook-bad-body', method: 'POST', path: '/api/v1/webhooks', headers: json, body: badBody() };
    case 3:
      return { kind: 'api:event-id', method: rng.pick(['GET', 'DELETE', 'POST']), path: `/api/v1/events/${id}`, headers: auth };
    case 4: {
      const query = rng.pick(['page=-1', 'pageSize=abc', 'pageSize=100000', 'page=1e309', 'q=' + '%28'.repeat(200), 'q[]=1&q[]=2', 'connectorId[a]=1', 'type=*.*.*.*.*', 'q=' + 'a'.repeat(5000), 'page=1&page=2']);
      return { kind: 'api:event-query', method: 'GET', path: `/api/v1/events?${query}`, headers: auth };
    }
    case 5:
      return { kind: 'api:gzip-garbage', method: 'POST', path: rng.pick(['/api/v1/connectors', '/api/v1/webhooks', '/api/v1/events', '/api/v1/session']), headers: { ...json, 'content-encoding': rng.pick(ENCODINGS) }, body: rng.bytes(rng.int(1, 300)) };
    case 6:
      return { kind: 'api:publish-event', method: 'POST', path: '/api/v1/events', headers: json, body: rng.chance(0.5) ? badBody() : JSON.stringify({ type: rng.pick(['.'.repeat(200), 'a'.repeat(300), '\ud800', '', 'x.y']), entity: JSON.parse(deepObject(rng.pick([10, 300]))) }) };
    case 7:
      return { kind: 'api:unknown-route', method: rng.pick(['GET', 'POST', ...WEIRD_METHODS]), path: rng.pick(['/api/v1/nope', '/api/v2/events', `/api/v1/${'%ff'.repeat(100)}`, '/api/v1/webhooks/x/deliveries?page=0', '/api/v1/deliveries/x/redeliver', '/api/v1/connectors/x/stats?range=1y']), headers: json, body: rng.chance(0.3) ? badBody() : undefined };
    case 8:
      return { kind: 'api:session', method: rng.pick(['POST', 'DELETE', 'GET']), path: '/api/v1/session', headers: { 'content-type': rng.pick(['application/json', 'text/plain']) }, body: rng.chance(0.5) ? JSON.stringify({ token: rng.pick(['', 'x', 'a'.repeat(5000)]) }) : badBody() };
    case 9:
      return { kind: 'api:wrong-type', method: 'POST', path: '/api/v1/connectors', headers: { ...auth, 'content-type': rng.pick(CONTENT_TYPES) }, body: randomJsonText(rng) };
    default:
      // Saved but never matched: the fuzz checks that saving cannot crash; rendering has its own tests.
      return { kind: 'api:webhook-template', method: 'POST', path: '/api/v1/webhooks', headers: json, body: JSON.stringify({ name: `fz ${rng.int(0, 1e9)}`, url: 'http://127.0.0.1:9/never', enabled: false, events: [{ type: 'fuzz.never.matches' }], bodyTemplate: rng.pick(['{{#a}}'.repeat(5000), '{{', '{{{x}}', '{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}x{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}', '{"a": {{json body}}}']) }) };
  }
}

/** One malformed request for push, capture or the management API (in about equal shares). */
export function malformedCase(t: FuzzTarget, rng: Rng): FuzzCase {
  const r = rng.next();
  if (r < 0.4) return pushCase(t, rng);
  if (r < 0.75) return captureCase(t, rng);
  return managementCase(t, rng);
}
