import { SIGNATURE_KINDS } from '../../../../shared/schemas/webhook';
import { generateSecretFor } from '../../../../shared/signing/secret';
import { CopyButton } from '../../components/CopyButton';
import { Field } from '../../components/Field';
import type { DraftApi } from './use-webhook-draft';

const SIGNATURE_LABELS: Record<(typeof SIGNATURE_KINDS)[number], string> = {
  'hmac-sha1': 'HMAC-SHA1 (X-Hookdesk-Signature)',
  'standard-webhooks': 'Standard Webhooks (webhook-signature)',
};

const SIGNED_HEADER: Record<(typeof SIGNATURE_KINDS)[number], string> = {
  'hmac-sha1': 'X-Hookdesk-Signature',
  'standard-webhooks': 'webhook-signature',
};

/** What the secret field means right now: it follows what is typed, generated, stored or removed. */
function secretHint(value: string, remove: boolean, storedSecret: string | null, signature: (typeof SIGNATURE_KINDS)[number]): string {
  if (remove) return 'The secret will be removed when you save: requests then go out unsigned.';
  if (value !== '') {
    return `This new secret signs requests (${SIGNED_HEADER[signature]}) once you save; Send test uses it already.${storedSecret ? ` It replaces the stored one (${storedSecret}).` : ''}`;
  }
  if (storedSecret) return `A secret is stored (${storedSecret}). Leave this empty to keep it; type or generate one to replace it.`;
  return 'No secret: requests go out unsigned. Type or generate one to sign them.';
}

/** The signing secret (write-only: typed or generated, never read back) and the signature scheme. */
export function SigningSection({ d, storedSecret }: { d: DraftApi; storedSecret: string | null }) {
  const { draft, errors, change } = d;
  const { value, remove } = draft.secret;
  const hint = secretHint(value, remove, storedSecret, draft.signature);
  return (
    <fieldset>
      <legend>Signing</legend>
      <Field label="Signature" error={errors.signature}>
        <select value={draft.signature} onChange={(e) => change('signature', e.target.value as (typeof SIGNATURE_KINDS)[number])}>
          {SIGNATURE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {SIGNATURE_LABELS[kind]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="New secret" error={errors.secret} hint={hint}>
        <input
          value={value}
          placeholder={storedSecret && !remove ? storedSecret : draft.signature === 'standard-webhooks' ? 'whsec_…' : ''}
          onChange={(e) => change('secret', { value: e.target.value, remove: false })}
          autoComplete="off"
          spellCheck={false}
          className="mono"
        />
      </Field>
      <div className="actions">
        <button type="button" onClick={() => change('secret', { value: generateSecretFor(draft.signature), remove: false })}>
          Generate secret
        </button>
        {storedSecret && !remove && (
          <button type="button" onClick={() => change('secret', { value: '', remove: true })}>
            Remove secret
          </button>
        )}
        {value !== '' && <CopyButton text={value} what="new secret" />}
        {(value !== '' || remove) && (
          <button type="button" onClick={() => change('secret', { value: '', remove: false })}>
            {storedSecret ? 'Keep the stored secret' : 'Clear the new secret'}
          </button>
        )}
      </div>
      {value !== '' && <p className="muted small">Copy this secret into your receiver now: it is shown only until you save.</p>}
    </fieldset>
  );
}
