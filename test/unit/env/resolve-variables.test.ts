import { describe, expect, it } from 'vitest';
import { findVariables, resolveVariables, unresolvedMessage } from '../../../shared/env/resolve-variables';
import { resolveWebhook } from '../../../shared/env/resolve-webhook';

const vars: Record<string, string> = { BASE: 'http://127.0.0.1:4001', TOKEN: 's3cret', EMPTY: '', NESTED: '${TOKEN}' };
const lookup = (name: string): string | undefined => vars[name];

describe('resolveVariables', () => {
  it('replaces ${NAME} by its value, anywhere in the text', () => {
    expect(resolveVariables('${BASE}/hooks?t=${TOKEN}', lookup)).toEqual({ ok: true, text: 'http://127.0.0.1:4001/hooks?t=s3cret' });
  });

  it('answers every name that has no value, once each, instead of an empty string', () => {
    expect(resolveVariables('${A}/${BASE}/${B}/${A}', lookup)).toEqual({ ok: false, missing: ['A', 'B'] });
  });

  it('keeps a variable set to the empty string: it is set', () => {
    expect(resolveVariables('x${EMPTY}y', lookup)).toEqual({ ok: true, text: 'xy' });
  });

  it('reads $${ as a literal ${', () => {
    expect(resolveVariables('cost: $${TOKEN} and ${TOKEN}', lookup)).toEqual({ ok: true, text: 'cost: ${TOKEN} and s3cret' });
    expect(findVariables('$${TOKEN}')).toEqual([]);
  });

  it('leaves text that is not a reference as it is', () => {
    for (const text of ['$', '${', '${}', '${1A}', '${a-b}', '${ A }', '${A', 'price $5', '{{name}}', '$$']) {
      expect(resolveVariables(text, () => undefined)).toEqual({ ok: true, text });
    }
  });

  it('does not scan a value again', () => {
    expect(resolveVariables('${NESTED}', lookup)).toEqual({ ok: true, text: '${TOKEN}' });
  });

  it('accepts names with underscores and digits after the first character', () => {
    expect(findVariables('${_a} ${HOOKDESK_WEBHOOK_ORDERS_SECRET} ${a9}')).toEqual(['_a', 'HOOKDESK_WEBHOOK_ORDERS_SECRET', 'a9']);
  });

  it('stays linear on hostile input (a megabyte of unclosed references)', () => {
    const hostile = '${A'.repeat(350_000) + '$ '.repeat(100_000) + '${'.repeat(100_000) + '${' + 'A'.repeat(200_000);
    const started = performance.now();
    const result = resolveVariables(hostile, lookup);
    expect(result.ok && result.text === hostile).toBe(true);
    expect(findVariables(hostile)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('unresolvedMessage', () => {
  it('names the variable and where it was looked for', () => {
    expect(unresolvedMessage(['X'], 'staging')).toBe("The variable ${X} is not set in environment 'staging' or the process environment.");
    expect(unresolvedMessage(['X', 'Y'], null)).toBe('The variables ${X}, ${Y} are not set in the process environment (no environment is active).');
  });
});

describe('resolveWebhook', () => {
  const webhook = {
    url: '${BASE}/hooks',
    headers: { 'X-Token': '${TOKEN}', Plain: 'p' },
    auth: { type: 'oauth2' as const, tokenUrl: '${BASE}/token', clientId: 'id', clientSecret: '${TOKEN}', scopes: ['${TOKEN}'] },
    bodyTemplate: '{"t": "${TOKEN}", "n": "{{name}}"}',
    secret: '${TOKEN}',
  };

  it('resolves the URL, headers, auth fields, template text and secret', () => {
    const result = resolveWebhook(webhook, lookup);
    expect(result).toEqual({
      ok: true,
      changed: true,
      webhook: {
        url: 'http://127.0.0.1:4001/hooks',
        headers: { 'X-Token': 's3cret', Plain: 'p' },
        auth: { type: 'oauth2', tokenUrl: 'http://127.0.0.1:4001/token', clientId: 'id', clientSecret: 's3cret', scopes: ['s3cret'] },
        bodyTemplate: '{"t": "s3cret", "n": "{{name}}"}',
        secret: 's3cret',
      },
    });
  });

  it('answers the same object when nothing refers to a variable', () => {
    const plain = { url: 'http://x/', headers: {}, auth: { type: 'none' as const }, bodyTemplate: null, secret: null };
    const result = resolveWebhook(plain, lookup);
    expect(result.ok && result.webhook).toBe(plain);
  });

  it('collects missing names across fields', () => {
    expect(resolveWebhook({ ...webhook, url: '${NOPE}/x', secret: '${ALSO_NOPE}' }, lookup)).toEqual({ ok: false, missing: ['NOPE', 'ALSO_NOPE'] });
  });
});
