import { depthNote, MAX_JSON_DEPTH } from '../../../shared/json/bounded-json';

/**
 * How deep a received body may nest and still be parsed. The journal writes a line only when the
 * whole record is within MAX_JSON_DEPTH (store/journal-line.ts), and an event's body sits two levels
 * down in its record (`{"op": "put", "event": {"body": ...}}`), so a body parsed here is one the
 * journal takes: nothing acknowledged can fail to be written for its depth.
 */
export const MAX_BODY_DEPTH = MAX_JSON_DEPTH - 2;

/** Why a received body was kept as raw bytes and not parsed. */
export const BODY_DEPTH_NOTE = depthNote(MAX_BODY_DEPTH);
