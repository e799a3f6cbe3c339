import { describe, expect, it } from 'vitest';
import { renderRequestBody } from '../../../../shared/template/render-request-body';
import { renderTemplate, TEMPLATE_LIMITS, templateLimitError } from '../../../../shared/template/render-template';
import { webhookCreateSchema, webhookPatchSchema } from '../../../../shared/schemas/webhook';
import { issuesToFields } from '../../../../shared/validation';

/** `{"a": 1}` nested `depth` levels deep, as a value (built without recursion). */
function deepValue(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const nestedSections = (depth: number): string => `${'{{#a}}'.repeat(depth)}x${'{{/a}}'.repeat(depth)}`;

describe('templates are bounded when saved', () => {
  it('5,000 nested sections (under the 64 KiB cap) are refused with line and column, on create and on patch', () => {
    const template = `{\n  "x": ${nestedSections(5000)}\n}`;
    expect(template.length).toBeLessThan(65_536);
    const created = webhookCreateSchema.safeParse({ name: 'Deep', url: 'http://127.0.0.1:9/x', bodyTemplate: template });
    expect(created.success).toBe(false);
    const fields = issuesToFields(created.error?.issues ?? []);
    // The 33rd section opens at column 8 + 32 * 6 of line 2.
    expect(fields.bodyTemplate).toBe(`line 2, column ${8 + 32 * 6}: sections nest more than 32 deep here, the most a template may nest`);
    const patched = webhookPatchSchema.safeParse({ bodyTemplate: template });
    expect(issuesToFields(patched.error?.issues ?? []).bodyTemplate).toMatch(/^line 2, column \d+: sections nest more than 32 deep/);
  });

  it('32 nested sections are fine; a syntax error is refused on save too, with its line and column', () => {
    expect(templateLimitError(nestedSections(TEMPLATE_LIMITS.maxSectionDepth))).toBeNull();
    const broken = webhookCreateSchema.safeParse({ name: 'Draft', url: 'http://127.0.0.1:9/x', bodyTemplate: '{"a": {{#data}}' });
    expect(issuesToFields(broken.error?.issues ?? []).bodyTemplate).toBe('line 1, column 16: Unclosed section "data"');
  });
});

describe('templates are bounded while rendering', () => {
  it('the 87-byte explosive template (five nested loops over 20 items) stops at the step budget with its place', () => {
    const template = '{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{.}}{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}';
    const view = { a: Array.from({ length: 20 }, (_, i) => i) };
    const result = renderTemplate(template, view, 'text');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/more than 200,000 steps/);
    expect(result.error.line).toBe(1);
  });

  it('a body that would pass the output cap stops there', () => {
    const big = 'x'.repeat(1024 * 1024);
    const result = renderTemplate('{{#items}}{{big}}{{/items}}', { big, items: [1, 2, 3, 4, 5] }, 'text');
    expect(!result.ok && result.error.message).toMatch(/passes 4 MiB/);
  });

  it('{{json}} of a value nested past 256 levels is an error at that tag, not a crash', () => {
    const result = renderTemplate('{\n  "raw": {{json data}}\n}', { data: deepValue(10_000) }, 'json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ line: 2, column: 10 });
    expect(result.error.message).toMatch(/\{\{json data\}\} cannot be inserted: The value is nested deeper than 256 levels/);
  });

  it('fields picked from a deep body still render', () => {
    const data = { id: 7, deep: deepValue(10_000) };
    expect(renderTemplate('{"id": {{data.id}}}', { data }, 'json')).toEqual({ ok: true, text: '{"id": 7}' });
  });
});

describe('the default envelope of a deep event', () => {
  const event = {
    id: 'evt_1',
    type: 'deep.event',
    connectorId: 'con_a',
    dataSource: 'generic',
    receivedTime: '2025-01-01T00:00:00.000Z',
    body: deepValue(10_000),
  };
  const webhook = { id: 'whk_1', name: 'W', method: 'POST' as const, contentType: 'application/json' as const, includeEntity: true, bodyTemplate: null, jsonPayloadEnabled: false };

  it('cannot be written: the answer says why and what to change, nothing is thrown', () => {
    const result = renderRequestBody({ webhook, event, apiBaseUrl: 'http://127.0.0.1:1' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeNull();
    expect(result.reason).toMatch(/nested deeper than 256 levels.*Include the entity/);
  });

  it('without the entity it is sent', () => {
    const result = renderRequestBody({ webhook: { ...webhook, includeEntity: false }, event, apiBaseUrl: 'http://127.0.0.1:1' });
    expect(result.ok).toBe(true);
  });

  it('a deep JSON string body with jsonPayloadEnabled stays a string', () => {
    const text = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const result = renderRequestBody({ webhook: { ...webhook, jsonPayloadEnabled: true }, event: { ...event, body: text }, apiBaseUrl: 'http://127.0.0.1:1' });
    expect(result.ok && (JSON.parse(result.body ?? '') as { entity: unknown }).entity).toBe(text);
  });
});
