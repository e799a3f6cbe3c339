import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../../shared/schemas/connector';
import { draftFromConnector, patchFromDraft, placeFieldErrors, usesTolerance, validateRelayDraft } from '../../../../renderer/src/features/relay/relay-draft';

const connector = (over: Partial<Connector> = {}): Connector => ({
  id: 'con_1',
  name: 'GitHub',
  dataSource: null,
  status: 'OFFLINE',
  createdTime: '2026-01-01T00:00:00.000Z',
  updatedTime: '2026-01-01T00:00:00.000Z',
  lastEventTime: null,
  eventCount: 0,
  forwardTo: null,
  verification: null,
  response: { status: 200, headers: {}, body: '', delayMs: 0 },
  typePath: null,
  retention: 10_000,
  pushUrl: 'http://127.0.0.1:8787/api/1.0/webhook/push',
  captureUrl: 'http://127.0.0.1:8787/hooks/token',
  ...over,
});

describe('relay settings draft', () => {
  it('builds forwardTo and a GitHub verification from the fields', () => {
    const draft = { ...draftFromConnector(connector()), forwardUrl: ' http://127.0.0.1:3000/hooks ', forwardTimeoutMs: '5000', scheme: 'github' as const, secret: 's3cret' };
    expect(patchFromDraft(draft, connector())).toEqual({
      forwardTo: { url: 'http://127.0.0.1:3000/hooks', timeoutMs: 5000 },
      verification: { scheme: 'github', secret: 's3cret', verifyOn: 'capture', forwardOnlyVerified: false },
    });
  });

  it('sends the masked secret back when the secret field is left empty, so the engine keeps the stored one', () => {
    const saved = connector({ verification: { scheme: 'stripe', secret: '••••', toleranceSeconds: 600, verifyOn: 'both', forwardOnlyVerified: true } });
    const draft = draftFromConnector(saved);
    expect(draft.secret).toBe('');
    expect(draft.toleranceSeconds).toBe('600');
    expect(patchFromDraft(draft, saved).verification).toEqual({ scheme: 'stripe', secret: '••••', toleranceSeconds: 600, verifyOn: 'both', forwardOnlyVerified: true });
  });

  it('turns verification off and forwarding off with empty choices', () => {
    const saved = connector({ forwardTo: { url: 'http://127.0.0.1:1/' }, verification: { scheme: 'github', secret: '••••', verifyOn: 'capture', forwardOnlyVerified: false } });
    const draft = { ...draftFromConnector(saved), forwardUrl: '', scheme: '' as const };
    expect(patchFromDraft(draft, saved)).toEqual({ forwardTo: null, verification: null });
  });

  it('builds a generic HMAC setting, dropping empty optional parts', () => {
    const draft = { ...draftFromConnector(connector()), scheme: 'hmac' as const, secret: 'k', header: 'X-Sig', prefix: 'sha256=', signedPayload: '{timestamp}.{body}', timestampHeader: 'X-Ts', toleranceSeconds: '60' };
    expect(patchFromDraft(draft, connector()).verification).toEqual({
      scheme: 'hmac', secret: 'k', toleranceSeconds: 60, verifyOn: 'capture', forwardOnlyVerified: false, algorithm: 'sha256', encoding: 'hex', header: 'X-Sig', prefix: 'sha256=', signedPayload: '{timestamp}.{body}', timestampHeader: 'X-Ts',
    });
    expect(usesTolerance({ scheme: 'hmac', signedPayload: '{body}' })).toBe(false);
    expect(usesTolerance({ scheme: 'github', signedPayload: '' })).toBe(false);
    expect(usesTolerance({ scheme: 'slack', signedPayload: '' })).toBe(true);
  });

  it('validates with the shared schema and places the errors on the fields', () => {
    const draft = { ...draftFromConnector(connector()), forwardUrl: 'ftp://x', forwardTimeoutMs: '5', scheme: 'hmac' as const, secret: '', header: 'bad header', signedPayload: '{timestamp}.{body}' };
    const result = validateRelayDraft(draft, connector());
    expect('errors' in result && result.errors).toMatchObject({
      forwardUrl: 'must be an http or https URL',
      forwardTimeoutMs: 'must be 100..120000',
      secret: 'must not be empty',
      header: expect.stringContaining('header name'),
    });
  });

  it('places engine field errors by their API paths and keeps the rest', () => {
    expect(placeFieldErrors({ 'verification.timestampHeader': 'is required', name: 'taken' })).toEqual({ timestampHeader: 'is required', other: ['name: taken'] });
  });
});
