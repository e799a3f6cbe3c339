import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { committedOpenApiText, OPENAPI_DOC_PATH } from '../../../scripts/openapi-doc';
import { errorBodySchema } from '../../../shared/api-contract/answer-schemas';
import { openApiDocument, openApiDocumentText } from '../../../shared/api-contract/openapi-document';
import { openApiPath } from '../../../shared/api-contract/route-spec';
import { API_ROUTES, requestSchemaOf } from '../../../shared/api-contract/route-table';
import { ErrorCode, HookdeskError } from '../../../shared/errors';

interface Operation {
  operationId: string;
  security: Record<string, string[]>[];
  responses: Record<string, unknown>;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { example?: unknown }> };
}

const operationOf = (doc: ReturnType<typeof openApiDocument>, method: string, path: string): Operation =>
  (doc.paths[openApiPath(path)] as Record<string, Operation>)[method] as Operation;

describe('the OpenAPI document of the HTTP API', () => {
  const doc = openApiDocument({ version: '1.2.3', serverUrl: 'http://127.0.0.1:9999' });

  it('is deterministic: the same options give the same text, key for key', () => {
    const a = openApiDocumentText({ version: '1.2.3', serverUrl: 'http://127.0.0.1:9999' });
    const b = openApiDocumentText({ version: '1.2.3', serverUrl: 'http://127.0.0.1:9999' });
    expect(b).toBe(a);
    expect(JSON.parse(a)).toEqual(doc);
  });

  it('is a valid OpenAPI 3.1 document for @apidevtools/swagger-parser (every $ref resolves)', async () => {
    const api = (await SwaggerParser.validate(structuredClone(doc) as never)) as { openapi: string; info: { version: string } };
    expect(api.openapi).toBe('3.1.0');
    expect(api.info.version).toBe('1.2.3');
    expect(doc.servers).toEqual([expect.objectContaining({ url: 'http://127.0.0.1:9999' })]);
  });

  it('docs/openapi.json is what scripts/openapi-doc.ts generates (run it after changing a route or a schema)', () => {
    expect(readFileSync(OPENAPI_DOC_PATH, 'utf8')).toBe(committedOpenApiText());
  });

  it('lists every route of the table once, with a unique operationId', () => {
    const ids = API_ROUTES.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const route of API_ROUTES) expect(operationOf(doc, route.method, route.path).operationId).toBe(route.operationId);
  });

  it('describes the three credentials: bearer token or session cookie for the management API, API_KEY for push, none for capture and /healthz', () => {
    const schemes = (doc.components as { securitySchemes: Record<string, unknown> }).securitySchemes;
    expect(schemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'hookdesk_session' });
    expect(schemes.pushKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'API_KEY' });
    expect(operationOf(doc, 'get', '/api/v1/connectors').security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    expect(operationOf(doc, 'post', '/api/1.0/webhook/push').security).toEqual([{ pushKey: [] }]);
    expect(operationOf(doc, 'post', '/hooks/:captureToken').security).toEqual([]);
    expect(operationOf(doc, 'get', '/healthz').security).toEqual([]);
  });

  it('gives every management route 401, every route with an id 404, and every JSON body 400, 413 and 415', () => {
    for (const route of API_ROUTES) {
      const statuses = Object.keys(operationOf(doc, route.method, route.path).responses);
      const where = `${route.method} ${route.path}`;
      if (route.auth === 'management') expect(statuses, where).toContain('401');
      if (/:id\b/.test(route.path)) expect(statuses, where).toContain('404');
      if (route.body && route.auth !== 'pushKey' && route.auth !== 'captureToken') expect(statuses, where).toEqual(expect.arrayContaining(['400', '413', '415']));
    }
  });

  it('every request example satisfies the schema the route validates with', () => {
    for (const route of API_ROUTES) {
      const schema = requestSchemaOf(route);
      if (!schema || route.body?.example === undefined) continue;
      const result = schema.safeParse(route.body.example);
      expect(result.success, `${route.method} ${route.path}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });

  it("the Error schema is the shape HookdeskError answers, and each error response's example fits it", () => {
    const body = new HookdeskError(400, ErrorCode.validationFailed, 'The connector is invalid: name: must not be empty.', { name: 'must not be empty' }).toBody();
    expect(errorBodySchema.safeParse(body).success).toBe(true);
    const responses = (doc.components as { responses: Record<string, { content: { 'application/json': { example: unknown } } }> }).responses;
    for (const [name, response] of Object.entries(responses)) {
      expect(errorBodySchema.safeParse(response.content['application/json'].example).success, name).toBe(true);
    }
  });

  it('reads query parameters from the zod schemas: paging and filters of the event list, the stats range', () => {
    const names = (operationOf(doc, 'get', '/api/v1/events').parameters ?? []).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['page', 'pageSize', 'connectorId', 'type', 'q', 'status']));
    const range = (operationOf(doc, 'get', '/api/v1/connectors/:id/stats').parameters ?? []).find((p) => p.name === 'range') as { schema: { enum: string[] } } | undefined;
    expect(range?.schema.enum).toEqual(['24h', '7d']);
  });
});

describe('docs/API.md', () => {
  const text = readFileSync(new URL('../../../docs/API.md', import.meta.url), 'utf8');

  it('names every route of the API (as `METHOD /path`, under /api/v1 without the prefix) and links the OpenAPI document', () => {
    const missing = API_ROUTES.filter((route) => route.auth !== 'captureToken' && route.operationId !== 'getOpenApi')
      .map((route) => `${route.method.toUpperCase()} ${route.path}`)
      .filter((full) => {
        const short = full.replace(' /api/v1/', ' /');
        return ![full, short].some((name) => new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\`?\\s]`).test(text));
      });
    expect(missing).toEqual([]);
    expect(text).toContain('ANY /hooks/<token>');
    expect(text).toContain('GET /api/v1/openapi.json');
    expect(text).toContain('(openapi.json)');
    expect(text).toContain('(workspace.schema.json)');
  });
});
