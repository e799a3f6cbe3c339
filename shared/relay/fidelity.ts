import type { HeaderChanges, RelayFidelity } from '../schemas/fidelity';

/**
 * The pure side of relay fidelity: which headers a forward or a replay added, removed or changed
 * against the request received, and the sentence the inspector shows. Names compare ignoring case
 * (HTTP names are case-insensitive); repeated names are joined as stored; `host`, `content-length` and
 * the connection headers are left out (the client sets them). Bounded by the headers
 * given (both sides are stored or sent headers, already capped by the HTTP edge).
 */
/**
 * Names the HTTP client sets for each connection and request itself (the target's host, the body's
 * length, connection management): they are never copied on, so they are not compared.
 */
const SET_BY_CLIENT: ReadonlySet<string> = new Set(['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);

export function compareHeaders(received: Readonly<Record<string, string>>, sent: Readonly<Record<string, string>>): HeaderChanges {
  const before = lowerCased(received);
  const after = lowerCased(sent);
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  for (const [name, value] of after) {
    const was = before.get(name);
    if (was === undefined) added.push(name);
    else if (was !== value) changed.push(name);
  }
  for (const name of before.keys()) if (!after.has(name)) removed.push(name);
  return { added: added.sort(), removed: removed.sort(), changed: changed.sort() };
}

function lowerCased(headers: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (SET_BY_CLIENT.has(lower)) continue;
    const previous = out.get(lower);
    out.set(lower, previous === undefined ? value : `${previous}, ${value}`);
  }
  return out;
}

/** Whether the body went out as the bytes received (same SHA-256 and length). */
export function sameBody(fidelity: RelayFidelity): boolean {
  return fidelity.receivedSha256 === fidelity.sentSha256 && fidelity.receivedBytes === fidelity.sentBytes;
}

export function headerChangeCount(changes: HeaderChanges): number {
  return changes.added.length + changes.removed.length + changes.changed.length;
}

/**
 * One line for a forward or a replay: "Forwarded byte for byte" when the body is the bytes
 * received and no header changed, else what changed ("Body edited (1,204 → 1,180 bytes) · 1 header
 * added, 2 removed"). `verb` names the action ("Forwarded", "Replayed").
 */
export function fidelitySummary(fidelity: RelayFidelity, verb: string): string {
  const body = sameBody(fidelity);
  const headerCount = headerChangeCount(fidelity.headers);
  if (body && headerCount === 0) return `${verb} byte for byte`;
  const parts: string[] = [];
  parts.push(body ? `Body ${verb.toLowerCase()} byte for byte` : `Body edited (${fidelity.receivedBytes.toLocaleString('en-US')} → ${fidelity.sentBytes.toLocaleString('en-US')} bytes)`);
  const headerParts: string[] = [];
  if (fidelity.headers.added.length > 0) headerParts.push(`${fidelity.headers.added.length} added`);
  if (fidelity.headers.removed.length > 0) headerParts.push(`${fidelity.headers.removed.length} removed`);
  if (fidelity.headers.changed.length > 0) headerParts.push(`${fidelity.headers.changed.length} changed`);
  if (headerParts.length > 0) parts.push(`${headerCount === 1 ? 'header' : 'headers'}: ${headerParts.join(', ')}`);
  return parts.join(' · ');
}
