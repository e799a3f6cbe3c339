import { useId } from 'react';
import type { Connector } from '../../../../shared/schemas/connector';
import { CopyButton } from '../../components/CopyButton';
import { useDialogsStore } from '../../stores/dialogs-store';

function UrlField({ label, value, hint }: { label: string; value: string; hint: string }) {
  const id = useId();
  return (
    <div className="url-field">
      <label htmlFor={id}>{label}</label>
      <div className="with-copy">
        <input id={id} value={value} readOnly spellCheck={false} className="mono" aria-describedby={`${id}-hint`} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={value} what={label} />
      </div>
      <p id={`${id}-hint`} className="muted small">
        {hint}
      </p>
    </div>
  );
}

/**
 * Where senders send to, always on the connector page with Copy buttons: the push URL (the API key
 * goes in a header; it was shown once) and the capture URL (its token is the credential, kept
 * readable). A connector made before capture tokens were kept has none to show until a key reset.
 */
export function ConnectorUrls({ connector }: { connector: Connector }) {
  const openDialog = useDialogsStore((s) => s.open);
  return (
    <section className="connector-urls" aria-label="Connector URLs">
      <UrlField label="Push URL" value={connector.pushUrl} hint="POST JSON here with the API key in the API_KEY header (the key was shown once, when the connector was created or its key reset)." />
      {connector.captureUrl !== null ? (
        <UrlField label="Capture URL" value={connector.captureUrl} hint="Any sender, any method and sub-path: no header needed. Keep it private: the URL itself is the key." />
      ) : (
        <p className="muted small">
          The capture URL of this connector was made by an earlier version of Hookdesk, which did not keep it readable.{' '}
          <button type="button" className="link" onClick={() => openDialog({ kind: 'reset-key', connectorId: connector.id })}>
            Reset the key
          </button>{' '}
          to get a capture URL that stays shown here.
        </p>
      )}
    </section>
  );
}
