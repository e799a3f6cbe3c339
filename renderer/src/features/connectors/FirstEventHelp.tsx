import type { Connector } from '../../../../shared/schemas/connector';
import { CopyButton } from '../../components/CopyButton';
import { useDialogsStore } from '../../stores/dialogs-store';
import { API_KEY_PLACEHOLDER, captureCurl, captureUrlPlaceholder, pushCurl } from './curl';

/**
 * The empty state of a connector page: how to send the first event. The key was shown only once
 * (at create or reset), so the push command carries a placeholder for it, and says so; the capture
 * command has the real capture URL (a placeholder only for a connector whose token was not kept).
 */
export function FirstEventHelp({ connector }: { connector: Connector }) {
  const openDialog = useDialogsStore((s) => s.open);
  const push = pushCurl(connector.pushUrl, API_KEY_PLACEHOLDER);
  const capture = captureCurl(connector.captureUrl ?? captureUrlPlaceholder());
  return (
    <section className="empty first-event" aria-labelledby="first-event-title">
      <h3 id="first-event-title">Send your first event</h3>
      <p>
        Push JSON with the connector&apos;s API key in the <code>API_KEY</code> header. It appears here at once, newest first.
      </p>
      <pre aria-label="curl command for the push API" tabIndex={0}>{push}</pre>
      <CopyButton text={push} what="push curl command" />
      <p>Or send anything (any method, content type and sub-path) to the capture URL; it needs no header:</p>
      <pre aria-label="curl command for the capture URL" tabIndex={0}>{capture}</pre>
      <CopyButton text={capture} what="capture curl command" />
      <p className="muted">
        Replace <code>{API_KEY_PLACEHOLDER}</code>
        {connector.captureUrl === null && (
          <>
            {' '}
            and <code>&lt;CAPTURE_TOKEN&gt;</code>
          </>
        )}{' '}
        with what was shown when &ldquo;{connector.name}&rdquo; was created. Hookdesk does not keep the key readable; lost it?{' '}
        <button type="button" className="link" onClick={() => openDialog({ kind: 'reset-key', connectorId: connector.id })}>
          Reset the key
        </button>{' '}
        to get a new one.
      </p>
    </section>
  );
}
