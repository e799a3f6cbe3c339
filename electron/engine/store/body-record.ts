import type { HookEvent } from '../../../shared/schemas/event';
import { bodyLine } from './body-line';
import { locationOf, storedBodyText, withoutBody } from './cold-body';
import type { JournalRecord } from './journal';
import { BODY_DEPTH_CHECKED, SERIALIZE, type SelfSerializing } from './journal-line';

/** JSON text may break lines only as whitespace between tokens: spaces keep the journal one record per line. */
function oneLine(json: string): string {
  return json.includes('\n') || json.includes('\r') ? json.replace(/[\r\n]/g, ' ') : json;
}

/**
 * A `put` or `restore` record that serializes itself (at flush time, after append hooks have added
 * their fields) as a body line (body-line.ts) when the event has a body: from `rawBody`, the JSON
 * text it was received as, when given; else from the journal when the body is kept there; else
 * from the parsed body. Without a body, or when the line cannot be laid out so, it is an ordinary line.
 */
export function bodyRecord(op: 'put' | 'restore', event: HookEvent, rawBody?: string): JournalRecord {
  const record: JournalRecord & SelfSerializing & { event: HookEvent } = { op, event };
  record[SERIALIZE] = () => {
    const location = locationOf(event);
    let text: string | undefined;
    // A body read back from its line was checked when that line was written: only the head is
    // walked again. Text given by the caller and bodies serialized from memory are checked whole.
    record[BODY_DEPTH_CHECKED] = rawBody === undefined && location !== undefined;
    if (rawBody !== undefined) text = oneLine(rawBody);
    else if (location) text = storedBodyText(location);
    else if (event.body !== undefined && event.body !== null) text = JSON.stringify(event.body);
    const line = text === undefined ? null : bodyLine(op, withoutBody(event), text);
    if (line) return line;
    // Reading `event.body` here is fine: a cold event always makes a body line (its fields are never empty).
    return JSON.stringify({ op, event });
  };
  return record;
}
