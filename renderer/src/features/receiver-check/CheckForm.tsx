import { useState } from 'react';
import { RECEIVER_CHECK_PROFILES, type ReceiverCheckProfileName } from '../../../../shared/schemas/receiver-check';
import { senderProfile } from '../../../../shared/receiver-check/profiles';
import { CopyButton } from '../../components/CopyButton';
import { Field } from '../../components/Field';
import type { CheckDraft } from './check-form';
import { formatDuration } from '../../../../shared/receiver-check/retry-timeline';
import { DOWN_FOR_HINT } from './down-for';
import { SourceLink } from './SourceLink';

interface Props {
  draft: CheckDraft;
  errors: Record<string, string>;
  running: boolean;
  onChange(patch: Partial<CheckDraft>): void;
  onRun(): void;
}

/** "Stripe: waits 10 s" — the option text names the sender and its timeout. */
function profileOption(name: ReceiverCheckProfileName): string {
  const profile = senderProfile(name);
  return `${profile.label}: waits ${formatDuration(profile.timeoutMs)}`;
}

/**
 * Receiver URL, sender profile (with its timeout and where it is documented), the receiver's secret
 * (hidden unless shown; generated in the profile's form or pasted) and how long the receiver is down
 * for the retry timeline; Run check (or Ctrl/Cmd+Enter anywhere on the page).
 */
export function CheckForm({ draft, errors, running, onChange, onRun }: Props) {
  const [showSecret, setShowSecret] = useState(false);
  const [pasteProblem, setPasteProblem] = useState<string | null>(null);
  const profile = senderProfile(draft.profile);
  const paste = (): void => {
    setPasteProblem(null);
    if (!navigator.clipboard?.readText) {
      setPasteProblem('This browser does not let the page read the clipboard: paste into the field with Ctrl/Cmd+V.');
      return;
    }
    navigator.clipboard.readText().then(
      (text) => onChange({ secret: text.trim() }),
      () => setPasteProblem('The clipboard could not be read: paste into the field with Ctrl/Cmd+V.'),
    );
  };
  const secretHint = `What your receiver verifies ${profile.label} signatures with. Sent with the check only: never stored, never shown in the results.`;
  return (
    <form
      className="rc-form"
      aria-label="Check a receiver"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onRun();
      }}
    >
      <Field label="Receiver URL" error={errors.url} hint="Where your receiver listens, e.g. http://127.0.0.1:3000/webhooks">
        <input value={draft.url} onChange={(e) => onChange({ url: e.target.value })} inputMode="url" autoComplete="url" spellCheck={false} className="mono" />
      </Field>
      <div className="rc-form-row">
        <Field label="Sender profile" error={errors.profile}>
          <select value={draft.profile} onChange={(e) => onChange({ profile: e.target.value as ReceiverCheckProfileName })}>
            {RECEIVER_CHECK_PROFILES.map((name) => (
              <option key={name} value={name}>
                {profileOption(name)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Down for" error={errors.downForSeconds} hint={DOWN_FOR_HINT}>
          <input value={draft.downFor} onChange={(e) => onChange({ downFor: e.target.value })} spellCheck={false} autoComplete="off" />
        </Field>
      </div>
      <p className="muted small rc-timeout">
        {profile.label} waits {formatDuration(profile.timeoutMs)} for an answer
        {profile.timeoutNote ? ' (Hookdesk\'s choice: the sender publishes no exact number)' : ''}
        {profile.toleranceSeconds !== null ? `; signed timestamps may be ${formatDuration(profile.toleranceSeconds * 1000)} off` : '; it signs no timestamp'}.{' '}
        <SourceLink url={profile.timeoutSourceUrl} what={`${profile.label} timeout`} />
      </p>
      <Field label="Secret" error={errors.secret ?? pasteProblem ?? undefined} hint={secretHint}>
        <input
          type={showSecret ? 'text' : 'password'}
          value={draft.secret}
          onChange={(e) => onChange({ secret: e.target.value })}
          autoComplete="off"
          spellCheck={false}
          className="mono"
          placeholder={draft.profile === 'standard-webhooks' ? 'whsec_…' : ''}
        />
      </Field>
      <div className="actions rc-secret-actions">
        <button type="button" onClick={() => onChange({ secret: profile.otherSecret() })}>
          Generate secret
        </button>
        <button type="button" onClick={paste}>
          Paste secret
        </button>
        <button type="button" aria-pressed={showSecret} onClick={() => setShowSecret((v) => !v)}>
          Show secret
        </button>
        {draft.secret !== '' && <CopyButton text={draft.secret} what="secret" />}
      </div>
      <div className="rc-run">
        <button type="submit" className="primary" disabled={running} aria-keyshortcuts="Control+Enter Meta+Enter" title="Ctrl/Cmd+Enter">
          {running ? 'Checking…' : 'Run check'}
        </button>
        <small className="muted">Ctrl/Cmd+Enter</small>
      </div>
    </form>
  );
}
