import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { toCurl, shellQuote } from '../../../shared/curl';
import { SYSTEM_EVENT_TYPES } from '../../../shared/events/dispatch-event';
import { mockEvent, sampleFromSchema, templateFieldPaths } from '../../../shared/mock-event';
import { hookEventSchema } from '../../../shared/schemas/event';
import { renderRequestBody } from '../../../shared/template/render-request-body';

const NOW = '2024-05-01T10:00:00.000Z';

describe('mock events', () => {
  it.each(SYSTEM_EVENT_TYPES)('%s has a realistic built-in sample', (type) => {
    const event = mockEvent({ type, now: NOW });
    expect(event).toMatchObject({ type, source: 'system', receivedTime: NOW, dataSource: 'hookdesk' });
    expect(event.severity).toBeDefined();
    expect(event.body).toMatchObject({ id: expect.stringMatching(/^(con|whk)_/) });
    expect(hookEventSchema.partial().safeParse(event).success).toBe(true);
  });

  it('uses a given sample and carries version/severity; otherwise a generic body', () => {
    const event = mockEvent({ type: 'Flow.Executed', now: NOW, sample: { id: 7 }, version: '1.0', severity: 'info', connectorId: 'con_1' });
    expect(event).toMatchObject({ body: { id: 7 }, version: '1.0', severity: 'info', connectorId: 'con_1', source: 'api' });
    expect(mockEvent({ type: 'x.y', now: NOW }).body).toMatchObject({ type: 'x.y', message: expect.any(String) });
  });

  it('a mock event renders through the default envelope', () => {
    const event = mockEvent({ type: 'webhook.failed', now: NOW });
    const webhook = { id: 'whk_x', name: 'n', method: 'POST', contentType: 'application/json', includeEntity: true, bodyTemplate: null, jsonPayloadEnabled: false } as const;
    const result = renderRequestBody({ webhook, event, apiBaseUrl: 'http://127.0.0.1:8787' });
    expect(result.ok && result.body && JSON.parse(result.body).entityUrl).toBe('http://127.0.0.1:8787/api/v1/webhooks/whk_0sample0000000webhook');
  });

  it('samples from an inferred JSON schema', () => {
    const schema = {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        at: { type: 'string', format: 'date-time' },
        kind: { enum: ['push', 'pull'] },
        tags: { type: 'array', items: { type: 'string' } },
        maybe: { type: ['null', 'boolean'] },
        named: { type: 'string', examples: ['Ada'] },
      },
    };
    expect(sampleFromSchema(schema, NOW)).toEqual({ id: 0, at: NOW, kind: 'push', tags: ['string'], maybe: true, named: 'Ada' });
  });
});

describe('templateFieldPaths', () => {
  it('lists nested dotted paths, arrays through their first item', () => {
    expect(templateFieldPaths({ data: { id: 1, customer: { email: 'e' }, items: [{ sku: 'a' }], tags: [] }, eventType: 't' })).toEqual([
      'data',
      'data.id',
      'data.customer',
      'data.customer.email',
      'data.items',
      'data.items.0.sku',
      'data.tags',
      'eventType',
    ]);
    expect(templateFieldPaths('text')).toEqual([]);
    expect(templateFieldPaths({ a: { b: { c: 1 } } }, { maxDepth: 1 })).toEqual(['a', 'a.b']);
  });
});

describe('curl', () => {
  it('quotes for the shell so the command reproduces the request exactly', () => {
    const body = `{"msg": "it's $HOME \`id\` \\n \\"q\\"", "x": "@file"}\nline2`;
    const command = toCurl({
      method: 'POST',
      url: 'https://example.com/hook?a=1&b=2',
      headers: { 'Content-Type': 'application/json', 'X-Weird': "va'lue; rm -rf /", 'Content-Length': '99' },
      body,
    });
    expect(command).not.toMatch(/Content-Length/);
    expect(command).toMatch(/^curl -X POST 'https:\/\/example.com\/hook\?a=1&b=2'/);
    // Let a real shell parse it: printf each argument after "curl" on its own NUL-terminated record.
    const args = execFileSync('sh', ['-c', command.replace(/^curl/, "printf '%s\\0'")]).toString().split('\0').slice(0, -1);
    expect(args).toEqual([
      '-X',
      'POST',
      'https://example.com/hook?a=1&b=2',
      '-H',
      'Content-Type: application/json',
      '-H',
      "X-Weird: va'lue; rm -rf /",
      '--data-raw',
      body,
    ]);
  });

  it('GET without a body has no --data-raw; safe words are left bare', () => {
    expect(toCurl({ method: 'GET', url: 'http://localhost:3000/x', headers: {}, body: null })).toBe('curl -X GET http://localhost:3000/x');
    expect(shellQuote('')).toBe("''");
  });
});
