import { AUTH_TYPES, type WebhookAuthType } from '../../../../shared/schemas/webhook-auth';
import { isMasked } from '../../../../shared/schemas/webhook';
import { Field } from '../../components/Field';
import type { DraftApi } from './use-webhook-draft';
import type { AuthDraft } from './webhook-draft';

const TYPE_LABELS: Record<WebhookAuthType, string> = {
  none: 'None',
  basic: 'Basic (username and password)',
  bearer: 'Bearer token',
  apiKey: 'API key in a header',
  oauth2: 'OAuth 2 client credentials',
};

type TextKey = Exclude<keyof AuthDraft, 'type'>;

const FIELDS: Record<WebhookAuthType, { key: TextKey; label: string; secret?: boolean; hint?: string }[]> = {
  none: [],
  basic: [
    { key: 'username', label: 'Username' },
    { key: 'password', label: 'Password', secret: true },
  ],
  bearer: [{ key: 'token', label: 'Token', secret: true }],
  apiKey: [
    { key: 'header', label: 'Header name' },
    { key: 'value', label: 'Key value', secret: true },
  ],
  oauth2: [
    { key: 'tokenUrl', label: 'Token URL' },
    { key: 'clientId', label: 'Client id' },
    { key: 'clientSecret', label: 'Client secret', secret: true },
    { key: 'scopes', label: 'Scopes', hint: 'Separated by spaces' },
  ],
};

/** How the target authenticates us: the fields of the chosen type; masked values are sent back as they are (kept). */
export function AuthSection({ d }: { d: DraftApi }) {
  const { draft, errors, change } = d;
  const auth = draft.auth;
  const set = (key: TextKey, value: string): void => change('auth', { ...auth, [key]: value });
  return (
    <fieldset>
      <legend>Auth</legend>
      <Field label="Auth type" error={errors['auth.type'] ?? errors.auth}>
        <select value={auth.type} onChange={(e) => change('auth', { ...auth, type: e.target.value as WebhookAuthType })}>
          {AUTH_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </Field>
      {FIELDS[auth.type].map((f) => (
        <Field
          key={f.key}
          label={f.label}
          error={errors[`auth.${f.key}`]}
          hint={f.secret && isMasked(auth[f.key]) ? 'Stored value (masked): kept unless you replace it.' : f.hint}
        >
          <input
            type={f.secret && !isMasked(auth[f.key]) ? 'password' : 'text'}
            value={auth[f.key]}
            onChange={(e) => set(f.key, e.target.value)}
            onFocus={(e) => f.secret && isMasked(auth[f.key]) && e.target.select()}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
      ))}
    </fieldset>
  );
}
