import { describe, expect, it } from 'vitest';
import { globMatches, MAX_GLOB_TEXT_LENGTH } from '../../../../shared/matching/glob';
import { webhookMatchesEvent } from '../../../../shared/matching/match-event';

describe('glob matching is linear, whatever the sender sends', () => {
  it('a filter of many stars against a type of 200 dots answers false (no backtracking regex)', () => {
    const type = '.'.repeat(200);
    expect(globMatches('*.*.*.*.*.failed', type)).toBe(false);
    expect(globMatches('*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.x', `${'a.'.repeat(100)}y`)).toBe(false);
    // A disabled webhook is matched too (to record a skipped delivery), so this runs on every append.
    const webhook = { events: [{ type: '*.*.*.*.*.failed' }], filters: {} };
    const event = { type, connectorId: 'con_a', dataSource: 'generic' };
    expect(webhookMatchesEvent(webhook, event)).toBe(false);
  });

  it('still matches what the stars allow', () => {
    expect(globMatches('*.*.*.*.*.failed', 'a.b.c.d.e.failed')).toBe(true);
    expect(globMatches('*.*.*.*.*.failed', `${'.'.repeat(200)}failed`)).toBe(true);
    expect(globMatches('*a*b*', 'xxAyyBzz')).toBe(true);
    expect(globMatches('*a*b', 'xxAyyBzz')).toBe(false);
    expect(globMatches('a**', 'a')).toBe(true);
    expect(globMatches('?', '')).toBe(false);
    expect(globMatches('', '')).toBe(true);
    expect(globMatches('', 'a')).toBe(false);
    expect(globMatches('*', '')).toBe(true);
    expect(globMatches('a\nb', 'A\nB')).toBe(true);
    expect(globMatches('a?b', 'a\nb')).toBe(true);
  });

  it('a text longer than any event type is matched only by a glob of stars', () => {
    const long = 'x'.repeat(MAX_GLOB_TEXT_LENGTH + 1);
    expect(globMatches('*', long)).toBe(true);
    expect(globMatches('x*', long)).toBe(false);
  });
});
