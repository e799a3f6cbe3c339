import { randomIdPart } from '../../../shared/ids';

/**
 * Every request the relay sends carries this header, listing the Hookdesk instances it went through.
 * A request that already lists this instance came back to it (the forward URL points at Hookdesk's
 * own capture or push URL), and is not forwarded again: that would loop for ever.
 */
export const HOP_HEADER = 'x-hookdesk-forwarded-by';

export const LOOP_REASON =
  'Not forwarded: this request was sent by this Hookdesk itself (the forward URL points back at Hookdesk, directly or through another relay), ' +
  'so forwarding it would loop. Point the forward URL at your own server.';

/** This running instance's mark in the hop header. */
export class HopMark {
  readonly id = `hookdesk-${randomIdPart(12)}`;

  /** Whether headers (any case) already list this instance. */
  seenIn(headers: Readonly<Record<string, string | string[] | undefined>>): boolean {
    for (const [name, value] of Object.entries(headers)) {
      if (name.toLowerCase() !== HOP_HEADER || value === undefined) continue;
      const text = Array.isArray(value) ? value.join(',') : value;
      if (text.split(',').some((part) => part.trim() === this.id)) return true;
    }
    return false;
  }

  /** The headers with this instance added to the hop header (once). */
  stamp(headers: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    let previous: string | null = null;
    for (const [name, value] of Object.entries(headers)) {
      if (name.toLowerCase() === HOP_HEADER) previous = previous === null ? value : `${previous}, ${value}`;
      else out[name] = value;
    }
    if (previous === null || previous.trim() === '') out[HOP_HEADER] = this.id;
    else out[HOP_HEADER] = this.seenIn({ [HOP_HEADER]: previous }) ? previous : `${previous}, ${this.id}`;
    return out;
  }
}
