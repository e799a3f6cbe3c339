import { api } from '../../api/client';

/** What the Export dialog can save: the workspace file, or one of the interop formats (API.md section 6). */
export type ExportFormat = 'workspace' | 'openapi' | 'asyncapi' | 'postman';

export interface InteropFormat {
  id: Exclude<ExportFormat, 'workspace'>;
  label: string;
  /** One line under the choice: what the file is for. */
  hint: string;
  fileName: string;
  /** The file's JSON from the engine. */
  fetch: () => Promise<unknown>;
}

export const INTEROP_FORMATS: readonly InteropFormat[] = [
  {
    id: 'openapi',
    label: 'Event catalog: OpenAPI 3.1',
    hint: 'One webhooks entry per event type: headers, signature, body schema, examples. Svix and Convoy import it as event types.',
    fileName: 'hookdesk-catalog.openapi.json',
    fetch: () => api.eventCatalog('openapi'),
  },
  {
    id: 'asyncapi',
    label: 'Event catalog: AsyncAPI 3',
    hint: 'One channel per event type, a message per webhook that sends it.',
    fileName: 'hookdesk-catalog.asyncapi.json',
    fetch: () => api.eventCatalog('asyncapi'),
  },
  {
    id: 'postman',
    label: 'Postman collection',
    hint: 'Collection v2.1 with one request per webhook, to send by hand.',
    fileName: 'hookdesk.postman_collection.json',
    fetch: () => api.postmanCollection(),
  },
];
