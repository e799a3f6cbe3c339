import { describe, expect, it } from 'vitest';
import { completionPaths } from '../../../../renderer/src/features/webhooks/payload-preview';
import type { EventSample } from '../../../../shared/schemas/event-type';

const sample: EventSample = {
  id: 'evt_1',
  type: 'ticket.updated',
  dataSource: 'generic',
  connectorId: 'con_1',
  receivedTime: '2026-01-01T00:00:00.000Z',
  body: { id: 't2', status: 'open' },
};
const webhook = { id: 'whk_1', name: 'Tickets' };
const draft = { includeEntity: true, jsonPayloadEnabled: false };

describe('completionPaths', () => {
  it('offers the fields of completionBody (every field seen), not only the sample body', () => {
    const paths = completionPaths(draft, webhook, { ...sample, completionBody: { id: 't2', status: 'open', assignee: { name: 'string' } } }, 'http://127.0.0.1:1');
    expect(paths).toEqual(expect.arrayContaining(['data.id', 'data.status', 'data.assignee', 'data.assignee.name', 'event.type', 'eventId']));
  });

  it('reads the body itself when the engine gave no completionBody (system and unknown types)', () => {
    const paths = completionPaths(draft, webhook, sample, 'http://127.0.0.1:1');
    expect(paths).toEqual(expect.arrayContaining(['data.id', 'data.status']));
    expect(paths).not.toContain('data.assignee');
  });
});
