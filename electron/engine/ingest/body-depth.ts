import { depthNote, MAX_JSON_DEPTH } from '../../../shared/json/bounded-json';

/**
 * How deep a received body may nest and still be parsed: the one data bound. The journal takes
 * lines a few levels deeper (MAX_RECORD_DEPTH: its record's own levels around a body), so nothing
 * acknowledged can fail to be written for its depth.
 */
export const MAX_BODY_DEPTH = MAX_JSON_DEPTH;

/** Why a received body was kept as raw bytes and not parsed. */
export const BODY_DEPTH_NOTE = depthNote(MAX_BODY_DEPTH);
