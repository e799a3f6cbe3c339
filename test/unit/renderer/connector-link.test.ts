import { describe, expect, it } from 'vitest';
import { connectorLinkIn, searchWithLink } from '../../../renderer/src/features/connectors/connector-link-params';

describe('the connector page in the address bar', () => {
  it('reads the connector and event ids the engine makes, and ignores anything else', () => {
    expect(connectorLinkIn('?connector=con_00abc123&event=evt_00xyz789')).toEqual({ connectorId: 'con_00abc123', eventId: 'evt_00xyz789' });
    expect(connectorLinkIn('?connector=con_00abc123')).toEqual({ connectorId: 'con_00abc123', eventId: null });
    expect(connectorLinkIn('?connector=con_00abc123&event=../../api')).toEqual({ connectorId: 'con_00abc123', eventId: null });
    expect(connectorLinkIn('?event=evt_00xyz789')).toBeNull();
    expect(connectorLinkIn('?connector=whk_00abc123')).toBeNull();
    expect(connectorLinkIn(`?connector=con_${'a'.repeat(65)}`)).toBeNull();
    expect(connectorLinkIn('')).toBeNull();
  });

  it('writes its two parameters and keeps the others', () => {
    expect(searchWithLink('', { connectorId: 'con_1', eventId: 'evt_2' })).toBe('?connector=con_1&event=evt_2');
    expect(searchWithLink('?theme=dark&event=evt_old', { connectorId: 'con_1', eventId: null })).toBe('?theme=dark&connector=con_1');
    expect(searchWithLink('?connector=con_1&event=evt_2&theme=dark', null)).toBe('?theme=dark');
    expect(searchWithLink('?connector=con_1', null)).toBe('');
  });
});
