import { describe, expect, it } from 'vitest';
import { matchScore, rankByMatch } from '../../../../renderer/src/features/palette/match';

describe('palette matching', () => {
  const items = ['Connectors', 'New connector', 'New webhook', 'Orders webhook', 'Toggle theme', 'Show shortcuts'];

  it('puts a prefix first, then a word start, then letters in order', () => {
    expect(rankByMatch(items, 'new', (s) => s)).toEqual(['New webhook', 'New connector']);
    expect(rankByMatch(items, 'webhook', (s) => s)).toEqual(['New webhook', 'Orders webhook']);
    expect(rankByMatch(items, 'nwh', (s) => s)).toEqual(['New webhook']);
  });

  it('ignores case and answers null when a letter is missing', () => {
    expect(matchScore('TOGGLE', 'Toggle theme')).not.toBeNull();
    expect(matchScore('xyz', 'Toggle theme')).toBeNull();
  });

  it('shows everything in the given order for an empty query', () => {
    expect(rankByMatch(items, '  ', (s) => s)).toEqual(items);
  });

  it('matches an id only as a run of characters, never as letters scattered through a random id', () => {
    const rows = [
      { label: 'Orders out', key: 'whk_0aaaaaaaaaaaaaaaaaaaa' },
      { label: 'Invoices out', key: 'whk_0xoxrxdxxxxxxxxxxxxxx' },
    ];
    const ranked = (q: string): string[] => rankByMatch(rows, q, (r) => r.label, (r) => r.key).map((r) => r.label);
    expect(ranked('ord')).toEqual(['Orders out']);
    expect(ranked('0xoxr')).toEqual(['Invoices out']);
    expect(ranked('whk_0x')).toEqual(['Invoices out']);
  });

  it('treats typed regex characters as text', () => {
    expect(matchScore('order.*', 'order.created')).toBeNull();
    expect(matchScore('(', 'a(b')).not.toBeNull();
  });
});
