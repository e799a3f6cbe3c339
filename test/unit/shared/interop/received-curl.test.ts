import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receivedRequestCurl } from '../../../../shared/curl';
import type { HookEvent } from '../../../../shared/schemas/event';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Runs the command in bash, as a person pasting it would. */
function runInBash(command: string): Promise<void> {
  return new Promise((resolve, reject) => execFile('bash', ['-c', command], (error) => (error ? reject(error) : resolve())));
}

function captured(fields: Partial<HookEvent>): HookEvent {
  return {
    id: 'evt_1',
    connectorId: 'con_1',
    source: 'capture',
    dataSource: 'generic',
    type: 'generic',
    receivedTime: '2024-05-01T10:00:00.000Z',
    headers: {},
    body: null,
    size: 0,
    remoteAddress: '127.0.0.1',
    method: 'POST',
    path: '',
    query: '',
    contentType: null,
    ...fields,
  };
}

describe('Copy received request as curl: the command sends the same bytes and headers again', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const cases: Array<[string, Buffer, Record<string, string>]> = [
    ['text with quotes, newlines, $ and a trailing newline', Buffer.from(`{"it's": "a \`test\` $HOME\\n"}\n\nend\n`), { 'content-type': 'application/json', 'x-signature': "sha256='abc'", 'user-agent': 'Stripe/1.0' }],
    ['binary bytes (not UTF-8)', Buffer.from([0x00, 0xff, 0x89, 0x50, 0x4e, 0x47, 0x0a, 0x27]), { 'content-type': 'application/octet-stream' }],
    ['UTF-8 text holding NUL', Buffer.from('a\u0000b', 'utf8'), {}],
  ];
  for (const [name, bytes, headers] of cases) {
    it(name, async () => {
      seen.length = 0;
      const event = captured({ method: 'PUT', path: '/a/b', query: 'x=1&y=%20z', headers: { ...headers, host: 'elsewhere', 'content-length': String(bytes.length), 'x-empty': '' }, bodyBase64: bytes.toString('base64'), size: bytes.length });
      const command = receivedRequestCurl(event, { captureUrl: `${base}/hooks/tok`, pushUrl: null });
      expect(command).toContain('--data-binary @-');
      await runInBash(command);
      const [request] = seen;
      expect(request!.method).toBe('PUT');
      expect(request!.url).toBe('/hooks/tok/a/b?x=1&y=%20z');
      expect(request!.body.equals(bytes)).toBe(true);
      for (const [header, value] of Object.entries(headers)) expect(request!.headers[header]).toBe(value);
      expect(request!.headers['x-empty']).toBe('');
      // curl's own defaults are not added when the sender had none.
      if (headers['user-agent'] === undefined) expect(request!.headers['user-agent']).toBeUndefined();
      if (headers['content-type'] === undefined) expect(request!.headers['content-type']).toBeUndefined();
      expect(request!.headers.accept).toBeUndefined();
    });
  }

  it('a push goes to the push URL with its JSON as sent (numbers digit for digit); the redacted key stays visible to replace', async () => {
    seen.length = 0;
    const event = captured({ source: 'push', method: undefined, path: undefined, query: undefined, headers: { 'content-type': 'application/json', api_key: '[redacted]' }, body: { amount: 1 }, bodyJson: '{"amount": 12345678901234567890123}' });
    const command = receivedRequestCurl(event, { captureUrl: null, pushUrl: `${base}/api/1.0/webhook/push` });
    await runInBash(command);
    expect(seen[0]!.url).toBe('/api/1.0/webhook/push');
    expect(seen[0]!.body.toString()).toBe('{"amount": 12345678901234567890123}');
    expect(seen[0]!.headers.api_key).toBe('[redacted]');
  });

  it('a request without a body sends none', async () => {
    seen.length = 0;
    await runInBash(receivedRequestCurl(captured({ method: 'GET', bodyBase64: '' }), { captureUrl: `${base}/hooks/tok`, pushUrl: null }));
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.body.length).toBe(0);
  });
});
