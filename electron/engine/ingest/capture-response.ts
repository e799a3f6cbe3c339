import type { ServerResponse } from 'node:http';
import { mayHoldVariables } from '../../../shared/env/resolve-variables';
import { DEFAULT_CONNECTOR_RESPONSE, type ConnectorResponse } from '../../../shared/schemas/connector';
import type { EnvironmentService } from '../environments/environment-service';
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

/**
 * The configured answer with `${VAR}` resolved in its header values and body, read when the request
 * arrives. A variable that is not set must not reach the sender as text or as an empty value, and a
 * sender should not get a 5xx for the workspace's configuration: it gets the default answer
 * (200 `{"ok": true}`) and the log says which variable is missing (once per connector until the
 * reason changes, so a busy capture URL does not flood the log).
 */
export class CaptureResponseResolver {
  private readonly lastLogged = new Map<string, string>();

  constructor(
    private readonly variables: Pick<EnvironmentService, 'resolve'>,
    private readonly log: (line: string) => void,
  ) {}

  resolve(connector: { id: string; name: string; response: ConnectorResponse }): ConnectorResponse {
    const { response } = connector;
    if (!mayHoldVariables(response.body) && !Object.values(response.headers).some(mayHoldVariables)) return response;
    const missing = new Set<string>();
    let message = '';
    const text = (value: string): string => {
      const result = this.variables.resolve(value);
      if (result.ok) return result.text;
      for (const name of result.missing) missing.add(name);
      message = result.message;
      return value;
    };
    const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, text(value)]));
    const body = text(response.body);
    // A resolved header value must still be what the schema allows (it came from an environment value).
    const badHeader = Object.values(headers).some((value) => !/^[\t\x20-\x7e\x80-\xff]*$/.test(value));
    if (missing.size === 0 && !badHeader) {
      this.lastLogged.delete(connector.id);
      return { ...response, headers, body };
    }
    const reason = badHeader ? 'a header value holds a line break or a control character once its variables are resolved.' : message;
    if (this.lastLogged.get(connector.id) !== reason) {
      this.lastLogged.set(connector.id, reason);
      this.log(`Capture answer of connector "${connector.name}": ${reason} Senders get the default answer (200 {"ok": true}) until it is fixed.`);
    }
    return DEFAULT_CONNECTOR_RESPONSE;
  }
}
