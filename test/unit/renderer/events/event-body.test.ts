import { describe, expect, it } from 'vitest';
import { prettyBody, rawBody, unparsedBodyText } from '../../../../renderer/src/features/events/event-body';
import type { HookEvent } from '../../../../shared/schemas/event';

const NOTE = 'The body is nested deeper than 254 levels of arrays and objects, so Hookdesk keeps it as raw bytes and does not parse, search, template or validate it.';
const DEEP = '{"a":'.repeat(1_000) + '1' + '}'.repeat(1_000);

function event(extra: Partial<HookEvent>): HookEvent {
  return {
    id: 'evt_1',
    connectorId: 'con_1',
    source: 'capture',
    dataSource: 'generic',
    type: 'generic',
    receivedTime: '2026-01-01T00:00:00.000Z',
    headers: {},
    body: null,
    size: DEEP.length,
    remoteAddress: null,
    contentType: 'application/json',
    ...extra,
  };
}

describe('inspector body of an event kept unparsed (too deep)', () => {
  const kept = event({ bodyNote: NOTE, bodyBase64: Buffer.from(DEEP).toString('base64') });

  it('Pretty says why, in the engine\'s words, and where the bytes are', () => {
    expect(prettyBody(kept)).toEqual({ text: unparsedBodyText(NOTE), language: 'plaintext' });
    expect(unparsedBodyText(NOTE)).toContain(NOTE);
  });

  it('Raw shows the bytes as received, as plain text (no JSON language over its nesting)', () => {
    expect(rawBody(kept)).toEqual({ text: DEEP, language: 'plaintext', binary: false });
  });

  it('an ordinary JSON capture keeps its JSON views', () => {
    const plain = event({ body: { a: 1 }, bodyBase64: Buffer.from('{"a":1}').toString('base64') });
    expect(prettyBody(plain)).toEqual({ text: '{\n  "a": 1\n}', language: 'json' });
    expect(rawBody(plain).language).toBe('json');
  });
});
