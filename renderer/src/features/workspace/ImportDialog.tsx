import { useState, type ChangeEvent } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import { planIsEmpty, type WorkspacePlan } from '../../../../shared/workspace/workspace-plan';
import { Modal } from '../../components/Modal';
import { api } from '../../api/client';
import { PlanTable } from './PlanTable';
import { parseWorkspaceText } from './workspace-file-io';

type Step = { at: 'pick' } | { at: 'review'; name: string; file: unknown; plan: WorkspacePlan } | { at: 'done'; plan: WorkspacePlan };

function describe(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = Object.entries(error.fields).slice(0, 5).map(([path, problem]) => `${path}: ${problem}`);
    return fields.length > 0 ? `${error.message} ${fields.join('; ')}` : error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/**
 * Import: pick a workspace file, review its plan (what would be created, updated, deleted), then
 * apply it. Nothing changes before Apply; a file with errors shows them and changes nothing.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<Step>({ at: 'pick' });
  const [prune, setPrune] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const review = async (name: string, text: string, withPrune = prune): Promise<void> => {
    setError(null);
    const parsed = parseWorkspaceText(text);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setBusy(true);
    try {
      setStep({ at: 'review', name, file: parsed.value, plan: await api.planWorkspace(parsed.value, { prune: withPrune }) });
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };

  const fromInput = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const picked = event.target.files?.[0];
    if (picked) await review(picked.name, await picked.text());
  };

  const fromNativeDialog = async (): Promise<void> => {
    const opened = await window.hookdesk?.openFile();
    if (opened) await review(opened.name, opened.content);
  };

  const changePrune = async (next: boolean): Promise<void> => {
    setPrune(next);
    if (step.at !== 'review') return;
    setBusy(true);
    try {
      setStep({ ...step, plan: await api.planWorkspace(step.file, { prune: next }) });
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async (): Promise<void> => {
    if (step.at !== 'review') return;
    setBusy(true);
    setError(null);
    try {
      setStep({ at: 'done', plan: await api.applyWorkspace(step.file, { prune }) });
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Import workspace" onClose={onClose} wide>
      {step.at !== 'done' && (
        <div className="import-pick">
          {window.hookdesk ? (
            <button type="button" onClick={() => void fromNativeDialog()} disabled={busy}>
              Open workspace file…
            </button>
          ) : (
            <label>
              Workspace file <input type="file" accept=".json,application/json" onChange={(e) => void fromInput(e)} disabled={busy} />
            </label>
          )}
          <label>
            <input type="checkbox" checked={prune} onChange={(e) => void changePrune(e.target.checked)} disabled={busy} /> Delete connectors and webhooks the file does not name
          </label>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      {step.at === 'review' && <PlanTable plan={step.plan} caption={`Plan for ${step.name}`} />}
      {step.at === 'review' && planIsEmpty(step.plan) && <p role="status">Nothing would change: the workspace already matches the file.</p>}
      {step.at === 'done' && (
        <>
          <p role="status">Applied.</p>
          <PlanTable plan={step.plan} caption="Applied changes" />
          {step.plan.generatedKeys && step.plan.generatedKeys.length > 0 && (
            <section aria-label="New connector keys">
              <p>These connectors got new push keys (their variables were not set). Copy them now: they are not shown again.</p>
              <ul>
                {step.plan.generatedKeys.map((key) => (
                  <li key={key.connector}>
                    {key.connector}: <code>{key.apiKey}</code>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {step.at === 'done' ? 'Close' : 'Cancel'}
        </button>
        {step.at === 'review' && (
          <button type="button" className="primary" onClick={() => void apply()} disabled={busy || planIsEmpty(step.plan)}>
            {busy ? 'Applying…' : 'Apply'}
          </button>
        )}
      </div>
    </Modal>
  );
}
