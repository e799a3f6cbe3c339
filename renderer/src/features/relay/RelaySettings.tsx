import { useId, type FormEvent } from 'react';
import { DEFAULT_FORWARD_TIMEOUT_MS, type Connector } from '../../../../shared/schemas/connector';
import { HMAC_ALGORITHMS } from '../../../../shared/signing/hmac';
import { DEFAULT_TOLERANCE_SECONDS } from '../../../../shared/signing/verify/verification-result';
import { VERIFICATION_SCHEMES, VERIFY_ON, type VerificationScheme, type VerifyOn } from '../../../../shared/schemas/verification';
import { Field } from '../../components/Field';
import { SCHEME_LABELS, usesTolerance, VERIFY_ON_LABELS } from './relay-draft';
import { useRelayDraft, type RelayDraftApi } from './use-relay-draft';
import { SaveState } from '../../components/SaveState';

const SCHEME_HINTS: Record<VerificationScheme, string> = {
  'standard-webhooks': 'Checks webhook-id, webhook-timestamp and webhook-signature (v1, HMAC-SHA256). The secret is the whsec_… value.',
  github: 'Checks X-Hub-Signature-256: HMAC-SHA256 of the raw body with the webhook secret set on GitHub.',
  stripe: 'Checks Stripe-Signature (t=…, v1=…) with the endpoint signing secret (whsec_…) and the timestamp tolerance.',
  shopify: 'Checks X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body with the app secret.',
  slack: 'Checks X-Slack-Signature (v0=…) over v0:timestamp:body with the signing secret, and X-Slack-Request-Timestamp.',
  hmac: 'A custom sender: say which HMAC, where the signature is, and what is signed.',
};

function ForwardFields({ d }: { d: RelayDraftApi }) {
  const { draft, errors, change } = d;
  return (
    <fieldset>
      <legend>Forward</legend>
      <Field
        label="Forward to URL"
        error={errors.forwardUrl}
        hint="Every request this connector receives is sent on to this URL: method, sub-path, query, headers and body bytes unchanged. Empty: no forwarding."
      >
        <input type="url" value={draft.forwardUrl} onChange={(e) => change('forwardUrl', e.target.value)} placeholder="http://127.0.0.1:3000/webhooks" spellCheck={false} autoComplete="off" />
      </Field>
      <Field label="Forward timeout (ms)" error={errors.forwardTimeoutMs} hint={`100 to 120000; empty: ${DEFAULT_FORWARD_TIMEOUT_MS}. Senders get the connector's answer at once either way.`}>
        <input type="number" min={100} max={120000} step={100} value={draft.forwardTimeoutMs} onChange={(e) => change('forwardTimeoutMs', e.target.value)} placeholder={String(DEFAULT_FORWARD_TIMEOUT_MS)} />
      </Field>
    </fieldset>
  );
}

function HmacFields({ d }: { d: RelayDraftApi }) {
  const { draft, errors, change } = d;
  return (
    <>
      <div className="field-row">
        <Field label="Algorithm" error={errors.algorithm}>
          <select value={draft.algorithm} onChange={(e) => change('algorithm', e.target.value as (typeof HMAC_ALGORITHMS)[number])}>
            {HMAC_ALGORITHMS.map((a) => (
              <option key={a} value={a}>
                {`HMAC-${a.toUpperCase()}`}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Encoding" error={errors.encoding}>
          <select value={draft.encoding} onChange={(e) => change('encoding', e.target.value as 'hex' | 'base64')}>
            <option value="hex">hex</option>
            <option value="base64">base64</option>
          </select>
        </Field>
      </div>
      <div className="field-row">
        <Field label="Signature header" error={errors.header} hint="The header that carries the signature.">
          <input value={draft.header} onChange={(e) => change('header', e.target.value)} placeholder="X-Signature" spellCheck={false} autoComplete="off" />
        </Field>
        <Field label="Prefix" error={errors.prefix} hint="Text before the signature, e.g. sha256= (optional).">
          <input value={draft.prefix} onChange={(e) => change('prefix', e.target.value)} placeholder="sha256=" spellCheck={false} autoComplete="off" />
        </Field>
      </div>
      <div className="field-row">
        <Field label="Signed payload" error={errors.signedPayload} hint="What is signed: {body} is the raw body, {timestamp} the timestamp header's value. Empty: {body}.">
          <input value={draft.signedPayload} onChange={(e) => change('signedPayload', e.target.value)} placeholder="{timestamp}.{body}" spellCheck={false} autoComplete="off" />
        </Field>
        <Field label="Timestamp header" error={errors.timestampHeader} hint="Needed when the signed payload uses {timestamp}.">
          <input value={draft.timestampHeader} onChange={(e) => change('timestampHeader', e.target.value)} placeholder="X-Timestamp" spellCheck={false} autoComplete="off" />
        </Field>
      </div>
    </>
  );
}

const VERIFY_ON_HINTS: Record<VerifyOn, string> = {
  capture: 'Requests to the capture URL are checked. Push API events are already authenticated by the API key and are not.',
  push: 'Push API events are checked (for a pusher that also signs); capture URL requests are not.',
  both: 'Capture URL requests and push API events are both checked.',
};

/** Where the check applies, and whether a request that fails it still reaches the forward URL. */
function VerificationScope({ d }: { d: RelayDraftApi }) {
  const { draft, errors, change } = d;
  const forwards = draft.forwardUrl.trim() !== '';
  const hintId = useId();
  return (
    <>
      <Field label="Verify requests from" error={errors.verifyOn} hint={VERIFY_ON_HINTS[draft.verifyOn]}>
        <select value={draft.verifyOn} onChange={(e) => change('verifyOn', e.target.value as VerifyOn)}>
          {VERIFY_ON.map((on) => (
            <option key={on} value={on}>
              {VERIFY_ON_LABELS[on]}
            </option>
          ))}
        </select>
      </Field>
      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={draft.forwardOnlyVerified}
            onChange={(e) => change('forwardOnlyVerified', e.target.checked)}
            aria-describedby={hintId}
          />{' '}
          Forward only verified requests
        </label>
        <small id={hintId} className="muted">
          {forwards
            ? 'A checked request whose signature fails is stored but not forwarded; its event says "Not forwarded: signature failed". Requests that are not checked are forwarded.'
            : 'Applies once a forward URL is set: a checked request whose signature fails is then stored but not forwarded.'}
        </small>
        {errors.forwardOnlyVerified && <small className="error field-error">{errors.forwardOnlyVerified}</small>}
      </div>
    </>
  );
}

function VerificationFields({ d, storedSecret }: { d: RelayDraftApi; storedSecret: string | null }) {
  const { draft, errors, change } = d;
  const secretHint = storedSecret
    ? `A secret is stored (${storedSecret}). Leave this empty to keep it; type a new one to replace it.`
    : 'The secret the sender signs with. It is stored and only shown masked after saving.';
  return (
    <fieldset>
      <legend>Signature verification</legend>
      <Field label="Scheme" error={errors.scheme} hint={draft.scheme ? SCHEME_HINTS[draft.scheme] : 'Off: events are stored without checking signatures.'}>
        <select value={draft.scheme} onChange={(e) => change('scheme', e.target.value as RelayDraftApi['draft']['scheme'])}>
          <option value="">Off (no verification)</option>
          {VERIFICATION_SCHEMES.map((s) => (
            <option key={s} value={s}>
              {SCHEME_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      {draft.scheme && (
        <>
          <Field label="Secret" error={errors.secret} hint={secretHint}>
            <input
              value={draft.secret}
              onChange={(e) => change('secret', e.target.value)}
              placeholder={storedSecret ?? 'the signing secret'}
              autoComplete="off"
              spellCheck={false}
              className="mono"
            />
          </Field>
          {usesTolerance(draft) && (
            <Field label="Tolerance (seconds)" error={errors.toleranceSeconds} hint={`How far the signed timestamp may be from the time of receipt. Empty: ${DEFAULT_TOLERANCE_SECONDS}.`}>
              <input type="number" min={1} max={604800} value={draft.toleranceSeconds} onChange={(e) => change('toleranceSeconds', e.target.value)} placeholder={String(DEFAULT_TOLERANCE_SECONDS)} />
            </Field>
          )}
          {draft.scheme === 'hmac' && <HmacFields d={d} />}
          <VerificationScope d={d} />
        </>
      )}
    </fieldset>
  );
}

/** The connector's relay settings: where requests are forwarded, and how their signatures are checked. */
export function RelaySettings({ connector }: { connector: Connector }) {
  const d = useRelayDraft(connector);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void d.save();
  };
  return (
    <form className="form relay-settings" aria-label="Relay settings" onSubmit={submit} noValidate>
      <ForwardFields d={d} />
      <VerificationFields d={d} storedSecret={connector.verification?.secret ?? null} />
      <div className="save-bar">
        {d.formError && (
          <p role="alert" className="error">
            {d.formError}
          </p>
        )}
        {d.errors.other && (
          <ul className="error" aria-label="Other problems">
            {d.errors.other.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        <SaveState saving={d.saving} dirty={d.dirty} savedMessage={d.savedMessage} onDiscard={d.discard} />
      </div>
    </form>
  );
}
