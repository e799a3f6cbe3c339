import { useState } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import { Modal } from '../../components/Modal';
import { api } from '../../api/client';
import { pickResources } from '../../../../shared/workspace/pick-resources';
import { useConnectorsStore } from '../../stores/connectors-store';
import { useWebhooksStore } from '../../stores/webhooks-store';
import { INTEROP_FORMATS, type ExportFormat } from './export-formats';
import { saveTextFile } from '../../lib/save-text-file';
import { saveWorkspaceFile } from './workspace-file-io';

type Secrets = 'env' | 'include';

/**
 * Export: choose the format, then save the file. The workspace file: choose the resources and how
 * secrets are written (with variables the file names each secret as `${HOOKDESK_...}` and the dialog
 * lists what to set where it runs; in clear, it says the file must be kept private). The event
 * catalogs (OpenAPI 3.1, AsyncAPI 3) and the Postman collection are saved as the engine writes them.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const [format, setFormat] = useState<ExportFormat>('workspace');
  const [secrets, setSecrets] = useState<Secrets>('env');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ savedAs: string; variables: string[] } | null>(null);
  const connectors = useConnectorsStore((s) => s.connectors);
  const webhooks = useWebhooksStore((s) => s.webhooks);
  // Names left out of the export; everything is in until unticked.
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string): void => {
    const next = new Set(leftOut);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setLeftOut(next);
  };

  const interop = INTEROP_FORMATS.find((f) => f.id === format) ?? null;
  const chooseFormat = (next: ExportFormat): void => {
    setFormat(next);
    setResult(null);
    setError(null);
  };

  const exportFile = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      if (interop) {
        const savedAs = await saveTextFile(interop.fileName, `${JSON.stringify(await interop.fetch(), null, 2)}\n`);
        if (savedAs !== null) setResult({ savedAs, variables: [] });
        return;
      }
      const whole = await api.exportWorkspace(secrets);
      const file = pickResources(whole, {
        connectors: new Set(whole.connectors.map((c) => c.name).filter((name) => !leftOut.has(`connector:${name}`))),
        webhooks: new Set(whole.webhooks.map((w) => w.name).filter((name) => !leftOut.has(`webhook:${name}`))),
      });
      const savedAs = await saveWorkspaceFile(`${JSON.stringify(file, null, 2)}\n`);
      if (savedAs !== null) setResult({ savedAs, variables: file.variables ?? [] });
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : 'The export failed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Export" onClose={onClose}>
      <fieldset>
        <legend>Format</legend>
        <label>
          <input type="radio" name="export-format" value="workspace" checked={format === 'workspace'} onChange={() => chooseFormat('workspace')} /> Workspace file
        </label>
        {INTEROP_FORMATS.map((f) => (
          <label key={f.id}>
            <input type="radio" name="export-format" value={f.id} checked={format === f.id} onChange={() => chooseFormat(f.id)} /> {f.label}
          </label>
        ))}
      </fieldset>
      {interop ? (
        <p className="muted">
          {interop.hint} Secrets, credentials and webhook URLs are never written. Saved as <code>{interop.fileName}</code>.
        </p>
      ) : (
        <>
          <p className="muted">Connectors, webhooks and environments as one JSON file to commit and apply elsewhere. Events and deliveries stay here.</p>
          {(connectors.length > 0 || webhooks.length > 0) && (
            <fieldset className="export-pick">
              <legend>Resources</legend>
              {connectors.map((c) => (
                <label key={`c-${c.id}`}>
                  <input type="checkbox" checked={!leftOut.has(`connector:${c.name}`)} onChange={() => toggle(`connector:${c.name}`)} /> Connector {c.name}
                </label>
              ))}
              {webhooks.map((w) => (
                <label key={`w-${w.id}`}>
                  <input type="checkbox" checked={!leftOut.has(`webhook:${w.name}`)} onChange={() => toggle(`webhook:${w.name}`)} /> Webhook {w.name}
                </label>
              ))}
            </fieldset>
          )}
          <fieldset>
            <legend>Secrets</legend>
            <label>
              <input type="radio" name="secrets" value="env" checked={secrets === 'env'} onChange={() => setSecrets('env')} /> As variables (<code>{'${HOOKDESK_…}'}</code>): safe to commit
            </label>
            <label>
              <input type="radio" name="secrets" value="include" checked={secrets === 'include'} onChange={() => setSecrets('include')} /> In clear: keep the file private
            </label>
          </fieldset>
          {secrets === 'include' && <p role="note">The file will hold webhook secrets and credentials in clear. Do not commit it.</p>}
        </>
      )}
      {error && <p role="alert">{error}</p>}
      {result && (
        <section aria-label="Export result">
          <p role="status">Saved as {result.savedAs}.</p>
          {result.variables.length > 0 && (
            <>
              <p>Set these variables where the file is applied (connector keys cannot be exported: without one, apply makes a new key and shows it once):</p>
              <ul aria-label="Variables to set">
                {result.variables.map((name) => (
                  <li key={name}>
                    <code>{name}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {result ? 'Close' : 'Cancel'}
        </button>
        <button type="button" className="primary" onClick={() => void exportFile()} disabled={busy}>
          {busy ? 'Exporting…' : 'Export and save'}
        </button>
      </div>
    </Modal>
  );
}
