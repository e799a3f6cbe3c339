import type { ServerResponse } from 'node:http';
import type { ConnectorResponse } from '../../../shared/schemas/connector';

/** Headers Hookdesk sets itself: a configured value for these would break the answer's framing. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade']);

/** Writes a connector's configured answer to a capture sender (no body for 204 and 304). */
export function sendConfiguredResponse(res: ServerResponse, response: ConnectorResponse): void {
  const headers: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!FRAMING_HEADERS.has(name.toLowerCase())) headers[name] = value;
  }
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
