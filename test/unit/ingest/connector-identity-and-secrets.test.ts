import { describe, expect, it } from 'vitest';
import { hashSecretHex, newApiKey, newCaptureToken } from '../../../electron/engine/ingest/connector-secrets';
import { canonicalDataSource, connectorIdentity } from '../../../electron/engine/ingest/connector-view';
import { SecretIndex } from '../../../electron/engine/ingest/secret-index';
import { connectorNameSchema } from '../../../shared/schemas/connector';

describe('connector identity', () => {
  it('ignores case, and keeps null apart from any string', () => {
    expect(connectorIdentity('Billing', 'Stripe')).toBe(connectorIdentity('bILLING', 'stripe'));
    expect(connectorIdentity('Billing', null)).not.toBe(connectorIdentity('Billing', 'null'));
    expect(connectorIdentity('Billing', null)).not.toBe(connectorIdentity('Billing', ''));
    expect(connectorIdentity('a b', 'c')).not.toBe(connectorIdentity('a', 'b c'));
  });

  it('spells built-in data sources the built-in way', () => {
    expect(canonicalDataSource('github')).toBe('GitHub');
    expect(canonicalDataSource('aws sns')).toBe('AWS SNS');
    expect(canonicalDataSource('My App')).toBe('My App');
    expect(canonicalDataSource(null)).toBeNull();
  });

  it('names: letters, digits, space, _ and -, 1..64, no space at either end', () => {
    for (const ok of ['a', 'Orders_prod-1', 'with space', 'Ünïcode', 'x'.repeat(64)]) expect(connectorNameSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['', ' a', 'a ', 'a.b', 'a/b', 'x'.repeat(65), 'tab\there']) expect(connectorNameSchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe('keys and the secret index', () => {
  it('makes keys with at least 128 random bits, all different', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newApiKey()));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(Buffer.from(key, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(Buffer.from(newCaptureToken(), 'base64url').length * 8).toBeGreaterThanOrEqual(128);
  });

  it('finds a connector by its secret only, and forgets replaced ones at once', () => {
    const index = new SecretIndex();
    const first = newApiKey();
    index.set('con_a', hashSecretHex(first));
    expect(index.find(first)).toBe('con_a');
    expect(index.find(first.slice(1))).toBeNull();
    expect(index.find(undefined)).toBeNull();
    expect(index.find(hashSecretHex(first))).toBeNull();
    const second = newApiKey();
    index.set('con_a', hashSecretHex(second));
    expect(index.find(first)).toBeNull();
    expect(index.find(second)).toBe('con_a');
    index.remove('con_a');
    expect(index.find(second)).toBeNull();
  });
});
