import { describe, expect, it } from 'vitest';
import type { DispatchEvent } from '../../../../shared/events/dispatch-event';
import { findJsonSyntaxError } from '../../../../shared/template/json-error-position';
import { renderRequestBody, type RenderRequestBodyInput } from '../../../../shared/template/render-request-body';
import { templateView } from '../../../../shared/template/template-view';
import { positionAt } from '../../../../shared/template/text-position';

const event: DispatchEvent = {
  id: 'evt_1',
  type: 'Flow.Executed',
  connectorId: 'con_1',
  dataSource: 'GitHub',
  receivedTime: '2024-05-01T10:00:00.000Z',
  body: { id: 11225, name: 'Nightly "sync"', items: [{ sku: 'a' }, { sku: 'b' }] },
};

const webhook: RenderRequestBodyInput['webhook'] = {
  id: 'whk_1',
  name: 'Test hook',
  method: 'POST',
  contentType: 'application/json',
  includeEntity: true,
  bodyTemplate: null,
  jsonPayloadEnabled: false,
};

const base = 'http://127.0.0.1:8787/';
const render = (w: Partial<RenderRequestBodyInput['webhook']>, e: Partial<DispatchEvent> = {}) =>
  renderRequestBody({ webhook: { ...webhook, ...w }, event: { ...event, ...e }, apiBaseUrl: base });

describe('default envelope (no template)', () => {
  it('is the Etlworks-style envelope, entity included with includeEntity', () => {
    const result = render({});
    expect(result.ok).toBe(true);
    if (!result.ok || result.body === null) return;
    expect(result.contentType).toBe('application/json');
    const parsed = JSON.parse(result.body) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['eventId', 'eventType', 'webhookId', 'entityId', 'entity', 'entityUrl', 'timestamp']);
    expect(parsed).toMatchObject({
      eventId: 'evt_1',
      eventType: 'Flow.Executed',
      webhookId: 'whk_1',
      entityId: '11225',
      entity: event.body,
      entityUrl: 'http://127.0.0.1:8787/api/v1/events/evt_1',
      timestamp: '2024-05-01T10:00:00.000Z',
    });
  });

  it('leaves the entity out without includeEntity, but keeps its id', () => {
    const result = render({ includeEntity: false });
    const parsed = result.ok && result.body ? (JSON.parse(result.body) as Record<string, unknown>) : {};
    expect(parsed).not.toHaveProperty('entity');
    expect(parsed.entityId).toBe('11225');
  });

  it('form-urlencodes the envelope for that content type (entity as JSON text)', () => {
    const result = render({ contentType: 'application/x-www-form-urlencoded', includeEntity: false });
    expect(result.ok && result.body).toBe(
      'eventId=evt_1&eventType=Flow.Executed&webhookId=whk_1&entityId=11225&entityUrl=http%3A%2F%2F127.0.0.1%3A8787%2Fapi%2Fv1%2Fevents%2Fevt_1&timestamp=2024-05-01T10%3A00%3A00.000Z',
    );
    const withEntity = render({ contentType: 'application/x-www-form-urlencoded' });
    const params = new URLSearchParams(withEntity.ok && withEntity.body ? withEntity.body : '');
    expect(JSON.parse(params.get('entity') ?? 'null')).toEqual(event.body);
  });

  it('GET sends no body', () => {
    expect(render({ method: 'GET', bodyTemplate: '{"a": 1}' })).toEqual({ ok: true, body: null, contentType: null });
  });

  it('jsonPayloadEnabled parses a body that is JSON held in a string; leaves other strings alone', () => {
    const held = render({ jsonPayloadEnabled: true }, { body: '{"id":"m-1","temp":21.5}' });
    expect(held.ok && held.body && JSON.parse(held.body).entity).toEqual({ id: 'm-1', temp: 21.5 });
    expect(held.ok && held.body && JSON.parse(held.body).entityId).toBe('m-1');
    const off = render({ jsonPayloadEnabled: false }, { body: '{"id":"m-1"}' });
    expect(off.ok && off.body && JSON.parse(off.body).entity).toBe('{"id":"m-1"}');
    const text = render({ jsonPayloadEnabled: true }, { body: 'not json' });
    expect(text.ok && text.body && JSON.parse(text.body).entity).toBe('not json');
  });

  it('system events point entityUrl at the connector or webhook', () => {
    const result = render({}, { type: 'connector.status_changed', body: { id: 'con_9', status: 'IDLE' } });
    expect(result.ok && result.body && JSON.parse(result.body).entityUrl).toBe('http://127.0.0.1:8787/api/v1/connectors/con_9');
  });
});

describe('with a body template', () => {
  it('renders data, event and envelope fields', () => {
    const tpl = '{"name": "{{data.name}}", "type": "{{event.type}}", "source": {{event.dataSource}}, "hook": "{{webhook.name}}", "skus": [{{#data.items}}"{{sku}}"{{^@last}},{{/@last}}{{/data.items}}], "all": {{json data}}}';
    const result = render({ bodyTemplate: tpl });
    expect(result.ok && result.body && JSON.parse(result.body)).toEqual({
      name: 'Nightly "sync"',
      type: 'Flow.Executed',
      source: 'GitHub',
      hook: 'Test hook',
      skus: ['a', 'b'],
      all: event.body,
    });
  });

  it('a template whose output is not JSON fails with line and column in the rendered body', () => {
    const result = render({ bodyTemplate: '{\n  "a": {{data.id}},\n  "b": oops\n}' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ line: 3, column: 8, source: 'body' });
    expect(result.error?.message).toMatch(/line 3, column 8/);
    expect(result.reason).toMatch(/line 3, column 8.*Nothing was sent/);
    expect(result.body).toContain('"a": 11225');
  });

  it('a trailing comma is reported where it is', () => {
    const result = render({ bodyTemplate: '[{{#data.items}}"{{sku}}",{{/data.items}}]' });
    expect(!result.ok && result.error).toMatchObject({ line: 1, column: 10, source: 'body' });
  });

  it('a template syntax error is reported in the template', () => {
    const result = render({ bodyTemplate: '{"a": {{#data.items}}}' });
    expect(!result.ok && result.error).toMatchObject({ source: 'template', line: 1 });
  });

  it('form content type renders without JSON checks', () => {
    const result = render({ contentType: 'application/x-www-form-urlencoded', bodyTemplate: 'name={{data.name}}&id={{entityId}}' });
    expect(result).toEqual({ ok: true, body: 'name=Nightly+%22sync%22&id=11225', contentType: 'application/x-www-form-urlencoded' });
  });
});

describe('helpers', () => {
  it('findJsonSyntaxError: null for valid JSON, positions otherwise', () => {
    expect(findJsonSyntaxError('{"a": [1, 2]}')).toBeNull();
    expect(findJsonSyntaxError('{"a": 1}\n// no')).toMatchObject({ line: 2, column: 1 });
    expect(findJsonSyntaxError('{"a": "x\ny"}')).toMatchObject({ line: 1 });
    expect(findJsonSyntaxError('   ')?.message).toMatch(/empty/);
  });

  it('positionAt counts lines and columns from 1', () => {
    expect(positionAt('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab\ncd\r\nef', 8)).toEqual({ line: 3, column: 2 });
  });

  it('templateView exposes data regardless of includeEntity', () => {
    const view = templateView({ webhook: { id: 'whk_1', name: 'n', includeEntity: false, jsonPayloadEnabled: false }, event, apiBaseUrl: base });
    expect(view.data).toEqual(event.body);
    expect(view).not.toHaveProperty('entity');
    expect(view.event).toMatchObject({ id: 'evt_1', connectorId: 'con_1', version: null });
  });
});
