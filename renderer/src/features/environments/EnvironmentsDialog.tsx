import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import { DialogActions } from '../../components/DialogActions';
import { Modal } from '../../components/Modal';
import { bodyOf, draftOf, newKey, type DraftEnvironment, type DraftVariable } from './environment-draft';
import { useEnvironmentsStore } from './environments-store';
import { errorText } from '../../../../shared/errors';

/**
 * Add, rename and remove environments and their variables. Stored values stay masked: "Change"
 * opens an empty field for a new value (seen while typed); an unchanged one keeps the stored value.
 */
export function EnvironmentsDialog({ onClose }: { onClose: () => void }) {
  const current = useEnvironmentsStore();
  const [drafts, setDrafts] = useState<DraftEnvironment[]>(() => draftOf(current));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const updateEnv = (key: string, change: (env: DraftEnvironment) => DraftEnvironment): void =>
    setDrafts((list) => list.map((env) => (env.key === key ? change(env) : env)));
  const updateVar = (envKey: string, varKey: string, change: Partial<DraftVariable>): void =>
    updateEnv(envKey, (env) => ({ ...env, variables: env.variables.map((v) => (v.key === varKey ? { ...v, ...change } : v)) }));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    try {
      await current.replace(bodyOf(drafts, current.active));
      onClose();
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fields : {});
      setFormError(errorText(error));
      setBusy(false);
    }
  };

  return (
    <Modal title="Environments" onClose={onClose} wide>
      <form onSubmit={(e) => void submit(e)} className="environments-editor">
        <p className="muted">
          Use a variable as <code>{'${NAME}'}</code> in a URL, header, auth field, template, forward URL or capture answer. It resolves from the
          active environment, then from Hookdesk&apos;s process environment; <code>{'$${'}</code> is a literal <code>{'${'}</code>. Values are
          stored in the workspace and shown masked.
        </p>
        {drafts.length === 0 && <p>No environments yet.</p>}
        {drafts.map((env) => {
          const label = env.name.trim() || 'new environment';
          return (
            <fieldset key={env.key} className="environment">
              <legend>{label}</legend>
              <label>
                <span>Environment name</span>
                <input value={env.name} onChange={(e) => updateEnv(env.key, (d) => ({ ...d, name: e.target.value }))} />
              </label>
              {errors[`environments.${env.name.trim()}`] && <span className="error">{errors[`environments.${env.name.trim()}`]}</span>}
              <table className="environment-variables">
                <caption className="sr-only">Variables of {label}</caption>
                <thead>
                  <tr>
                    <th scope="col">Variable</th>
                    <th scope="col">Value</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {env.variables.map((v) => {
                    const fieldError = errors[`environments.${env.name.trim()}.${v.name.trim()}`];
                    return (
                      <tr key={v.key}>
                        <td>
                          {v.stored ? (
                            <code>{v.name}</code>
                          ) : (
                            <input aria-label={`Variable name in ${label}`} value={v.name} onChange={(e) => updateVar(env.key, v.key, { name: e.target.value })} />
                          )}
                        </td>
                        <td>
                          {v.masked ? (
                            <span className="masked-value">
                              <span>
                                <span className="sr-only">Stored value, masked: </span>
                                {v.value || '(empty)'}
                              </span>{' '}
                              <button type="button" className="link" onClick={() => updateVar(env.key, v.key, { masked: false, value: '' })}>
                                Change {v.name}
                              </button>
                            </span>
                          ) : (
                            <input
                              aria-label={v.name.trim() ? `Value of ${v.name.trim()} in ${label}` : `Value in ${label}`}
                              value={v.value}
                              onChange={(e) => updateVar(env.key, v.key, { value: e.target.value })}
                              autoComplete="off"
                              spellCheck={false}
                            />
                          )}
                          {fieldError && <span className="error">{fieldError}</span>}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="link"
                            onClick={() => updateEnv(env.key, (d) => ({ ...d, variables: d.variables.filter((x) => x.key !== v.key) }))}
                          >
                            Remove {v.name.trim() || 'variable'}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <div className="row">
                <button
                  type="button"
                  onClick={() =>
                    updateEnv(env.key, (d) => ({ ...d, variables: [...d.variables, { key: newKey(), name: '', value: '', masked: false, stored: false }] }))
                  }
                >
                  Add variable to {label}
                </button>
                <button type="button" className="danger" onClick={() => setDrafts((list) => list.filter((d) => d.key !== env.key))}>
                  Remove environment {label}
                </button>
              </div>
            </fieldset>
          );
        })}
        <button type="button" onClick={() => setDrafts((list) => [...list, { key: newKey(), storedName: null, name: '', variables: [] }])}>
          Add environment
        </button>
        {formError && (
          <p role="alert" className="error">
            {formError}
          </p>
        )}
        <DialogActions onCancel={onClose} label="Save environments" busyLabel="Saving…" busy={busy} tone="primary" />
      </form>
    </Modal>
  );
}
