import type { ConnectorSecrets } from '../../../../shared/schemas/connector';
import { CopyButton } from '../../components/CopyButton';
import { Modal } from '../../components/Modal';
import { pushCurl } from './curl';

function SecretField({ label, value }: { label: string; value: string }) {
  const id = `secret-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <div className="secret-field">
      <label htmlFor={id}>{label}</label>
      <div className="with-copy">
        <input id={id} value={value} readOnly spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={value} what={label} />
      </div>
    </div>
  );
}

/** The key and URLs of a connector, shown once (after create or reset), with copy buttons and a curl command. */
export function SecretsReveal({ secrets }: { secrets: ConnectorSecrets }) {
  const curl = pushCurl(secrets.pushUrl, secrets.apiKey);
  return (
    <div className="secrets">
      <p className="notice" role="note">
        Copy the API key now: Hookdesk shows it only this once and does not keep it in a readable form (if you lose it, reset
        the key). The push and capture URLs stay on the connector&apos;s page.
      </p>
      <SecretField label="API key" value={secrets.apiKey} />
      <SecretField label="Push URL" value={secrets.pushUrl} />
      <SecretField label="Capture URL" value={secrets.captureUrl} />
      <div className="secret-field">
        <label htmlFor="secret-curl">Send a sample event with curl</label>
        <textarea id="secret-curl" className="code" value={curl} readOnly rows={4} spellCheck={false} />
        <div>
          <CopyButton text={curl} what="curl command" />
        </div>
      </div>
    </div>
  );
}

/** The dialog that shows a connector's key and URLs once (after create or reset), with a Done button. */
export function SecretsRevealDialog({ title, secrets, onClose }: { title: string; secrets: ConnectorSecrets; onClose: () => void }) {
  return (
    <Modal title={title} onClose={onClose} wide>
      <SecretsReveal secrets={secrets} />
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Done
        </button>
      </div>
    </Modal>
  );
}
