import { describe, expect, it } from 'vitest';
import { invocationSchema, deliverySchema } from '../../../../shared/schemas/delivery';
import { replayRequestSchema } from '../../../../shared/schemas/replay';
import {
  insecureTargetWarning,
  maskWebhook,
  restoreMaskedSecrets,
  storedWebhookSchema,
  webhookConfigSchema,
  webhookCreateSchema,
  webhookPatchSchema,
  webhookSchema,
  type StoredWebhook,
} from '../../../../shared/schemas/webhook';
import { issuesToFields } from '../../../../shared/validation';

const fieldsOf = (input: unknown) => {
  const result = webhookCreateSchema.safeParse(input);
  return result.success ? {} : issuesToFields(result.error.issues);
};

describe('webhook create', () => {
  it('needs name and url; fills every default', () => {
    const parsed = webhookCreateSchema.parse({ name: 'Orders to ERP', url: 'https://erp.example.com/hooks' });
    expect(parsed).toMatchObject({
      method: 'POST',
      contentType: 'application/json',
      enabled: true,
      bodyTemplate: null,
      events: 'all',
      auth: { type: 'none' },
      secret: null,
      signature: 'hmac-sha1',
      timeoutSeconds: 10,
      validators: [],
      retry: { maxAttempts: 5, backoff: 'exponential' },
    });
    expect(fieldsOf({})).toMatchObject({ name: expect.any(String), url: expect.any(String) });
  });

  it('checks url scheme, method, content type, timeout range and unknown fields', () => {
    const base = { name: 'n', url: 'https://x.example' };
    expect(fieldsOf({ ...base, url: 'ftp://x.example' })).toHaveProperty('url');
    expect(fieldsOf({ ...base, method: 'PUT' })).toHaveProperty('method');
    expect(fieldsOf({ ...base, contentType: 'text/plain' })).toHaveProperty('contentType');
    expect(fieldsOf({ ...base, timeoutSeconds: 0 })).toHaveProperty('timeoutSeconds');
    expect(fieldsOf({ ...base, timeoutSeconds: 121 })).toHaveProperty('timeoutSeconds');
    expect(fieldsOf({ ...base, timeoutSeconds: 120 })).toEqual({});
    expect(fieldsOf({ ...base, surprise: 1 })).toHaveProperty(['(body)']);
  });

  it('events: "all" or a non-empty list of selectors with globs; filters; validators start with $', () => {
    const base = { name: 'n', url: 'https://x.example' };
    expect(fieldsOf({ ...base, events: [{ type: 'Flow.*', version: '1.0.0', severity: 'error' }] })).toEqual({});
    expect(fieldsOf({ ...base, events: [] })).toHaveProperty('events');
    expect(fieldsOf({ ...base, events: 'some' })).toHaveProperty('events');
    expect(fieldsOf({ ...base, filters: { connectorIds: ['con_1'], dataSources: ['GitHub'], severities: ['error'] } })).toEqual({});
    expect(fieldsOf({ ...base, validators: [{ path: 'data.x', expected: ['a'] }] })).toHaveProperty(['validators.0.path']);
    expect(fieldsOf({ ...base, validators: [{ path: '$.data.x', expected: ['a', 1, true, null] }] })).toEqual({});
  });

  it('auth fields: ASCII only, at most 255 bytes, per type', () => {
    const base = { name: 'n', url: 'https://x.example' };
    expect(fieldsOf({ ...base, auth: { type: 'basic', username: 'u', password: 'p' } })).toEqual({});
    expect(fieldsOf({ ...base, auth: { type: 'basic', username: 'ü', password: 'p' } })).toHaveProperty(['auth.username']);
    expect(fieldsOf({ ...base, auth: { type: 'bearer', token: 'x'.repeat(256) } })).toHaveProperty(['auth.token']);
    expect(fieldsOf({ ...base, auth: { type: 'bearer', token: 'x'.repeat(255) } })).toEqual({});
    expect(fieldsOf({ ...base, auth: { type: 'apiKey', header: 'DD-API-KEY', value: 'k' } })).toEqual({});
    expect(fieldsOf({ ...base, auth: { type: 'apiKey', header: 'bad header', value: 'k' } })).toHaveProperty(['auth.header']);
    const oauth = { type: 'oauth2', tokenUrl: 'https://auth.example/token', clientId: 'c', clientSecret: 's', scopes: ['read', 'write'] };
    expect(fieldsOf({ ...base, auth: oauth })).toEqual({});
    expect(fieldsOf({ ...base, auth: { ...oauth, tokenUrl: 'not a url' } })).toHaveProperty(['auth.tokenUrl']);
    expect(fieldsOf({ ...base, auth: { type: 'digest' } })).toHaveProperty(['auth.type']);
  });

  it('custom headers: valid names, no line breaks in values', () => {
    const base = { name: 'n', url: 'https://x.example' };
    expect(fieldsOf({ ...base, headers: { 'x-api-key': 'ABC' } })).toEqual({});
    expect(Object.keys(fieldsOf({ ...base, headers: { 'X-A': 'a\r\nX-Injected: 1' } }))[0]).toMatch(/^headers/);
  });

  it('standard-webhooks needs a whsec_/base64 secret', () => {
    const base = { name: 'n', url: 'https://x.example', signature: 'standard-webhooks' };
    expect(fieldsOf({ ...base, secret: 'plain text secret!' })).toHaveProperty('secret');
    expect(fieldsOf({ ...base, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })).toEqual({});
    expect(fieldsOf({ name: 'n', url: 'https://x.example', secret: 'plain text secret!' })).toEqual({});
  });

  it('names: letters, digits, space . _ -, not padded', () => {
    expect(fieldsOf({ name: 'webhook-name-1', url: 'https://x.example' })).toEqual({});
    expect(fieldsOf({ name: ' padded', url: 'https://x.example' })).toHaveProperty('name');
    expect(fieldsOf({ name: 'a/b', url: 'https://x.example' })).toHaveProperty('name');
  });
});

describe('webhook patch', () => {
  it('is partial and fills no defaults', () => {
    expect(webhookPatchSchema.parse({ enabled: false })).toEqual({ enabled: false });
    expect(webhookPatchSchema.parse({})).toEqual({});
    expect(webhookPatchSchema.safeParse({ state: 'ACTIVE' }).success).toBe(false);
    expect(webhookPatchSchema.parse({ secret: null })).toEqual({ secret: null });
  });
});

const stored: StoredWebhook = {
  ...webhookConfigSchema.parse({
    ...webhookCreateSchema.parse({ name: 'n', url: 'http://192.168.1.20/hook' }),
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    auth: { type: 'basic', username: 'user', password: 'correct horse battery staple' },
    headers: { 'x-api-key': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'X-Team': 'payments' },
  }),
  id: 'whk_1',
  state: 'ACTIVE',
  consecutiveFailures: 0,
  lastSuccessfulMessageDelivery: null,
  createdTime: '2024-01-01T00:00:00.000Z',
  updatedTime: '2024-01-01T00:00:00.000Z',
};

describe('masking', () => {
  it('never reads back the secret, credentials or sensitive headers; warns about plain http', () => {
    expect(storedWebhookSchema.safeParse(stored).success).toBe(true);
    const read = maskWebhook(stored);
    expect(webhookSchema.safeParse(read).success).toBe(true);
    expect(read.secret).toBe('whsec_••••LaSw');
    expect(read.auth).toEqual({ type: 'basic', username: 'user', password: '••••aple' });
    expect(read.headers).toEqual({ 'x-api-key': '••••WXYZ', 'X-Team': 'payments' });
    expect(JSON.stringify(read)).not.toMatch(/MfKQ9r8G|correct horse|ABCDEFGHIJ/);
    expect(read.warnings).toHaveLength(1);
    expect(maskWebhook({ ...stored, secret: null, url: 'https://x.example' })).toMatchObject({ secret: null, warnings: [] });
    expect(maskWebhook({ ...stored, auth: { type: 'bearer', token: 'short' } }).auth).toEqual({ type: 'bearer', token: '••••' });
  });

  it('a form that sends masked values back keeps the stored ones', () => {
    const read = maskWebhook(stored);
    const patch = restoreMaskedSecrets({ url: 'https://new.example', secret: read.secret, auth: read.auth, headers: read.headers }, stored);
    const parsed = webhookPatchSchema.parse(patch);
    expect(parsed.secret).toBe(stored.secret);
    expect(parsed.auth).toEqual(stored.auth);
    expect(parsed.headers).toEqual(stored.headers);
    const changed = restoreMaskedSecrets({ auth: { type: 'basic', username: 'user', password: 'new-password' } }, stored);
    expect(changed.auth).toEqual({ type: 'basic', username: 'user', password: 'new-password' });
  });
});

describe('insecureTargetWarning', () => {
  it.each([
    ['https://example.com/x', null],
    ['http://localhost:3000/hooks', null],
    ['http://127.0.0.1:3000', null],
    ['http://[::1]:3000', null],
    ['http://api.localhost/x', null],
    ['not a url', null],
  ])('%s -> no warning', (url, expected) => expect(insecureTargetWarning(url)).toBe(expected));

  it('warns for plain http to another machine', () => {
    expect(insecureTargetWarning('http://example.com/hook')).toMatch(/example\.com .*unencrypted/);
    expect(insecureTargetWarning('http://10.0.0.5:8080/hook')).toMatch(/10\.0\.0\.5:8080/);
  });
});

describe('invocation and delivery shapes', () => {
  const invocation = {
    ok: false,
    request: { method: 'POST', url: 'https://x.example', headers: { 'content-type': 'application/json' }, body: '{}' },
    response: null,
    error: 'connect ECONNREFUSED',
    durationMs: 3,
    validators: [{ path: '$.a', expected: ['x'], actual: '(no response)', ok: false }],
  };
  it('accept the contract shapes', () => {
    expect(invocationSchema.safeParse(invocation).success).toBe(true);
    expect(
      deliverySchema.safeParse({
        id: 'dlv_1',
        webhookId: 'whk_1',
        eventId: 'evt_1',
        eventType: 'Flow.Executed',
        attempt: 2,
        trigger: 'scheduled',
        status: 'failed',
        createdTime: 't',
        sentTime: 't',
        nextAttemptTime: 't',
        redeliveryOf: null,
        responseStatus: 503,
        durationMs: 12,
        error: 'HTTP 503',
        request: invocation.request,
        response: { status: 503, headers: {}, body: 'down' },
        validators: [],
      }).success,
    ).toBe(true);
  });

  it('replay requests need their target detail', () => {
    expect(replayRequestSchema.safeParse({ target: 'forward' }).success).toBe(true);
    expect(replayRequestSchema.safeParse({ target: 'webhook' }).success).toBe(false);
    expect(replayRequestSchema.safeParse({ target: 'url', url: 'http://localhost:3000/x', body: '{}' }).success).toBe(true);
  });
});
