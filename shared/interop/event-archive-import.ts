import { ErrorCode, HookdeskError } from '../errors';
import { valueTooDeep } from '../json/bounded-json';
import { MAX_ARCHIVE_DEPTH, type ArchiveEntry, type EventArchiveFormat } from './event-archive';
import { harEntries, looksLikeHar, readHarEntry } from './har';
import { ndjsonLines, readNdjsonLine, readNdjsonValue } from './ndjson';

/**
 * Reads an import's body into entries before anything is written: a file that is not a HAR or NDJSON
 * file at all (or breaks a bound of the whole file) is a 400 and nothing is imported; within a good
 * file each entry is read on its own, so a bad one is skipped with its reason. Pure.
 */

export interface ReadArchive {
  format: EventArchiveFormat;
  entries: ArchiveEntry[];
}

function invalidFile(message: string): HookdeskError {
  return new HookdeskError(400, ErrorCode.validationFailed, message, { file: message });
}

/** A body parsed as JSON (the management API's parser): a HAR file, or a single event / an array of events (NDJSON's lines). */
export function readArchiveJson(value: unknown): ReadArchive {
  if (valueTooDeep(value, MAX_ARCHIVE_DEPTH, 50_000_000)) throw invalidFile(`The file nests deeper than ${MAX_ARCHIVE_DEPTH} levels; it is not a HAR or NDJSON file Hookdesk can read.`);
  if (looksLikeHar(value)) {
    const har = harEntries(value);
    if (!har.ok) throw invalidFile(har.reason);
    return { format: 'har', entries: har.entries.map((entry, index) => readHarEntry(entry, index)) };
  }
  if (Array.isArray(value)) {
    const lines = value as unknown[];
    if (lines.length > 10_000) throw invalidFile('The file holds more than 10000 events; import it in parts.');
    return { format: 'ndjson', entries: lines.map((line, index) => readNdjsonValue(line, index)) };
  }
  if (typeof value === 'object' && value !== null && 'headers' in value) return { format: 'ndjson', entries: [readNdjsonValue(value, 0)] };
  throw invalidFile('The file is neither a HAR file (no "log") nor events. Export one from Hookdesk, or send NDJSON as application/x-ndjson.');
}

/** An NDJSON body: one event per line; a line that does not parse is skipped with its reason. */
export function readArchiveNdjson(text: string): ReadArchive {
  const lines = ndjsonLines(text);
  if (!lines.ok) throw invalidFile(lines.reason);
  if (lines.lines.length === 0) throw invalidFile('The file holds no events (every line is blank).');
  return { format: 'ndjson', entries: lines.lines.map((line) => readNdjsonLine(line.text, line.index)) };
}

/** A file's text as the UI reads it: JSON (HAR) when the whole text parses, else NDJSON. Answers the content type to send it as. */
export function archiveContentType(text: string): 'application/json' | 'application/x-ndjson' {
  const start = text.trimStart();
  if (!start.startsWith('{')) return 'application/x-ndjson';
  // A HAR file is one JSON value spread over lines; NDJSON has one value per line. `"log"` near the start says HAR.
  return /^\{\s*"log"\s*:/.test(start) ? 'application/json' : 'application/x-ndjson';
}
