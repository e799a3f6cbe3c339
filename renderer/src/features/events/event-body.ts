import type { HookEvent } from '../../../../shared/schemas/event';
import { base64ToBytes, bytesToDisplay } from '../../lib/format';

type Language = 'json' | 'plaintext' | 'html' | 'xml';

function languageOf(contentType: string | null | undefined): Language {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json')) return 'json';
  if (type.includes('html')) return 'html';
  if (type.includes('xml')) return 'xml';
  return 'plaintext';
}

/** What Pretty shows for a body the engine kept as bytes without parsing it (too deep): why, and where the bytes are. */
export function unparsedBodyText(note: string): string {
  return `${note}\n\nThe bytes as received are under Raw.`;
}

/** The body as parsed JSON, indented (text bodies as they are; binary bodies have none; unparsed ones say why). */
export function prettyBody(event: HookEvent): { text: string; language: Language } {
  if (event.bodyNote !== undefined) return { text: unparsedBodyText(event.bodyNote), language: 'plaintext' };
  if (typeof event.body === 'string') return { text: event.body, language: languageOf(event.contentType) };
  if (event.body === null && event.bodyBase64 !== undefined) {
    return { text: '(no text form: the body is binary; see Raw)', language: 'plaintext' };
  }
  return { text: JSON.stringify(event.body, null, 2) ?? 'null', language: 'json' };
}

/** The body exactly as received: the decoded bytes of a capture (hex dump when binary), else compact JSON. */
export function rawBody(event: HookEvent): { text: string; language: Language; binary: boolean } {
  if (event.bodyBase64 !== undefined) {
    const { text, binary } = bytesToDisplay(base64ToBytes(event.bodyBase64));
    // An unparsed body is plain text here too: the editor's JSON support would walk its nesting.
    const plain = binary || event.bodyNote !== undefined;
    return { text, language: plain ? 'plaintext' : languageOf(event.contentType), binary };
  }
  return { text: typeof event.body === 'string' ? event.body : (JSON.stringify(event.body) ?? 'null'), language: 'plaintext', binary: false };
}

/**
 * For a capture sent with Content-Encoding that the engine decoded: that Pretty shows the decoded body
 * and Raw the bytes as received. Null otherwise (no coding, or it could not be decoded: the note says why).
 */
export function decodedNote(event: HookEvent): string | null {
  if (event.source !== 'capture' || event.bodyNote !== undefined || event.bodyBase64 === undefined) return null;
  const coding = Object.entries(event.headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1]?.trim();
  if (coding === undefined || coding === '' || coding.toLowerCase() === 'identity') return null;
  return `Sent with Content-Encoding: ${coding}. Pretty shows the body decoded; Raw shows the ${event.size.toLocaleString('en-US')} bytes as received.`;
}
