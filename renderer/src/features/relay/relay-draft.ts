import { connectorPatchSchema, type Connector, type ConnectorPatch } from '../../../../shared/schemas/connector';
import type { HmacAlgorithm } from '../../../../shared/signing/hmac';
import { DEFAULT_VERIFY_ON, type VerificationScheme, type VerifyOn } from '../../../../shared/schemas/verification';
import { issuesToFields } from '../../../../shared/validation';

/** The relay settings of one connector as the form edits them (text as typed). */
export interface RelayDraft {
  forwardUrl: string;
  /** Milliseconds as typed; '' for the default. */
  forwardTimeoutMs: string;
  /** '' when verification is off. */
  scheme: '' | VerificationScheme;
  /** A newly typed secret; '' keeps the stored one. */
  secret: string;
  /** Seconds as typed; '' for the default. */
  toleranceSeconds: string;
  algorithm: HmacAlgorithm;
  encoding: 'hex' | 'base64';
  header: string;
  prefix: string;
  signedPayload: string;
  timestampHeader: string;
  /** Which requests are checked: capture URL, push API, or both. */
  verifyOn: VerifyOn;
  /** Forward only requests that were checked and verified. */
  forwardOnlyVerified: boolean;
}

export const VERIFY_ON_LABELS: Record<VerifyOn, string> = {
  capture: 'Capture URL requests',
  push: 'Push API events',
  both: 'Both',
};

export const SCHEME_LABELS: Record<VerificationScheme, string> = {
  'standard-webhooks': 'Standard Webhooks (webhook-signature)',
  github: 'GitHub (X-Hub-Signature-256)',
  stripe: 'Stripe (Stripe-Signature)',
  shopify: 'Shopify (X-Shopify-Hmac-Sha256)',
  slack: 'Slack v0 (X-Slack-Signature)',
  hmac: 'Generic HMAC',
};

/** Short names for badges and facts. */
export const SCHEME_NAMES: Record<VerificationScheme, string> = {
  'standard-webhooks': 'Standard Webhooks',
  github: 'GitHub',
  stripe: 'Stripe',
  shopify: 'Shopify',
  slack: 'Slack v0',
  hmac: 'Generic HMAC',
};

/** Schemes that sign a timestamp, so a tolerance applies. */
const TIMESTAMP_SCHEMES: readonly VerificationScheme[] = ['standard-webhooks', 'stripe', 'slack'];

/** Whether the tolerance field means anything for this draft. */
export function usesTolerance(draft: Pick<RelayDraft, 'scheme' | 'signedPayload'>): boolean {
  if (draft.scheme === '') return false;
  if (draft.scheme === 'hmac') return draft.signedPayload.includes('{timestamp}');
  return TIMESTAMP_SCHEMES.includes(draft.scheme);
}

export const HMAC_DEFAULTS: { algorithm: HmacAlgorithm; encoding: 'hex' | 'base64'; header: string } = { algorithm: 'sha256', encoding: 'hex', header: 'X-Signature' };

export function draftFromConnector(c: Connector): RelayDraft {
  const v = c.verification;
  const hmac = v?.scheme === 'hmac' ? v : null;
  return {
    forwardUrl: c.forwardTo?.url ?? '',
    forwardTimeoutMs: c.forwardTo?.timeoutMs === undefined ? '' : String(c.forwardTo.timeoutMs),
    scheme: v?.scheme ?? '',
    secret: '',
    toleranceSeconds: v?.toleranceSeconds === undefined ? '' : String(v.toleranceSeconds),
    algorithm: hmac?.algorithm ?? HMAC_DEFAULTS.algorithm,
    encoding: hmac?.encoding ?? HMAC_DEFAULTS.encoding,
    header: hmac?.header ?? HMAC_DEFAULTS.header,
    prefix: hmac?.prefix ?? '',
    signedPayload: hmac?.signedPayload ?? '',
    timestampHeader: hmac?.timestampHeader ?? '',
    verifyOn: v?.verifyOn ?? DEFAULT_VERIFY_ON,
    forwardOnlyVerified: v?.forwardOnlyVerified ?? false,
  };
}

/** '' → undefined, else the number (NaN for junk, which the schema reports). */
function optionalNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

const optionalText = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/**
 * The `PATCH /connectors/:id` body for the relay settings. An untouched secret field sends the stored
 * (masked) secret back, which the engine reads as "keep the stored one".
 */
export function patchFromDraft(draft: RelayDraft, connector: Connector): Pick<ConnectorPatch, 'forwardTo' | 'verification'> {
  const url = draft.forwardUrl.trim();
  const timeoutMs = optionalNumber(draft.forwardTimeoutMs);
  const forwardTo = url === '' ? null : { url, ...(timeoutMs === undefined ? {} : { timeoutMs }) };
  if (draft.scheme === '') return { forwardTo, verification: null };
  const secret = draft.secret !== '' ? draft.secret : (connector.verification?.secret ?? '');
  const toleranceSeconds = usesTolerance(draft) ? optionalNumber(draft.toleranceSeconds) : undefined;
  const common = {
    secret,
    ...(toleranceSeconds === undefined ? {} : { toleranceSeconds }),
    verifyOn: draft.verifyOn,
    forwardOnlyVerified: draft.forwardOnlyVerified,
  };
  if (draft.scheme !== 'hmac') return { forwardTo, verification: { scheme: draft.scheme, ...common } };
  const prefix = draft.prefix === '' ? undefined : draft.prefix;
  const signedPayload = optionalText(draft.signedPayload);
  const timestampHeader = optionalText(draft.timestampHeader);
  return {
    forwardTo,
    verification: {
      scheme: 'hmac',
      ...common,
      algorithm: draft.algorithm,
      encoding: draft.encoding,
      header: draft.header.trim(),
      ...(prefix === undefined ? {} : { prefix }),
      ...(signedPayload === undefined ? {} : { signedPayload }),
      ...(timestampHeader === undefined ? {} : { timestampHeader }),
    },
  };
}

/** API / schema error paths → the draft field that shows them. */
const FIELD_OF_PATH: Record<string, keyof RelayDraft> = {
  forwardTo: 'forwardUrl',
  'forwardTo.url': 'forwardUrl',
  'forwardTo.timeoutMs': 'forwardTimeoutMs',
  verification: 'scheme',
  'verification.scheme': 'scheme',
  'verification.secret': 'secret',
  'verification.toleranceSeconds': 'toleranceSeconds',
  'verification.algorithm': 'algorithm',
  'verification.encoding': 'encoding',
  'verification.header': 'header',
  'verification.prefix': 'prefix',
  'verification.signedPayload': 'signedPayload',
  'verification.timestampHeader': 'timestampHeader',
  'verification.verifyOn': 'verifyOn',
  'verification.forwardOnlyVerified': 'forwardOnlyVerified',
};

export type RelayErrors = Partial<Record<keyof RelayDraft, string>> & { other?: string[] };

/** `fields` (from zod or from the engine's 400) placed on the draft's fields; the rest in `other`. */
export function placeFieldErrors(fields: Record<string, string>): RelayErrors {
  const placed: RelayErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const field = FIELD_OF_PATH[path];
    if (field && !placed[field]) placed[field] = message;
    else if (!field) (placed.other ??= []).push(`${path}: ${message}`);
  }
  return placed;
}

/** Checks the draft with the engine's own schema: the patch, or the errors by field. */
export function validateRelayDraft(draft: RelayDraft, connector: Connector): { patch: ConnectorPatch } | { errors: RelayErrors } {
  const patch = patchFromDraft(draft, connector);
  const result = connectorPatchSchema.safeParse(patch);
  if (result.success) return { patch: result.data };
  return { errors: placeFieldErrors(issuesToFields(result.error.issues)) };
}

/** Draft fields whose value differs from the saved state. */
export function changedFields(draft: RelayDraft, base: RelayDraft): (keyof RelayDraft)[] {
  return (Object.keys(draft) as (keyof RelayDraft)[]).filter((key) => draft[key] !== base[key]);
}
