import type { ServerResponse } from 'node:http';
import type { ConnectorResponse } from '../../../shared/schemas/connector';
import { SANDBOXED_ANSWER_HEADERS } from '../server/raw-handler';

/**
 * Headers Hookdesk sets itself: a configured value for the framing ones would break the answer,
 * and one for the sandboxing ones would let a capture answer run as the workspace's origin.
 */
const OWN_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', ...Object.keys(SANDBOXED_ANSWER_HEADERS)]);

/** Writes a connector's configured answer to a capture sender (no body for 204 and 304). */
export function sendConfiguredResponse(res: ServerResponse, response: ConnectorResponse): void {
  const headers: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!OWN_HEADERS.has(name.toLowerCase())) headers[name] = value;
  }
  Object.assign(headers, SANDBOXED_ANSWER_HEADERS);
  if (response.status === 204 || response.status === 304) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const body = Buffer.from(response.body, 'utf8');
  headers['content-length'] = body.length;
  res.writeHead(response.status, headers);
  res.end(body);
}
