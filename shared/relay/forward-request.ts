/**
 * How a received request is sent on (the relay's forward, and replays to the forward target or a
 * URL): the same method and body bytes, the headers less hop-by-hop ones and the push key, to the
 * forward URL plus the capture sub-path and the query. Pure.
 */

/** Hop-by-hop headers (RFC 9110 7.6.1) and those the sending client sets itself (host, content-length) or cannot send (expect). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host', 'content-length', 'expect', 'http2-settings']);

/** The push API's key headers: never sent on. */
export const PUSH_KEY_HEADERS: ReadonlySet<string> = new Set(['api_key', 'api-key']);

export function isHopByHop(name: string): boolean {
  const lower = name.toLowerCase();
  return HOP_BY_HOP.has(lower) || lower.startsWith('proxy-');
}

/**
 * The headers to send on: hop-by-hop ones dropped (also those the Connection header names), the
 * push key dropped for push requests, and their Content-Encoding too (a pushed body is kept and sent
 * on decoded, as its JSON). Names keep their case; values are unchanged.
 */
export function forwardHeaders(headers: Readonly<Record<string, string>>, options: { dropPushKey: boolean }): Record<string, string> {
  const connectionListed = new Set<string>();
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'connection') continue;
    for (const token of value.split(',')) connectionListed.add(token.trim().toLowerCase());
  }
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (isHopByHop(lower) || connectionListed.has(lower)) continue;
    if (options.dropPushKey && (PUSH_KEY_HEADERS.has(lower) || lower === 'content-encoding')) continue;
    out[name] = value;
  }
  return out;
}

/**
 * The forward URL with the request's sub-path appended to its path (one slash between them) and
 * the request's query appended to its own. Built as text, so the path and query keep their exact
 * (percent-encoded) form; a fragment in the forward URL is dropped.
 */
export function forwardUrl(base: string, path: string, query: string): string {
  const hash = base.indexOf('#');
  const withoutHash = hash === -1 ? base : base.slice(0, hash);
  const questionMark = withoutHash.indexOf('?');
  let head = questionMark === -1 ? withoutHash : withoutHash.slice(0, questionMark);
  const baseQuery = questionMark === -1 ? '' : withoutHash.slice(questionMark + 1);
  if (path !== '') {
    const sub = path.startsWith('/') ? path : `/${path}`;
    head = head.endsWith('/') ? `${head}${sub.slice(1)}` : `${head}${sub}`;
  }
  const joined = [baseQuery, query].filter((part) => part !== '').join('&');
  return joined === '' ? head : `${head}?${joined}`;
}
