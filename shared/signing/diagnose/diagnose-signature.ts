import { recordBody } from '../../body-bytes';
import type { VerificationConfig } from '../../schemas/verification';
import { constantTimeEqual, fromBase64, fromHex, toHex } from '../bytes';
import { HMAC_ALGORITHMS, hmacBytes, type HmacAlgorithm } from '../hmac';
import { verifyRequest } from '../verify/verify-request';
import { DEFAULT_TOLERANCE_SECONDS, parseUnixSeconds, timestampAge, type RequestHeaders } from '../verify/verification-result';
import { bodyVariants, MAX_TRIED_BODY_BYTES } from './body-variants';
import type { DiagnosisCause, SignatureDiagnosis } from './diagnosis-schema';
import { otherProviderHeaders, type ProviderHeader } from './provider-headers';
import { macMatches, schemeModel, type SchemeModel } from './scheme-model';
import { secretHint, secretVariants, type SecretVariantId } from './secret-variants';

export interface DiagnoseInput {
  /** The connector's verification setting, its secret resolved (never returned). */
  config: VerificationConfig;
  headers: RequestHeaders;
  /** The body bytes exactly as received. */
  body: Uint8Array;
  /** When the request arrived (ms since the epoch): timestamps are judged against it. */
  receivedMs: number;
}

/** How much of the signed content and of the received header the diagnosis shows. */
export const SHOWN_CONTENT_BYTES = 4096;
export const SHOWN_HEADER_CHARS = 1024;

const ALG_NAME: Record<HmacAlgorithm, string> = { sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512' };

const SECRET_CAUSE: Record<SecretVariantId, DiagnosisCause['kind']> = {
  'secret-as-text': 'secret-encoding',
  'secret-base64-decoded': 'secret-encoding',
  'prefix-dropped': 'secret-prefix',
  'prefix-added': 'secret-prefix',
  'secret-trimmed': 'secret-whitespace',
};

/** The steps tried and their outcome, collected in order. */
class Tries {
  readonly list: { step: string; matched: boolean }[] = [];
  record(step: string, matched: boolean): boolean {
    this.list.push({ step, matched });
    return matched;
  }
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/**
 * Explains a signature that did not verify: the scheme's signed content, the signature computed
 * with the configured secret beside the one received, and the most likely cause, found by trying
 * the usual mistakes in order and reporting the first that makes the signature match: a missing
 * header (and another provider's header present), the signature matching after all (then the
 * timestamp is the cause, or the secret changed since), the secret's encoding, `whsec_` prefix or
 * whitespace, the body re-serialized or re-encoded, another HMAC algorithm or output encoding.
 * Bounded: at most about 20 HMACs, each over at most the body plus a short prefix, and body
 * variants only for bodies up to 256 KiB. Pure; the secret never appears in the answer.
 */
export function diagnoseSignature(input: DiagnoseInput): SignatureDiagnosis {
  const { config, headers, body } = input;
  const model = schemeModel(config, headers);
  const recheck = verifyRequest(config, { headers, body, nowMs: input.receivedMs });
  const key = model.key(config.secret);
  const content = model.content(body);
  const mac = key ? hmacBytes(model.algorithm, key, content) : null;
  const shown = recordBody(content, SHOWN_CONTENT_BYTES);
  const tries = new Tries();
  const cause = findCause(input, model, key, mac, recheck.status, tries);
  return {
    scheme: config.scheme,
    header: model.header,
    signedContent: {
      label: model.contentLabel,
      text: shown.body,
      ...(shown.encoding ? { encoding: shown.encoding } : {}),
      ...(shown.truncated ? { truncated: true } : {}),
      bytes: content.byteLength,
    },
    received: model.received === null ? null : cut(model.received, SHOWN_HEADER_CHARS),
    computed: mac ? model.format(mac) : null,
    secretHint: secretHint(config.secret),
    recheck,
    cause,
    tried: tries.list,
  };
}

function findCause(
  input: DiagnoseInput,
  model: SchemeModel,
  key: Uint8Array | null,
  mac: Uint8Array | null,
  recheck: 'verified' | 'failed' | 'none',
  tries: Tries,
): DiagnosisCause {
  const others = otherProviderHeaders(input.headers, model.scheme, model.header);
  if (model.missing !== null) {
    tries.record(`the ${model.missing} header is present`, false);
    const other = others[0];
    if (other) return otherProviderCause(input, model, other, true);
    return {
      kind: 'missing-header',
      title: `The request has no ${model.missing} header`,
      detail: `The ${schemeName(model)} scheme reads the signature from ${model.header}${model.missing === model.header ? '' : ` and needs ${model.missing}`}; this request does not carry it, so there is nothing to check.`,
      fix: 'Switch signing on at the sender, or check that no proxy between the sender and Hookdesk strips the header.',
    };
  }
  if (!key || !mac) {
    return {
      kind: 'secret-unusable',
      title: 'The secret configured here cannot key this scheme',
      detail: 'Standard Webhooks secrets are "whsec_" followed by base64; the part after the prefix is not base64, so no signature can be computed.',
      fix: 'Paste the secret exactly as the sender shows it ("whsec_…"), or pick the scheme the sender really uses.',
    };
  }

  if (tries.record('the configured secret with the body as received', macMatches(model, mac))) return matchedCause(input, model, recheck);

  for (const variant of secretVariants(input.config.secret, model.textKey)) {
    const matched = macMatches(model, hmacBytes(model.algorithm, variant.key, model.content(input.body)));
    if (tries.record(variant.label, matched)) {
      return { kind: SECRET_CAUSE[variant.id], title: `The sender keys with ${variant.label}`, detail: variant.detail, fix: variant.fix };
    }
  }

  if (input.body.byteLength > MAX_TRIED_BODY_BYTES) {
    tries.record(`the body re-serialized (not tried: the body is over ${MAX_TRIED_BODY_BYTES / 1024} KiB)`, false);
  } else {
    for (const variant of bodyVariants(input.body)) {
      const matched = macMatches(model, hmacBytes(model.algorithm, key, model.content(variant.bytes)));
      if (tries.record(`the body as ${variant.label}`, matched)) {
        return {
          kind: 'body-reserialized',
          title: `The sender signed the body as ${variant.label}, not the bytes that arrived`,
          detail:
            `With the configured secret, the signature matches ${variant.label}. So the bytes received differ from the bytes signed: ` +
            'something between the sender and Hookdesk re-serialized or re-encoded the body (a proxy, a framework that parses and writes JSON again), ' +
            'or the sender signs a re-serialization instead of the exact bytes it sends.',
          fix: 'Sign the exact bytes that are sent, and have every proxy on the way pass the body through unchanged (no JSON re-formatting, re-encoding or line-ending changes).',
        };
      }
    }
  }

  const algorithm = algorithmCause(input, model, key, tries);
  if (algorithm) return algorithm;

  const other = others[0];
  if (other) return otherProviderCause(input, model, other, false);

  return {
    kind: 'no-match',
    title: 'The secret configured here is most likely not the one the sender signs with',
    detail:
      'None of the usual mistakes (secret encoding or prefix, a re-serialized body, another algorithm or encoding, another provider\'s header) makes the signature match. ' +
      'What is left is a different secret (a typo, another endpoint\'s secret, or a secret rotated at the sender) or a body changed in a way that cannot be undone here.',
    fix: `Copy the signing secret again from the sender's settings for this endpoint and paste it in Relay settings (the one configured here has ${secretHint(input.config.secret)}).`,
  };
}

/** The signature matches the configured secret and the body: the timestamp failed, or the setting changed since the request arrived. */
function matchedCause(input: DiagnoseInput, model: SchemeModel, recheck: 'verified' | 'failed' | 'none'): DiagnosisCause {
  if (model.timestamp && recheck !== 'verified') {
    const { header, value, window } = model.timestamp;
    const seconds = parseUnixSeconds(value);
    if (seconds === null) {
      const millis = /^\d{13}$/.test(value);
      return {
        kind: 'timestamp',
        title: millis ? `The ${header} timestamp is in milliseconds, not seconds` : `The ${header} value is not a Unix timestamp in seconds`,
        detail: `The signature matches, but "${cut(value, 40)}" is not a Unix time in seconds, so the request's age cannot be checked.`,
        fix: millis ? 'Make the sender send (and sign) the time in whole seconds: Math.floor(Date.now() / 1000).' : 'Make the sender send the Unix time in whole seconds.',
      };
    }
    const tolerance = input.config.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
    const age = timestampAge(seconds, input.receivedMs);
    const beyond = Math.abs(age) - tolerance;
    const direction = age > 0 ? `${age} s older than` : `${-age} s ahead of`;
    const oneSided = window === 'past-only' ? ' (this scheme refuses only old timestamps)' : '';
    return {
      kind: 'timestamp',
      title: `The signed timestamp is ${direction} the time of receipt, outside the ${tolerance} s tolerance`,
      detail:
        `The signature matches the configured secret and the body, so only the timestamp fails${oneSided}: it is ${beyond} s beyond the tolerance. ` +
        (Math.abs(age) <= 3600
          ? `A clock skew of about ${Math.abs(age)} s between the sender and this machine would explain it, as would a request replayed a little later.`
          : 'That is far more than a clock skew: most likely the request was captured and replayed later (or re-sent from a log).'),
      fix:
        Math.abs(age) <= 3600
          ? `Sync the clocks (NTP) of the sender and this machine, or raise toleranceSeconds to at least ${Math.abs(age)} in Relay settings if the difference is known.`
          : 'Treat it as a replay: a receiver should refuse it. To check the signature anyway, send a fresh request from the sender.',
    };
  }
  return {
    kind: 'matches-now',
    title: 'The signature matches with the settings configured now',
    detail:
      'Checked again with the connector\'s current secret and scheme, this request verifies: the setting was changed after it arrived (it was checked with the earlier secret or scheme).',
    fix: 'Nothing to change for new requests. Replay or re-send this one to see it verified.',
  };
}

/** Every signature the header carries, also with a leading `name=` / `v1,` taken off (a header written for another scheme). */
function signatureTexts(model: SchemeModel): string[] {
  const texts = new Set<string>(model.given);
  if (model.received !== null) {
    for (const part of model.received.split(/[ ,]/)) {
      const value = part.replace(/^[A-Za-z0-9]+[=,]/, '').trim();
      if (value !== '') texts.add(value);
    }
  }
  return [...texts].slice(0, 8);
}

function algorithmCause(input: DiagnoseInput, model: SchemeModel, key: Uint8Array, tries: Tries): DiagnosisCause | null {
  const content = model.content(input.body);
  const texts = signatureTexts(model);
  const expected = `HMAC-${ALG_NAME[model.algorithm]} in ${model.encoding}`;
  for (const algorithm of HMAC_ALGORITHMS) {
    const mac = hmacBytes(algorithm, key, content);
    for (const encoding of ['hex', 'base64'] as const) {
      if (algorithm === model.algorithm && encoding === model.encoding) {
        const upper = texts.some((text) => text !== toHex(mac) && text.toLowerCase() === toHex(mac));
        if (encoding === 'hex' && tries.record(`${expected} written in upper case`, upper)) {
          return {
            kind: 'encoding',
            title: 'The signature is upper-case hex; it must be lower case',
            detail: `The signature is right but written in upper case. ${schemeName(model)}'s libraries compare the lower-case hex text, so they refuse it too.`,
            fix: 'Make the sender write the hex digest in lower case (digest("hex") in Node, hexdigest() in Python).',
          };
        }
        continue;
      }
      const matched = texts.some((text) => {
        const bytes = encoding === 'hex' ? fromHex(text) : fromBase64(text);
        return bytes !== null && constantTimeEqual(bytes, mac);
      });
      const label = `HMAC-${ALG_NAME[algorithm]} in ${encoding}`;
      if (tries.record(label, matched)) {
        const sameAlgorithm = algorithm === model.algorithm;
        return {
          kind: sameAlgorithm ? 'encoding' : 'algorithm',
          title: `The sender signs with ${label}; ${schemeName(model)} expects ${expected}`,
          detail: sameAlgorithm
            ? `The signature is the right HMAC, written in ${encoding} instead of ${model.encoding}.`
            : `The signature is an HMAC-${ALG_NAME[algorithm]} of the signed content with the configured secret, not an HMAC-${ALG_NAME[model.algorithm]}.`,
          fix:
            model.scheme === 'hmac'
              ? `Set the generic HMAC's ${sameAlgorithm ? `encoding to ${encoding}` : `algorithm to ${algorithm}`} in Relay settings, or make the sender use ${expected}.`
              : `Make the sender sign with ${expected}, as ${schemeName(model)} does.`,
        };
      }
    }
  }
  return null;
}

function otherProviderCause(input: DiagnoseInput, model: SchemeModel, other: ProviderHeader, expectedMissing: boolean): DiagnosisCause {
  let verifiesThere = false;
  if (other.scheme) {
    const result = verifyRequest({ scheme: other.scheme, secret: input.config.secret, verifyOn: 'capture', forwardOnlyVerified: false, ...(input.config.toleranceSeconds ? { toleranceSeconds: input.config.toleranceSeconds } : {}) }, {
      headers: input.headers,
      body: input.body,
      nowMs: input.receivedMs,
    });
    verifiesThere = result.status === 'verified';
  }
  const switchTo = other.scheme ? `the ${other.scheme} scheme` : 'a generic HMAC matching it';
  return {
    kind: 'other-provider',
    title: `This request carries ${other.header} (${other.provider}), but the connector expects ${schemeName(model)}`,
    detail:
      (expectedMissing ? `There is no ${model.missing ?? model.header} header to check. ` : '') +
      `The request is signed the ${other.provider} way` +
      (other.scheme ? (verifiesThere ? ', and it verifies under that scheme with the secret configured here.' : '; under that scheme it does not verify with the secret configured here either.') : '.'),
    fix: verifiesThere
      ? `Switch the connector's verification to ${switchTo} in Relay settings.`
      : `Switch the connector's verification to ${switchTo} and paste ${other.provider}'s signing secret for this endpoint.`,
  };
}

function schemeName(model: SchemeModel): string {
  switch (model.scheme) {
    case 'standard-webhooks':
      return 'Standard Webhooks';
    case 'github':
      return 'GitHub';
    case 'stripe':
      return 'Stripe';
    case 'shopify':
      return 'Shopify';
    case 'slack':
      return 'Slack';
    case 'hmac':
      return 'the generic HMAC';
  }
}
