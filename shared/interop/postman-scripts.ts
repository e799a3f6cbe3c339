import type { ResponseValidator, WebhookConfig } from '../schemas/webhook';
import { HOOKDESK_SIGNATURE_HEADER } from '../signing/hookdesk-signature';
import { compileJsonPath } from './postman-jsonpath';

/**
 * The scripts of a webhook's Postman request, written for Postman's sandbox (`pm`, `CryptoJS`; no
 * `require`). Pre-request: a fresh event id for each send (as Hookdesk's Send test does), then the
 * signature over the exact body sent. Tests: the status Hookdesk counts as delivered, and each
 * response validator.
 */

/** A JS string literal of any text (JSON's, with the two line separators JS source cannot hold raw). */
function literal(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export interface PreRequestScriptInput {
  signature: WebhookConfig['signature'];
  /** The variable holding the signing secret; null: the webhook does not sign. */
  secretVariable: string | null;
  /** The variable the script sets to a fresh event id (the request's headers and body refer to it). */
  eventIdVariable: string;
}

/** The pre-request script's lines (Postman's `exec`). */
export function preRequestScript(input: PreRequestScriptInput): string[] {
  const lines = [
    '// Hookdesk: a fresh event id for each send, as Hookdesk\'s own "Send test" does (receivers that deduplicate never drop it).',
    "var hookdeskIdChars = '0123456789abcdefghijklmnopqrstuvwxyz';",
    "var hookdeskEventId = 'evt_test_' + Date.now().toString(36).padStart(9, '0');",
    'for (var i = 0; i < 12; i++) hookdeskEventId += hookdeskIdChars.charAt(Math.floor(Math.random() * 36));',
    `pm.variables.set(${literal(input.eventIdVariable)}, hookdeskEventId);`,
  ];
  if (input.secretVariable === null) return lines;
  const name = literal(input.secretVariable);
  lines.push(
    '',
    '// The signature is computed over the exact body sent: the raw text with its {{variables}} resolved as Postman sends it.',
    "var hookdeskBody = pm.request.body && pm.request.body.mode === 'raw' ? pm.variables.replaceIn(pm.request.body.raw || '') : '';",
    `var hookdeskSecret = pm.variables.replaceIn(pm.variables.get(${name}) || '');`,
    'if (!hookdeskSecret) {',
    `  throw new Error('Set the variable ' + ${name} + ' to the webhook\\'s signing secret first: Hookdesk never exports secrets.');`,
    '}',
  );
  if (input.signature === 'hmac-sha1') {
    lines.push(
      `// ${HOOKDESK_SIGNATURE_HEADER}: lowercase hex HMAC-SHA1 of the body's UTF-8 bytes, keyed by the secret's UTF-8 text.`,
      `pm.request.headers.upsert({ key: ${literal(HOOKDESK_SIGNATURE_HEADER)}, value: CryptoJS.HmacSHA1(hookdeskBody, hookdeskSecret).toString(CryptoJS.enc.Hex) });`,
    );
    return lines;
  }
  lines.push(
    '// Standard Webhooks (standardwebhooks.com): HMAC-SHA256 over "id.timestamp.body", keyed by the base64 after "whsec_".',
    "var hookdeskKey = hookdeskSecret.indexOf('whsec_') === 0 ? hookdeskSecret.slice(6) : hookdeskSecret;",
    "hookdeskKey = hookdeskKey.trim().replace(/-/g, '+').replace(/_/g, '/');",
    "while (hookdeskKey.length % 4 !== 0) hookdeskKey += '=';",
    'var hookdeskTimestamp = String(Math.floor(Date.now() / 1000));',
    "var hookdeskSigned = CryptoJS.HmacSHA256(hookdeskEventId + '.' + hookdeskTimestamp + '.' + hookdeskBody, CryptoJS.enc.Base64.parse(hookdeskKey));",
    "pm.request.headers.upsert({ key: 'webhook-id', value: hookdeskEventId });",
    "pm.request.headers.upsert({ key: 'webhook-timestamp', value: hookdeskTimestamp });",
    "pm.request.headers.upsert({ key: 'webhook-signature', value: 'v1,' + CryptoJS.enc.Base64.stringify(hookdeskSigned) });",
  );
  return lines;
}

/** What the test script's helpers do: walk compiled steps, and match as Hookdesk's validators match. */
const HELPERS = [
  '// Hookdesk validators: values found at a JSONPath pass when one equals an expected value (a number or',
  '// boolean also matches the string it prints as); with no expected values the path only has to exist.',
  'function hookdeskFind(json, steps) {',
  '  var found = [json];',
  '  steps.forEach(function (step) {',
  '    var next = [];',
  '    found.forEach(function (value) {',
  "      if (value === null || typeof value !== 'object') return;",
  '      if (step.all) { Object.keys(value).forEach(function (key) { next.push(value[key]); }); return; }',
  '      if (Object.prototype.hasOwnProperty.call(value, step.key)) next.push(value[step.key]);',
  '    });',
  '    found = next;',
  '  });',
  '  return found;',
  '}',
  'function hookdeskMatches(found, expected) {',
  '  if (expected.length === 0) return found.length > 0;',
  '  return found.some(function (value) {',
  '    return expected.some(function (want) {',
  '      if (value === want) return true;',
  "      if (typeof want === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value) === want;",
  "      if (typeof value === 'string' && (typeof want === 'number' || typeof want === 'boolean')) return value === String(want);",
  '      return false;',
  '    });',
  '  });',
  '}',
  'var hookdeskJson;',
  'var hookdeskNotJson = null;',
  'try { hookdeskJson = pm.response.json(); } catch (error) { hookdeskNotJson = String(error); }',
];

function validatorTest(validator: ResponseValidator): string[] {
  const expected = validator.expected.length === 0 ? 'exists' : `is ${validator.expected.map((v) => JSON.stringify(v)).join(' or ')}`;
  const title = literal(`Validator ${validator.path} ${expected}`);
  const compiled = compileJsonPath(validator.path);
  if (!compiled.ok) {
    const skipped = literal(`Validator ${validator.path} ${expected} (checked by Hookdesk only: ${compiled.reason})`);
    return [`pm.test.skip(${skipped}, function () {});`];
  }
  const path = literal(validator.path);
  return [
    `pm.test(${title}, function () {`,
    `  pm.expect(hookdeskNotJson, 'the response body is not JSON').to.equal(null);`,
    `  var found = hookdeskFind(hookdeskJson, ${JSON.stringify(compiled.steps)});`,
    `  pm.expect(found.length, 'nothing at ' + ${path}).to.be.above(0);`,
    `  pm.expect(hookdeskMatches(found, ${literal(validator.expected)}), ${path} + ' is ' + JSON.stringify(found.length === 1 ? found[0] : found)).to.equal(true);`,
    '});',
  ];
}

/** The test script's lines: the 2xx status, then one `pm.test` per validator, in order. */
export function testScript(validators: readonly ResponseValidator[]): string[] {
  const lines = [
    "pm.test('Status is 2xx (Hookdesk counts only 2xx as delivered)', function () {",
    "  pm.expect(pm.response.code, 'HTTP status').to.be.within(200, 299);",
    '});',
  ];
  if (validators.length === 0) return lines;
  lines.push(...HELPERS);
  for (const validator of validators) lines.push(...validatorTest(validator));
  return lines;
}
