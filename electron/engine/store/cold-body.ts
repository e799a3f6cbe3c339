import { errorText } from '../../../shared/errors';
import type { HookEvent } from '../../../shared/schemas/event';
import type { SegmentReader } from './segment-reader';

/** What a body's place needs from the log: reads, and the recently used bodies (WarmBodies). */
export interface BodyReader {
  readText: SegmentReader['readText'];
  readTextInOrder: SegmentReader['readTextInOrder'];
  reportUnreadable: SegmentReader['reportUnreadable'];
  recent: WarmBodies;
}

/**
 * A stored event whose body stays on disk: memory keeps where the body is in the journal (segment,
 * byte offset, length), and `event.body` reads and parses it when asked for (then keeps it parsed for
 * the next few reads: WarmBodies). Everything else on the
 * event is an ordinary field. `body` stays an own enumerable property (an accessor), so spreading,
 * `JSON.stringify` and `Object.keys` see it exactly as before; assigning it makes it an ordinary field
 * again. The body was checked (CRC) when the journal was read, and JSON.parse gives the same value as
 * at ingest (both parse the text the sender sent; line breaks between tokens became spaces).
 */

/** Where an event's body is: a range of one journal segment. Mutable: compaction moves it. */
export interface BodyLocation {
  reader: BodyReader;
  segment: number;
  offset: number;
  length: number;
}

const LOCATION = Symbol('hookdesk.bodyLocation');
/** The parsed body of an event read lately, kept while it is likely to be read again (see WarmBodies). */
const WARM = Symbol('hookdesk.warmBody');
const NOT_WARM = Symbol('hookdesk.notWarm');

/**
 * Set by the event log on a record whose line is a body line (body-line.ts), once that line is
 * durable: where its body is. The part that applies the record keeps it instead of the body.
 */
export const RECORD_BODY = Symbol('hookdesk.recordBody');

export interface WithBodyLocation {
  [RECORD_BODY]?: BodyLocation;
}

interface ColdEvent {
  [LOCATION]?: BodyLocation;
  [WARM]?: unknown;
}

function readLocation(location: BodyLocation): string {
  return location.reader.readText(location.segment, location.offset, location.length);
}

function getBody(this: HookEvent & ColdEvent): unknown {
  const warm = this[WARM];
  if (warm !== NOT_WARM) return warm;
  const location = this[LOCATION];
  if (!location) return null;
  try {
    const body: unknown = JSON.parse(readLocation(location));
    // Read once per use, not once per access: a delivery or a view reads the body several times.
    location.reader.recent.add(this, body);
    return body;
  } catch (error) {
    location.reader.reportUnreadable(location.segment, `The body of event ${this.id} could not be read from the journal (${errorText(error)}); it is shown as null.`);
    return null;
  }
}

function setBody(this: HookEvent & ColdEvent, value: unknown): void {
  Object.defineProperty(this, 'body', { value, writable: true, enumerable: true, configurable: true });
  this[LOCATION] = undefined;
  this[WARM] = NOT_WARM;
}

const BODY_ACCESSOR: PropertyDescriptor = { get: getBody, set: setBody, enumerable: true, configurable: true };

/**
 * A copy of the event without its parsed body, which is read from `location` when asked for. The
 * fields are copied in their order and `body` is added last, as a new property with one shared
 * getter and setter: every cold event then shares one hidden class (V8 keeps them as small "fast"
 * objects; turning an existing field into an accessor would make each a dictionary of ~1 KiB).
 */
export function coldCopy(event: HookEvent, location: BodyLocation): HookEvent {
  const copy = withoutBody(event);
  Object.defineProperty(copy, 'body', BODY_ACCESSOR);
  Object.defineProperty(copy, LOCATION, { value: location, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(copy, WARM, { value: NOT_WARM, writable: true, enumerable: false, configurable: true });
  return copy as unknown as HookEvent;
}

/**
 * The parsed bodies of the events read lately, kept in memory a little longer: a body is read
 * several times in one use (dispatch ~3 times per delivery, for filters, template and entity; the
 * live stream and a list page twice), and each read from disk is a syscall and a parse (~6 µs for a
 * small body, but a read of the segment being appended to can wait milliseconds behind its flush).
 * A new event's body is kept too, when it is stored (`keepWarm`): its deliveries and the live stream
 * read it right away. Bounded by count and by bytes, so a body stays only while the newest few
 * thousand events arrive (at ingest rates, mostly shorter than a body's life in the young
 * generation), and a few large captures do not keep megabytes in memory.
 */
export class WarmBodies {
  private readonly queue: Array<HookEvent & ColdEvent> = [];
  private head = 0;
  private bytes = 0;

  constructor(
    private readonly maxEvents = 4096,
    private readonly maxBytes = 8 * 1024 * 1024,
  ) {}

  /** Keeps `body` as the cold event's parsed body for a while; cools the oldest ones past the bounds. */
  add(event: HookEvent, body: unknown): void {
    const cold = event as HookEvent & ColdEvent;
    if (!cold[LOCATION] || body === undefined) return;
    cold[WARM] = body;
    this.queue.push(cold);
    this.bytes += cold[LOCATION]?.length ?? 0;
    while (this.queue.length - this.head > this.maxEvents || (this.bytes > this.maxBytes && this.queue.length - this.head > 1)) this.coolOldest();
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }

  private coolOldest(): void {
    const oldest = this.queue[this.head]!;
    this.queue[this.head] = undefined as unknown as HookEvent & ColdEvent;
    this.head += 1;
    this.bytes -= oldest[LOCATION]?.length ?? 0;
    // An event read again since is queued again; cooling it here only costs one more read.
    oldest[WARM] = NOT_WARM;
  }
}

/** Keeps a cold event's parsed body in memory for a while (WarmBodies), as if it had just been read. */
export function keepWarm(event: HookEvent, body: unknown): void {
  (event as HookEvent & ColdEvent)[LOCATION]?.reader.recent.add(event, body);
}

/** Points a cold event at the new place of its body (compaction moved it); false for an event whose body is in memory. */
export function relocate(event: HookEvent, location: BodyLocation): boolean {
  const cold = event as HookEvent & ColdEvent;
  if (!cold[LOCATION]) return false;
  cold[LOCATION] = location;
  return true;
}

/** Where the event's body is on disk, if it is kept there. */
export function locationOf(event: HookEvent): BodyLocation | undefined {
  return (event as HookEvent & ColdEvent)[LOCATION];
}

/** The event's own fields but its body, without reading the body (spreading a cold event would). */
export function withoutBody(event: HookEvent): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(event)) if (key !== 'body') copy[key] = (event as unknown as Record<string, unknown>)[key];
  return copy;
}

/** A stored body that could not be read back: whatever was rewriting it must stop, not write it without its body. */
export class BodyReadError extends Error {}

/** The body's JSON text as stored (for rewriting it elsewhere without a parse); throws BodyReadError when it cannot be read. */
export function storedBodyText(location: BodyLocation): string {
  try {
    // Only compaction copies stored bodies, in file order: read ahead.
    return location.reader.readTextInOrder(location.segment, location.offset, location.length);
  } catch (error) {
    throw new BodyReadError(`a stored body could not be read (${errorText(error)})`);
  }
}
