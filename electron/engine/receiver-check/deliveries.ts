import type { SenderProfile } from '../../../shared/receiver-check/profiles';
import { utf8 } from '../../../shared/signing/bytes';
import type { OutgoingRequest } from './exchange';

/** Size of the large-body case: well past the 100 kB that common body parsers (express.json) refuse by default. */
export const LARGE_BODY_BYTES = 512 * 1024;

/** Age of the replayed delivery's signed timestamp: far outside every profile's tolerance (5 min). */
export const STALE_AGE_SECONDS = 3600;

/** What to change about one delivery; the default is a valid, freshly signed delivery. */
export interface DeliveryOptions {
  /** Order of the event for the same object (out-of-order case): higher is newer. */
  sequence?: number;
  /** The signed timestamp, in Unix seconds (default: now). */
  timestampSeconds?: number;
  /** When the event happened, in Unix seconds (default: the signed timestamp). */
  createdSeconds?: number;
  /** Sign with these secrets instead of the receiver's (wrong secret, rotation). */
  secrets?: readonly string[];
  /** Leave the signature headers out. */
  omitSignature?: boolean;
  /** Change the body after it was signed. */
  tamper?: boolean;
  /** Rewrites the JSON text before it is signed (large body, unicode, big numbers). */
  rewriteBody?: (json: string) => string;
}

/** A delivery as the check sends it, plus the event id a receiver would dedupe on. */
export interface Delivery {
  id: string;
  request: OutgoingRequest;
}

/**
 * Builds the deliveries of one run: each one the profile's sample event, serialized once, signed over
 * those exact bytes with the profile's scheme (or deliberately wrongly, as the options say).
 */
export class DeliveryFactory {
  constructor(
    private readonly profile: SenderProfile,
    private readonly url: string,
    readonly secret: string,
    private readonly nowMs: () => number,
  ) {}

  build(options: DeliveryOptions = {}): Delivery {
    const timestampSeconds = options.timestampSeconds ?? Math.floor(this.nowMs() / 1000);
    const sample = this.profile.sample({ sequence: options.sequence ?? 1, createdSeconds: options.createdSeconds ?? timestampSeconds });
    const json = JSON.stringify(sample.body);
    const text = options.rewriteBody ? options.rewriteBody(json) : json;
    const signedBytes = utf8(text);
    const signature = this.profile.sign({
      secrets: options.secrets ?? [this.secret],
      id: sample.id,
      timestampSeconds,
      body: signedBytes,
    });
    const headers: Record<string, string> = { ...sample.headers, ...signature };
    if (options.omitSignature) {
      for (const name of this.profile.signatureHeaders) delete headers[name];
    }
    const body = options.tamper ? utf8(appendField(text, '"hookdesk_tampered":true')) : signedBytes;
    return { id: sample.id, request: { method: 'POST', url: this.url, headers, body } };
  }
}

/** Adds `"field":value` as the last member of a JSON object's text. */
export function appendField(json: string, member: string): string {
  const end = json.lastIndexOf('}');
  if (end < 0) return json;
  const head = json.slice(0, end).trimEnd();
  const separator = head.endsWith('{') ? '' : ',';
  return `${head}${separator}${member}${json.slice(end)}`;
}

/** Pads the event with a `padding` member until the body is at least `bytes` long. */
export function padTo(bytes: number): (json: string) => string {
  return (json) => {
    const filler = 'Hookdesk receiver check: a large delivery, as senders send for big orders or pushes. ';
    const need = Math.max(0, bytes - utf8(appendField(json, '"padding":""')).length);
    const padding = filler.repeat(Math.ceil(need / filler.length)).slice(0, need);
    return appendField(json, `"padding":${JSON.stringify(padding)}`);
  };
}

/**
 * Text and numbers that break receivers which re-serialize JSON before verifying, or parse numbers
 * as doubles: escaped and raw non-ASCII, an emoji as a surrogate pair, a combining accent, right-to-left
 * text, U+2028 (legal in JSON, not in old JavaScript), an integer past 2^64 and a decimal past double precision.
 */
export const UNICODE_AND_BIG_NUMBERS =
  '"hookdesk_check":{"text":"Grüße, 名前, עברית, e\u0301, \u2028 and 😀","escaped":"caf\\u00e9 \\ud83d\\ude00 \\/",' +
  '"big_integer":123456789012345678901234567890,"precise":0.1000000000000000055511151231257827,"exponent":1E-7,"negative_zero":-0}';
