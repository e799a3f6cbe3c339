import { issuesToFields } from '../../../../shared/validation';
import { receiverCheckRequestSchema, type ReceiverCheckProfileName, type ReceiverCheckRequest } from '../../../../shared/schemas/receiver-check';
import { parseDownFor } from './down-for';

/** The form as typed (the secret stays on the page: it is sent with the request, never stored in the run). */
export interface CheckDraft {
  url: string;
  profile: ReceiverCheckProfileName;
  secret: string;
  downFor: string;
}

export const EMPTY_DRAFT: CheckDraft = { url: '', profile: 'standard-webhooks', secret: '', downFor: '1 h' };

/** The request's field keys (the engine's `fields` use the same) as the form's labels, for sentences. */
export const CHECK_FIELD_LABELS: Record<string, string> = {
  url: 'Receiver URL',
  profile: 'Sender profile',
  secret: 'Secret',
  downForSeconds: 'Down for',
};

/**
 * The draft as a `POST /api/v1/receiver-checks` body, checked with the engine's own schema; or the
 * problems by field key (`url`, `secret`, `downForSeconds`, ...), the keys the engine answers with.
 */
export function checkRequest(draft: CheckDraft): { request: ReceiverCheckRequest } | { fields: Record<string, string> } {
  const down = parseDownFor(draft.downFor);
  const result = receiverCheckRequestSchema.safeParse({
    url: draft.url.trim(),
    profile: draft.profile,
    secret: draft.secret,
    ...('seconds' in down ? { downForSeconds: down.seconds } : {}),
  });
  const fields = result.success ? {} : asSentences(issuesToFields(result.error.issues));
  if ('error' in down) fields.downForSeconds = down.error;
  if (draft.url.trim() === '') fields.url = 'Type the URL your receiver listens on, e.g. http://127.0.0.1:3000/webhooks.';
  if (draft.secret === '') fields.secret = 'Type, paste or generate the secret your receiver verifies with.';
  if (result.success && Object.keys(fields).length === 0) return { request: result.data };
  return { fields };
}

/** The schema's messages ("must be an http or https URL") as sentences naming the field. */
export function asSentences(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, message]) => [key, message.startsWith('must') ? `${CHECK_FIELD_LABELS[key] ?? key} ${message}.` : message]),
  );
}
